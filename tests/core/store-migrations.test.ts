import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connection.js';
import { DEFAULT_MIGRATIONS_DIR, loadMigrations, migrate, SchemaTooNewError } from '../../src/store/migrate.js';

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

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

  it('THEN a migration that would leave a row pointing at a missing one is not applied, and foreign keys are on again', () => {
    const dir = tempDir('sitrep-dangling-');
    writeFileSync(join(dir, '0001_parents.sql'), 'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));');
    writeFileSync(join(dir, '0002_orphan.sql'), 'INSERT INTO child (parent_id) VALUES (42);');
    const db = new Database(join(dir, 'store.db'));
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, dir)).toThrow(/Migration 0002_orphan\.sql would leave 1 row\(s\) pointing at missing rows \(first: child row 1 → parent\)/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('THEN a migration that removes rows others point at, or writes through a trigger, is checked as well', () => {
    const dir = tempDir('sitrep-dangling-reach-');
    writeFileSync(
      join(dir, '0001_parents.sql'),
      `CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));
       CREATE TABLE inbox (parent_id INTEGER); CREATE TRIGGER inbox_to_child AFTER INSERT ON inbox BEGIN INSERT INTO child (parent_id) VALUES (NEW.parent_id); END;
       INSERT INTO parent (id) VALUES (1); INSERT INTO child (parent_id) VALUES (1);`,
    );
    writeFileSync(join(dir, '0002_drop_parent.sql'), 'DELETE FROM parent WHERE id = 1;');
    const db = new Database(join(dir, 'store.db'));
    expect(() => migrate(db, dir)).toThrow(/Migration 0002_drop_parent\.sql would leave 1 row\(s\) pointing at missing rows \(first: child row 1 → parent\)/);
    expect(db.prepare('SELECT count(*) FROM parent').pluck().get()).toBe(1);

    rmSync(join(dir, '0002_drop_parent.sql'));
    writeFileSync(join(dir, '0002_through_trigger.sql'), 'INSERT INTO inbox (parent_id) VALUES (7);');
    expect(() => migrate(db, dir)).toThrow(/Migration 0002_through_trigger\.sql would leave 1 row\(s\) pointing at missing rows \(first: child row 2 → parent\)/);
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});

/** Everything a digest store holds, in a fixed order. */
function digestRows(db: Database.Database) {
  const all = (table: string, order: string) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  return {
    subscriptions: all('digest_subscriptions', 'id'),
    deliveries: all('digest_deliveries', 'id'),
    leases: all('digest_leases', 'scope'),
    version: all('digest_schedule_version', 'id'),
  };
}

/** The digest tables' indexes and triggers, as created. */
const digestSchema = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name LIKE 'digest%' AND type IN ('index', 'trigger') ORDER BY name").all();

const SUBSCRIBE = `INSERT INTO digest_subscriptions (id, platform, workspace_id, channel_id, schedule, cron, timezone, topic, event_type,
  actor_id, actor_name, skip_empty, cursor, cursor_at, next_slot_at, paused_at, paused_reason, created_at, created_by, updated_at, updated_by)
  VALUES (?, ?, ?, ?, 'daily 08:00', '0 8 * * *', 'Europe/Paris', ?, NULL, NULL, NULL, ?, ?, '2026-07-01T06:00:00.000Z',
  '2026-07-02T06:00:00.000Z', ?, ?, '2026-07-01T06:00:00.000Z', 'discord:1', '2026-07-01T06:00:00.000Z', 'discord:1')`;

const DELIVER = `INSERT INTO digest_deliveries (id, subscription_id, slot, kind, missed_slots, status, cursor_from, cursor_to, period_from,
  attempts, next_attempt_at, last_error, pending_parts, parts_total, message_refs, partial_refs, sender, created_at, updated_at)
  VALUES (?, ?, ?, 'scheduled', 0, ?, 3, 7, '2026-07-01T06:00:00.000Z', ?, ?, ?, ?, 2, ?, ?, 'host:1:abc', '2026-07-01T06:00:00.000Z', '2026-07-01T06:01:00.000Z')`;

/** A folder holding the migrations up to `version`, so a test stops there whatever comes later. */
function migrationsUpTo(version: number): string {
  const dir = tempDir(`sitrep-v${version}-`);
  for (const m of loadMigrations().filter((m) => m.version <= version)) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, m.name), join(dir, m.name));
  return dir;
}

