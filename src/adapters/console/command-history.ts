// The console's command history, kept in a file between runs so the up arrow recalls
// yesterday's queries, as shells and Node's own REPL do. Losing it is never worth an error: a
// file that cannot be read or written just means no history.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** As many commands as a shell keeps by default. */
export const HISTORY_SIZE = 500;

/** The saved commands, newest first (readline's order); none when there is no file. */
export function loadHistory(path: string): string[] {
  try {
    const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
    // The file reads oldest first, like a shell's.
    return lines.reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

/** Writes readline's history (newest first) back, oldest first. */
export function saveHistory(path: string, history: readonly string[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const lines = history.slice(0, HISTORY_SIZE).filter((line) => !line.includes('\n')).reverse();
    writeFileSync(path, lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
  } catch {
    // A read-only home or a full disk: the session goes on without saving.
  }
}
