// The candidates a /review clear confirmation showed, as its Reject button carries them: the
// highest number shown and a short digest of them all (a button holds 100 characters on Discord,
// too few for the numbers). A press rejects only when the queue still holds exactly that set, so
// candidates proposed, reopened or decided since are shown again before anything is rejected.
import { createHash } from 'node:crypto';

/** Hex characters of the digest: a different set passing for the one shown is a one-in-four-billion chance. */
const DIGEST_LENGTH = 8;

const SHOWN = new RegExp(`^(\\d{1,15})-([0-9a-f]{${DIGEST_LENGTH}})$`);

const digestOf = (ids: readonly number[]) =>
  createHash('sha256').update([...ids].sort((a, b) => a - b).join(',')).digest('hex').slice(0, DIGEST_LENGTH);

/** `14-3fa9c2d1`: the set `ids` (never empty: a confirmation shows more than a few), as its button carries it. */
export const shownText = (ids: readonly number[]): string => `${Math.max(...ids)}-${digestOf(ids)}`;

/** What a press finds against what its confirmation showed. */
export interface ShownComparison {
  same: boolean;
  /** Waiting now and numbered above every one shown, so none of them was shown. */
  added: number[];
}

/** `waiting` (the set the press would reject now) against `shown`; text we did not write matches nothing. */
export function compareWithShown(waiting: readonly number[], shown: string): ShownComparison {
  const match = SHOWN.exec(shown);
  if (!match) return { same: false, added: [] };
  const highest = Number(match[1]);
  return { same: digestOf(waiting) === match[2], added: waiting.filter((id) => id > highest) };
}
