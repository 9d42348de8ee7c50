// The quotes a value may be wrapped in, as keyboards type them. Straight and typographic quotes
// open a value; a phone types a closing quote after a colon (`place:”Sweida”`), and German and
// Nordic keyboards write „…“ and »…«, so those open one too, when something closes them.

/** Quotes that open a value, each with the one that closes it; a value left open is refused. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '«': '»' };

/**
 * Quotes that open a value only when one of their closers follows. Left open, the mark is text:
 * `’Ayn` may be a name written with its ʿayn.
 */
const CLOSED_ONLY_PAIRS: Readonly<Record<string, string>> = { '”': '”“', '’': '’‘', '»': '»«', '„': '“”', '‚': '‘’' };

/** Every mark that opens or closes a value. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set([...Object.entries(QUOTE_PAIRS), ...Object.entries(CLOSED_ONLY_PAIRS)].flat().flatMap((marks) => [...marks]));

export interface QuoteOpening {
  /** The marks that end the value. */
  closers: string;
  /** Refuse the value when nothing closes it; otherwise the opening mark is text. */
  mustClose: boolean;
}

/** How a value starting with `mark` is quoted; undefined when `mark` opens no value. */
export function quoteOpening(mark: string): QuoteOpening | undefined {
  const strict = QUOTE_PAIRS[mark];
  if (strict !== undefined) return { closers: strict, mustClose: true };
  const lenient = CLOSED_ONLY_PAIRS[mark];
  return lenient === undefined ? undefined : { closers: lenient, mustClose: false };
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Whether the mark at `i` comes right before a letter or digit: an apostrophe (`al-Sharaa’s`) or
 * a mark opening a word (`‘Arab`), not a closing quote.
 */
export function beforeWord(text: string, i: number): boolean {
  return i < text.length - 1 && WORD_CHARACTER.test(text[i + 1]!);
}

/**
 * A value wholly wrapped in one pair of quotes, without them (`“Sweida”`, `”Sweida”`, `"Sweida"`,
 * `«Sweida»` → `Sweida`), as an option's value arrives from a platform's own field; any other value
 * as it is: quotes inside it are part of it (`“al-Sharaa’s”` → `al-Sharaa’s`; `“a” or “b”` stays).
 */
export function withoutWrappingQuotes(value: string): string {
  const text = value.trim();
  const opening = quoteOpening(text[0] ?? '');
  if (!opening || text.length < 3) return value;
  for (let i = 1; i < text.length; i += 1) {
    if (!opening.closers.includes(text[i]!) || beforeWord(text, i)) continue;
    const inner = text.slice(1, i);
    return i === text.length - 1 && inner.trim() !== '' ? inner : value;
  }
  return value;
}
