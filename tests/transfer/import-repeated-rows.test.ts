// GIVEN an export in which a stored entry's row was copied (a spreadsheet's duplicated row) WHEN
// it is imported THEN a copy the same as the first is skipped as its duplicate, saying so; a copy
// that gives the entry otherwise is a conflict naming both rows, and the entry is left as stored,
// since which row the file means cannot be told.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-repeated-rows-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const importFile = (name: string, text: string) => runProgram(runImport, [fileIn(dir, name, text)], { SITREP_DB: app.dbPath });
const keyOf = (id: number) => app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck().get(id) as string;
const confidenceOf = (id: number) => app.db.prepare('SELECT confidence FROM entries WHERE id = ?').pluck().get(id) as string;

/** The CSV export's header and entry #9's row, and a file of that header and the rows given. */
async function ninthRow(): Promise<{ row: Record<string, string>; file: (...rows: Record<string, string>[]) => string }> {
  const exported = (await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: app.dbPath })).stdout;
  const records = parse(exported, { bom: true, columns: true }) as Record<string, string>[];
  const row = records.find((r) => r.event_id === keyOf(9))!;
  return { row, file: (...rows) => stringify(rows, { header: true, columns: Object.keys(row) }) };
}

describe('GIVEN an export whose row for entry #9 was copied', () => {
  it('WHEN the copy is the same THEN it is skipped as a duplicate of the first row', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('same.csv', file(row, { ...row }));
    expect(result.stdout).toContain('  skipped  line 2: duplicate of entry #9 (same key)\n');
    expect(result.stdout).toContain('  skipped  line 3: duplicate of line 2 in this file (entry #9, same key)\n');
    expect(result.status).toBe(0);
  });

  it('WHEN the copy is edited THEN the two rows are a conflict naming both, the entry is left as stored, and it exits 1', async () => {
    const { row, file } = await ninthRow();
    const stored = row.confidence!;
    expect(stored).not.toBe('claimed');
    const before = storeFingerprint(app.db);
    const result = await importFile('edited-copy.csv', file(row, { ...row, confidence: 'claimed' }));
    expect(result.stdout).toContain(`  conflict line 3: entry #9: confidence — line 2 gives ${stored}, line 3 claimed; the entry is left as stored (keep one row for it in the file)\n`);
    expect(result.stdout).not.toContain('already corrects');
    expect(result.stdout).toContain('0 accepted, 1 skipped, 0 rejected, 1 in conflict');
    expect(result.status).toBe(1);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN both copies are edited, each its own way THEN neither is written, and the first is said to be left for the second', async () => {
    const { row, file } = await ninthRow();
    const stored = confidenceOf(9);
    const result = await importFile('both-edited.csv', file({ ...row, confidence: 'disputed' }, { ...row, confidence: 'claimed' }));
    expect(result.stdout).toContain('  skipped  line 2: line 3 gives entry #9 otherwise: neither row is written\n');
    expect(result.stdout).toContain('  conflict line 3: entry #9: confidence — line 2 gives disputed, line 3 claimed; the entry is left as stored (keep one row for it in the file)\n');
    expect(result.stdout).not.toMatch(/correct {2}line 2/);
    expect(result.status).toBe(1);
    expect(confidenceOf(9)).toBe(stored);
  });
});
