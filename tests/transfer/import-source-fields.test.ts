// GIVEN an entry with a graded, attributed source WHEN a file corrects it giving only some of the
// source's fields THEN the fields the file does not give keep their stored values, as /entry edit
// keeps them; a field given empty is emptied.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
beforeEach(async () => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-source-fields-'));
  await app.dispatcher.runText(
    '/entry add title:"S" date:2025-08-03 type:air-strike topic:t source_url:https://example.com/a outlet:AFP attribution:"AFP reporter" grade:B2',
    admin,
  );
  await app.dispatcher.runText('/entry edit id:18 summary:"Two sources."', admin);
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const importFile = (name: string, text: string, ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, text), ...flags], { SITREP_DB: app.dbPath });
const sources = () => app.db.prepare('SELECT outlet, url, attribution, grade FROM sources WHERE entry_id = 18 ORDER BY position').all();
const STORED = { outlet: 'AFP', url: 'https://example.com/a', attribution: 'AFP reporter', grade: 'B2' };

async function exportedCsv(): Promise<Record<string, string>> {
  const csv = (await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: app.dbPath })).stdout;
  return (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).find((r) => r.title === 'S')!;
}
const csvWith = (row: Record<string, string>, columns: string[]) => stringify([row], { header: true, columns });

describe('GIVEN a stored entry with a graded, attributed source', () => {
  it('WHEN a JSON row gives only the source URL THEN the outlet, attribution and grade are kept: the row is a duplicate', async () => {
    const row = { title: 'S', date: '2025-08-03', type: 'air-strike', topic: 't', source_url: 'https://example.com/a', summary: 'Two sources.' };
    const result = await importFile('url.json', JSON.stringify([row]));
    expect(result.stdout).toContain('skipped  line 1: duplicate of entry #18 (same source URL)');
    expect(sources()).toEqual([STORED]);
  });

  it('WHEN the CSV export is imported without its grade column THEN the grade is kept, and a grade given empty is emptied', async () => {
    const row = await exportedCsv();
    const columns = Object.keys(row).filter((c) => c !== 'grade');
    const withoutGrade = await importFile('no-grade.csv', csvWith({ ...row, attribution: 'AFP desk' }, columns));
    expect(withoutGrade.stdout).toContain('correct  line 2: entry #18: source 1 (AFP): attribution “AFP reporter” → “AFP desk”\n');
    expect(sources()).toEqual([{ ...STORED, attribution: 'AFP desk' }]);

    const emptied = await importFile('empty-grade.csv', csvWith({ ...row, attribution: 'AFP desk', grade: '' }, Object.keys(row)));
    expect(emptied.stdout).toContain('correct  line 2: entry #18: source 1 (AFP): grade B2 → (none)\n');
    expect(sources()).toEqual([{ ...STORED, attribution: 'AFP desk', grade: null }]);
  });

  it('WHEN a CSV gives only the outlet THEN the URL and attribution are kept; a new URL keeps the rest of the source', async () => {
    const row = await exportedCsv();
    const base = ['event_id', 'title', 'date', 'type', 'topic', 'summary'];
    const outletOnly = await importFile('outlet.csv', csvWith({ ...row, outlet: 'Agence France-Presse' }, [...base, 'outlet']));
    expect(outletOnly.stdout).toContain('correct  line 2: entry #18: source 1 (AFP): outlet “AFP” → “Agence France-Presse”\n');
    expect(sources()).toEqual([{ ...STORED, outlet: 'Agence France-Presse' }]);

    const urlOnly = await importFile('url.csv', csvWith({ ...row, source_url: 'https://example.com/b' }, [...base, 'source_url']));
    expect(urlOnly.status).toBe(0);
    expect(sources()).toEqual([{ ...STORED, outlet: 'Agence France-Presse', url: 'https://example.com/b' }]);
  });

  it('WHEN a row gives the first source only THEN the entry keeps its other sources', async () => {
    const row = await exportedCsv();
    const more = JSON.stringify([{ outlet: 'Reuters', url: 'https://example.com/r', grade: 'C3' }]);
    await importFile('two.csv', csvWith({ ...row, more_sources: more }, Object.keys(row)));
    expect(sources()).toHaveLength(2);
    const flat = { key: row.event_id, title: 'S', date: '2025-08-03', type: 'air-strike', topic: 't', summary: 'Two sources.', outlet: 'AFP', grade: 'A1' };
    const result = await importFile('first.json', JSON.stringify([flat]));
    expect(result.stdout).toContain('correct  line 1: entry #18: source 1 (AFP): grade B2 → A1\n');
    expect(sources()).toEqual([{ ...STORED, grade: 'A1' }, { outlet: 'Reuters', url: 'https://example.com/r', attribution: null, grade: 'C3' }]);
  });
});
