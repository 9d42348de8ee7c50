// GIVEN a dossier whose places include names several places share (Nawa: India and Syria; Izra':
// Jordan and Syria) WHEN it is exported as CSV or JSON and imported where there is no store THEN
// the new store holds every entry, each place where it was: by the gazetteer record the export
// writes (`place_refs`), or, for a file without it (an older export), near the file's other places.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

const NAWA_SYRIA = 'locality:166365';
const NAWA_INDIA = 'locality:1261647';
const IZRA_SYRIA = 'locality:169341';

let dir: string;
let source: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-place-refs-'));
  source = join(dir, 'source.db');
  copySeededStore(source);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (title: string, places: string[], more: Record<string, unknown> = {}) => ({ title, date: '2025-08-05', type: 'air-strike', topic: 'syria-israel', places, outlet: 'AFP', ...more });
const ndjson = (name: string, ...rows: object[]) => fileIn(dir, name, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
const importInto = (dbPath: string, file: string, ...flags: string[]) => runProgram(runImport, [file, '--create-actors', ...flags], { SITREP_DB: dbPath });
const exportFrom = async (dbPath: string, format: 'csv' | 'json') => {
  const out = join(dir, `export.${format}`);
  expect((await runProgram(runExport, ['--format', format, '--out', out], { SITREP_DB: dbPath })).status).toBe(0);
  return out;
};

/** Every stored place: its name, how it is located and at which record. */
function placesOf(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT name || ' ' || location || ' ' || coalesce(gazetteer_ref, '') FROM places ORDER BY place_key").pluck().all() as string[];
  } finally {
    db.close();
  }
}
const refOf = (dbPath: string, name: string) => placesOf(dbPath).find((p) => p.startsWith(`${name} `))?.split(' ').at(-1);

/** The seeded store, with entries at Nawa and Izra' (Syria's there: the dossier is on Syria), the first of the export. */
async function sourceWithNamesakes(): Promise<void> {
  const file = ndjson('namesakes.ndjson', row('Strike near Nawa', ['Nawa'], { date: '1940' }), row("Shelling of Izra'", ["Izra'", 'Nawa'], { date: '1941' }));
  expect((await importInto(source, file)).stdout).toContain('2 accepted, 0 skipped, 0 rejected');
  expect([refOf(source, 'Nawa'), refOf(source, "Izra'")]).toEqual([NAWA_SYRIA, IZRA_SYRIA]);
}

