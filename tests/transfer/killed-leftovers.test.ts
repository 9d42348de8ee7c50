// kill -9 of a CSV import into a store that does not exist yet leaves no store, rather than an
// empty one the bot would serve; and what killed imports and backups leave under a temporary name
// is removed, and named, by the next run.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { startCompiled } from '../support/compiled.js';
import { importRow, ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let csv: string;
let store: string;
beforeAll(async () => {
  dir = mkdtempSync(join(inject('scratchRoot'), 'killed-leftovers-'));
  // Large enough that writing runs on for a while after its first progress line.
  csv = join(dir, 'rows.csv');
  writeFileSync(csv, stringify(Array.from({ length: 12_000 }, (_, i) => importRow(i)), { header: true }));
  store = join(dir, 'large.db');
  copySeededStore(store);
  expect((await runProgram(runImport, [fileIn(dir, 'rows.ndjson', ndjson(12_000))], { SITREP_DB: store })).status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a compiled program and kills it (SIGKILL) at the first stderr line matching `at`; resolves once it has exited. */
function killAt(source: string, args: string[], env: Record<string, string>, at: RegExp): Promise<{ signal: NodeJS.Signals | null; stderr: string; pid: number }> {
  const child = startCompiled(source, args, env);
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (at.test(stderr)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => resolve({ signal, stderr, pid: child.pid! }));
  });
}

describe('GIVEN no store at SITREP_DB', () => {
  it('WHEN a CSV import is killed while writing THEN there is no store; the next import removes what it left, says so, and creates the store whole', async () => {
    const target = join(dir, 'new', 'sitrep.db');
    const killed = await killAt('src/transfer/import-cli.ts', [csv, '--create-actors', '--unlocated-places'], { SITREP_DB: target }, /^Writing \d+\/\d+ /m);
    expect(killed.stderr).toMatch(/^Writing \d+\/\d+ \(\d+%\)$/m);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    const left = readdirSync(join(dir, 'new')).filter((name) => name.startsWith(`sitrep.db.importing-${killed.pid}`));
    expect(left).toContain(`sitrep.db.importing-${killed.pid}`);

    const again = await runProgram(runImport, [fileIn(dir, 'two.ndjson', ndjson(2)), '--create-actors', '--unlocated-places'], { SITREP_DB: target });
    expect(again.stderr.split('\n')[0]).toMatch(new RegExp(`^Removed what a killed import left in ${join(dir, 'new')}: sitrep\\.db\\.importing-${killed.pid} \\(\\d+\\.\\d MB\\)`));
    expect(again.status).toBe(0);
    expect(readdirSync(join(dir, 'new'))).toEqual(['sitrep.db']);
    const db = new Database(target, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('GIVEN a backup killed while copying', () => {
  it('WHEN the next backup to the same FILE runs THEN it removes the partial copy, says so, and FILE is whole', async () => {
    const file = join(dir, 'backups', 'daily.db');
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    mkdirSync(join(dir, 'backups'));
    const killed = await killAt('src/transfer/backup-cli.ts', [file], { SITREP_DB: store }, /^Copying \d+\/\d+ /m);
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(join(dir, 'backups'))).toContain(`daily.db.partial-${killed.pid}`);

    const again = await runProgram(runBackup, [file], { SITREP_DB: store });
    expect(again.stderr).toMatch(new RegExp(`^Removed what a killed backup left in ${join(dir, 'backups')}: daily\\.db\\.partial-${killed.pid} \\(\\d+\\.\\d MB\\)(, daily\\.db\\.partial-${killed.pid}-journal \\(\\d+\\.\\d MB\\))?\\.\\n`));
    expect(again.status).toBe(0);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['daily.db']);
  }, 60_000);
});
