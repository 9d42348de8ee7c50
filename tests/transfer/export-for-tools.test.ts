// Exports as a researcher's tools read them: a CSV that Excel opens as UTF-8, the format that
// --out's name says, NDJSON one entry a line, a summary that counts the removed entries left
// out, and refusals of a flag given twice or a date written another way, saying what to write.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { inBot } from './support/store-session.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-export-tools-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const exportTo = (...args: string[]) => runProgram(runExport, args, { SITREP_DB: app.dbPath });
const importInto = (dbPath: string, file: string, ...flags: string[]) => runProgram(runImport, [file, ...flags], { SITREP_DB: dbPath });
const liveEntries = () => app.db.prepare('SELECT count(*) FROM entries WHERE deleted_at IS NULL').pluck().get() as number;

describe('GIVEN npm run export -- --out FILE without --format', () => {
  it('WHEN FILE ends .csv THEN it is CSV, starting with a byte order mark so Excel reads it as UTF-8, and it re-imports as duplicates', async () => {
    const file = join(dir, 'dossier.csv');
    const result = await exportTo('--out', file);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`Exported ${liveEntries()} entries as csv to ${file}.\n`);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 12).toString()).toBe('event_id,');

    const before = storeFingerprint(app.db);
    const again = await importInto(app.dbPath, file);
    expect(again.stdout).toContain(`Nothing to import from dossier.csv (csv): 0 accepted, ${liveEntries()} skipped, 0 rejected. Nothing was written.`);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN FILE ends .json THEN it is a JSON array, with no byte order mark', async () => {
    const file = join(dir, 'dossier.json');
    expect((await exportTo('--out', file)).stderr).toBe(`Exported ${liveEntries()} entries as json to ${file}.\n`);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('[\n')).toBe(true);
    expect(JSON.parse(text)).toHaveLength(liveEntries());
  });

  it('WHEN FILE ends .ndjson or .jsonl THEN it holds one entry a line, the objects of the JSON export, and re-imports into a new store whole', async () => {
    const json = JSON.parse((await exportTo('--format', 'json')).stdout) as object[];
    for (const name of ['dossier.ndjson', 'dossier.jsonl']) {
      const file = join(dir, name);
      expect((await exportTo('--out', file)).stderr).toBe(`Exported ${json.length} entries as ndjson to ${file}.\n`);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line) as object)).toEqual(json);
    }

    const fresh = join(dir, 'fresh.db');
    const loaded = await importInto(fresh, join(dir, 'dossier.ndjson'), '--create-actors');
    expect(loaded.stdout).toContain(`Imported dossier.ndjson (ndjson): ${json.length} accepted, 0 skipped, 0 rejected in `);
  });

  it('WHEN --format ndjson is given THEN stdout has one entry a line', async () => {
    const result = await exportTo('--format', 'ndjson', '--topic', 'syria-israel');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(app.db.prepare("SELECT count(*) FROM entries WHERE deleted_at IS NULL AND topic = 'syria-israel'").pluck().get() as number);
    expect(JSON.parse(lines[0]!)).toMatchObject({ topic: 'syria-israel' });
  });
});

describe('GIVEN npm run export -- --format F --out FILE whose extension names another format', () => {
  it('WHEN they contradict THEN it is refused naming both, and nothing is written', async () => {
    const file = join(dir, 'x.csv');
    const result = await exportTo('--format', 'json', '--out', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^--format json contradicts --out .*x\.csv \(a \.csv file holds csv or acled\): give --format csv, name the file \.json, or leave --format out to follow the file's name\. Usage: /,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('WHEN they agree (ACLED data in .csv, a bundle in .ndjson) THEN the export runs', async () => {
    expect((await exportTo('--format', 'acled', '--out', join(dir, 'acled.csv'))).status).toBe(0);
    expect((await exportTo('--format', 'bundle', '--out', join(dir, 'dossier.ndjson'))).stderr).toContain('Exported the dossier as bundle to');
  });
});

describe('GIVEN a dossier with a removed entry', () => {
  it('WHEN exported as CSV or JSON THEN the summary says the removed entry was left out, and where it is kept', async () => {
    const live = liveEntries();
    await inBot(app.dbPath, '/entry remove id:9 reason:"Same event as #8"');
    const csv = await exportTo('--format', 'csv');
    expect(csv.stderr).toBe(`Exported ${live - 1} entries as csv; 1 removed entry left out (a bundle keeps removed entries: --format bundle).\n`);
    const json = await exportTo('--out', join(dir, 'x.json'));
    expect(json.stderr).toContain('; 1 removed entry left out (a bundle keeps removed entries: --format bundle).');
    // A selection without it says nothing of it.
    const other = await exportTo('--format', 'csv', '--topic', 'gaza');
    expect(other.stderr).not.toContain('removed');
  });
});

describe('GIVEN an export flag given twice', () => {
  it.each([
    [['--topic', 'syria-israel', '--topic', 'syria-daraa'], '--topic given twice: syria-israel and syria-daraa; export one topic at a time or leave --topic out.\n'],
    [['--format', 'csv', '--format', 'json'], "--format given twice: csv and json; give one format, or leave --format out to follow --out's extension.\n"],
  ])('WHEN %j THEN it is refused naming both values, not the last taken', async (args, refusal) => {
    const result = await exportTo(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(refusal);
  });
});

describe('GIVEN --since or --until written as a spreadsheet or a locale writes dates', () => {
  it.each([
    [['--since', '13/07/2025'], '--since must be a date like 2025, 2025-07 or 2025-07-12 — got "13/07/2025". The year goes first: did you mean 2025-07-13?'],
    [['--until', '12/07/2025'], '--until must be a date like 2025, 2025-07 or 2025-07-12 — got "12/07/2025". `12/07/2025` could be 12 July or 7 December 2025: write 2025-07-12 or 2025-12-07.'],
    [['--since', '2025/07'], '--since must be a date like 2025, 2025-07 or 2025-07-12 — got "2025/07". Dates are written with dashes: did you mean 2025-07?'],
  ])('WHEN %j THEN the refusal gives the date as the export reads it', async (args, refusal) => {
    const result = await exportTo(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.startsWith(`${refusal} Usage: npm run export -- `)).toBe(true);
  });
});
