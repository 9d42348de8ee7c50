// Arabic and Hebrew write short words onto the next one: the article, `and`, `in`, `for`…
// (`بالسويداء` is bi + al + Suwayda, `בדמשק` is be + Damascus). The index holds each written form
// as one word, as it was written, so a typed word is searched in every form its stem is written
// in: the stem is the word as typed and, when it starts with such short words, what is left
// without them. Both typings (`دمشق`, `بدمشق`) so find every form, and the index needs no stemmer.
// The rules are light (prefixes only, as Lucene's light Arabic stemmer takes them off), kept from
// a short word, where a letter before it often makes another word.

/** The Arabic article, written onto the word it opens. */
const ARABIC_ARTICLE = 'ال';

/** The article, and the one-letter words written before it (`ل` before it drops its alef: `للسويداء`). */
const ARABIC_ARTICLE_PREFIXES = [ARABIC_ARTICLE, 'وال', 'فال', 'بال', 'كال', 'لل'];
/** The one-letter words written onto a bare word: and (و, ف), with or in (ب), for (ل). */
const ARABIC_LETTER_PREFIXES = ['و', 'ف', 'ب', 'ل'];

/** A stem this short is no word after the article: `الله` is no article before `له`. */
const MIN_ARABIC_STEM = 3;
/**
 * A stem this long takes the one-letter words directly (`دمشق`, `بدمشق`); a shorter one only
 * before its article, since with one letter before it, it is often another word (`رقة` and
 * `ورقة`, a paper; `زير` and `وزير`, a minister).
 */
const MIN_ARABIC_STEM_FOR_LETTERS = 4;

/**
 * The Hebrew prefixes: and (ו), the article (ה), in (ב), to (ל), from (מ), that (ש), as (כ), and
 * the pairs news writes most (`ובדמשק`, `מהצבא`, `שבעזה`, `כשהצבא`).
 */
const HEBREW_PREFIXES = ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ', 'וה', 'וב', 'ול', 'ומ', 'וש', 'וכ', 'שה', 'שב', 'של', 'שמ', 'מה', 'כש'];
/** A Hebrew stem this short takes no prefix, nor is left by taking one off: `מים` (water) is no `ים` (sea). */
const MIN_HEBREW_STEM = 3;

const ARABIC_WORD = /^\p{Script=Arabic}+$/u;
const HEBREW_WORD = /^\p{Script=Hebrew}+$/u;

const letterCount = (word: string) => [...word].length;

/** The prefixes an Arabic stem is written with, '' (the stem itself) first. */
function arabicPrefixes(stem: string): readonly string[] {
  return letterCount(stem) >= MIN_ARABIC_STEM_FOR_LETTERS ? ['', ...ARABIC_ARTICLE_PREFIXES, ...ARABIC_LETTER_PREFIXES] : ['', ...ARABIC_ARTICLE_PREFIXES];
}

/**
 * The stems an Arabic word may be: without the article and what is written before it
 * (`بالسويداء` → `سويداء`), else the word itself; and without a one-letter word, when a long
 * enough stem is left that does not open with the article (`بدمشق` → `دمشق`, `للبنان` → `لبنان`).
 */
function arabicStems(word: string): string[] {
  const stems = ARABIC_ARTICLE_PREFIXES.filter((prefix) => word.startsWith(prefix))
    .map((prefix) => word.slice(prefix.length))
    .filter((stem) => letterCount(stem) >= MIN_ARABIC_STEM);
  if (stems.length === 0 && letterCount(word) >= MIN_ARABIC_STEM) stems.push(word);
  for (const prefix of ARABIC_LETTER_PREFIXES) {
    const stem = word.slice(prefix.length);
    if (word.startsWith(prefix) && !stem.startsWith(ARABIC_ARTICLE) && letterCount(stem) >= MIN_ARABIC_STEM_FOR_LETTERS) stems.push(stem);
  }
  return stems;
}

/** The stems a Hebrew word may be: itself, and without each prefix it starts with that leaves a long enough stem. */
function hebrewStems(word: string): string[] {
  const stems = HEBREW_PREFIXES.filter((prefix) => word.startsWith(prefix))
    .map((prefix) => word.slice(prefix.length))
    .filter((stem) => letterCount(stem) >= MIN_HEBREW_STEM);
  return letterCount(word) >= MIN_HEBREW_STEM ? [word, ...stems] : stems;
}

/** A stem, and the prefixes it is written with ('' first): what writtenForms puts together. */
export interface CliticStem {
  stem: string;
  prefixes: readonly string[];
}

/**
 * The stems a typed word may be, each with the prefixes it is written with; none for a word of
 * another script, or too short to tell from a prefix and a word.
 */
export function cliticStems(word: string): CliticStem[] {
  if (ARABIC_WORD.test(word)) return [...new Set(arabicStems(word))].map((stem) => ({ stem, prefixes: arabicPrefixes(stem) }));
  if (HEBREW_WORD.test(word)) return [...new Set(hebrewStems(word))].map((stem) => ({ stem, prefixes: ['', ...HEBREW_PREFIXES] }));
  return [];
}
