// The /review reopen commands that put a cleared run of candidates back: as few as will do, each
// within what one reopen takes (MOST_REOPENED numbers, the `ids` option's length). A clear by
// source or topic leaves gaps between its numbers, so its ranges are long for their count. A
// reopen naming more than one takes is refused with the first of those commands.
import { candidateIdsOption, idRanges, type IdsLimit, type TooManyNamed } from './candidate-ids.js';

/** Reopening only flags cards to draw again, so a whole clear can be taken back in one command. */
export const MOST_REOPENED = 500;

/** The `ids:` text of each reopen, in order of number; one for a run that fits in one. */
export function reopenIdTexts(ids: readonly number[]): string[] {
  const limit = candidateIdsOption.maxLength ?? Number.POSITIVE_INFINITY;
  const runs = idRanges(ids).split(',').filter(Boolean);
  const texts: string[] = [];
  let parts: string[] = [];
  let count = 0;
  for (const run of runs) {
    const [low, high = low] = run.split('-').map(Number) as [number, number?];
    const size = high - low + 1;
    // A run longer than one reopen takes is cut where the numbers allowed end.
    if (count + size > MOST_REOPENED || [...parts, run].join(',').length > limit) {
      if (parts.length > 0) texts.push(parts.join(','));
      parts = [];
      count = 0;
    }
    if (size > MOST_REOPENED) {
      let from = low;
      for (; from + MOST_REOPENED - 1 < high; from += MOST_REOPENED) texts.push(`${from}-${from + MOST_REOPENED - 1}`);
      parts = [from === high ? `${from}` : `${from}-${high}`];
      count = high - from + 1;
      continue;
    }
    parts.push(run);
    count += size;
  }
  if (parts.length > 0) texts.push(parts.join(','));
  return texts;
}

/** More than one reopen takes: the first two reopens that do it in turns, as numbered. */
function reopenInTurnsHint(named: TooManyNamed): string {
  const [first, second, ...more] = reopenIdTexts(named.lowest);
  const next = second === undefined ? '' : `, then /review reopen ids:${second}${more.length > 0 ? ', and so on' : ''}`;
  return `Name at most ${MOST_REOPENED} at a time: /review reopen ids:${first}${next}`;
}

/** What one /review reopen ids:… takes. */
export const REOPEN_LIMIT: IdsLimit = { most: MOST_REOPENED, tooManyHint: reopenInTurnsHint };
