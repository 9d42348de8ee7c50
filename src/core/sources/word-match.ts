// Whole-word matching of names and keywords in feed text, folded as names are (foldKey): no
// diacritics or case, punctuation as spaces, dotted initialisms as one word. A word typed in
// capitals (`US`, `UN`, `IDF`) is matched in capitals only, so the pronoun "us" is not the
// United States, as search reads capitals as an initialism.
import { foldKey, joinDottedInitialisms, withoutMarks } from '../text.js';

/** Text folded for matching, padded with a space at each end so every word has two neighbours. */
export interface FoldedText {
  lower: string;
  /** The same, case kept: where initialisms are looked for. Same length as `lower`. */
  cased: string;
}

export interface FoldedPhrase {
  /** The phrase's words, folded, one space apart. */
  words: string;
  /** Matched against the case-kept text: the phrase is one initialism written in capitals. */
  cased: boolean;
  /** The last word may continue (`negotiat*` matches "negotiations"). */
  prefix: boolean;
}

const CAPITALS_INITIALISM = /^\p{Lu}{2,4}$/u;

/** Folded as foldKey folds, but with case kept (and not trimmed). */
export function caseKeptFold(text: string): string {
  return joinDottedInitialisms(withoutMarks(text)).replace(/[^\p{L}\p{N}]+/gu, ' ');
}

export function foldText(text: string): FoldedText {
  const cased = ` ${caseKeptFold(text)} `;
  const lower = cased.toLowerCase();
  // Lower-casing keeps the length of folded text in practice; if not, initialisms match by case.
  return { lower, cased: cased.length === lower.length ? cased : lower };
}

/** The phrase as it is matched; undefined when nothing is left to match once folded. */
export function foldPhrase(phrase: string, prefix = false): FoldedPhrase | undefined {
  const words = foldKey(phrase);
  if (!words) return undefined;
  const kept = caseKeptFold(phrase).trim();
  return { words, cased: !prefix && CAPITALS_INITIALISM.test(kept), prefix };
}

/**
 * Where the phrase occurs in the text as whole words, at or after `from`: the index of the
 * space before its first word, or -1.
 */
export function findPhrase(text: FoldedText, phrase: FoldedPhrase, from = 0): number {
  const haystack = phrase.cased ? text.cased : text.lower;
  const needle = phrase.cased ? ` ${phrase.words.toUpperCase()}` : ` ${phrase.words}`;
  return haystack.indexOf(phrase.prefix ? needle : `${needle} `, from);
}

