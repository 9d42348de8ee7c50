// What a person typed into /search, as words to match. Shared by the command (which checks the
// words) and the store (which turns them into an FTS5 query), so both read the text alike.
import { cliticStems } from './search-clitics.js';
import { digitScriptForms } from './search-digits.js';
import { afterElisionApostrophe } from './search-elisions.js';
import { foldForSearch, isDottedInitialism, NAME_APOSTROPHES } from './text.js';

export interface SearchTerm {
  /**
   * Lower case, letters, digits and their marks, folded as the index's text is (foldForSearch:
   * no harakat, niqqud or Greek accents). Latin diacritics stay: FTS5 reads the quoted word with
   * the index's own tokenizer, which strips them (`Šhaibani` finds "Shaibani"). The hamza of
   * `أحمد` is a letter of the word: its other spellings are searched as well (spellingVariants).
   */
  word: string;
  /** Typed with a trailing `*`: matches every word that starts with it. */
  prefix: boolean;
  /**
   * Typed as an initialism: with dots (`U.S.`, whose word is `us`) or in capitals (`US`). It
   * also matches the other spelling: the index stores `U.S.` as one-letter words (`u`, `s`).
   */
  initialism: 'none' | 'dotted' | 'capitals';
  /**
   * Typed with the possessive `'s` (`Assad's`, whose word is `assads`): the words the index holds
   * for that spelling (`assad s`), which splits there. The word is searched joined as well. An
   * apostrophe or ʿayn sign elsewhere in a word (`Shara'a`) is dropped, in the index as in the
   * query (foldForSearch), so `Shara'a` and `Sharaa` find each other; but an elided word before
   * its apostrophe (`l'hôtel`, `d'Orsay`) is a word apart in the index, and the query searches
   * the word after it (`hôtel`), as it searches no other article.
   */
  apart?: string;
}

/**
 * Words so common in news text that requiring them filters almost nothing and bm25 gives them
 * no weight, while counting their documents (which bm25 does for every query word) costs
 * ~30 ms at a million entries. A query made only of them keeps them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been but by for from had has have he her his in into is it its of on or she that the their they this to was were which who will with'.split(' '),
);

/**
 * A prefix shorter than this would match a large part of the vocabulary. The index keeps
 * entries for 3- and 4-letter prefixes (migration 0005), so these are read, not merged.
 */
export const MIN_PREFIX_LENGTH = 3;

/**
 * The index stores word stems (porter), and so does FTS5 with a prefix it is given: `negotiat*`
 * is looked up as typed, but "negotiation" is stored as "negoti", shorter than what was typed,
 * so it would find nothing. A prefix therefore also matches the stems it could have been cut
 * back to: the same letters less the last one, two or three, kept to at least this many
 * letters (shorter stems are whole short words, not cut-back forms).
 */
export const MIN_CUT_BACK_STEM = 5;
const MAX_CUT_BACK = 3;

/** The stems a prefix may stand for besides itself: `negotiat` → negotia, negoti, negot. */
export function cutBackStems(prefix: string): string[] {
  const stems: string[] = [];
  for (let cut = 1; cut <= MAX_CUT_BACK && prefix.length - cut >= MIN_CUT_BACK_STEM; cut++) stems.push(prefix.slice(0, -cut));
  return stems;
}

/**
 * Matches are ranked by relevance in bands of this many, the most recently added band first.
 * FTS5's bm25 has no top-k: ordering every match of a common word costs time in proportion to
 * its matches (tens of ms at 50,000). Ranking a fixed band keeps each page fast and stable,
 * and puts the newest relevant entries first — what a timeline's readers look for. Walking
 * and scoring a band costs time in proportion to its size: at 500, two common words (in 5% and
 * 1% of a million entries) took p50 3.6 ms and p99 up to 5.5 ms; at 250, p50 2.7 ms.
 */
export const SEARCH_RANK_BAND = 250;

/**
 * A word found in more entries than this must still appear in every result, but when rarer
 * words were typed with it, only those order the results: bm25 counts the entries of every word
 * it weighs, each time (~35 ns an entry: 12 ms for "Republic" in 335,000 of a million), and a
 * word that common says little about which match is best. With only common words typed, the
 * least common of them orders the results.
 */
export const COMMON_WORD_ENTRIES = 5_000;

/**
 * Letters Arabic writers interchange in the same word: alef with or without hamza or madda (أحمد,
 * احمد). The index keeps each spelling apart (it folds Latin letters only, and foldForSearch the
 * letters read as one, such as taa marbuta and haa), so a word is searched in all its spellings.
 */
const ARABIC_SPELLINGS: readonly string[] = ['اأإآ'];

/** Past this many spellings (a word with many alefs), only the typed one is searched: a query of hundreds of terms. */
const MAX_SPELLINGS = 256;

/** The typed word first, then its other Arabic spellings (just the word, for any other script). */
export function spellingVariants(word: string): string[] {
  let forms = [''];
  for (const char of word) {
    const family = ARABIC_SPELLINGS.find((letters) => letters.includes(char));
    const choices = family ? [char, ...[...family].filter((c) => c !== char)] : [char];
    forms = forms.flatMap((form) => choices.map((c) => form + c));
    if (forms.length > MAX_SPELLINGS) return [word];
  }
  return forms;
}

