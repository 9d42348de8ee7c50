// What killed backups left in the folder a backup writes to: `NAME.partial-PID`, with SQLite's
// side files, whatever NAME each was given. Dated daily backups each have their own name, so a
// later backup to the same name never comes to remove them: any backup does. A backup still
// running (its pid alive) keeps its own (see leftovers.ts); a killed export's hidden
// `.NAME.partial-PID` is left for the next export, which names it as its own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { SIDE_FILES } from '../store/backup.js';
import { leftoversOf, removeLeftovers } from './leftovers.js';

const PARTIAL = new RegExp(`^([^.].*\\.partial-)\\d+(?:${SIDE_FILES.join('|')})?$`);

/** The `NAME.partial-` stems in `dir` (a name starting with a dot is an export's, not a backup's). */
function partialStems(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stems = names.flatMap((name) => {
    const stem = PARTIAL.exec(name)?.[1];
    return stem ? [join(dir, stem)] : [];
  });
  return [...new Set(stems)];
}

/** Removes what killed backups left in `dir` (besides `file`'s own), saying which on `stderr`. */
export function removeKilledBackups(dir: string, file: string, stderr: Writable): void {
  const stems = [...new Set([`${file}.partial-`, ...partialStems(dir)])].sort();
  const killed = stems.filter((stem) => leftoversOf(stem).length > 0);
  removeLeftovers(killed, killed.length > 1 ? 'killed backups' : 'a killed backup', stderr);
}
