// Opens the SQLite file with the pragmas Sitrep relies on, then brings its schema up to date.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { foldForSearch, foldKey } from '../core/text.js';
import { migrate, type MigrateOptions, type MigrationLog } from './migrate.js';
import { retryWhileBusy } from './write-lock.js';

export type Db = Database.Database;

export interface OpenOptions extends MigrateOptions {
  /** Where migrations live; defaults to data/migrations in the repo. */
  migrationsDir?: string;
  /** How long a write waits for another connection's write to finish (default 5 s). */
  busyTimeoutMs?: number;
  /** Told when migrating waits for another process's, and which migrations ran. */
  migrationLog?: MigrationLog;
}

/** Long enough for another process's commands and digests; batch tools wait on the bot's. */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // Turning a store WAL (a new one, a restored backup) takes it whole: another process starting may hold it a moment.
    retryWhileBusy(() => db.pragma('journal_mode = WAL'), options.migrationLog ?? {});
    db.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses no committed transaction's integrity
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)}`);
    // The folds of src/core/text.ts, for SQL: migration 0008 re-keys stored names with the first,
    // and the search index's document view (so every trigger that indexes an entry) uses the second.
    const nullOr = (fold: (text: string) => string) => (text: unknown) => (text === null ? null : fold(String(text)));
    db.function('sitrep_fold_key', { deterministic: true }, nullOr(foldKey));
    db.function('sitrep_search_fold', { deterministic: true }, nullOr(foldForSearch));
    migrate(db, options.migrationsDir, options.migrationLog, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
