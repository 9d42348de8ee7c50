// A source's keywords option, e.g. `ceasefire, Sweida, "al-Sharaa", negotiat*, -opinion`: terms
// apart by commas (or by tabs, semicolons and line breaks, as lists pasted from a spreadsheet or a
// document hold them), a quoted term taken as written (commas and all), a trailing `*` matching any
// word that starts so, a leading `-` leaving out the items that hold it. An item matches when its
// title or summary holds any term as whole words (in any of its forms: see keyword-forms) and none
// of the terms left out.
import type { FeedItem } from './feed-port.js';
import { formsPattern, holdsForm } from './keyword-forms.js';
import { foldPhrase, foldText, type FoldedPhrase, type FoldedText } from './word-match.js';

export interface Keyword {
  /** As typed, without its quotes nor its `-`: what is shown as the reason an item was picked or left out. */
  text: string;
  phrase: FoldedPhrase;
  /** Typed with a leading `-`: an item holding it is left out, whatever else it holds. */
  exclude: boolean;
  /** Its forms in folded text: plurals, a compound joined or apart. */
  forms: RegExp;
}

/** Whether the folded text holds the keyword, in any of its forms. */
export const holdsKeyword = (text: FoldedText, keyword: Keyword): boolean => holdsForm(text, keyword.phrase, keyword.forms);

interface Term {
  text: string;
  prefix: boolean;
  exclude: boolean;
}

/** Taken as commas between terms, by the name a reply gives them: pasted lists hold them. */
const OTHER_SEPARATORS: ReadonlyMap<string, string> = new Map([
  ['\t', 'tabs'],
  [';', 'semicolons'],
  ['\n', 'line breaks'],
  ['\r', 'line breaks'],
]);

/** Where a character of a keywords option stands: between quotes, a quote mark itself, or outside quotes. */
type Place = 'quoted' | 'mark' | 'open';

/** The characters of a keywords option, each with its place ("…" or “…” quote a term). */
function* scan(text: string): Generator<[string, Place]> {
  let closing: string | undefined;
  for (const char of text) {
    if (closing !== undefined) {
      if (char === closing) closing = undefined;
      yield [char, closing === undefined ? 'mark' : 'quoted'];
    } else if (char === '"' || char === '“') {
      closing = char === '"' ? '"' : '”';
      yield [char, 'mark'];
    } else {
      yield [char, 'open'];
    }
  }
}

const separates = (char: string, place: Place) => place === 'open' && (char === ',' || OTHER_SEPARATORS.has(char));

/** The terms typed, split at commas, tabs, semicolons and line breaks outside quotes. */
function splitTerms(text: string): Term[] {
  const terms: Term[] = [];
  let current = '';
  const finish = () => {
    let trimmed = current.trim();
    // `-opinion`, `-"live updates"`: the dash before the term, not a word's own (`-` alone is none).
    const exclude = /^-\s*[^\s-]/.test(trimmed);
    if (exclude) trimmed = trimmed.slice(1).trim();
    const prefix = /[\p{L}\p{N}]\*+$/u.test(trimmed);
    terms.push({ text: prefix ? trimmed.replace(/\*+$/, '') : trimmed, prefix, exclude });
    current = '';
  };
  for (const [char, place] of scan(text)) {
    if (separates(char, place)) finish();
    else if (place !== 'mark') current += char;
  }
  finish();
  return terms;
}

/**
 * The separators other than commas the option holds outside quotes, by name (`tabs`,
 * `semicolons`, `line breaks`), in the order met: a reply says they were read as commas.
 */
export function otherSeparators(text: string): string[] {
  const names = new Set<string>();
  for (const [char, place] of scan(text)) {
    const name = place === 'open' ? OTHER_SEPARATORS.get(char) : undefined;
    if (name) names.add(name);
  }
  return [...names];
}

/**
 * The option with its separators outside quotes written as commas, quoted terms as typed: what a
 * source keeps, so that a feed list exported (where a tab reads back as a space) means the same.
 */
export function withCommas(text: string): string {
  let written = '';
  for (const [char, place] of scan(text)) written += place === 'open' && OTHER_SEPARATORS.has(char) ? ', ' : char;
  return written.trim();
}

/**
 * The terms (as typed) holding a `*` other than a trailing one: a `*` matches any ending of the
 * term's last word, and anywhere else would match nothing.
 */
export function misplacedWildcards(text: string): string[] {
  return splitTerms(text)
    .filter((term) => term.text.includes('*'))
    .map((term) => `${term.exclude ? '-' : ''}${term.text}${term.prefix ? '*' : ''}`);
}

/** The keywords in a keywords option; terms that fold to nothing and repeats are left out. */
export function parseKeywords(text: string): Keyword[] {
  const keywords: Keyword[] = [];
  const seen = new Set<string>();
  for (const term of splitTerms(text)) {
    const phrase = foldPhrase(term.text, term.prefix);
    const key = phrase && `${term.exclude}:${phrase.cased}:${phrase.prefix}:${phrase.words}`;
    if (!phrase || !key || seen.has(key)) continue;
    seen.add(key);
    keywords.push({ text: term.text, phrase, exclude: term.exclude, forms: formsPattern(phrase) });
  }
  return keywords;
}

/**
 * The first keyword (in the order typed) found in the item's title or summary, or null; null too
 * when the item holds a term left out. No keywords match nothing: whether a source without
 * keywords takes every item is its caller's rule, not this one's.
 */
export function matchKeywords(keywords: string | readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): string | null {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  if (parsed.length === 0) return null;
  const text = foldText(`${item.title}\n${item.summary}`);
  const held = (keyword: Keyword) => holdsKeyword(text, keyword);
  if (parsed.some((keyword) => keyword.exclude && held(keyword))) return null;
  return parsed.find((keyword) => !keyword.exclude && held(keyword))?.text ?? null;
}

/** The terms sought or left out (as typed) that are matched in capitals only, as initialisms (`UN`, `GAZA`). */
export function capitalsOnly(text: string): string[] {
  return parseKeywords(text)
    .filter((keyword) => keyword.phrase.cased)
    .map((keyword) => keyword.text.trim());
}
