// What a killed run of a transfer program leaves: the file it was building under a temporary name
// ending in its process id (`sitrep.db.importing-4242`, `backup.db.partial-4242`, with SQLite's
// -wal, -shm or -journal beside it). The next run removes those whose process is gone; a process
// still running (another import, another backup) keeps its own.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { escapeRegExp } from '../core/text.js';
import { SIDE_FILES } from '../store/backup.js';
import { writeLine } from './cli-lines.js';
import { processAlive } from '../store/process-alive.js';

export interface Leftover {
  path: string;
  bytes: number;
}

/**
 * The files left by killed runs under `stem` followed by their pid (`/data/sitrep.db.importing-`),
 * with their side files: those whose process no longer runs.
 */
export function leftoversOf(stem: string): Leftover[] {
  const pattern = new RegExp(`^${escapeRegExp(basename(stem))}(\\d+)(?:${SIDE_FILES.join('|')})?$`);
  let names: string[];
  try {
    names = readdirSync(dirname(stem));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || processAlive(pid)) return [];
    const path = join(dirname(stem), name);
    try {
      const stats = statSync(path);
      return stats.isFile() ? [{ path, bytes: stats.size }] : [];
    } catch {
      return [];
    }
  });
}

const sizeOf = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const listed = (found: readonly Leftover[]) => found.map((f) => `${basename(f.path)} (${sizeOf(f.bytes)})`).join(', ');

/**
 * Removes what killed runs left under each stem, saying so on `stderr` (`what` names the run:
 * "a killed backup"). With `dryRun`, only names them and how to remove them.
 */
export function removeLeftovers(stems: readonly string[], what: string, stderr: Writable, dryRun = false): void {
  const found = stems.flatMap(leftoversOf);
  if (found.length === 0) return;
  const where = dirname(found[0]!.path);
  if (dryRun) {
    writeLine(stderr, `In ${where}, ${what} left ${listed(found)}: a run without --dry-run removes ${found.length === 1 ? 'it' : 'them'}, or delete ${found.length === 1 ? 'it' : 'them'} (rm).`);
    return;
  }
  const removed = found.filter((f) => {
    try {
      rmSync(f.path, { force: true });
      return true;
    } catch {
      return false;
    }
  });
  const kept = found.filter((f) => !removed.includes(f));
  if (removed.length > 0) writeLine(stderr, `Removed what ${what} left in ${where}: ${listed(removed)}.`);
  if (kept.length > 0) writeLine(stderr, `Could not remove what ${what} left in ${where}: ${listed(kept)}; delete ${kept.length === 1 ? 'it' : 'them'} (rm).`);
}
