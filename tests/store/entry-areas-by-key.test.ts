// An entry is filed under every area its places lie in (entry_areas), read by area newest first.
// The store keeps those rows once, in that order, with no second copy by entry (migration 0049):
// the triggers that follow an entry's date, places, removal and restoration reach its rows
// through the key. GIVEN entries filed so, by this release or by one before the migration,
// WHEN they are edited, removed and restored THEN /timeline place:COUNTRY follows each change and
// the rows are those a fresh filing of the entries as they stand would hold.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
let first: TestApp;
let app: App;
afterEach(() => {
  if (app !== first) app.close();
  first.dispose();
});

const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
// The seed has entries in Azerbaijan and France too: these tests read their own topic.
const listed = async (filter: string) => [...(await run(`/timeline ${filter} topic:azerbaijan limit:25`)).matchAll(/#(\d+) /g)].map((m) => Number(m[1]));

/** The area rows stored, and those a fresh filing of every entry's places as they stand gives. */
function areaRows(db: App['db']): { stored: unknown[]; derived: unknown[] } {
  const order = 'ORDER BY area, entry_id';
  return {
    stored: db.prepare(`SELECT area, entry_id, day_from, day_to, live, topic, event_type FROM entry_areas ${order}`).all(),
    derived: db
      .prepare(
        `SELECT DISTINCT pa.area, e.id AS entry_id, e.day_from, e.day_to, e.deleted_at IS NULL AS live, e.topic, e.event_type
         FROM entries e JOIN entry_places ep ON ep.entry_id = e.id JOIN place_areas pa ON pa.place_id = ep.place_id ${order}`,
      )
      .all(),
  };
}

/** Adds two entries in Azerbaijan (one also in France); returns their ids. */
async function addEntries(): Promise<[number, number]> {
  const added = async (text: string) => Number(/#(\d+)/.exec(await run(text))![1]);
  const talks = await added('/entry add title:"Talks open in Baku" date:2025-08-10 type:talks topic:azerbaijan places:"Baku, Paris"');
  const strike = await added('/entry add title:"Strike reported in Baku" date:2025-08-20 type:air-strike topic:azerbaijan places:Baku');
  return [talks, strike];
}

/** Edits, removes and restores `talks`, checking the country timelines after each step. */
async function followChanges(talks: number, strike: number): Promise<void> {
  expect(await listed('place:Azerbaijan')).toEqual([strike, talks]);
  expect(await listed('place:France')).toEqual([talks]);

  expect(await run(`/entry edit id:${talks} date:2025-09-01`)).toContain(`Updated #${talks}`);
  expect(await listed('place:Azerbaijan')).toEqual([talks, strike]);
  expect(await listed('place:Azerbaijan since:2025-08-25')).toEqual([talks]);

  expect(await run(`/entry edit id:${talks} places:Paris`)).toContain(`Updated #${talks}`);
  expect(await listed('place:Azerbaijan')).toEqual([strike]);
  expect(await listed('place:France since:2025-08-25')).toEqual([talks]);

  expect(await run(`/entry edit id:${talks} date:2025-07-01 places:"Paris, Baku"`)).toContain(`Updated #${talks}`);
  expect(await listed('place:Azerbaijan')).toEqual([strike, talks]);
  expect(await listed('place:France until:2025-07-31')).toEqual([talks]);

  await run(`/entry remove id:${talks} reason:"duplicate"`);
  expect(await listed('place:France')).toEqual([]);
  await run(`/entry undo id:${talks}`);
  expect(await listed('place:France')).toEqual([talks]);

  const rows = areaRows(app.db);
  expect(rows.stored.length).toBeGreaterThan(0);
  expect(rows.stored).toEqual(rows.derived);
}

describe('GIVEN entries filed under the areas of their places', () => {
  it('THEN the store keeps each area row once, in its reading order, with only the spans indexes beside it', () => {
    first = createTestApp('slack:U1');
    app = first;
    const indexes = app.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'entry_areas' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['entry_areas_long_spans', 'entry_areas_spans']);
  });

  it('WHEN an entry is re-dated, moved between places, removed and restored THEN the country timelines follow', async () => {
    first = createTestApp('slack:U1');
    app = first;
    const [talks, strike] = await addEntries();
    await followChanges(talks, strike);
  });

  it('WHEN the store was filed by a release before migration 0049 THEN the upgrade keeps its areas, and they follow later changes', async () => {
    first = createTestApp('slack:U1');
    app = first;
    const [talks, strike] = await addEntries();
    const before = areaRows(app.db).stored;
    first.close();
    fileAsBefore0049(first.dbPath);

    app = createApp({ dbPath: first.dbPath, admins: parseAdminRules('slack:U1'), logger: silentLogger });
    expect(app.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'entry_areas_by_entry'").pluck().get()).toBe(0);
    expect(areaRows(app.db).stored).toEqual(before);
    await followChanges(talks, strike);
  });
});

/** Puts back the entry index and the two triggers of migration 0030, at schema 48. */
function fileAsBefore0049(dbPath: string): void {
  const sql = readFileSync(join(DEFAULT_MIGRATIONS_DIR, '0030_links_keyed_in_reading_order.sql'), 'utf8');
  const trigger = (name: string) => new RegExp(`CREATE TRIGGER ${name} [\\s\\S]*?\\nEND;`).exec(sql)![0];
  const db = new Database(dbPath);
  try {
    db.exec(`DROP TRIGGER entry_places_drop_areas; DROP TRIGGER entries_update_area_copies;
      CREATE INDEX entry_areas_by_entry ON entry_areas (entry_id);
      ${trigger('entry_places_drop_areas')}
      ${trigger('entries_update_area_copies')}
      PRAGMA user_version = 48;`);
  } finally {
    db.close();
  }
}
