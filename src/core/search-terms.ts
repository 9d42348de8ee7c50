// What a person typed into /search, as words to match. Shared by the command (which checks the
// words) and the store (which turns them into an FTS5 query), so both read the text alike.
import { foldKey } from './text.js';

export interface SearchTerm {
  /** Folded like the index: lower case, no diacritics, letters and digits only. */
  word: string;
  /** Typed with a trailing `*`: matches every word that starts with it. */
  prefix: boolean;
}

/**
 * Words so common in news text that requiring them filters almost nothing and bm25 gives them
 * no weight, while counting their documents (which bm25 does for every query word) costs
 * ~30 ms at a million entries. A query made only of them keeps them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by for from had has have he her his in into is it its of on or she that the their they this to was were which who will with'.split(' '),
);

/** A prefix shorter than this would merge the postings of a large part of the vocabulary. */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Matches are ranked by relevance in bands of this many, the most recently added band first.
 * FTS5's bm25 has no top-k: ordering every match of a common word costs time in proportion to
 * its matches (tens of ms at 50,000). Ranking a fixed band keeps each page fast and stable,
 * and puts the newest relevant entries first — what a timeline's readers look for.
 */
export const SEARCH_RANK_BAND = 500;

/**
 * Splits the text into whole words to match; a word typed with a trailing `*` is a prefix.
 * Punctuation separates words as in the index (`al-Shaibani` is `al` and `shaibani`), so a
 * `*` applies to the last of the words its chunk folds into.
 */
export function parseSearchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const chunk of text.split(/\s+/)) {
    const words = foldKey(chunk).split(' ').filter(Boolean);
    const prefix = /[\p{L}\p{N}]\p{M}*\*+$/u.test(chunk);
    words.forEach((word, i) => terms.push({ word, prefix: prefix && i === words.length - 1 }));
  }
  return terms;
}

/** The terms to search for: all but the stopwords, unless nothing else was typed. */
export function significantTerms(terms: SearchTerm[]): SearchTerm[] {
  const kept = terms.filter((t) => t.prefix || !STOPWORDS.has(t.word));
  return kept.length > 0 ? kept : terms;
}
