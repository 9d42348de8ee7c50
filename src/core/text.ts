// Text helpers shared by matching and rendering.
import { afterElisionApostrophe } from './search-elisions.js';

/** Text to match as it is written inside a regular expression. */
/** Whether text holds a letter, a digit or a pictograph: a title or summary of `-` or `…` says nothing. */
export const holdsWords = (text: string): boolean => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Single letters joined by dots: `U.S.`, `U.N.`, `e.g.`, `U.S.A` (at least two letters, each
 * alone between dots, the last dot optional). "T. Barrack" is not one: a space follows the dot.
 */
const DOTTED_INITIALISM = /(?<![\p{L}\p{N}\p{M}])\p{L}\p{M}*(?:\.\p{L}\p{M}*)+\.?(?![\p{L}\p{N}\p{M}])/gu;

/**
 * Writes dotted initialisms as one word: `U.S. envoy` → `US envoy`. Writers spell them both
 * ways, and a name or word should match whichever spelling was typed.
 */
export function joinDottedInitialisms(text: string): string {
  return text.includes('.') ? text.replace(DOTTED_INITIALISM, (initialism) => initialism.replace(/\./g, '')) : text;
}

const ASCII = /^[\u0000-\u007f]*$/;

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹, Persian and Urdu) digits as 0–9: a figure or a
 * date typed on such a keyboard is the same number. Other text is left as it is.
 */
export function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) - (digit < '\u06f0' ? 0x0660 : 0x06f0)));
}