describe('GIVEN a dossier with entries at Nawa and Izra’, each in Syria', () => {
  it.each(['csv', 'json'] as const)('WHEN its %s export is imported where there is no store THEN every entry is written, each place where it was', async (format) => {
    await sourceWithNamesakes();
    const file = await exportFrom(source, format);
    const target = join(dir, 'new.db');

    const result = await importInto(target, file);
    expect(result.stdout).not.toContain('names several places');
    expect(result.stdout).not.toContain('place_refs:');
    expect(result.stdout).toContain('19 accepted, 0 skipped, 0 rejected');
    expect(result.status).toBe(0);
    expect(placesOf(target)).toEqual(placesOf(source));
  });

  it('WHEN the export carries the records THEN each located place has its own: in the CSV a JSON column after the others, in JSON a field', async () => {
    await sourceWithNamesakes();
    const csv = parse(readFileSync(await exportFrom(source, 'csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(csv[0]!).slice(-3)).toEqual(['located', 'place_refs', 'revision']);
    expect(JSON.parse(csv.find((r) => r.title === "Shelling of Izra'")!.place_refs!)).toEqual({ "Izra'": IZRA_SYRIA, Nawa: NAWA_SYRIA });
    // A place not located has none: the row says located false instead.
    const golan = csv.find((r) => r.places === 'Golan Heights')!;
    expect([golan.place_refs, golan.located]).toEqual(['', 'false']);

    const json = JSON.parse(readFileSync(await exportFrom(source, 'json'), 'utf8')) as { title: string; place_refs?: Record<string, string> }[];
    expect(json.find((r) => r.title === 'Strike near Nawa')!.place_refs).toEqual({ Nawa: NAWA_SYRIA });
  });

  it('WHEN an older export without the records is imported where there is no store THEN the file’s other places in Syria tell which Nawa and Izra’ are meant', async () => {
    await sourceWithNamesakes();
    const rows = parse(readFileSync(await exportFrom(source, 'csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const older = fileIn(dir, 'older.csv', stringify(rows.map(({ place_refs: _dropped, ...rest }) => rest), { header: true }));
    const target = join(dir, 'new.db');

    const result = await importInto(target, older);
    expect(result.stdout).toContain('19 accepted, 0 skipped, 0 rejected');
    expect(placesOf(target)).toEqual(placesOf(source));
  });
});

describe('GIVEN no store at SITREP_DB and a file naming Nawa', () => {
  const target = () => join(dir, 'new.db');

  it('WHEN Nawa comes before the file’s other places in Syria THEN it is stored in Syria, as it was checked', async () => {
    const file = ndjson('rows.ndjson', row('Strike near Nawa', ['Nawa']), row('Strike in Daraa', ['Daraa', 'Damascus']));
    const result = await importInto(target(), file);
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(refOf(target(), 'Nawa')).toBe(NAWA_SYRIA);
  });

  it('WHEN nothing else in the file tells which Nawa THEN the row is still refused, naming both', async () => {
    const result = await importInto(target(), ndjson('rows.ndjson', row('Strike near Nawa', ['Nawa']), row('Talks in Paris', ['Paris'])));
    expect(result.stdout).toContain('“Nawa” names several places; say which: Nawa (India)');
    expect(result.stdout).toContain('1 accepted, 0 skipped, 1 rejected');
  });

  it('WHEN the row gives Nawa’s record THEN that record is the place, even against the file’s other places', async () => {
    const file = ndjson('rows.ndjson', row('Strike in Daraa', ['Daraa']), row('Flood near Nawa', ['Nawa'], { place_refs: { Nawa: NAWA_INDIA } }));
    const result = await importInto(target(), file);
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(refOf(target(), 'Nawa')).toBe(NAWA_INDIA);
  });

  it('WHEN a row’s records cannot be taken THEN that row is refused saying why, before anything is written', async () => {
    const file = ndjson(
      'rows.ndjson',
      row('Strike near Nawa', ['Nawa'], { place_refs: { Nawa: NAWA_SYRIA } }),
      row('Second strike near Nawa', ['Nawa'], { place_refs: { Nawa: NAWA_INDIA }, source_url: 'https://example.org/2' }),
      row('Strike in Daraa', ['Daraa'], { place_refs: { Damascus: 'locality:170654' } }),
      row('Strike in Quneitra', ['Quneitra'], { place_refs: { Quneitra: 'locality:1' } }),
      row('Strike in Sweida', ['Sweida'], { place_refs: '{"Sweida": ' }),
    );
    const result = await importInto(target(), file, '--dry-run');
    expect(result.stdout.split('\n').filter((line) => line.includes('rejected line'))).toEqual([
      `  rejected line 2: \`place_refs\`: “Nawa” is given as \`${NAWA_INDIA}\` here and as \`${NAWA_SYRIA}\` by an earlier row; a store holds one place by a name.`,
      "  rejected line 3: `place_refs` gives a record for “Damascus”, which is not one of the row's `places`.",
      '  rejected line 4: `place_refs`: the gazetteer has no record `locality:1` (given for “Quneitra”); remove it to locate “Quneitra” by its name.',
      '  rejected line 5: `place_refs` must be a JSON object like {"Nawa": "locality:166365"} — its text is not valid JSON.',
    ]);
    expect(result.stdout).toContain('1 accepted, 0 skipped, 4 rejected');
  });

  it('WHEN a row gives two records for one place, spelled apart THEN it is refused', async () => {
    const file = ndjson('rows.ndjson', row('Strike near Nawa', ['Nawa'], { place_refs: { Nawa: NAWA_SYRIA, NAWA: NAWA_INDIA } }));
    const result = await importInto(target(), file, '--dry-run');
    expect(result.stdout).toContain('  rejected line 1: `place_refs` gives two records for one place, “Nawa” and “NAWA”: give one.');
  });

  it('WHEN a record is no place of the name given THEN it is taken as the file says, with a warning naming the place it is', async () => {
    const file = ndjson('rows.ndjson', row('Strike in Aleppo', ['Aleppo'], { place_refs: { Aleppo: NAWA_INDIA } }));
    const result = await importInto(target(), file);
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(result.stdout).toMatch(/warning {2}place_refs: “Aleppo” is given as locality:1261647, Nāwa, Rajasthan, India, a place of another name: stored there, as the file says\./);
  });

  it('WHEN a record is given for a place the store holds THEN the stored place stays, and the import says the record is not taken', async () => {
    const file = ndjson('rows.ndjson', row('Strike in Damascus', ['Damascus'], { place_refs: { Damascus: NAWA_INDIA } }));
    const result = await importInto(source, file);
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(result.stdout).toMatch(/warning {2}place_refs: “Damascus” is stored already \(at locality:\d+\): the file's record locality:1261647 is not taken\./);
  });
});
