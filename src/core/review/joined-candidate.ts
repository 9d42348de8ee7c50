// A candidate closed because it turned out to tell the story of an earlier one still waiting: a
// feed revised a report of one of them, and the two became alike. Its reports joined the earlier
// candidate; it is recorded as rejected by Sitrep with a reason naming that candidate, which its
// card and views read back to say so.
import type { Candidate } from './candidate.js';

/** Who closed it, as its decision records it. */
export const JOINED_BY = 'Sitrep';

const REASON = /^same story as candidate #(\d+), joined when a report of it was revised$/;

/** The reason recorded on a candidate whose reports joined candidate #`target`. */
export const joinedReason = (target: number) => `same story as candidate #${target}, joined when a report of it was revised`;

/** joinedReason for any candidate, as an SQL GLOB pattern. */
export const JOINED_REASON_GLOB = joinedReason(0).replace('#0', '#*');

/** The candidate whose story this one joined, if it was closed so. */
export function joinedTo(candidate: Pick<Candidate, 'status' | 'decision'>): number | undefined {
  const { decision } = candidate;
  if (candidate.status !== 'rejected' || decision?.by !== JOINED_BY || decision.reason === undefined) return undefined;
  const match = REASON.exec(decision.reason);
  return match ? Number(match[1]) : undefined;
}
