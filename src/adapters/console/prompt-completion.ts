// Tab at the prompt, as shells do it: a completion that extends the typed word goes into the line;
// otherwise a second Tab lists the candidates. readline's own list is printed under the line and
// the prompt drawn again below it, which leaves a stale copy of the line above the list: here the
// list takes the line's place and the line is drawn once, under it.
import { clearScreenDown, cursorTo, moveCursor, type Interface } from 'node:readline';
import type { Writable } from 'node:stream';
import { insertable, type Completion } from './completion.js';

/** Columns of a terminal that does not say (a pipe made to look like one). */
const DEFAULT_COLUMNS = 80;
/** Save and restore the cursor position (DEC), to leave it mid-line after drawing the line. */
const SAVE_CURSOR = '\x1b7';
const RESTORE_CURSOR = '\x1b8';

interface KeypressSource {
  prependListener(event: 'keypress', listener: (text: string | undefined, key: { name?: string } | undefined) => void): unknown;
}

export class PromptCompletion {
  /** Tabs pressed in a row, the one being handled included. */
  private tabs = 0;
  private rl: Interface | undefined;

  constructor(
    private readonly complete: (line: string) => Completion,
    private readonly output: Writable & { columns?: number },
  ) {}

  /**
   * Follows the keys typed. The listener runs before readline's, which calls the completer, so
   * the count already includes the Tab being completed.
   */
  attach(rl: Interface, input: KeypressSource): void {
    this.rl = rl;
    input.prependListener('keypress', (_text, key) => {
      this.tabs = key?.name === 'tab' ? this.tabs + 1 : 0;
    });
  }

  /** readline's completer: the text before the cursor in, what readline may insert out. */
  completer = (line: string): Completion => {
    const completion = this.complete(line);
    if (insertable(completion)) return completion;
    if (this.tabs >= 2 && completion[0].length > 1) this.list(completion[0]);
    // Nothing for readline to insert or list.
    return [[], completion[1]];
  };

  /** Replaces the line on screen by the candidates in columns, then draws the line under them. */
  private list(candidates: readonly string[]): void {
    const rl = this.rl;
    if (!rl) return;
    const { output } = this;
    moveCursor(output, 0, -rl.getCursorPos().rows);
    cursorTo(output, 0);
    clearScreenDown(output);
    output.write(`${inColumns(candidates, output.columns || DEFAULT_COLUMNS)}\n`);
    // The line as readline draws it, the cursor where it was: readline goes on editing it there.
    const before = rl.getPrompt() + rl.line.slice(0, rl.cursor);
    const after = rl.line.slice(rl.cursor);
    output.write(after === '' ? before : `${before}${SAVE_CURSOR}${after}${RESTORE_CURSOR}`);
  }
}

/** Candidates side by side, as many as fit in a row of the terminal. */
function inColumns(candidates: readonly string[], columns: number): string {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows: string[] = [];
  for (let i = 0; i < candidates.length; i += perRow) {
    rows.push(candidates.slice(i, i + perRow).map((c) => c.padEnd(width)).join('').trimEnd());
  }
  return rows.join('\n');
}