/**
 * Everything one typed word is searched as, the typed spelling first: its Arabic spellings with
 * the article and clitics Arabic writes onto it (and Hebrew's prefixes: writtenForms), for an initialism its letters apart (`u s`: the
 * index holds "U.S." as the words "u" and "s"; quoted, FTS5 reads the letters as a phrase, next to
 * each other and in order), for a possessive its parts (`assad s`), and each of these with its
 * digits in every script they are written in (digitScriptForms: `23`, `٢٣`, `۲۳`).
 */
export function searchForms(term: SearchTerm): string[] {
  const forms = writtenForms(term.word);
  const letters = [...term.word];
  if (term.initialism !== 'none' && letters.length > 1) forms.push(letters.join(' '));
  if (term.apart !== undefined && !term.prefix) forms.push(term.apart);
  return [...new Set(forms.flatMap(digitScriptForms))];
}

/**
 * The word's spellings (spellingVariants), the typed one first, then each stem it may be (an
 * Arabic or Hebrew word without the short words written onto it: cliticStems) in its spellings
 * with each of those short words before it: `دروز` is also `الدروز`, `والدروز`, `بدروز`…;
 * `بالسويداء` is also `سويداء`, `السويداء`…; `בדמשק` is also `דמשק`, `ודמשק`…. The index holds
 * each as one word. A stem with too many spellings to search each so (MAX_SPELLINGS) keeps the
 * typed spelling.
 */
function writtenForms(word: string): string[] {
  const forms = spellingVariants(word);
  for (const { stem, prefixes } of cliticStems(word)) {
    const spellings = spellingVariants(stem);
    const written = forms.length + spellings.length * prefixes.length > MAX_SPELLINGS ? [stem] : spellings;
    forms.push(...prefixes.flatMap((prefix) => written.map((spelling) => prefix + spelling)));
  }
  return [...new Set(forms)];
}

/**
 * A word in capitals this long is read as an initialism (`US`, `UN`, `IDF`, `OSCE`): people
 * type initialisms in capitals. A lower-case `us` or `un` is left alone, so the pronoun does not
 * also search for every "U.S." (nor a caps-lock `SYRIA` for "S.Y.R.I.A.").
 */
const CAPITALS_INITIALISM = /^\p{Lu}{2,4}$/u;

/**
 * Where the index splits words (not on marks), less the dots that join an initialism and the
 * apostrophe of a possessive, which a word is also searched joined across (`Assad's`).
 */
const WORD_SEPARATORS_BUT_DOTS = new RegExp(`[^\\p{L}\\p{N}\\p{M}.${NAME_APOSTROPHES}]+`, 'u');
const APOSTROPHES = new RegExp(`[${NAME_APOSTROPHES}]+`);
/** An elided word with its apostrophe (`l'`, `d'`, `qu'`), where the index holds two words: the next one is the word searched. */
const ELIDED_WORD = new RegExp(`^\\p{L}+[${NAME_APOSTROPHES}]+${afterElisionApostrophe(NAME_APOSTROPHES)}`, 'iu');

/** One word as typed: joined across the apostrophes left in it, with the words the index holds for it apart. */
function typedWord(typed: string): Omit<SearchTerm, 'prefix'>[] {
  const parts = typed.split(APOSTROPHES).filter(Boolean);
  if (parts.length === 0) return [];
  const joined = parts.join('');
  const apart = parts.length > 1 ? { apart: parts.join(' ').toLowerCase() } : {};
  return [{ word: joined.toLowerCase(), initialism: CAPITALS_INITIALISM.test(joined) ? 'capitals' : 'none', ...apart }];
}

/**
 * The words of a chunk of typed text, split where the index splits them (not on marks): a dotted
 * initialism (`U.S.`) is one word, as a name is folded (foldKey), not the letters the index holds.
 */
function searchWords(chunk: string): Omit<SearchTerm, 'prefix'>[] {
  return foldForSearch(chunk.normalize('NFC'))
    .split(WORD_SEPARATORS_BUT_DOTS)
    .flatMap((piece): Omit<SearchTerm, 'prefix'>[] => {
      if (isDottedInitialism(piece)) return [{ word: piece.replace(/\./g, '').toLowerCase(), initialism: 'dotted' }];
      return piece.split('.').flatMap((part) => typedWord(part.replace(ELIDED_WORD, '')));
    });
}

/**
 * Splits the text into whole words to match; a word typed with a trailing `*` is a prefix.
 * Punctuation separates words as in the index (`al-Shaibani` is `al` and `shaibani`), so a
 * `*` applies to the last of the words its chunk folds into.
 */
export function parseSearchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const chunk of text.split(/\s+/)) {
    const words = searchWords(chunk);
    const prefix = /[\p{L}\p{N}]\p{M}*\*+$/u.test(chunk);
    words.forEach((typed, i) => {
      const isPrefix = prefix && i === words.length - 1;
      terms.push({ ...typed, prefix: isPrefix, initialism: isPrefix ? 'none' : typed.initialism });
    });
  }
  return terms;
}

/**
 * The terms to search for: all but the stopwords, unless nothing else was typed. A word typed
 * with dots is kept: `I.S.` is not the word "is".
 */
export function significantTerms(terms: SearchTerm[]): SearchTerm[] {
  const kept = terms.filter((t) => t.prefix || t.initialism === 'dotted' || !STOPWORDS.has(t.word));
  return kept.length > 0 ? kept : terms;
}
