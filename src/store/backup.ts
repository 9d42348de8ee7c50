// Online backups of the store, and checking a copy before it is trusted. A backup is written under
// a temporary name beside FILE, checked, flushed to disk and only then renamed to FILE: FILE is a
// whole, checked store or is not there (killed half-way, only the temporary file is left). The
// -wal, -shm and -journal files of a file it replaces are removed with it, so FILE is the copy alone.
//
// The copy reads the store inside one read transaction. SQLite's online backup otherwise starts
// over whenever another connection writes between two of its steps, and a store the bot writes
// every few seconds (lease renewals, a feed check, an edit) is then never copied to the end. In
// WAL mode a reader blocks no writer: the bot writes on, and checkpoints fold back only what was
// written before the copy began, so the WAL grows by what is written during the copy (folded back
// at the next checkpoint once the copy is read, before it is checked).
// Copying in one step (sqlite3_backup_step(-1)) or VACUUM INTO would read under the same
// transaction but report no progress, and VACUUM INTO rebuilds every index besides.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isStoreBusy } from '../core/errors.js';
import { plural } from '../core/text.js';
import { runningBots, type BotProcess } from './bot-presence.js';
import { sqliteFileFault } from './sqlite-faults.js';
import type { Db } from './connection.js';

/** Pages copied per step: between steps the progress is told, and a signal can end the process. */
const PAGES_PER_STEP = 256;

/**
 * How many times a copy may start over before the backup gives up. Only a store not in WAL mode
 * starts over (see backupStore); a copy that starts over again and again never ends.
 */
export const MAX_RESTARTS = 3;

/** What PRAGMA integrity_check (and the foreign keys) find wrong in a store file; empty when sound. */
export function storeFileProblems(path: string): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const dangling = db.pragma('foreign_key_check') as { table: string }[];
    return [...integrity, ...(dangling.length > 0 ? [`${dangling.length} row(s) of ${dangling[0]!.table} point at missing rows`] : [])];
  } finally {
    db.close();
  }
}

/**
 * Makes the copy one self-contained file: a backup of a WAL store is a WAL store, which a tool
 * copying the file alone could read without its latest pages.
 */
export function asSingleFile(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Empties the copy's bot_processes: the bots it names run on the store it was copied from, not on
 * the copy, which would otherwise pass for a running bot's store when the next backup replaces it.
 */
export function forgetBots(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bot_processes'").get();
    // Only when there are rows: an unchanged copy stays byte for byte the store's.
    if (hasTable && db.prepare('SELECT 1 FROM bot_processes LIMIT 1').get()) db.exec('DELETE FROM bot_processes');
  } finally {
    db.close();
  }
}

