// The words of typed text as the command syntax groups them: split at whitespace, except inside
// quotes (any pair the syntax knows), which stay in their word. An adapter reads its own flags
// from them before the core's parser sees the text.
import { QUOTE_PAIRS } from './text-syntax.js';

/** `a "b c"d e` → `a`, `"b c"d`, `e`; a quote never closed runs to the end. */
export function quotedWords(input: string): string[] {
  const words: string[] = [];
  let closing: string | undefined;
  let word = '';
  let escaped = false;
  for (const ch of input) {
    if (closing !== undefined) {
      word += ch;
      // Inside quotes a backslash keeps the next character in the value (`\"`, `\\`), as the parser reads it.
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === closing) closing = undefined;
    } else if (/\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
    } else {
      if (ch in QUOTE_PAIRS) closing = QUOTE_PAIRS[ch];
      word += ch;
    }
  }
  if (word) words.push(word);
  return words;
}
