// Online backups of the store, and checking a copy before it is trusted. A backup is written under
// a temporary name beside FILE, checked, flushed to disk and only then renamed to FILE: FILE is a
// whole, checked store or is not there (killed half-way, only the temporary file is left). The
// -wal, -shm and -journal files of a file it replaces are removed with it, so FILE is the copy alone.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './connection.js';

/** Pages copied per step: between steps the source is free for the bot's own writes. */
const PAGES_PER_STEP = 256;

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

/** The files SQLite keeps beside a database: a journal to roll back, or a WAL and its index. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

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

/** Copies the live store to `file` (see the top of this file). */
export async function backupStore(db: Db, file: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  const temp = `${file}.partial-${process.pid}`;
  try {
    let total = 0;
    await db.backup(temp, {
      progress({ totalPages, remainingPages }) {
        total = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    asSingleFile(temp);
    const problems = storeFileProblems(temp);
    if (problems.length > 0) throw new BadCopyError(`the copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    flushToDisk(temp);
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
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${suffix}`, { force: true });
  }
}