/** Writes a file's data, and the directory entry naming it, to disk. */
export function flushToDisk(path: string): void {
  for (const target of [path, dirname(path)]) {
    const fd = openSync(target, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

export class BadCopyError extends Error {}

/** The store was written to all through the copy, which started over MAX_RESTARTS times. */
export class CopyKeptRestarting extends Error {}

/** "1 bot: pid 41 on host-a, seen 12 s ago", naming each bot that runs on a store. */
export function botsRunning(bots: readonly BotProcess[], now: Date): string {
  const named = bots.map((b) => `pid ${b.pid} on ${b.host}, seen ${Math.round((now.getTime() - Date.parse(b.seenAt)) / 1000)} s ago`).join('; ');
  return `${plural(bots.length, 'bot', 'bots')}: ${named}`;
}

const FILE_PROBLEMS = {
  'not-a-database': 'it is not an SQLite database',
  damaged: 'it is damaged: SQLite finds it malformed (was it cut short?)',
  busy: 'another program is writing to it (an import, a backup?): try again once it is done',
} as const;

/** SQLite's words for a file it cannot use, said as what is wrong with the file. */
export function sqliteFileProblem(error: unknown): string | undefined {
  const fault = sqliteFileFault(error);
  return fault && FILE_PROBLEMS[fault];
}

/**
 * Why a backup must not replace the existing file `file`, or undefined when it may: only an
 * older backup (a Sitrep store no bot runs on, and, given the `live` store being backed up, one
 * of that store: see notAnOlderBackupOf) or an empty file is replaced. Replacing a running bot's
 * store would remove its WAL from under it, losing what it writes; another store that no bot runs
 * on would lose its dossier; any other file is plainly not a backup that a rotation would replace.
 */
export function backupMayNotReplace(file: string, live?: Db, now: Date = new Date()): string | undefined {
  if (!existsSync(file) || statSync(file).size === 0) return undefined;
  if (!isSqliteFile(file)) return 'it is not a Sitrep store or backup (not an SQLite database), which a backup does not replace: give another path, or delete it first if it is not needed';
  let db: Database.Database | undefined;
  try {
    // Read-only: closing a read-write connection could fold a WAL left beside the file into it.
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (!hasTable(db, 'entries')) return 'it is an SQLite database but not a Sitrep store or backup, which a backup does not replace: give another path, or delete it first if it is not needed';
    const bots = runningBots(db, now);
    if (bots.length > 0) return `it is the store of a running Sitrep (${botsRunning(bots, now)}): replacing it would lose what that bot writes. Back up to another file`;
    return live && notAnOlderBackupOf(db, live);
  } catch (error) {
    const problem = sqliteFileProblem(error);
    if (problem === undefined) throw error;
    if (isStoreBusy(error)) return problem;
    return `${problem}: if it is a damaged backup, delete it, then back up again`;
  } finally {
    db?.close();
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** A change as every revision records it since the first schema; its reason can be edited later, so it is left out. */
interface Change {
  id: number;
  entity: string;
  entityId: number;
  action: string;
  changedBy: string;
  changedAt: string;
}

const CHANGE_COLUMNS = 'id, entity, entity_id AS entityId, action, changed_by AS changedBy, changed_at AS changedAt';

/**
 * Why the Sitrep store `target` is not an older backup of `live`, or undefined when it is. Every
 * change to the dossier is a revision, numbered in order and stamped with its author and time (to
 * the millisecond), and revisions are never deleted: an older copy of the store has its newest
 * revision, identical, in the live store. Another store has its own (its seed too was stamped
 * when it was first started); so has a backup taken before the live store was restored from an
 * older one, which holds changes the store no longer has. One row is read from each store.
 */
export function notAnOlderBackupOf(target: Db, live: Db): string | undefined {
  const newest = hasTable(target, 'revisions') ? (target.prepare(`SELECT ${CHANGE_COLUMNS} FROM revisions ORDER BY id DESC LIMIT 1`).get() as Change | undefined) : undefined;
  const entries = plural(target.prepare('SELECT count(*) FROM entries WHERE deleted_at IS NULL').pluck().get() as number, 'entry', 'entries');
  const instead = 'Give another file name, or move that file away first if this backup is to take its place';
  if (newest === undefined) return `it is a Sitrep store with no change recorded (${entries}), so nothing shows it is an older backup of this store, which is all a backup replaces. ${instead}`;
  const same = !hasTable(live, 'revisions') ? undefined : (live.prepare(`SELECT ${CHANGE_COLUMNS} FROM revisions WHERE id = ?`).get(newest.id) as Change | undefined);
  if (same && (Object.keys(newest) as (keyof Change)[]).every((column) => same[column] === newest[column])) return undefined;
  const change = `revision ${newest.id}: ${newest.action} of ${newest.entity} ${newest.entityId} by ${newest.changedBy} at ${newest.changedAt}`;
  return `it is a Sitrep store but not an older backup of this one: it holds ${entries}, and its newest change (${change}) is not in this store, so replacing it would lose what it holds. ${instead}`;
}

/** The 16 bytes every SQLite database file starts with. */
export const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether the file at `path` (a link is followed) starts with SQLite's header; false when it cannot be read. */
export function isSqliteFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** The files SQLite keeps beside a database: a journal to roll back, or a WAL and its index. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Removes a database file, if there, with the files SQLite kept beside it. */
export function removeWithSideFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Renames the side files left beside `file` out of SQLite's way: opening the new copy, SQLite
 * would read an old WAL's pages into it (or roll an old journal back into it). They belong to the
 * file being replaced; a process still holding it open keeps them through its open descriptors.
 * Returns the names moved, and where to.
 */
function setAsideSideFiles(file: string): { from: string; to: string }[] {
  const moved = SIDE_FILES.map((suffix) => ({ from: `${file}${suffix}`, to: `${file}${suffix}.replaced-${process.pid}` })).filter(({ from }) => existsSync(from));
  const done: typeof moved = [];
  try {
    for (const move of moved) {
      renameSync(move.from, move.to);
      done.push(move);
    }
  } catch (error) {
    putBack(done);
    throw error;
  }
  return moved;
}

function putBack(moved: readonly { from: string; to: string }[]): void {
  for (const { from, to } of moved) renameSync(to, from);
}

export interface BackupResult {
  pages: number;
  /** The side files of the file replaced (`FILE-wal`…), removed so they cannot mix into the copy. */
  removedSideFiles: string[];
}

export interface BackupHooks {
  /** Pages copied so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** The copy started over from the first page (`restart` of MAX_RESTARTS): another connection wrote to a store not in WAL mode. */
  onRestart?: (restart: number) => void;
  /** Runs just before the copy takes FILE's place, to refuse a FILE that became one not to replace meanwhile (a bot started on it); what it throws leaves FILE as it was. */
  beforeReplace?: () => void;
}

/**
 * Opens a read transaction on `db` at once (BEGIN alone waits for the first read), when the store
 * is in WAL mode: the copy then reads the store as it is now, whatever is written meanwhile.
 * Returns whether it did. A store in rollback-journal mode gets none: its read lock would keep the
 * bot from committing (it waits 5 s, then its write fails) for as long as the copy takes.
 */
function holdSnapshot(db: Db): boolean {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return true;
}

/** Copies the store to `temp` page by page, telling the progress and each time the copy starts over. */
async function copyPages(db: Db, temp: string, { onProgress, onRestart }: BackupHooks): Promise<number> {
  let total = 0;
  let copied = 0;
  let restarts = 0;
  await db.backup(temp, {
    progress({ totalPages, remainingPages }) {
      const done = totalPages - remainingPages;
      // Each step copies at least one page: fewer copied than after the step before is a new start.
      if (done <= copied && copied > 0) {
        restarts += 1;
        if (restarts > MAX_RESTARTS) throw new CopyKeptRestarting(`the store was written to all through the copy, which started over ${MAX_RESTARTS} times`);
        onRestart?.(restarts);
      }
      total = totalPages;
      copied = done;
      onProgress?.(done, totalPages);
      return PAGES_PER_STEP;
    },
  });
  return total;
}

/** Copies the live store to `file` (see the top of this file). */
export async function backupStore(db: Db, file: string, hooks: BackupHooks = {}): Promise<BackupResult> {
  const temp = `${file}.partial-${process.pid}`;
  try {
    const snapshot = holdSnapshot(db);
    let total: number;
    try {
      total = await copyPages(db, temp, hooks);
    } finally {
      // Ended before the copy is checked: until then the store's WAL cannot be folded back.
      if (snapshot && db.inTransaction) db.exec('ROLLBACK');
    }
    forgetBots(temp);
    asSingleFile(temp);
    const problems = storeFileProblems(temp);
    if (problems.length > 0) throw new BadCopyError(`the copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    flushToDisk(temp);
    hooks.beforeReplace?.();
    const moved = setAsideSideFiles(file);
    try {
      renameSync(temp, file);
    } catch (error) {
      // FILE stays as it was, with its side files.
      putBack(moved);
      throw error;
    }
    for (const { to } of moved) rmSync(to, { force: true });
    flushToDisk(file);
    return { pages: total, removedSideFiles: moved.map(({ from }) => from) };
  } finally {
    removeWithSideFiles(temp);
  }
}
