// The forms a keyword is written in by feeds: its plural (English -s/-es/-ies, French -s/-x, the
// Arabic sound feminine plural `غارة` → `غارات`), and a compound written joined, apart or
// hyphenated (`ceasefire`, `cease fire`, `cease-fire`). Still whole words: `strike` is not
// `strikers` nor `airstrikes`. A keyword in capitals (`UN`) is an initialism and has none of these.
import { findPhrase, holdsArabic, type FoldedPhrase, type FoldedText } from './word-match.js';

/** Fewer letters than this take no ending: `us` is not `uses`, and `un` not `uns`. */
const MIN_INFLECTED = 3;
/** Each part of a compound written apart has this many letters at least: `Iran` is never "I ran". */
const MIN_COMPOUND_PART = 3;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word with its plural endings, as a pattern; the word as is when it takes none. */
function inflected(word: string): string {
  const letters = [...word];
  if (letters.length < MIN_INFLECTED) return escaped(word);
  if (holdsArabic(word)) {
    // `ة` is folded to `ه` (see arabicWords): its sound plural replaces it with `ات`.
    return word.endsWith('\u0647') ? `${escaped(word.slice(0, -1))}(?:\u0647|\u0627\u062A)` : escaped(word);
  }
  if (/[^aeiou]y$/.test(word)) return `${escaped(word.slice(0, -1))}(?:y|ies)`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${escaped(word)}(?:es)?`;
  if (/(?:au|eu|ou)$/.test(word)) return `${escaped(word)}[sx]?`;
  return `${escaped(word)}s?`;
}

/** The word, or the same letters written as two words (`ceasefire`: also `cease fire`). */
function joinedOrApart(word: string, stem: string): string {
  const letters = [...word];
  if (holdsArabic(word) || letters.length < 2 * MIN_COMPOUND_PART) return stem;
  const apart: string[] = [];
  for (let cut = MIN_COMPOUND_PART; cut <= letters.length - MIN_COMPOUND_PART; cut++) {
    apart.push(`${escaped(letters.slice(0, cut).join(''))} ${escaped(letters.slice(cut).join(''))}`);
  }
  // The last part takes the ending: `cease fires`.
  const ending = stem.slice(escaped(word).length);
  return `(?:${stem}|(?:${apart.join('|')})${ending})`;
}

/** The pattern of the phrase's forms in folded text (FoldedText.lower), a space before and after. */
export function formsPattern(phrase: FoldedPhrase): RegExp {
  const words = phrase.words.split(' ');
  const parts = words.map((word, index) => {
    const last = index === words.length - 1;
    // A prefix ends how it likes already.
    const stem = last && phrase.prefix ? escaped(word) : inflected(word);
    return stem.startsWith(escaped(word)) ? joinedOrApart(word, stem) : stem;
  });
  // Words apart in the keyword may be written joined (`cease-fire` is also `ceasefire`), Latin ones.
  const between = (index: number) => (holdsArabic(words[index]!) || holdsArabic(words[index + 1]!) ? ' ' : ' ?');
  const body = parts.reduce((pattern, part, index) => (index === 0 ? part : `${pattern}${between(index - 1)}${part}`), '');
  return new RegExp(` ${body}${phrase.prefix ? '' : ' '}`, 'u');
}

/** Whether the text holds the phrase in any of its forms; a phrase in capitals as written only. */
export function holdsForm(text: FoldedText, phrase: FoldedPhrase, pattern: RegExp): boolean {
  return phrase.cased ? findPhrase(text, phrase) !== -1 : pattern.test(text.lower);
}
