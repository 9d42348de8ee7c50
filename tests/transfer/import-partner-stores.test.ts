// GIVEN two stores that exchange files (one loaded from the other's bundle, or each seeded on its
// own) WHEN each imports the other's bundle or export, again and again THEN an edit made in one
// store is never undone by the other's older copy of the entry: an entry a merge brought in, or
// corrected, is compared from the revision of the other store it took; an export's revision is
// told by its time too, since each store numbers its own; and where the two histories share
// nothing, a field both may have changed is a conflict, left as stored.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { exportOf, inBot } from './support/store-session.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-partner-stores-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const importInto = (dbPath: string, name: string, text: string, ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, text), ...flags], { SITREP_DB: dbPath });

/** A seeded store, and a second one loaded whole from its bundle: two copies of one dossier. */
async function twoCopies(): Promise<[string, string]> {
  const first = join(dir, 'a.db');
  const second = join(dir, 'b.db');
  copySeededStore(first);
  const loaded = await importInto(second, 'a0.ndjson', await exportOf(first, 'bundle'));
  expect(loaded.status, loaded.stderr).toBe(0);
  return [first, second];
}

/** Each store merges the bundle the other had before either merged: exits 0, and the replies. */
async function mergeBothWays(a: string, b: string, round: number): Promise<[string, string]> {
  const [fromA, fromB] = [await exportOf(a, 'bundle'), await exportOf(b, 'bundle')];
  const intoA = await importInto(a, `b${round}.ndjson`, fromB);
  const intoB = await importInto(b, `a${round}.ndjson`, fromA);
  expect([intoA.status, intoB.status], `${intoA.stdout}\n${intoB.stdout}`).toEqual([0, 0]);
  return [intoA.stdout, intoB.stdout];
}

/** The number of the live entry with this title in the store. */
function entryTitled(dbPath: string, title: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT id FROM entries WHERE title = ? AND deleted_at IS NULL').pluck().get(title) as number;
  } finally {
    db.close();
  }
}

describe('GIVEN two copies of one store that merged each other’s bundle once, each with an entry of its own and a claim', () => {
  it('WHEN each edits what came from the other and they merge both ways again THEN every edit stays, nothing is in conflict, and both end alike', async () => {
    const [a, b] = await twoCopies();
    await inBot(a, '/entry add title:"A-only event" date:2025-07-10 type:talks topic:syria-israel actors:"Syria:participant" outlet:AFP', '/entry claim id:12 actor:Israel stance:denies outlet:"IDF" date:2025-07-20');
    await inBot(b, '/entry add title:"B-only event" date:2025-07-11 type:talks topic:syria-israel actors:"Israel:participant" outlet:Reuters');
    await mergeBothWays(a, b, 1);

    await inBot(a, `/entry edit id:${entryTitled(a, 'B-only event')} confidence:confirmed`);
    await inBot(b, `/entry edit id:${entryTitled(b, 'B-only event')} summary:"Edited in B."`, '/entry unclaim id:12 actor:Israel');
    const [intoA, intoB] = await mergeBothWays(a, b, 2);
    expect(`${intoA}${intoB}`).not.toContain('conflict');

    for (const store of [a, b]) {
      const bOnly = await inBot(store, `/entry show id:${entryTitled(store, 'B-only event')}`);
      expect(bOnly, store).toMatch(/Confidence\s+confirmed/);
      expect(bOnly, store).toContain('Edited in B.');
      expect(await inBot(store, '/entry show id:12'), store).not.toContain('Israel denies');
    }
    // Both now hold the same: a third round changes nothing either way.
    const [thirdA, thirdB] = await mergeBothWays(a, b, 3);
    expect(thirdA).toMatch(/^Nothing to import from b3\.ndjson/m);
    expect(thirdB).toMatch(/^Nothing to import from a3\.ndjson/m);
  });
});

