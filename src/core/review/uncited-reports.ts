// Reports of an approved candidate's story that its entry does not cite: they joined the story
// after the decision (an admin approves every entry, so nothing cites them on its own). The card
// and the check that found one say so, with the command that adds them to the entry.
import { canonicalLink } from '../sources/item-key.js';
import type { Candidate, StoryReport } from './candidate.js';

/** The oldest live entry citing one of these links (ReviewStore.citing). */
export type CitingLookup = (links: readonly string[]) => number | undefined;

export interface UncitedReports {
  entryId: number;
  candidateId: number;
  reports: StoryReport[];
}

/**
 * The linked reports no entry cites, of a candidate whose entry cites some of its reports. None
 * cited at all is no later report: the entry was removed, or an undo took them back, which
 * decided-entry.ts tells. Reports without a link cannot be told apart from the entry's other
 * sources: left out.
 */
export function uncitedReports(candidate: Candidate, citing: CitingLookup): UncitedReports | undefined {
  const entryId = candidate.decision?.entryId;
  if (candidate.status !== 'approved' || entryId === undefined) return undefined;
  const linked = candidate.reports.filter((report) => report.link !== undefined);
  const reports = linked.filter((report) => citing([report.link!]) === undefined);
  if (reports.length === 0 || reports.length === linked.length) return undefined;
  return { entryId, candidateId: candidate.id, reports };
}

/** The candidate with its uncited reports noted, for its card to name. */
export function withUncited(candidate: Candidate, citing: CitingLookup): Candidate {
  const uncited = uncitedReports(candidate, citing);
  return uncited ? { ...candidate, uncited } : candidate;
}

/** The outlets of the uncited reports, each once. */
export const uncitedOutlets = (uncited: UncitedReports): string[] => [...new Set(uncited.reports.map((report) => report.outlet))];

/** The uncited report at `link` (in any of its forms), if it is one. */
export function uncitedAt(uncited: UncitedReports, link: string | undefined): StoryReport | undefined {
  const key = link === undefined ? undefined : canonicalLink(link);
  return key === undefined ? undefined : uncited.reports.find((report) => canonicalLink(report.link!) === key);
}

/** The command that cites them: attaching the candidate to its own entry adds the reports it lacks. */
export const attachArgs = (uncited: UncitedReports): string => `id:${uncited.candidateId} entry:${uncited.entryId}`;