/** The text without diacritics and other marks (decomposed, marks dropped); ASCII has none to drop. */
export function withoutMarks(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** Whether the text is one dotted initialism (`U.S.`), as the words of a query are checked. */
export function isDottedInitialism(text: string): boolean {
  return text.match(DOTTED_INITIALISM)?.[0] === text;
}

/**
 * Folds a name for matching: no diacritics, lower case, punctuation as spaces, dotted
 * initialisms as one word, characters that show nothing (INVISIBLE_IN_WORDS) and the Arabic
 * tatweel dropped, an apostrophe or ʿayn sign between letters dropped (NAME_APOSTROPHES).
 * `Al-Sharaa`, `al sharaa` and `AL‑ŠHARAA` all become `al sharaa`; `U.S.` and `US` both become
 * `us`; `Quneit\u00adra` (a soft hyphen pasted from a web page) is `quneitra`, `دمـشق` is `دمشق`,
 * `Shara'a` and `Sharaʿa` are `sharaa`. Stored keys (actor_names.name_key, places.place_key) are
 * made with it: migrations 0008, 0035 and 0036 re-keyed the ones made before these folds.
 */
export function foldKey(text: string): string {
  // ASCII has no marks nor invisible characters: tested once, as most names and titles are.
  const plain = ASCII.test(text) ? text : withoutMarks(text.replace(SHOWING_NOTHING_IN_NAMES, ''));
  return withoutApostrophes(joinDottedInitialisms(plain))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The signs transliterations write for ʿayn and hamza, or an apostrophe: `Sharaʿa`, `Shara'a`,
 * `Shara’a`, `Dar‘a`. Writers put one in or leave it out (`Sharaa`, `Daraa`), so between two
 * letters a name is read without it; elsewhere it separates words as punctuation does. The
 * modifier letters among them (ʻ ʼ ʾ ʿ) are letters to Unicode, and never stand alone in a name.
 */
export const NAME_APOSTROPHES = "'`\u00b4\u2018\u2019\u02bb\u02bc\u02bd\u02be\u02bf";
const HAS_APOSTROPHE = new RegExp(`[${NAME_APOSTROPHES}]`);
const APOSTROPHE_IN_WORD = new RegExp(`(?<=[\\p{L}\\p{N}])[${NAME_APOSTROPHES}]+(?=[\\p{L}\\p{N}])`, 'gu');
const APOSTROPHE = new RegExp(`[${NAME_APOSTROPHES}]+`, 'g');

function withoutApostrophes(text: string): string {
  return HAS_APOSTROPHE.test(text) ? text.replace(APOSTROPHE_IN_WORD, '').replace(APOSTROPHE, ' ') : text;
}

/**
 * A control character as its visible symbol: NUL → ␀, ESC → ␛, a lone CR → ␍, DEL → ␡; the C1
 * controls and direction controls, which have no symbol, as their code point (⟨U+009B⟩).
 */
export const controlSymbol = (c: string) => {
  const code = c.charCodeAt(0);
  if (code <= 0x1f || code === 0x7f) return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
  return `⟨${codePointName(c)}⟩`;
};

/** A character's code point as Unicode writes it: `U+0430`. */
export const codePointName = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Character-class bodies (for RegExp sources) of what text may not hold, shared by the option
 * checks, the console's display and the feeds' plain text so they agree: DEL with the C1 controls
 * (a terminal's one-byte escape among them), and the direction embeddings, overrides and isolates
 * that reorder the rest of a line.
 */
export const DELETE_AND_C1 = '\\u007f-\\u009f';
export const DIRECTION_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
/**
 * The marks that set a direction without being letters (left-to-right, right-to-left, Arabic
 * letter mark): no part of a feed's text, taken out with the controls above.
 */
export const DIRECTION_MARKS = '\\u200e\\u200f\\u061c';

/**
 * Characters that show nothing and that pasted or copied text carries inside words: the soft
 * hyphen (a web page's hyphenation point), the zero-width space, the word joiner, the byte-order
 * mark and the direction marks. Names and searched words are read without them, where they would
 * otherwise split a word in two.
 */
export const INVISIBLE_IN_WORDS = `\\u00ad\\u200b\\u2060\\ufeff${DIRECTION_MARKS}`;
/** The Arabic tatweel (ـ): it stretches a word to fit a line, and says nothing of the word. */
export const TATWEEL = '\\u0640';
/** What a name is read without: INVISIBLE_IN_WORDS and the tatweel (`إسرائيـل` is `إسرائيل`). */
const SHOWING_NOTHING_IN_NAMES = new RegExp(`[${INVISIBLE_IN_WORDS}${TATWEEL}]`, 'g');

/** `a`, `a and b`, `a, b and c` (`or` for a choice). */
export function wordList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

const SHOWN_CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${DELETE_AND_C1}${DIRECTION_CONTROLS}]`, 'g');
/**
 * A first-strong isolate closed on its line with no direction control inside: how views set a
 * right-to-left value apart (bidi-isolate.ts). It lays out only its own text, so it is kept.
 */
const CLOSED_ISOLATE = `\\u2068[^${DIRECTION_CONTROLS}\\n]*\\u2069`;
const CLOSED_ISOLATE_OR_CONTROL = new RegExp(`${CLOSED_ISOLATE}|${SHOWN_CONTROLS.source}`, 'g');
const ALL_CONTROLS = new RegExp(`[\\u0000-\\u001f${DELETE_AND_C1}${DIRECTION_CONTROLS}]`, 'g');

/**
 * Text with its control characters shown, not obeyed: stored or typed text may hold an ESC that
 * would drive a terminal, or a lone CR that moves the cursor back over the line. Line breaks
 * (`\n`, `\r\n` as `\n`) and tabs stay. C1 controls (a one-byte terminal escape among them) and
 * direction controls, which reorder the rest of the line, are shown as code points; an isolate a
 * view closes around a value (CLOSED_ISOLATE) is kept.
 */
export function visibleControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CLOSED_ISOLATE_OR_CONTROL, (found) =>
    found.length > 1 ? `\u2068${found.slice(1, -1).replace(SHOWN_CONTROLS, controlSymbol)}\u2069` : controlSymbol(found),
  );
}

/** Every control character and direction control of `text` as its symbol, line breaks and tabs too (a value repeated in a refusal). */
export const allControlsShown = (text: string): string => text.replace(ALL_CONTROLS, controlSymbol);

/** One formatter for every count: `toLocaleString` builds a new one at each call (~15 µs). */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A count as replies write it: 12,345. */
export const formatCount = (count: number): string => COUNT_FORMAT.format(count);

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Marks the search index would split words at, though readers write words with or without them:
 * Arabic harakat, Quranic signs and the tatweel (أَحْمَد, احمـد), Hebrew niqqud and cantillation,
 * and the modifier letters transliterations write for ʿayn and hamza (ʻ ʼ ʽ ʾ ʿ: `Sharaʿa` is
 * `Sharaa`, which unicode61 would keep as another word, reading them as letters).
 * FTS5's unicode61 reads a combining mark as a separator, so "أَحْمَد" was indexed as fragments;
 * it reads the characters of INVISIBLE_IN_WORDS so too, and those are dropped as well.
 */
const SEARCH_DROPPED_MARKS = '\u02bb-\u02bf\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7';

/** Greek letters with accents or breathings, which unicode61 does not fold (it folds Latin only). */
const GREEK_ACCENTED = '\u0386-\u03ce\u1f00-\u1fff';

/**
 * Letters Arabic and Persian writers put for one another in the same word, each with the one the
 * index holds: taa marbuta as haa (هيئة, هيئه), alef maqsura and the Persian yeh as yaa (على,
 * علي, نتنیاهو), the Persian keheh as kaf (کرد, كرد). Actor names read them so (actorNameKey).
 */
export const ARABIC_READ_AS: Readonly<Record<string, string>> = { '\u0629': '\u0647', '\u0649': '\u064a', '\u06cc': '\u064a', '\u06a9': '\u0643' };
/** The letters of ARABIC_READ_AS, as a character-class body. */
export const ARABIC_INTERCHANGED_LETTERS = Object.keys(ARABIC_READ_AS).join('');

const IS_DROPPED_MARK = new RegExp(`[${SEARCH_DROPPED_MARKS}${INVISIBLE_IN_WORDS}]`, 'u');
/** Whether a text has a character to fold wherever it stands (foldSearchUnit). */
const HAS_UNIT_FOLD = new RegExp(`[${SEARCH_DROPPED_MARKS}${INVISIBLE_IN_WORDS}${GREEK_ACCENTED}${ARABIC_INTERCHANGED_LETTERS}]`, 'u');
/** Whether a text has anything to fold: most has not, and is returned at the cost of one scan. */
const HAS_SEARCH_FOLD = new RegExp(`[${SEARCH_DROPPED_MARKS}${INVISIBLE_IN_WORDS}${GREEK_ACCENTED}${ARABIC_INTERCHANGED_LETTERS}${NAME_APOSTROPHES}]`, 'u');

/**
 * An apostrophe or ʿayn sign between letters (NAME_APOSTROPHES), which the index would split the
 * word at: `Shara'a`, `Shara’a`, `Ba'ath` and `Qur'an` are read as `Sharaa`, `Baath` and `Quran`,
 * as others write them. Not the possessive `'s` at a word's end, which stays a word apart, as
 * before: joined, `Damascus's` would be `damascuss`, which does not stem as `damascus` does. Nor
 * that of an elision (`l'hôtel`, `d'Orsay`: afterElisionApostrophe), two words, each searched.
 */
const APOSTROPHE_IN_SEARCHED_WORD = new RegExp(
  // The apostrophe is matched before the letter behind it is looked for: looking behind first, at
  // every position, would walk back over a long run of marks at each of them.
  `[${NAME_APOSTROPHES}](?<=[\\p{L}\\p{N}]\\p{M}*[${NAME_APOSTROPHES}])[${NAME_APOSTROPHES}]*(?=[\\p{L}\\p{N}])(?![sS](?![\\p{L}\\p{N}\\p{M}]))` +
    `(?!${afterElisionApostrophe(NAME_APOSTROPHES)})`,
  'giu',
);

/** One UTF-16 unit as the index is to read it: '' dropped, a Greek vowel unaccented, an interchanged Arabic letter as one (ARABIC_READ_AS). */
function foldSearchUnit(unit: string): string {
  if (!HAS_UNIT_FOLD.test(unit)) return unit;
  if (IS_DROPPED_MARK.test(unit)) return '';
  const readAs = ARABIC_READ_AS[unit];
  if (readAs !== undefined) return readAs;
  const base = unit.normalize('NFD')[0]!;
  return /\p{L}/u.test(base) ? base : unit;
}

/**
 * Text as the search index holds it, and as a query is read: what FTS5's tokenizer would not
 * fold itself (SEARCH_DROPPED_MARKS dropped, Greek accents removed, the Arabic and Persian letters
 * of ARABIC_READ_AS as one, apostrophes inside a word dropped: APOSTROPHE_IN_SEARCHED_WORD). Each
 * character is dropped or kept as one, so an excerpt of the folded text maps back onto the text
 * (unfoldExcerpt). Registered as sitrep_search_fold for the index's document view (migrations
 * 0008, 0040, 0043, 0044 re-indexed).
 */
export function foldForSearch(text: string): string {
  if (!HAS_SEARCH_FOLD.test(text)) return text;
  // Apostrophes are found in the text as written, as foldedWithOrigins finds them.
  const joined = text.replace(APOSTROPHE_IN_SEARCHED_WORD, '');
  return HAS_UNIT_FOLD.test(joined) ? foldedWithOrigins(joined, NONE_DROPPED).folded : joined;
}

/** The positions of the apostrophes the fold drops (APOSTROPHE_IN_SEARCHED_WORD). */
function droppedApostrophes(text: string): Set<number> {
  const dropped = new Set<number>();
  for (const match of text.matchAll(APOSTROPHE_IN_SEARCHED_WORD)) {
    for (let i = 0; i < match[0].length; i++) dropped.add(match.index + i);
  }
  return dropped;
}

const NONE_DROPPED: ReadonlySet<number> = new Set();

/** The folded text, and for each of its UTF-16 units (and its end) where it came from. */
function foldedWithOrigins(text: string, apostrophes: ReadonlySet<number> = droppedApostrophes(text)): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = apostrophes.has(i) ? '' : foldSearchUnit(text[i]!);
    if (unit !== '') {
      folded += unit;
      origins.push(i);
    }
  }
  origins.push(text.length);
  return { folded, origins };
}