describe('GIVEN two stores seeded apart, whose histories of the seed entries share no revision', () => {
  it('WHEN one merges the other’s bundle THEN an entry both edited keeps its value here, each differing field a conflict; one edited there only takes its fields, noted', async () => {
    const here = join(dir, 'here.db');
    const there = join(dir, 'there.db');
    copySeededStore(here, new Date('2026-01-10T08:00:00Z'));
    copySeededStore(there, new Date('2026-03-02T17:30:00Z'));
    await inBot(here, '/entry edit id:12 confidence:confirmed');
    await inBot(there, '/entry edit id:12 confidence:disputed', '/entry edit id:5 tags:"buffer, there"');

    const merged = await importInto(here, 'there.ndjson', await exportOf(there, 'bundle'));
    expect(merged.stdout).toMatch(
      /^ {2}conflict line \d+: entry #12: confidence — the bundle and the store hold none of its revisions in common, and the entry was edited here since it was created: the store has confirmed, the file disputed; kept as stored/m,
    );
    expect(merged.stdout).toMatch(/^ {2}noted {4}line \d+: the bundle and the store hold none of its revisions in common \(a file from another store\?\); entry #5 is unchanged here since it was created, so it takes the row's fields$/m);
    expect(merged.stdout).toMatch(/^ {2}correct {2}line \d+: entry #5: tags .* → buffer, there$/m);
    expect(merged.status).toBe(1);
    expect(await inBot(here, '/entry show id:12')).toMatch(/Confidence\s+confirmed/);
  });
});

describe('GIVEN two copies of one store, each with one edit to entry #4 (both revision 33 in their store)', () => {
  it('WHEN one’s CSV export is imported into the other THEN its revision is known not to be this store’s: each differing field is a conflict, and the entry keeps its edit', async () => {
    const [p, q] = await twoCopies();
    await inBot(p, '/entry edit id:4 confidence:reported');
    await inBot(q, '/entry edit id:4 tags:"from-q"');
    const [header, ...records] = parse(await exportOf(q, 'csv')) as string[][];
    const fourth = records.find((r) => r[header!.indexOf('title')] === entryTitle(p, 4))!;
    const revision = fourth[header!.indexOf('revision')]!;
    expect(revision).toMatch(/^33@\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    const before = await inBot(p, '/entry show id:4');

    const result = await importInto(p, 'q.csv', stringify([header!, ...records]));
    const notThisStores = `the row's revision ${revision.replace('@', ' of ')} is not this store's, and the entry was edited here since it was created`;
    expect(result.stdout).toContain(`entry #4: confidence — ${notThisStores}: the store has reported`);
    expect(result.stdout).toMatch(/entry #4: tags — .*: the store has [^\n]*, the file from-q; kept as stored/);
    expect(result.stdout).toContain('0 accepted, 16 skipped, 0 rejected, 1 in conflict');
    expect(result.status).toBe(1);
    expect(await inBot(p, '/entry show id:4')).toBe(before);

    // Its own export, revisions given as numbers alone as files written before did: merged from them as before.
    const [ownHeader, ...own] = parse(await exportOf(p, 'csv')) as string[][];
    const column = (name: string) => ownHeader!.indexOf(name);
    for (const record of own) record[column('revision')] = record[column('revision')]!.split('@')[0]!;
    own.find((r) => r[column('title')] === entryTitle(p, 4))![column('tags')] = 'from-file';
    await inBot(p, '/entry edit id:4 confidence:disputed');
    const old = await importInto(p, 'old.csv', stringify([ownHeader!, ...own]));
    expect(old.stdout).toMatch(/^ {2}correct {2}line \d+: entry #4: tags .* → from-file$/m);
    expect(old.status).toBe(0);
    expect(await inBot(p, '/entry show id:4')).toMatch(/Confidence\s+disputed/);
  });
});

function entryTitle(dbPath: string, id: number): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT title FROM entries WHERE id = ?').pluck().get(id) as string;
  } finally {
    db.close();
  }
}
