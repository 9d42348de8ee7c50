// Whether two items (from one feed or several) report the same story: titles made of mostly the
// same words, published within two days. Outlets word one event differently ("Israel, Syria
// resume talks in Baku" / "Syria and Israel hold talks in Baku"), so titles are compared as sets
// of words, not as strings.
import { STOPWORDS } from '../search-terms.js';
import { foldKey } from '../text.js';
import type { FeedItem } from './feed-port.js';
import { caseKeptFold } from './word-match.js';

export const SAME_STORY_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Jaccard similarity of the titles' words at or above which two titles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.6;
/** Shorter words (of, in, US, UN) say too little about which story a title tells. */
const MIN_WORD_LENGTH = 3;
/** A title with at least this share of its longer words capitalised is in Title Case. */
const TITLE_CASE_SHARE = 0.8;

/** A word without its plural `s` ("talks" and "talk", "strikes" and "strike" are one word). */
const singular = (word: string) => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
const telling = (word: string) => [...word].length >= MIN_WORD_LENGTH && !STOPWORDS.has(word.toLowerCase());

/** The title's words that say what it is about: folded, 3+ letters, no stopwords, singular. */
export function titleWords(title: string): Set<string> {
  return new Set(foldKey(title).split(' ').filter(telling).map(singular));
}

/**
 * The names a title holds: its capitalised words after the first (folded as titleWords). None
 * for a title in Title Case, where capitals do not tell names from other words.
 */
function nameWords(title: string): Set<string> {
  const words = caseKeptFold(title).trim().split(' ');
  const longer = words.filter((w) => [...w].length > 3);
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  if (longer.length === 0 || longer.filter(capitalised).length >= TITLE_CASE_SHARE * longer.length) return new Set();
  return new Set(words.slice(1).filter((w) => capitalised(w) && telling(w)).map((w) => singular(w.toLowerCase())));
}

/** Shared words over all words of both titles (Jaccard): 1 for the same words, 0 for none alike. */
export function titleSimilarity(a: string, b: string): number {
  const left = titleWords(a);
  const right = titleWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * Each title names someone or somewhere the other does not ("… meet in Paris" and "… meet in
 * Baku"): two events, however alike the rest of the words.
 */
function namesDiffer(a: string, b: string): boolean {
  const inOther = (names: Set<string>, other: Set<string>) => [...names].every((name) => other.has(name));
  return !inOther(nameWords(a), titleWords(b)) && !inOther(nameWords(b), titleWords(a));
}

/**
 * Same story: titles alike, not naming different people or places, and published within 48
 * hours of each other. Without a date on both, nothing says the titles are about the same
 * day's event, so only the same title (folded) counts.
 */
export function sameStory(a: Pick<FeedItem, 'title' | 'published'>, b: Pick<FeedItem, 'title' | 'published'>): boolean {
  if (!a.published || !b.published) return foldKey(a.title) !== '' && foldKey(a.title) === foldKey(b.title);
  if (Math.abs(a.published.getTime() - b.published.getTime()) > SAME_STORY_WINDOW_MS) return false;
  return titleSimilarity(a.title, b.title) >= SAME_STORY_SIMILARITY && !namesDiffer(a.title, b.title);
}
