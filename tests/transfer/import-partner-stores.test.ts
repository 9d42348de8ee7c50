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

/** Merges the other store's bundle: the reply, expected to exit `status`. */
async function mergeFrom(into: string, from: string, name: string, status = 0): Promise<string> {
  const merged = await importInto(into, name, await exportOf(from, 'bundle'));
  expect(merged.status, merged.stdout).toBe(status);
  return merged.stdout;
}

describe('GIVEN two copies of one store that each changed another field of entry #12 and merged each other’s bundle', () => {
  it('WHEN either changes the entry again, a field of its own or the other’s, THEN the other merges it as a correction, with no conflict, both ways', async () => {
    const [p, q] = await twoCopies();
    await inBot(p, '/entry edit id:12 confidence:confirmed');
    await inBot(q, '/entry edit id:12 summary:"Q summary one."');
    await mergeBothWays(p, q, 1);

    await inBot(p, '/entry edit id:12 summary:"P summary two."');
    expect(await mergeFrom(q, p, 'p2.ndjson')).toMatch(/^ {2}correct {2}line \d+: entry #12: summary “Q summary one\.” → “P summary two\.”$/m);
    await inBot(p, '/entry edit id:12 confidence:disputed');
    expect(await mergeFrom(q, p, 'p3.ndjson')).toMatch(/^ {2}correct {2}line \d+: entry #12: confidence confirmed → disputed$/m);
    await inBot(q, '/entry edit id:12 tags:"from-q"');
    expect(await mergeFrom(p, q, 'q2.ndjson')).toMatch(/^ {2}correct {2}line \d+: entry #12: tags .* → from-q$/m);

    for (const store of [p, q]) {
      const shown = await inBot(store, '/entry show id:12');
      expect(shown, store).toMatch(/Confidence\s+disputed/);
      expect(shown, store).toContain('P summary two.');
    }
  });

  it('WHEN only one merged the other’s bundle, and the other changes the entry again THEN the first keeps its own change, takes the other’s, and a field both changed is still a conflict', async () => {
    const [p, q] = await twoCopies();
    await inBot(p, '/entry edit id:12 confidence:confirmed');
    await inBot(q, '/entry edit id:12 summary:"Q summary one."');
    await mergeFrom(q, p, 'p1.ndjson');

    // P never took Q's summary: its bundle still has the first one, which Q must not take back.
    await inBot(p, '/entry edit id:12 tags:"from-p"');
    const second = await mergeFrom(q, p, 'p2.ndjson');
    expect(second).toMatch(/^ {2}correct {2}line \d+: entry #12: tags .* → from-p$/m);
    expect(second).not.toContain('summary');
    expect(await inBot(q, '/entry show id:12')).toContain('Q summary one.');

    await inBot(p, '/entry edit id:12 summary:"P summary two."');
    const third = await mergeFrom(q, p, 'p3.ndjson', 1);
    expect(third).toMatch(/^ {2}conflict line \d+: entry #12: summary — both changed since revision 27: the store has “Q summary one\.”, the file “P summary two\.”; kept as stored/m);
    expect(await inBot(q, '/entry show id:12')).toContain('Q summary one.');
  });

  it('WHEN the other’s CSV export, showing the revision merged, comes back with a change THEN the field kept here is not undone: each differing field is a conflict', async () => {
    const [p, q] = await twoCopies();
    await inBot(p, '/entry edit id:12 confidence:confirmed');
    await inBot(q, '/entry edit id:12 summary:"Q summary one."');
    await mergeFrom(q, p, 'p1.ndjson');

    const [header, ...records] = parse(await exportOf(p, 'csv')) as string[][];
    const twelfth = records.find((r) => r[header!.indexOf('title')] === entryTitle(p, 12))!;
    twelfth[header!.indexOf('tags')] = 'from-file';
    const result = await importInto(q, 'p.csv', stringify([header!, ...records]));
    // The merge kept a change of this store's beside that revision: the store does not hold the revision as it stands.
    expect(result.stdout).toMatch(/^ {2}conflict line \d+: entry #12: summary — the row's revision \d+ of \S+ is not this store's, .*: the store has “Q summary one\.”/m);
    expect(result.status).toBe(1);
    expect(await inBot(q, '/entry show id:12')).toContain('Q summary one.');
  });
});

describe('GIVEN three copies of one store, an edit of the first passed to the third through the second', () => {
  it('WHEN the first edits the entry again and the third merges its bundle THEN that is a correction, not a conflict', async () => {
    const [p, q] = await twoCopies();
    const r = join(dir, 'r.db');
    expect((await importInto(r, 'p0.ndjson', await exportOf(p, 'bundle'))).status).toBe(0);
    await inBot(p, '/entry edit id:16 confidence:disputed');
    await mergeFrom(q, p, 'p1.ndjson');
    await mergeFrom(r, q, 'q1.ndjson');

    await inBot(p, '/entry edit id:16 confidence:reported');
    expect(await mergeFrom(r, p, 'p2.ndjson')).toMatch(/^ {2}correct {2}line \d+: entry #16: confidence disputed → reported$/m);
    // The second's later bundle still meets the third's history where it took the first's edit.
    await inBot(q, '/entry edit id:16 tags:"from-q"');
    expect(await mergeFrom(r, q, 'q2.ndjson')).toMatch(/^ {2}correct {2}line \d+: entry #16: tags .* → from-q$/m);
  });
});

describe('GIVEN a store seeded apart that took a partner’s JSON row for an entry it had not changed', () => {
  it('WHEN the partner’s next export changes that entry again THEN the conflict says the only change here was the import of the partner’s earlier file', async () => {
    const here = join(dir, 'here.db');
    const there = join(dir, 'there.db');
    copySeededStore(here, new Date('2026-01-10T08:00:00Z'));
    copySeededStore(there, new Date('2026-03-02T17:30:00Z'));
    await inBot(there, '/entry edit id:13 tags:"+paris"');
    expect((await importInto(here, 'p1.json', await exportOf(there, 'json'))).status).toBe(0);

    await inBot(there, '/entry edit id:13 tags:"+elysee"');
    const second = await importInto(here, 'p2.json', await exportOf(there, 'json'));
    expect(second.stdout).toMatch(/^ {2}conflict line \d+: entry #13: tags — the row's revision \d+ of \S+ is not this store's, and the entry was changed here since it was created only by importing p1\.json: /m);
    expect(second.status).toBe(1);
  });
});
