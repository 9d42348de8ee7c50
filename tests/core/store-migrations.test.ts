import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connection.js';
import { loadMigrations, SchemaTooNewError } from '../../src/store/migrate.js';

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('GIVEN the numbered SQL migrations', () => {
  const latest = loadMigrations().length;

  it('THEN a new file is migrated to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(tempDbPath());
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['entries', 'actors', 'actor_names', 'entry_actors', 'sources', 'revisions', 'entry_search']));
    db.close();
  });

  it('THEN an already-migrated file is left alone on the next open', () => {
    const path = tempDbPath();
    const first = openDatabase(path);
    first.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    first.close();
    const second = openDatabase(path);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('kept');
    expect(second.pragma('user_version', { simple: true })).toBe(latest);
    second.close();
  });

  it('THEN a file from a newer Sitrep is refused with a clear error and not changed', () => {
    const path = tempDbPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(path)).toThrow(/schema version \d+.*only knows up to \d+/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(latest + 1);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'entries'").pluck().get()).toBe(0);
    after.close();
  });

  it('THEN a migration that fails leaves the version where it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-migrations-'));
    dirs.push(dir);
    writeFileSync(join(dir, '0001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;');
    const path = tempDbPath();
    expect(() => openDatabase(path, { migrationsDir: dir })).toThrow();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });
});
