// The note of /sources add and /sources edit when a keyword of four capitals is matched in
// capitals only, as initialisms are (`NATO`): typed so from a spreadsheet, `GAZA` would miss "Gaza".
import { capitalsOnly } from '../../src/core/sources/keywords.js';
import { wordList } from '../../src/core/text.js';
import { plainLine, type Line } from '../../src/core/view.js';

/** Two or three capitals go without a note: a word that short in capitals is an initialism (UN, US, IDF) almost always. */
const NOTED_FROM_LENGTH = 4;

export function capitalsNote(keywords: string | undefined): Line[] {
  const noted = keywords === undefined ? [] : capitalsOnly(keywords).filter((text) => [...text].length >= NOTED_FROM_LENGTH);
  if (noted.length === 0) return [];
  const written = wordList(noted);
  const ordinary = wordList(noted.map((text) => text.charAt(0) + text.slice(1).toLowerCase()));
  const is = noted.length === 1 ? 'is' : 'are';
  return [plainLine(`${written} ${is} in capitals: only ${written} in capitals will match, as an initialism does; write ${ordinary} to match any case.`)];
}
