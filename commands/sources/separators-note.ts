// The note of /sources add and /sources edit when the keywords were typed apart by tabs,
// semicolons or line breaks (a list pasted from a spreadsheet): each was read as a comma.
import { otherSeparators } from '../../src/core/sources/keywords.js';
import { wordList } from '../../src/core/text.js';
import { plainLine, type Line } from '../../src/core/view.js';

export function separatorsNote(keywords: string | undefined): Line[] {
  const names = keywords === undefined ? [] : otherSeparators(keywords);
  if (names.length === 0) return [];
  return [plainLine(`The ${wordList(names)} between the keywords were read as commas: to keep a phrase whole, put it in quotes ("…").`)];
}
