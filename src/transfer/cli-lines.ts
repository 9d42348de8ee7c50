// Lines the transfer programs print. They repeat what files hold (an actor a row names, a column's
// name, a feed's title), which may carry an ESC that would drive the terminal: control characters
// are shown as symbols, never obeyed.
import type { Writable } from 'node:stream';
import { writeLine as writeText } from '../cli-io.js';
import { visibleControls } from '../core/text.js';

export function writeLine(stream: Writable, line: string): void {
  writeText(stream, visibleControls(line));
}