/**
 * Puts an excerpt of the folded text (an FTS5 snippet: an optional `ellipsis`, the text with
 * `markers` around the matches, an optional `ellipsis`) back into the words as written: a
 * reader sees "أَحْمَد" and "Ωμέγα", not what the index holds. An excerpt it cannot place is
 * returned as it is.
 */
export function unfoldExcerpt(original: string, excerpt: string, ellipsis: string, markers: readonly string[]): string {
  if (!HAS_SEARCH_FOLD.test(original)) return excerpt;
  const { folded, origins } = foldedWithOrigins(original);
  const isMarker = (char: string) => markers.includes(char);
  const plain = [...excerpt].filter((char) => !isMarker(char)).join('');
  for (const lead of [ellipsis, '']) {
    for (const trail of [ellipsis, '']) {
      if (!plain.startsWith(lead) || !plain.endsWith(trail) || plain.length < lead.length + trail.length) continue;
      const at = folded.indexOf(plain.slice(lead.length, plain.length - trail.length));
      if (at < 0) continue;
      // Walk the excerpt past its lead: text advances through the folded text, markers stay.
      let out = lead;
      let position = at;
      let copiedTo = origins[at]!;
      let leadLeft = lead.length;
      const bodyEnd = at + plain.length - lead.length - trail.length;
      for (const char of excerpt) {
        if (isMarker(char)) {
          out += original.slice(copiedTo, origins[position]) + char;
          copiedTo = origins[position]!;
        } else if (leadLeft > 0) {
          leadLeft -= char.length;
        } else if (position < bodyEnd) {
          position += char.length;
        }
      }
      return out + original.slice(copiedTo, origins[bodyEnd]) + trail;
    }
  }
  return excerpt;
}
