// The places an Arabic title names, as the same-story comparison reads them. Arabic has no
// capitals to tell a name from other words, so a name is read where news writes one: after a
// preposition of place (`في السويداء`, `بدمشق`, `قرب القنيطرة`) or a word saying a place follows
// (`ريف درعا`, see arabic-place-cues.ts). A word read so is not always a place (`في غارة`); the
// comparison only parts two titles that each name one the other lacks.
import { arabicPlacePhrases } from './arabic-place-cues.js';
import { PLACE_PREPOSITIONS } from './suggest.js';
import { arabicWords, holdsArabic } from './word-match.js';

/**
 * Arabic prepositions of place, as arabicWords leaves them (`بدمشق` is `ب دمشق`); not `ل` (to),
 * which is also what is left of the article (`السويداء` is `ل سويداء`).
 */
const PREPOSITIONS: ReadonlySet<string> = new Set([...PLACE_PREPOSITIONS].filter((word) => holdsArabic(word) && word !== 'ل'));

/**
 * Words opening a place's name that say little on their own (`دير الزور`, `خان شيخون`,
 * `رأس العين`, `بيت جن`): the word after them is part of the name.
 */
const NAME_OPENERS: ReadonlySet<string> = new Set(['دير', 'خان', 'بيت', 'عين', 'راس', 'كفر', 'جسر', 'ابو']);

/** Shorter parts are what Arabic writes onto a word (`و`, `ب`, the article's `ل`) or short words (`تل`): a name is read past them. */
const MIN_NAME_LETTERS = 3;

/** The name starting at `from` in `parts` (a title's words as arabicWords splits them): its first word, and the next after an opener. */
function nameAt(parts: readonly string[], from: number): string[] {
  const name: string[] = [];
  for (let at = from; at < parts.length; at++) {
    const part = parts[at]!;
    if ([...part].length < MIN_NAME_LETTERS) continue;
    name.push(part);
    if (!NAME_OPENERS.has(part)) break;
  }
  return name.slice(0, 2);
}

/**
 * The words of the places an Arabic title names (`folded`: the title folded with foldKey), as
 * arabicWords writes them: `مقتل 3 في غارة على ريف درعا` gives `غاره`, `ريف` and `درعا`.
 * Nothing for a title without Arabic.
 */
export function arabicPlaceWords(title: string, folded: string): Set<string> {
  const words = new Set<string>();
  if (!holdsArabic(folded)) return words;
  const parts = arabicWords(folded).split(' ');
  parts.forEach((part, at) => {
    if (PREPOSITIONS.has(part)) for (const word of nameAt(parts, at + 1)) words.add(word);
  });
  for (const [longest] of arabicPlacePhrases(title)) for (const word of nameAt(arabicWords(longest!).split(' '), 0)) words.add(word);
  return words;
}
