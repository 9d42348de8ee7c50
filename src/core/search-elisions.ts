// French and Italian write a short word onto the next before a vowel or h, with an apostrophe:
// `l'hôtel`, `d'Orsay`, `qu'il`, `dell'Italia`, `un'altra`. The elided word and the next are two
// words, each searched for by itself (`hôtel`, `Orsay`), unlike an apostrophe inside one word
// (`Shara'a`, `Ba'ath`, `Qur'an`), which the search fold reads through.

/**
 * The elided words written before a vowel or h, each a whole word before its apostrophe (so not
 * the `c` of Penmarc'h): the article, `de`, `que` and its compounds, the Italian articles.
 */
const ELIDED_BEFORE_VOWEL_OR_H = ['d', 'l', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'dell', 'all', 'nell', 'un'];
/**
 * The elided pronouns and `ne`, `ce`: before h they are rare in news (`n'hésite`, `s'habituer`),
 * while Maghrebi names write one of these letters so before theirs (`M'hamed`, `M'hammedi`),
 * which are one word, read through as `Shara'a` is. Before a vowel (`s'est`, `n'a`) they are apart.
 */
const ELIDED_BEFORE_VOWEL = ['c', 'j', 'm', 'n', 's', 't'];

/** A vowel, with or without an accent, as NFC writes it. */
const VOWEL = 'aeiouy\\u00e0-\\u00e6\\u00e8-\\u00ef\\u00f2-\\u00f6\\u00f8-\\u00fd\\u00ff\\u0153';

/**
 * A RegExp source (for the case-insensitive `iu` flags) that holds right after the apostrophe of
 * an elision, `apostrophes` being the signs read as one (a character-class body): the elided
 * word, whole, before it, a vowel (or h, after the words that elide before it) after it.
 */
export function afterElisionApostrophe(apostrophes: string): string {
  const elided = (words: readonly string[]) => `(?<![\\p{L}\\p{N}\\p{M}])(?:${words.join('|')})[${apostrophes}]+`;
  return `(?:(?<=${elided(ELIDED_BEFORE_VOWEL_OR_H)})(?=[${VOWEL}h])|(?<=${elided(ELIDED_BEFORE_VOWEL)})(?=[${VOWEL}]))`;
}
