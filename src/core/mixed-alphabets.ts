// Words that mix the Latin, Greek and Cyrillic alphabets. Many of their letters look alike
// (Latin a, Cyrillic а, Greek α), so a word mixing them is most often a slip (a keyboard left on
// another layout, text pasted from elsewhere) or a look-alike of another name. A name wholly in
// one alphabet (Сергей Лавров), or in a script without such look-alikes (أحمد الشرع), is not one.
import { latinLookAlike } from './look-alike-letters.js';
import { codePointName, wordList } from './text.js';

export type Alphabet = 'Latin' | 'Greek' | 'Cyrillic';

/** In this order on a tie: a Latin word with one Cyrillic letter is read as Latin. */
const ALPHABETS: readonly (readonly [Alphabet, RegExp])[] = [
  ['Latin', /^\p{Script=Latin}$/u],
  ['Cyrillic', /^\p{Script=Cyrillic}$/u],
  ['Greek', /^\p{Script=Greek}$/u],
];

export interface OddLetter {
  letter: string;
  /** Its place among the word's letters, from 1 (marks are not counted). */
  place: number;
  alphabet: Alphabet;
}

export interface MixedWord {
  word: string;
  /** The alphabet most of its letters are in. */
  main: Alphabet;
  /** The letters of the other alphabets. */
  odd: OddLetter[];
}

const alphabetOf = (letter: string): Alphabet | undefined => ALPHABETS.find(([, test]) => test.test(letter))?.[0];

function mixedWord(word: string): MixedWord | undefined {
  const letters = [...word].filter((c) => /\p{L}/u.test(c)).map((letter, i) => ({ letter, place: i + 1, alphabet: alphabetOf(letter) }));
  const counts = ALPHABETS.map(([alphabet]) => ({ alphabet, count: letters.filter((l) => l.alphabet === alphabet).length }));
  if (counts.filter((c) => c.count > 0).length < 2) return undefined;
  const main = [...counts].sort((a, b) => b.count - a.count)[0]!.alphabet;
  const odd = letters.filter((l): l is OddLetter => l.alphabet !== undefined && l.alphabet !== main);
  return { word, main, odd };
}

/** The words of the name (runs of letters and marks) that mix Latin, Greek and Cyrillic letters. */
export function mixedWords(name: string): MixedWord[] {
  return name.split(/[^\p{L}\p{M}]+/u).flatMap((word) => mixedWord(word) ?? []);
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st: a letter's place as a reply says it. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const MAX_LETTERS_NAMED = 3;

const letterWords = (l: OddLetter) => `the ${ordinal(l.place)} letter “${l.letter}” (${codePointName(l.letter)})`;

/**
 * What is wrong with the word, naming its odd letters: in “Sharаa”, the 5th letter “а”
 * (U+0430) is Cyrillic; the others are Latin.
 */
export function describeMixedWord({ word, main, odd }: MixedWord): string {
  const named = odd.slice(0, MAX_LETTERS_NAMED);
  const groups = ALPHABETS.map(([alphabet]) => named.filter((l) => l.alphabet === alphabet)).filter((group) => group.length > 0);
  const said = groups.map((group) => {
    const letters = group.map(letterWords);
    return `${wordList(letters)} ${letters.length === 1 ? 'is' : 'are'} ${group[0]!.alphabet}`;
  });
  const more = odd.length > named.length ? ` (and ${odd.length - named.length} more)` : '';
  return `in “${word}”, ${said.join(', ')}${more}; the others are ${main}`;
}

/** An odd letter as the Latin letter it looks like, in the case it was typed in. */
function asLatin(c: string): string | undefined {
  const latin = latinLookAlike(c);
  if (latin === undefined) return undefined;
  return c === c.toLowerCase() ? latin : latin.toUpperCase();
}

/**
 * The name with the odd letters of its mixed words read as the Latin letters they look like,
 * when every such word is mostly Latin and every odd letter has a look-alike: the spelling
 * meant. Words wholly in one alphabet stay as they are.
 */
export function latinSpelling(name: string): string | undefined {
  const parts = name.split(/([^\p{L}\p{M}]+)/u);
  let spelled = '';
  for (const part of parts) {
    const mixed = mixedWord(part);
    if (mixed === undefined) {
      spelled += part;
      continue;
    }
    if (mixed.main !== 'Latin') return undefined;
    for (const c of part) {
      const latin = alphabetOf(c) === 'Latin' || alphabetOf(c) === undefined ? c : asLatin(c);
      if (latin === undefined) return undefined;
      spelled += latin;
    }
  }
  return spelled;
}
