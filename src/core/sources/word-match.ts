// Whole-word matching of names and keywords in feed text, folded as names are (foldKey): no
// diacritics or case, punctuation as spaces, dotted initialisms as one word. A word typed in
// capitals (`US`, `UN`, `IDF`) is matched in capitals only, so the pronoun "us" is not the
// United States, as search reads capitals as an initialism.
import { foldKey, joinDottedInitialisms, withoutMarks } from '../text.js';

/** Text folded for matching, padded with a space at each end so every word has two neighbours. */
export interface FoldedText {
  readonly lower: string;
  /** The same, case kept: where initialisms are looked for. Same length as `lower`. */
  readonly cased: string;
}

export interface FoldedPhrase {
  /** The phrase's words, folded, one space apart. */
  words: string;
  /** Matched against the case-kept text: the phrase is one initialism written in capitals. */
  cased: boolean;
  /** The last word may continue (`negotiat*` matches "negotiations"). */
  prefix: boolean;
  /**
   * What findPhrase looks for in the text: the words after a space, and a space after them unless
   * the last may continue. Made at the first search (most names of a dossier are never looked for).
   */
  needle: string | undefined;
}

const CAPITALS_INITIALISM = /^\p{Lu}{2,4}$/u;

/** Folded as foldKey folds, but with case kept (and not trimmed). */
export function caseKeptFold(text: string): string {
  return joinDottedInitialisms(withoutMarks(text)).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Where a clause ends: a name never runs across these (Arabic's comma, semicolon and question mark too). */
export const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”«»|\n\u060c\u061b\u061f\u2013\u2014]+/;

const ARABIC = /[\u0600-\u06FF]/;
/** Whether the text holds Arabic script, where clitics, spelling variants and Arabic phrasing are looked for. */
export const holdsArabic = (text: string): boolean => ARABIC.test(text);
const ARABIC_WORD = /[\u0621-\u064A]+/g;
/** Letters Arabic writes onto the next word: `و` and, `ف` so, `ب` in, `ل` for, `ك` like. */
export const PROCLITICS: ReadonlySet<string> = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * An Arabic word's parts: each letter Arabic writes onto a word apart, the article written `ل`
 * (its alef is dropped after `ل`: `للأسد` is `ل` and `الأسد`), then the stem of three letters at
 * least (`وبالأسد` "and with al-Assad" → `و ب ل اسد`). Each part is taken off the word as it is
 * left, so a word with a letter written onto it is that letter and the word's own parts
 * (`للبنان` → `ل` and `لبنان`'s `ل ب نان`), and a name matches itself whatever is written onto it.
 * A word that merely begins with such a letter is split the same way (`بيروت` → `ب يروت`).
 */
function arabicParts(word: string): string {
  const parts: string[] = [];
  let rest = word;
  // A stem keeps three letters at least: `وقف` (halt) is a word, not `و` and `قف`.
  for (;;) {
    if (rest.length > 3 && PROCLITICS.has(rest[0]!)) {
      parts.push(rest[0]!);
      rest = rest.slice(1);
    } else if (rest.length > 4 && rest.startsWith('ال')) {
      parts.push('ل');
      rest = rest.slice(2);
    } else break;
  }
  parts.push(rest);
  return parts.join(' ');
}

/**
 * Arabic text as names are matched in it: the clitics written onto a word set apart (see
 * arabicParts), letters written either way made one (`ى`/`ي`, `ة`/`ه`, `ٱ`/`ا`) and the
 * stretching `ـ` dropped; hamzas and vowel marks went with the marks already. Other text is as it was.
 */
export function arabicWords(folded: string): string {
  if (!holdsArabic(folded)) return folded;
  const letters = folded.replace(/\u0640/g, '').replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647').replace(/\u0671/g, '\u0627');
  return letters.replace(ARABIC_WORD, arabicParts);
}

/** Texts folded lately: drafting a candidate folds its title and summary for each guess in turn. */
const recentlyFolded = new Map<string, FoldedText>();
const RECENTLY_FOLDED = 8;

export function foldText(text: string): FoldedText {
  const known = recentlyFolded.get(text);
  if (known) return known;
  const cased = ` ${arabicWords(caseKeptFold(text))} `;
  const lower = cased.toLowerCase();
  // Lower-casing keeps the length of folded text in practice; if not, initialisms match by case.
  const folded = { lower, cased: cased.length === lower.length ? cased : lower };
  if (recentlyFolded.size >= RECENTLY_FOLDED) recentlyFolded.delete(recentlyFolded.keys().next().value!);
  recentlyFolded.set(text, folded);
  return folded;
}

/** The phrase as it is matched; undefined when nothing is left to match once folded. */
export function foldPhrase(phrase: string, prefix = false): FoldedPhrase | undefined {
  const words = arabicWords(foldKey(phrase));
  if (!words) return undefined;
  const kept = caseKeptFold(phrase).trim();
  return { words, cased: !prefix && CAPITALS_INITIALISM.test(kept), prefix, needle: undefined };
}

/**
 * Where the phrase occurs in the text as whole words, at or after `from`: the index of the
 * space before its first word, or -1.
 */
export function findPhrase(text: FoldedText, phrase: FoldedPhrase, from = 0): number {
  phrase.needle ??= ` ${phrase.cased ? phrase.words.toUpperCase() : phrase.words}${phrase.prefix ? '' : ' '}`;
  return (phrase.cased ? text.cased : text.lower).indexOf(phrase.needle, from);
}

