// French and Italian write a short word onto the next before a vowel or h, with an apostrophe:
// `l'hôtel`, `d'Orsay`, `qu'il`, `dell'Italia`, `un'altra`. The elided word and the next are two
// words, each searched for by itself (`hôtel`, `Orsay`), unlike an apostrophe inside one word
// (`Shara'a`, `Ba'ath`, `Qur'an`), which the search fold reads through.

/** The elided words, each a whole word before its apostrophe (so not the `c` of Penmarc'h). */
const ELIDED_WORDS = ['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'dell', 'all', 'nell', 'un'];

/** A vowel or h, with or without an accent, as NFC writes it: what an elided word stands before. */
const VOWEL_OR_H = 'aeiouyh\\u00e0-\\u00e6\\u00e8-\\u00ef\\u00f2-\\u00f6\\u00f8-\\u00fd\\u00ff\\u0153';

/**
 * A RegExp source (for the case-insensitive `iu` flags) that holds right after the apostrophe of
 * an elision, `apostrophes` being the signs read as one (a character-class body): the elided
 * word, whole, before it, a vowel or h after it.
 */
export function afterElisionApostrophe(apostrophes: string): string {
  return `(?<=(?<![\\p{L}\\p{N}\\p{M}])(?:${ELIDED_WORDS.join('|')})[${apostrophes}]+)(?=[${VOWEL_OR_H}])`;
}
