// The words of typed text as the command syntax groups them: split at whitespace, except inside
// quotes (any pair the syntax knows), which stay in their word. An adapter reads its own flags
// from them before the core's parser sees the text.
import { beforeWord, quoteOpening, type QuoteOpening } from './value-quotes.js';

/** Where the quote opening at `start` closes, as the parser reads it; undefined when nothing closes it. */
function closingAt(input: string, start: number, opening: QuoteOpening): number | undefined {
  for (let i = start + 1; i < input.length; i += 1) {
    if (input[i] === '\\') i += 1;
    else if (opening.closers.includes(input[i]!) && (opening.mustClose || !beforeWord(input, i))) return i;
  }
  return undefined;
}

/** `a "b c"d e` → `a`, `"b c"d`, `e`; a quote never closed runs to the end. */
export function quotedWords(input: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    const opening = quoteOpening(ch);
    // A mark that opens a value only once closed (`”`, as phones type it) opens one where a value
    // starts, as the parser reads it; elsewhere, or with nothing to close it, it is text.
    const startsValue = word === '' || word.endsWith(':');
    const close = opening && (opening.mustClose || startsValue) ? (closingAt(input, i, opening) ?? (opening.mustClose ? input.length - 1 : undefined)) : undefined;
    if (close === undefined) {
      word += ch;
    } else {
      word += input.slice(i, close + 1);
      i = close;
    }
  }
  if (word) words.push(word);
  return words;
}
