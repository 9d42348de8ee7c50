import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { foldForSearch } from '../../src/core/text.js';
import { openDatabase, type Db } from '../../src/store/connection.js';
import { changedFields } from '../../src/core/entry-diff.js';
import { readEntryState } from '../../src/store/entry-state.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { seedDatabase } from '../../src/store/seed.js';
import { REPO } from '../support/repo.js';
import { viewText } from '../support/view-text.js';

// A store as the release before fatalities, claims and grades left it: migrated to version 11
// and seeded from the seed file of then, on 27 July 2025 (tests/fixtures/stores/README.md).
const FIXTURE = join(REPO, 'tests/fixtures/stores/seeded-v11.db');
const SEED_TIME = new Date('2025-07-27T08:00:00.000Z');
const SEEDED_ENTRIES = 17;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture, changed first by `before` (raw SQL, at version 11) if given. */
function oldStore(before?: (db: Database.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-seed-migration-'));
  dirs.push(dir);
  const path = join(dir, 'store.db');
  copyFileSync(FIXTURE, path);
  if (before) {
    // Without migrating it: the store's triggers index text with the function openDatabase registers.
    const raw = new Database(path);
    raw.function('sitrep_search_fold', { deterministic: true }, (text: unknown) => (text === null ? null : foldForSearch(String(text))));
    before(raw);
    raw.close();
  }
  return path;
}

function freshSeed(): Db {
  const db = openDatabase(':memory:');
  seedDatabase(db, SEED_TIME);
  return db;
}

const rows = (db: Database.Database, sql: string) => db.prepare(sql).all();

describe('GIVEN a store seeded from the seed file before it was corrected to its article', () => {
  it('THEN it is at the version before the migration that corrects it', () => {
    const raw = new Database(FIXTURE, { readonly: true });
    const corrects = loadMigrations().find((m) => m.name.endsWith('_fatalities_claims_grades.sql'))!;
    expect(raw.pragma('user_version', { simple: true })).toBeLessThan(corrects.version);
    raw.close();
  });

  it('WHEN it is opened THEN each seeded entry becomes what a new store is seeded with, keeping every entry, revision and id', () => {
    const path = oldStore();
    const raw = new Database(path, { readonly: true });
    const before = { entries: rows(raw, 'SELECT id, title FROM entries ORDER BY id'), revisions: rows(raw, 'SELECT * FROM revisions ORDER BY id') };
    raw.close();
    const db = openDatabase(path);
    const fresh = freshSeed();
    for (let id = 1; id <= SEEDED_ENTRIES; id++) {
      const migrated = readEntryState(db, id)!.input;
      expect(changedFields(migrated, readEntryState(fresh, id)!.input), `#${id}`).toEqual([]);
    }
    expect(rows(db, 'SELECT id, title FROM entries ORDER BY id')).toEqual(before.entries);
    const revisions = rows(db, 'SELECT * FROM revisions ORDER BY id') as { id: number; changed_by: string }[];
    // Columns later migrations add to revisions are left aside.
    const added = { changed_fields: undefined, undoes: undefined, taken_from_id: undefined, taken_from_by: undefined, taken_from_at: undefined, taken_whole: undefined };
    expect(revisions.slice(0, before.revisions.length).map((r) => ({ ...r, ...added }))).toEqual(before.revisions.map((r) => ({ ...(r as object), ...added })));
    expect(revisions.slice(before.revisions.length).every((r) => r.changed_by === 'migration')).toBe(true);
    // Each correction's snapshot is the entry as stored, so /entry undo compares it field by field.
    const corrections = db.prepare("SELECT entity_id, snapshot FROM revisions WHERE entity = 'entry' AND changed_by = 'migration'").all() as { entity_id: number; snapshot: string }[];
    expect(corrections.map((c) => c.entity_id)).toEqual([4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    for (const { entity_id, snapshot } of corrections) expect(changedFields(JSON.parse(snapshot), readEntryState(db, entity_id)!.input)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM actor_pairs WHERE shared < 0').pluck().get()).toBe(0);
    db.close();
    fresh.close();
  });

  it('WHEN an admin reads the history THEN the migration’s change is shown as such, and undo takes it back', async () => {
    const app = createApp({ dbPath: oldStore(), admins: parseAdminRules('slack:U1'), logger: silentLogger });
    const operator: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
    const run = async (text: string) => viewText(await app.dispatcher.runText(text, operator));
    expect(await run('/entry history id:13')).toMatch(
      /r\d+`? .* · edit by migration — actors, type, places, source, summary, tags \(seed dossier corrected to its article: a forecast \(“would facilitate”\), not talks held in Paris: a statement, with no place\)/,
    );
    expect(await run('/entry undo id:13')).toMatch(/Type\s+Talks\/negotiation[\s\S]*Places\s+Paris/);
    expect(await run('/search Damascus')).toContain('Showing 1 to 2 of 2 results.');
    app.close();
  });

  it('WHEN an admin changed a seeded entry before THEN the migration leaves it as they left it', () => {
    const path = oldStore((raw) => {
      raw.prepare("UPDATE entries SET summary = 'Rewritten by an admin', updated_by = 'console:operator' WHERE id = 9").run();
    });
    const db = openDatabase(path);
    expect(readEntryState(db, 9)!.input).toMatchObject({ summary: 'Rewritten by an admin', places: ['Sweida province', 'Southern Syria'] });
    expect(db.prepare("SELECT count(*) FROM revisions WHERE entity_id = 9 AND entity = 'entry' AND changed_by = 'migration'").pluck().get()).toBe(0);
    expect(readEntryState(db, 10)!.input.claims).toHaveLength(1);
    db.close();
  });
});
