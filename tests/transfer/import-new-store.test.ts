// GIVEN SITREP_DB naming no store yet WHEN a file is imported THEN its rows are checked once,
// against the new store that is then created from what they were checked against, and a large
// file's progress comes as a line at each tenth of each phase. Only a store another process
// created meanwhile has the rows checked again, under another label.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { runExport } from '../../src/transfer/export-command.js';
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
    const result = await runProgram(runImport, [fileIn(dir, 'big.ndjson', ndjson(6000)), '--create-actors', '--unlocated-places'], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      ...tenths('Checking', 6000),
      `Creating a new store at ${dbPath}, without the seed dossier: it holds what the file holds.`,
      `Writing 6,000 entries to ${dbPath}…`,
      ...tenths('Writing', 6000),
    ]);
    expect(result.stdout).toMatch(/Imported big\.ndjson \(ndjson\): 6000 accepted, 0 skipped, 0 rejected in [\d.]+ s\./);
    // The rows alone (no seed); nothing left beside the store but its own files.
    expect(entries(dbPath)).toBe(6000);
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
    const status = await runImport([file, '--create-actors'], { env: { SITREP_DB: dbPath }, stdout, stderr: sink });
    expect(status).toBe(0);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `Creating a new store at ${dbPath}, without the seed dossier: it holds what the file holds.`,
      `A store appeared at ${dbPath} meanwhile (another process created it): checking the rows again against it.`,
      `Writing 2 entries to ${dbPath}…`,
    ]);
    expect(entries(dbPath)).toBe(19);
  });
});

describe('GIVEN an export of a store where an entry of the seed was removed', () => {
  it.each(['json', 'csv'])('WHEN its %s export is imported where there is no store yet THEN the new store holds the file alone, claims too: the removed entry stays gone, then and after a start', async (format) => {
    const source = join(dir, 'source.db');
    copySeededStore(source);
    const app = createApp({ dbPath: source, admins: [], logger: silentLogger });
    const removedKey = app.db.prepare('SELECT key FROM entries WHERE id = 9').pluck().get() as string;
    app.services.editor.removeEntry(9, 'x', { by: 'test', at: '2026-01-01T00:00:00Z' });
    app.close();
    const exported = join(dir, `e.${format}`);
    expect((await runProgram(runExport, ['--format', format, '--out', exported], { SITREP_DB: source })).status).toBe(0);

    const result = await runProgram(runImport, [exported, '--create-actors'], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`Creating a new store at ${dbPath}, without the seed dossier: it holds what the file holds.\n`);
    expect(result.stdout).toContain(`Imported e.${format} (${format}): 16 accepted, 0 skipped, 0 rejected in `);
    const keys = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare('SELECT key FROM entries').pluck().all() as string[];
      } finally {
        db.close();
      }
    };
    expect(keys()).toHaveLength(16);
    expect(keys()).not.toContain(removedKey);
    // Every claim of the live entries came with them, its actor created when the file brought it.
    const claims = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM entry_claims c JOIN entries e ON e.id = c.entry_id WHERE e.deleted_at IS NULL').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    expect(claims(dbPath)).toBeGreaterThan(0);
    expect(claims(dbPath)).toBe(claims(source));
    // The bot started on it later (npm start) does not seed it either.
    createApp({ dbPath, admins: [], logger: silentLogger }).close();
    expect(keys()).toHaveLength(16);
  });

  it('WHEN it is a dry run THEN it is checked against a store without the seed, and nothing is left behind', async () => {
    const exported = fileIn(dir, 'one.ndjson', ndjson(1));
    // The store checked against is made under the system's temporary directory: this test's own.
    const temporary = join(dir, 'tmp');
    mkdirSync(temporary);
    const systemTemporary = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    let result: Awaited<ReturnType<typeof runProgram>>;
    try {
      result = await runProgram(runImport, [exported, '--dry-run'], { SITREP_DB: dbPath });
    } finally {
      if (systemTemporary === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTemporary;
    }
    expect(readdirSync(temporary)).toEqual([]);
    expect(result.stderr).toBe(`There is no store at ${dbPath} yet: checked against a new, empty one (without the seed dossier), and none was created.\n`);
    // The seed's actors are not there to name.
    expect(result.stdout).toMatch(/rejected line 1: .*Syria/);
    expect(existsSync(dbPath)).toBe(false);
  });
});
