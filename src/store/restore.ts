// Puts a backup in place of the store. The backup is copied beside the store and checked first;
// then the store, made one self-contained file, is renamed aside, and the checked copy renamed
// into its place; if that fails, the store is renamed back. Refused while a bot runs on the store.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { isStoreBusy } from '../core/errors.js';
import { removeWithSideFiles, SIDE_FILES, asSingleFile, BadCopyError, botsRunning, flushToDisk, forgetBots, sqliteFileProblem, storeFileProblems } from './backup.js';
import { runningBots, type BotProcess } from './bot-presence.js';
import { BUNDLE_FORMAT } from './bundle-format.js';
import { loadMigrations } from './migrate.js';

export class RestoreRefused extends Error {}

/**
 * The bots running on the store. A store SQLite cannot read (another file took its place, it was
 * damaged) runs no bot: a bot cannot start on it, which is why it is being restored.
 */
function botsOn(dbPath: string, now: Date): BotProcess[] | 'unreadable' {
  if (!existsSync(dbPath)) return [];
  try {
    const db = new Database(dbPath, { fileMustExist: true, readonly: true });
    try {
      return runningBots(db, now);
    } finally {
      db.close();
    }
  } catch (error) {
    const problem = sqliteFileProblem(error);
    if (problem === undefined) throw error;
    if (isStoreBusy(error)) throw new RestoreRefused(`the store ${dbPath} is in use: ${problem}`);
    return 'unreadable';
  }
}

/** Refuses while a bot runs on the store; tells a store SQLite cannot read. */
function refuseWhileRunning(dbPath: string, now: Date): 'unreadable' | undefined {
  const bots = botsOn(dbPath, now);
  if (bots === 'unreadable') return bots;
  if (bots.length === 0) return undefined;
  // A bot may be a console `npm start` as well as a service: how to stop it names the process.
  const kills = bots.map((b) => `kill ${b.pid} on ${b.host}`).join(', ');
  const one = bots.length === 1;
  throw new RestoreRefused(
    `Sitrep is running on ${dbPath} (${botsRunning(bots, now)}). Stop ${one ? 'it' : 'them'} first (Ctrl-C in the console running ${one ? 'it' : 'each'}, or ${kills}; under systemd: systemctl stop sitrep), then restore.`,
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
  throw new BadCopyError(NOT_A_BACKUP('it is not an SQLite database'));
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
  } finally {
    db.close();
  }
  // The processes it names ran on the store it was copied from, not on this one.
  forgetBots(path);
}

export interface Restored {
  /** Where the store it replaced was put, if there was one. */
  keptAside?: string;
}

const NOT_A_BACKUP = (problem: string) => `${problem}, so it is no backup to restore: give another backup file (an older one, or one npm run backup -- FILE made of a store that works)`;

/** Copies FILE beside the store as `incoming` and checks the copy; SQLite's refusals of FILE said in words. */
async function checkedCopy(file: string, incoming: string): Promise<void> {
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
  } catch (error) {
    const problem = sqliteFileProblem(error);
    if (problem === undefined) throw error;
    throw new BadCopyError(NOT_A_BACKUP(problem));
  }
}

/**
 * Moves a store SQLite cannot read aside whole, with the files SQLite keeps beside it: left
 * beside the restored store, its WAL would be read into it.
 */
function moveUnreadableAside(dbPath: string, aside: string): void {
  for (const suffix of SIDE_FILES) if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
  renameSync(dbPath, aside);
}

export async function restoreStore(file: string, dbPath: string, now: Date = new Date()): Promise<Restored> {
  refuseNonStore(file);
  const incoming = `${dbPath}.restoring-${process.pid}`;
  try {
    // FILE is checked first, bot or no bot: better to learn it is no backup before stopping production.
    await checkedCopy(file, incoming);
    flushToDisk(incoming);
    // Just before the swap, so that a bot started while the copy was checked is seen too.
    const store = refuseWhileRunning(dbPath, new Date());
    if (!existsSync(dbPath)) {
      renameSync(incoming, dbPath);
      return {};
    }
    const aside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    if (store === 'unreadable') moveUnreadableAside(dbPath, aside);
    else {
      try {
        asSingleFile(dbPath);
      } catch (error) {
        const problem = sqliteFileProblem(error);
        if (problem === undefined || !isStoreBusy(error)) throw error;
        throw new RestoreRefused(`the store ${dbPath} is in use: ${problem}`);
      }
      renameSync(dbPath, aside);
    }
    try {
      renameSync(incoming, dbPath);
    } catch (error) {
      renameSync(aside, dbPath);
      throw error;
    }
    flushToDisk(dbPath);
    return { keptAside: aside };
  } finally {
    removeWithSideFiles(incoming);
  }
}
