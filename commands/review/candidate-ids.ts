// Several candidates named at once (`ids:166,165,164`, `ids:160-163`): a busy desk rejects, or
// reopens, a run of cards in one command. The numbers are read as given, each named in the reply.
import type { OptionSpec } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';

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

/**
 * The candidates `text` names, in the order given, each once. A range runs either way
 * (`163-160` is 160 to 163); more than `most` in all is refused before anything is done.
 */
export function parseCandidateIds(text: string, most: number): number[] {
  const ids = new Set<number>();
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const match = PART.exec(part);
    const first = match ? Number(match[1]) : 0;
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (!match || first < 1 || last < 1) {
      throw new UserError('invalid-option', `Option \`ids\` names candidates by number — got \`${part}\`.`, ['Give numbers and ranges as /review list shows them: ids:166,165,164 or ids:160-163'], 'ids');
    }
    const [low, high] = first <= last ? [first, last] : [last, first];
    if (high - low + 1 + ids.size > most) {
      throw new UserError('invalid-option', `Option \`ids\` names more than ${most} candidates; nothing was changed.`, ['Name fewer at a time, or reject the candidates waiting since before a day with /review clear.'], 'ids');
    }
    for (let id = low; id <= high; id++) ids.add(id);
  }
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
