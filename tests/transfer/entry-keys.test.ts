// Stable entry keys: the migration gives every stored entry one (from its creation time), new
// entries get theirs when written, and an import keeps the key its row gives.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/connection.js';
import { newEntryKey } from '../../src/store/entry-keys.js';
import { DEFAULT_MIGRATIONS_DIR, migrate } from '../../src/store/migrate.js';
import { seedDatabase } from '../../src/store/seed.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The milliseconds a version-7 UUID starts with. */
const timeOf = (key: string) => parseInt(key.replace(/-/g, '').slice(0, 12), 16);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-keys-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a store made before entries had keys', () => {
  it('WHEN migrated THEN every entry has a unique key from its creation time, and actors may be of kind unknown', () => {
    const before = join(dir, 'before');
    mkdirSync(before);
    const files = readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    const keys = files.findIndex((f) => f.includes('entry_keys'));
    for (const file of files.slice(0, keys)) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, file), join(before, file));
    const db = openDatabase(join(dir, 'old.db'), { migrationsDir: before });
    try {
      // Written as the writers of that time did (today's write keys).
      const at = ['2025-07-26T10:00:00.123Z', '2025-07-26T10:00:00.123Z', '2026-01-02T03:04:05.678Z'];
      db.prepare("INSERT INTO topics VALUES ('t', ?)").run(at[0]);
      db.prepare("INSERT INTO actors (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (1, 'Syria', 'state', ?, 's', ?, 's')").run(at[0], at[0]);
      const entry = db.prepare(
        `INSERT INTO entries (topic, title, event_type, occurred_on, occurred_precision, day_from, day_to, confidence, created_at, created_by, updated_at, updated_by)
         VALUES ('t', ?, 'talks', '2025', 'year', '2025-01-01', '2025-12-31', 'reported', ?, 's', ?, 's')`,
      );
      at.forEach((time, i) => entry.run(`Entry ${i}`, time, time));
      const actors = db.prepare('SELECT * FROM actors ORDER BY id').all();
      migrate(db);
      const rows = db.prepare('SELECT key, created_at FROM entries').all() as { key: string; created_at: string }[];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => UUID_V7.test(r.key) && timeOf(r.key) === Date.parse(r.created_at))).toBe(true);
      expect(new Set(rows.map((r) => r.key)).size).toBe(3);
      // The actors table was rebuilt for the new kind: every row kept, ids and all.
      expect(db.prepare('SELECT * FROM actors ORDER BY id').all()).toEqual(actors);
      db.prepare("UPDATE actors SET kind = 'unknown' WHERE id = 1").run();
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('GIVEN new entries', () => {
  it('THEN each gets a key of its own, ordered by creation time', () => {
    const db = openDatabase(':memory:');
    try {
      seedDatabase(db);
      const keys = db.prepare('SELECT key FROM entries ORDER BY id').pluck().all() as string[];
      expect(keys.every((k) => UUID_V7.test(k))).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
      expect(timeOf(newEntryKey(Date.parse('2026-01-01T00:00:00Z')))).toBe(Date.parse('2026-01-01T00:00:00Z'));
      expect(newEntryKey(1) < newEntryKey(2)).toBe(true);
    } finally {
      db.close();
    }
  });
});