describe('GIVEN a store at version 8 whose digest subscriptions may only be on console, Discord or Slack', () => {
  function storeAtVersion8(): string {
    const path = join(tempDir('sitrep-v8-store-'), 'store.db');
    const db = openDatabase(path, { migrationsDir: migrationsUpTo(8) });
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    db.transaction(() => {
      db.prepare(SUBSCRIBE).run(1, 'discord', 'g1', 'c1', 'syria-israel', 0, 7, null, null);
      db.prepare(SUBSCRIBE).run(5, 'slack', 'T1', 'C1', null, 1, 3, '2026-07-03T06:00:00.000Z', 'Slack refused the message: not_in_channel');
      db.prepare(SUBSCRIBE).run(9, 'console', '', 'console', null, 0, 0, null, null);
      db.prepare(DELIVER).run(1, 1, '2026-07-01T06:00:00.000Z', 'delivered', 1, null, null, null, '[["m1"],["m2"]]', '[]');
      db.prepare(DELIVER).run(2, 1, '2026-07-02T06:00:00.000Z', 'retrying', 2, '2026-07-02T06:05:00.000Z', 'HTTP 429', '[{"title":"x"}]', '[["m3"]]', '["m4"]');
      db.prepare(DELIVER).run(3, 5, '2026-07-01T06:00:00.000Z', 'failed', 1, null, 'Slack refused the message: not_in_channel', null, '[]', '[]');
      db.prepare("INSERT INTO digest_leases (scope, holder, acquired_at, expires_at) VALUES ('discord', 'host:1:abc', '2026-07-01T06:00:00.000Z', '2026-07-01T06:03:00.000Z')").run();
    })();
    expect(() => db.prepare(SUBSCRIBE).run(10, 'matrix', '', '!room', null, 0, 0, null, null)).toThrow(/CHECK constraint failed/);
    db.close();
    return path;
  }

  it('THEN migration 9 keeps every digest row, index, trigger and reference, and a new platform’s channel can subscribe', () => {
    const path = storeAtVersion8();
    const raw = new Database(path);
    const before = { rows: digestRows(raw), schema: digestSchema(raw) };
    raw.close();

    const db = openDatabase(path, { migrationsDir: migrationsUpTo(9) });
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(digestRows(db)).toEqual(before.rows);
    expect(digestSchema(db)).toEqual(before.schema);
    expect(db.pragma('foreign_key_list(digest_deliveries)')).toMatchObject([{ table: 'digest_subscriptions', from: 'subscription_id', to: 'id', on_delete: 'CASCADE' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // A platform no migration knows, and the triggers, the UNIQUE channel and the cascade still at work.
    db.prepare(SUBSCRIBE).run(10, 'matrix', '', '!room:example.org', null, 0, 0, null, null);
    expect(db.prepare("SELECT platform, channel_id FROM digest_subscriptions WHERE id = 10").get()).toEqual({ platform: 'matrix', channel_id: '!room:example.org' });
    expect(db.prepare('SELECT version FROM digest_schedule_version').pluck().get()).toBe((before.rows.version[0] as { version: number }).version + 1);
    expect(() => db.prepare(SUBSCRIBE).run(11, 'matrix', '', '!room:example.org', null, 0, 0, null, null)).toThrow(/UNIQUE constraint failed/);
    db.prepare('DELETE FROM digest_subscriptions WHERE id = 1').run();
    expect(db.prepare('SELECT id FROM digest_deliveries ORDER BY id').pluck().all()).toEqual([3]);
    db.close();
  });
});


describe('GIVEN a store at version 10 with digest subscriptions and a digest waiting to retry', () => {
  it('THEN migration 11 keeps every row, gives each subscription an empty context, and turns stored footers into lines', () => {
    const path = join(tempDir('sitrep-v10-store-'), 'store.db');
    const db = openDatabase(path, { migrationsDir: migrationsUpTo(10) });
    const parts = [{ title: 'Sitrep digest', tone: 'normal', sections: [], footer: 'Details: /entry show ID · part 1 of 2' }, { title: 'Sitrep digest (continued)', tone: 'normal', sections: [] }];
    db.transaction(() => {
      db.prepare(SUBSCRIBE).run(1, 'discord', 'g1', 'c1', 'syria-israel', 0, 7, null, null);
      db.prepare(SUBSCRIBE).run(5, 'slack', 'T1', 'C1', null, 1, 3, '2026-07-03T06:00:00.000Z', 'Slack refused the message: not_in_channel');
      db.prepare(DELIVER).run(1, 1, '2026-07-01T06:00:00.000Z', 'delivered', 1, null, null, null, '[["m1"],["m2"]]', '[]');
      db.prepare(DELIVER).run(2, 5, '2026-07-02T06:00:00.000Z', 'retrying', 2, '2026-07-02T06:05:00.000Z', 'HTTP 429', JSON.stringify(parts), '[]', '[]');
    })();
    const before = digestRows(db);
    db.close();

    const migrated = openDatabase(path, { migrationsDir: migrationsUpTo(11) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(11);
    const after = digestRows(migrated);
    expect(after.subscriptions).toEqual(before.subscriptions.map((row) => ({ ...(row as object), context: '' })));
    const pending = (row: unknown) => JSON.parse((row as { pending_parts: string }).pending_parts) as unknown[];
    expect(after.deliveries.map((row) => ({ ...(row as object), pending_parts: null }))).toEqual(before.deliveries.map((row) => ({ ...(row as object), pending_parts: null })));
    expect(pending(after.deliveries[1])).toEqual([{ ...parts[0], footer: [{ text: 'Details: /entry show ID · part 1 of 2' }] }, parts[1]]);
    expect((after.deliveries[0] as { pending_parts: unknown }).pending_parts).toBeNull();
    migrated.close();
  });
});
