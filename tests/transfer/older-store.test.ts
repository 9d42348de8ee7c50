// GIVEN a store an older Sitrep wrote (schema 30) WHEN export, import (dry run or not, rows or a
// bundle) or feeds opens it THEN it is refused in one line naming both schema versions and saying
// to start the upgraded bot once, and the store is left at its version: only the bot upgrades it.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { openDatabase } from '../../src/store/connection.js';
import { DEFAULT_MIGRATIONS_DIR, loadMigrations } from '../../src/store/migrate.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, REPO, runProgram } from '../support/cli.js';
import { ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';

const OLD_VERSION = 30;
const latest = loadMigrations().length;

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-older-store-'));
  dbPath = join(dir, 'v30.db');
  // The store as a Sitrep knowing the migrations up to 30 left it.
  const migrations = join(dir, 'migrations');
  mkdirSync(migrations);
  for (const m of loadMigrations().filter((m) => m.version <= OLD_VERSION)) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, m.name), join(migrations, m.name));
  openDatabase(dbPath, { migrationsDir: migrations }).close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function versionOf(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

const refusal = () =>
  `The store ${dbPath} is at schema version ${OLD_VERSION}, and this Sitrep at ${latest}: only the bot upgrades a store. ` +
  'Back it up (npm run backup -- FILE), start the upgraded bot once (npm start, or systemctl restart sitrep), which upgrades it, then run this command again.';

describe('GIVEN a store at an older schema version', () => {
  it('WHEN the example file is imported as a dry run THEN it is refused in one line and the store stays at its version', async () => {
    const result = await runProgram(runImport, [join(REPO, 'data/examples/import-example.csv'), '--dry-run'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Import failed, nothing was written: ${refusal()}\n`);
    expect(versionOf(dbPath)).toBe(OLD_VERSION);
  });

  it('WHEN rows are imported THEN they are refused and nothing is written', async () => {
    const result = await runProgram(runImport, [fileIn(dir, 'rows.ndjson', ndjson(3)), '--create-actors', '--unlocated-places'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Import failed, nothing was written: ${refusal()}\n`);
    expect(versionOf(dbPath)).toBe(OLD_VERSION);
  });

  it('WHEN a bundle is imported THEN it is refused and the store stays at its version', async () => {
    const current = join(dir, 'current.db');
    copySeededStore(current);
    const bundle = join(dir, 'dossier.ndjson');
    expect((await runProgram(runExport, ['--format', 'bundle', '--out', bundle], { SITREP_DB: current })).status).toBe(0);
    const result = await runProgram(runImport, [bundle, '--format', 'bundle', '--dry-run'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Import failed, nothing was written: ${refusal()}\n`);
    expect(versionOf(dbPath)).toBe(OLD_VERSION);
  });

  it('WHEN the dossier is exported THEN it is refused in one line and the store stays at its version', async () => {
    const result = await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Export failed: ${refusal()}\n`);
    expect(versionOf(dbPath)).toBe(OLD_VERSION);
  });

  it('WHEN the watched feeds are exported THEN it is refused in one line and the store stays at its version', async () => {
    const result = await runProgram(runFeeds, ['export'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${refusal()}\n`);
    expect(versionOf(dbPath)).toBe(OLD_VERSION);
  });

  it('WHEN the bot opens it THEN it upgrades it, and the export runs after', async () => {
    createApp({ dbPath, admins: [], logger: silentLogger }).close();
    expect(versionOf(dbPath)).toBe(latest);
    const result = await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
  });
});
