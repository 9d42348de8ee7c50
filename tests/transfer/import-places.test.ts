// Places in imported rows, through `npm run import` on a seeded store: a place the gazetteer
// cannot locate refuses its row with the closest matches, unless the row says `located: false`
// or the import runs with --unlocated-places; those places are kept as not located and listed.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, REPO, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-places-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const importFile = (file: string, ...flags: string[]) => runProgram(runImport, [file, ...flags], { SITREP_DB: dbPath });
const fileWith = (name: string, text: string) => fileIn(dir, name, text);
const withStore = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const locationOf = (name: string) => withStore((db) => db.prepare('SELECT location FROM places WHERE name = ?').pluck().get(name));
const row = (title: string, places: string[], more: Record<string, unknown> = {}) =>
  JSON.stringify({ title, date: '2025-08-05', type: 'air-strike', topic: 'syria-israel', places, outlet: 'AFP', ...more });
const ndjson = (...rows: string[]) => fileWith('rows.ndjson', `${rows.join('\n')}\n`);

describe('GIVEN an import naming places', () => {
  it('WHEN a place is not in the gazetteer THEN its row is refused naming it with the closest matches, before anything is written', async () => {
    const before = withStore(storeFingerprint);
    const file = ndjson(row('Strike near Quneitra', ['Quneitra']), row('Strike at the misspelt town', ['Quneitraa', 'Damascus']));
    const result = await importFile(file, '--dry-run');
    expect(result.stdout).toContain('rejected line 2: `places`: “Quneitraa” could not be located. “Quneitraa” is not in the gazetteer; closest: Quneitra');
    expect(result.stdout).toContain('give the row `"located": false` (a `located` column with false in CSV), or import with --unlocated-places.');
    expect(result.stdout).toContain('Dry run of rows.ndjson (ndjson): 1 accepted, 0 skipped, 1 rejected.');

    const written = await importFile(file);
    expect(written.status).toBe(1);
    expect(written.stdout).toContain('1 accepted, 0 skipped, 1 rejected');
    expect(withStore((db) => db.prepare("SELECT count(*) FROM entries WHERE title = 'Strike at the misspelt town'").pluck().get())).toBe(0);
    expect(locationOf('Quneitraa')).toBeUndefined();
    expect(withStore(storeFingerprint)).not.toBe(before);
  });

  it('WHEN a row says located: false THEN its unknown places are kept as not located and the import lists them; a place it locates stays located', async () => {
    const file = ndjson(
      row('Strike at a farm', ['Tell al-Ahmar farm', 'Quneitra'], { located: false }),
      row('Second strike at the farm', ['Tell al-Ahmar farm'], { located: false, source_url: 'https://example.org/farm-2' }),
      row('Shelling of a hamlet', ['Umm Batna hamlet'], { located: true }),
    );
    const result = await importFile(file);
    expect(result.stdout).toContain('rejected line 3: `places`: “Umm Batna hamlet” could not be located.');
    expect(result.stdout).toContain('Places kept as not located: Tell al-Ahmar farm (lines 1, 2).');
    expect(result.stdout).toContain('2 accepted, 0 skipped, 1 rejected');
    expect(locationOf('Tell al-Ahmar farm')).toBe('not-located');
    expect(locationOf('Quneitra')).toBe('located');
  });

  it('WHEN the import runs with --unlocated-places THEN every row keeps its unknown places, and a name of several places is kept not located too', async () => {
    const file = ndjson(row('Strike at a farm', ['Tell al-Ahmar farm']), row('Talks in Springfield', ['Springfield']));
    expect((await importFile(file)).stdout).toContain('“Springfield” names several places; say which: Springfield (');
    const dryRun = await importFile(file, '--unlocated-places', '--dry-run');
    expect(dryRun.stdout).toContain('Places it would keep as not located: Tell al-Ahmar farm (line 1), Springfield (line 2).');

    const result = await importFile(file, '--unlocated-places');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(locationOf('Tell al-Ahmar farm')).toBe('not-located');
    // As /entry add's located:false does: not left waiting in /places unresolved.
    expect(locationOf('Springfield')).toBe('not-located');
  });

  it('WHEN a CSV has a located column THEN false keeps the places, and a value that is not true or false refuses the row naming the field', async () => {
    const csv = fileWith(
      'rows.csv',
      [
        'title,date,type,topic,places,outlet,located',
        'Strike at a farm,2025-08-05,air-strike,syria-israel,Tell al-Ahmar farm,AFP,false',
        'Strike at the hamlet,2025-08-06,air-strike,syria-israel,Umm Batna hamlet,AFP,perhaps',
        'Strike in Quneitra,2025-08-07,air-strike,syria-israel,Quneitra,AFP,',
        'Statement without a place,2025-08-08,statement,syria-israel,,AFP,perhaps',
      ].join('\n'),
    );
    const result = await importFile(csv);
    expect(result.stdout).toContain('rejected line 3: Option `located` of /entry add must be true or false — got `perhaps`.');
    expect(result.stdout).toContain('rejected line 5: Option `located` of /entry add must be true or false — got `perhaps`.');
    expect(result.stdout).toContain('Places kept as not located: Tell al-Ahmar farm (line 2).');
    expect(result.stdout).toContain('2 accepted, 0 skipped, 2 rejected');
  });

  it('WHEN the example CSV is imported THEN its row with located false keeps the place the gazetteer lacks', async () => {
    const result = await importFile(join(REPO, 'data/examples/import-example.csv'));
    expect(result.stdout).toContain('Places kept as not located: Hamidiyah farms (line 3).');
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(locationOf('Hamidiyah farms')).toBe('not-located');
  });

  it('WHEN entries with places kept not located are exported THEN the rows say located: false and re-import into a new store', async () => {
    await importFile(ndjson(row('Strike at a farm', ['Tell al-Ahmar farm'], { located: false }), row('Strike in Quneitra', ['Quneitra'])));
    const out = join(dir, 'export.json');
    expect((await runProgram(runExport, ['--format', 'json', '--out', out], { SITREP_DB: dbPath })).status).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as { title: string; located?: boolean }[];
    expect(rows.find((r) => r.title === 'Strike at a farm')?.located).toBe(false);
    expect(rows.find((r) => r.title === 'Strike in Quneitra')).not.toHaveProperty('located');

    const csvOut = join(dir, 'export.csv');
    await runProgram(runExport, ['--format', 'csv', '--out', csvOut], { SITREP_DB: dbPath });
    // `place_refs` came after `located`, and `revision` after it, the columns before keeping their places.
    expect(readFileSync(csvOut, 'utf8').split('\n')[0]!.split(',').slice(-3)).toEqual(['located', 'place_refs', 'revision']);

    dbPath = join(dir, 'other.db');
    copySeededStore(dbPath);
    const again = await importFile(out, '--create-actors');
    expect(again.stdout).not.toContain('could not be located');
    expect(locationOf('Tell al-Ahmar farm')).toBe('not-located');
  });
});
