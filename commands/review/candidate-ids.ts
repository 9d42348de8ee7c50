// Several candidates named at once (`ids:166,165,164`, `ids:160-163`): a busy desk rejects, or
// reopens, a run of cards in one command. The numbers are read as given, each named in the reply.
import type { OptionSpec } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import { plural } from '../../src/core/text.js';

/** Long enough for the ranges a /review clear of a whole queue names, in one reopen. */
const IDS_TEXT_LIMIT = 2000;

export const candidateIdsOption: OptionSpec = {
  name: 'ids',
  description: 'Several candidates: numbers and ranges, as /review list shows them (166,165,164 or 160-163)',
  type: 'text',
  maxLength: IDS_TEXT_LIMIT,
  example: '160-163,166',
};

const PART = /^#?(\d{1,15})(?:\s*-\s*#?(\d{1,15}))?$/;

/** One number or range as typed, lowest first. */
interface IdRun {
  low: number;
  high: number;
}

/** What `ids:` named when it named too many: how many in all, and the lowest of them, sorted (enough to say how to split them). */
export interface TooManyNamed {
  count: number;
  lowest: readonly number[];
}

/** What a command allows in one `ids:`: `most` numbers, and the hint its refusal gives when more are named. */
export interface IdsLimit {
  most: number;
  tooManyHint: (named: TooManyNamed) => string;
}

function readRuns(text: string): IdRun[] {
  return text.split(/[\s,;]+/).filter(Boolean).map((part) => {
    const match = PART.exec(part);
    const first = match ? Number(match[1]) : 0;
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (!match || first < 1 || last < 1) {
      throw new UserError('invalid-option', `Option \`ids\` names candidates by number — got \`${part}\`.`, ['Give numbers and ranges as /review list shows them: ids:166,165,164 or ids:160-163'], 'ids');
    }
    return first <= last ? { low: first, high: last } : { low: last, high: first };
  });
}

/** The runs merged where they overlap or touch, in order of number: a range is never spelt out to be counted. */
function merged(runs: readonly IdRun[]): IdRun[] {
  const sorted = [...runs].sort((a, b) => a.low - b.low);
  const out: IdRun[] = [];
  for (const run of sorted) {
    const last = out[out.length - 1];
    if (last && run.low <= last.high + 1) last.high = Math.max(last.high, run.high);
    else out.push({ ...run });
  }
  return out;
}

/** How many numbers `runs` name, and the lowest `most` of them. */
function tooManyNamed(runs: readonly IdRun[], most: number): TooManyNamed {
  const lowest: number[] = [];
  let count = 0;
  for (const run of runs) {
    count += run.high - run.low + 1;
    for (let id = run.low; id <= run.high && lowest.length < most; id++) lowest.push(id);
  }
  return { count, lowest };
}

/**
 * The candidates `text` names, in the order given, each once. A range runs either way
 * (`163-160` is 160 to 163); more than `limit.most` in all is refused before anything is done,
 * with the command's own hint.
 */
export function parseCandidateIds(text: string, limit: IdsLimit): number[] {
  const runs = readRuns(text);
  const union = merged(runs);
  const count = union.reduce((sum, run) => sum + run.high - run.low + 1, 0);
  if (count > limit.most) {
    // Twice the limit and one: enough numbers for the hint to name two commands, and to tell whether more follow.
    const named = tooManyNamed(union, 2 * limit.most + 1);
    throw new UserError('invalid-option', `Option \`ids\` names ${plural(count, 'candidate')}, more than ${limit.most} at a time; nothing was changed.`, [limit.tooManyHint({ ...named, count })], 'ids');
  }
  const ids = new Set<number>();
  for (const { low, high } of runs) for (let id = low; id <= high; id++) ids.add(id);
  return [...ids];
}

/** `90-93,97,101-102`: the numbers sorted, each run of consecutive ones as a range. */
export function idRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}
