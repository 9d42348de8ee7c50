// Puts a backup in place of the store. The backup is copied beside the store and checked first;
// then the store, made one self-contained file, is renamed aside, and the checked copy renamed
// into its place; if that fails, the store is renamed back. Refused while a bot runs on the store.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { asSingleFile, BadCopyError, flushToDisk, storeFileProblems } from './backup.js';
import { runningBots, type BotProcess } from './bot-presence.js';
import { BUNDLE_FORMAT } from './bundle-format.js';
import { loadMigrations } from './migrate.js';

export class RestoreRefused extends Error {}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function refuseWhileRunning(dbPath: string, now: Date): void {
  if (!existsSync(dbPath)) return;
  const db = new Database(dbPath, { fileMustExist: true });
  let bots: BotProcess[];
  try {
    bots = runningBots(db, now);
  } finally {
    db.close();
  }
  if (bots.length === 0) return;
  const named = bots.map((b) => `pid ${b.pid} on ${b.host}, seen ${Math.round((now.getTime() - Date.parse(b.seenAt)) / 1000)} s ago`).join('; ');
  // A bot may be a console `npm start` as well as a service: how to stop it names the process.
  const kills = bots.map((b) => `kill ${b.pid} on ${b.host}`).join(', ');
  const one = bots.length === 1;
  throw new RestoreRefused(
    `Sitrep is running on ${dbPath} (${plural(bots.length, 'bot', 'bots')}: ${named}). Stop ${one ? 'it' : 'them'} first (Ctrl-C in the console running ${one ? 'it' : 'each'}, or ${kills}; under systemd: systemctl stop sitrep), then restore.`,
  );
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** The file's first bytes, enough to tell an SQLite file, a bundle or other text. */
function headOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses, before SQLite says only "file is not a database", what is plainly no backup: an empty
 * file, a bundle or an export (JSON, NDJSON or CSV text), which an import reads instead.
 */
function refuseNonStore(file: string): void {
  if (statSync(file).size === 0) throw new BadCopyError(`it is empty: it holds no store (was the backup cut short?)`);
  const head = headOf(file);
  if (head.startsWith(SQLITE_HEADER)) return;
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const bundle = text.startsWith('{') && text.split('\n', 1)[0]!.includes(`"record":"${BUNDLE_FORMAT}"`);
  const kind = bundle ? 'a dossier bundle' : /^[[{]/.test(text) ? 'JSON or NDJSON text' : /^[^\0]*$/.test(head) && head.includes(',') ? 'CSV text' : undefined;
  if (kind) throw new BadCopyError(`it is ${kind}, not a backup: load it into a store with npm run import -- ${file}`);
}

/** Refuses what is no Sitrep store, or one of a newer Sitrep; clears the bots the copy recorded. */
function checkCopy(path: string, from: string): void {
  const problems = storeFileProblems(path);
  if (problems.length > 0) throw new BadCopyError(`${from} failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
  const db = new Database(path, { fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const isStore = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get();
    if (version === 0 || !isStore) throw new BadCopyError(`${from} is an SQLite file but not a Sitrep store`);
    const known = loadMigrations().length;
    if (version > known) throw new BadCopyError(`${from} has schema version ${version}, newer than this Sitrep knows (${known}): upgrade Sitrep first`);
    // The processes it names ran on the store it was copied from, not on this one.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bot_processes'").get()) db.exec('DELETE FROM bot_processes');
  } finally {
    db.close();
  }
}

export interface Restored {
  /** Where the store it replaced was put, if there was one. */
  keptAside?: string;
}

export async function restoreStore(file: string, dbPath: string, now: Date = new Date()): Promise<Restored> {
  refuseNonStore(file);
  refuseWhileRunning(dbPath, now);
  const incoming = `${dbPath}.restoring-${process.pid}`;
  try {
    // Through SQLite's backup: a backup file in WAL mode comes with the pages its WAL holds.
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
    asSingleFile(incoming);
    checkCopy(incoming, file);
    flushToDisk(incoming);
    // Again, just before the swap: a bot may have started while the copy was checked.
    refuseWhileRunning(dbPath, new Date());
    if (!existsSync(dbPath)) {
      renameSync(incoming, dbPath);
      return {};
    }
    asSingleFile(dbPath);
    const aside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbPath, aside);
    try {
      renameSync(incoming, dbPath);
    } catch (error) {
      renameSync(aside, dbPath);
      throw error;
    }
    flushToDisk(dbPath);
    return { keptAside: aside };
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${incoming}${suffix}`, { force: true });
  }
}
