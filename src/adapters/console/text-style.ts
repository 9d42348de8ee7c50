// How the console prints views: replies and digests alike.
import type { TextStyle } from '../../core/render-text.js';

/**
 * On a terminal with ANSI emphasis; otherwise as plain text, since code marks (backticks) are
 * chat markup that a pipe or a file would show as stray characters.
 */
export function consoleTextStyle(terminal: boolean): TextStyle {
  return { color: terminal, codeMarks: false };
}
