// GIVEN SITREP_DB naming no store yet WHEN a file is imported THEN its rows are checked once,
// against the new store that is then created from what they were checked against, and a large
// file's progress comes as a line at each tenth of each phase. Only a store another process
// created meanwhile has the rows checked again, under another label.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-new-'));
  dbPath = join(dir, 'data', 'new.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function entries(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
  } finally {
    db.close();
  }
}

const tenths = (label: string, total: number) => Array.from({ length: 10 }, (_, i) => `${label} ${(total * (i + 1)) / 10}/${total} (${(i + 1) * 10}%)`);

describe('GIVEN no store at SITREP_DB', () => {
  it('WHEN 6,000 rows are imported THEN they are checked once, at each tenth, then the store is created and written at each tenth', async () => {
    const result = await runProgram(runImport, [fileIn(dir, 'big.ndjson', ndjson(6000))], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      ...tenths('Checking', 6000),
      `Creating a new store at ${dbPath}.`,
      `Writing 6,000 entries to ${dbPath}…`,
      ...tenths('Writing', 6000),
    ]);
    expect(result.stdout).toMatch(/Imported big\.ndjson \(ndjson\): 6000 accepted, 0 skipped, 0 rejected in [\d.]+ s\./);
    // The seed and the rows; nothing left beside the store but its own files.
    expect(entries(dbPath)).toBe(6017);
    expect(existsSync(`${dbPath}.importing-${process.pid}`)).toBe(false);
  }, 60_000);

  it('WHEN another process creates the store while the rows are checked THEN the rows are checked again against it, said so, and written once', async () => {
    let stderr = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const line = chunk.toString();
        stderr += line;
        // The bot started on the same SITREP_DB at that moment, creating and seeding the store.
        if (line.startsWith('Creating a new store')) {
          mkdirSync(dirname(dbPath), { recursive: true });
          copySeededStore(dbPath);
        }
        done();
      },
    });
    const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
    const file = fileIn(dir, 'two.ndjson', ndjson(2));
    const status = await runImport([file], { env: { SITREP_DB: dbPath }, stdout, stderr: sink });
    expect(status).toBe(0);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `Creating a new store at ${dbPath}.`,
      `A store appeared at ${dbPath} meanwhile (another process created it): checking the rows again against it.`,
      `Writing 2 entries to ${dbPath}…`,
    ]);
    expect(entries(dbPath)).toBe(19);
  });
});
