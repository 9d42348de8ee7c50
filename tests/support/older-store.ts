// A store as an earlier release created it: its first migrations only, unseeded, for tests of
// what an upgrade does to it (tests/fixtures/stores keeps seeded files of earlier releases).
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/connection.js';
import { DEFAULT_MIGRATIONS_DIR, loadMigrations } from '../../src/store/migrate.js';

/** The release a store of these tests was upgraded from: schema 27. */
export const OLDER_VERSION = 27;

/**
 * Makes a new store at `path` at schema `version`, as the release of that schema created it;
 * `fill` writes to it as that release did (its triggers call the store's SQL functions).
 */
export function createStoreAtVersion(path: string, fill: (db: Db) => void = () => {}, version = OLDER_VERSION): void {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-older-migrations-'));
  try {
    for (const migration of loadMigrations().slice(0, version)) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, migration.name), join(dir, migration.name));
    const db = openDatabase(path, { migrationsDir: dir });
    try {
      fill(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Registers a bot running on the store, as markBotRunning does: this test process, seen `secondsAgo`. */
export function registerBot(path: string, holder: string, secondsAgo = 0, pid = process.pid): void {
  const db = new Database(path);
  const seen = new Date(Date.now() - secondsAgo * 1000).toISOString();
  db.prepare('INSERT INTO bot_processes (holder, host, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?)').run(holder, hostname(), pid, seen, seen);
  db.close();
}

/** The store's schema version and registered bots, read without migrating it. */
export function storeState(path: string): { version: number; bots: string[] } {
  const db = new Database(path, { readonly: true });
  try {
    return { version: db.pragma('user_version', { simple: true }) as number, bots: db.prepare('SELECT holder FROM bot_processes ORDER BY holder').pluck().all() as string[] };
  } finally {
    db.close();
  }
}
