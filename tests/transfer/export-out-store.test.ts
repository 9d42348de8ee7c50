// GIVEN a bot running on the store WHEN an export's --out names the store, a file SQLite keeps
// beside it, another store or a backup THEN the export refuses in one line and nothing is lost;
// and a store that another file did replace stops the bot's start with one line saying what to do.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runProgram } from '../support/cli.js';
import { runCompiled } from '../support/compiled.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-export-out-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const stamp = { by: 'test', at: '2026-01-01T00:00:00Z' };
const exportTo = (out: string) => runProgram(runExport, ['--format', 'csv', '--out', out], env());

describe('GIVEN a bot running on the store', () => {
  it('WHEN --out is the store, its WAL, or a link to the store THEN the export refuses, and what the bot writes afterwards is kept', async () => {
    app.services.editor.editEntry(3, { confidence: 'disputed' }, stamp);
    const wal = readFileSync(`${app.dbPath}-wal`);
    const link = join(dir, 'link.db');
    symlinkSync(app.dbPath, link);
    const expected: [string, string][] = [
      [app.dbPath, `${app.dbPath} is the store itself: export to another file. Nothing was written.\n`],
      [`${app.dbPath}-wal`, `${app.dbPath}-wal is the store's wal file, which SQLite keeps beside it: export to another file. Nothing was written.\n`],
      [link, `${link} is the store itself: export to another file. Nothing was written.\n`],
    ];
    for (const [out, stderr] of expected) {
      const result = await exportTo(out);
      expect(result.stderr).toBe(stderr);
      expect(result.status).toBe(2);
    }
    expect(readFileSync(`${app.dbPath}-wal`).equals(wal)).toBe(true);
    // The bot goes on writing, and a store opened afresh holds it all.
    app.services.editor.editEntry(4, { confidence: 'disputed' }, stamp);
    const reader = new Database(app.dbPath, { readonly: true });
    try {
      expect(reader.prepare('SELECT id, confidence FROM entries WHERE id IN (3, 4) ORDER BY id').all()).toEqual([
        { id: 3, confidence: 'disputed' },
        { id: 4, confidence: 'disputed' },
      ]);
    } finally {
      reader.close();
    }
  });

  it('WHEN --out is a backup, or the WAL beside another database THEN the export refuses and they are as they were', async () => {
    const backup = join(dir, 'some-backup.db');
    expect((await runProgram(runBackup, [backup], env())).status).toBe(0);
    const before = fileFingerprint(backup);
    const bytes = readFileSync(backup);
    const refused = await exportTo(backup);
    expect(refused.stderr).toBe(`${backup} is an SQLite database (a Sitrep store or a backup?), which an export does not replace: export to another file. Nothing was written.\n`);
    expect(refused.status).toBe(2);
    expect(readFileSync(backup).equals(bytes)).toBe(true);

    writeFileSync(`${backup}-wal`, 'pages of a WAL');
    const sideFile = await exportTo(`${backup}-wal`);
    expect(sideFile.stderr).toBe(`${backup}-wal is the wal file SQLite keeps beside the database ${backup}: export to another file. Nothing was written.\n`);
    expect(sideFile.status).toBe(2);
    expect(readFileSync(`${backup}-wal`, 'utf8')).toBe('pages of a WAL');
    expect(fileFingerprint(backup)).toBe(before);
  });

  it('WHEN --out is a new file THEN the summary says where the export went', async () => {
    const out = join(dir, 'dossier.csv');
    const result = await exportTo(out);
    expect(result.stderr).toBe(`Exported 17 entries as csv to ${out}.\n`);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFevent_id,/);
  });
});

describe('GIVEN a store another file took the place of, or one cut short', () => {
  it.each([
    ['CSV text', (path: string) => writeFileSync(path, 'event_id,title\n1,x\n'), 'is not an SQLite database (did another file take its place?)'],
    ['a store cut to a third', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, Math.floor(readFileSync(path).length / 3))), 'is damaged: SQLite finds it malformed (was it cut short, or written over?)'],
  ])('WHEN the bot starts on %s THEN it says in one line what is wrong and to restore a backup, with no stack trace, and exits 1', (_, spoil, what) => {
    app.close();
    spoil(app.dbPath);
    rmSync(`${app.dbPath}-wal`, { force: true });
    rmSync(`${app.dbPath}-shm`, { force: true });
    const started = runCompiled('src/main.ts', [], { SITREP_DB: app.dbPath }, '');
    expect(started.stderr).toBe(
      `Sitrep could not start — the store ${app.dbPath} (SITREP_DB) ${what}. Put a backup in its place with npm run restore -- FILE, then start Sitrep again; or set SITREP_DB to the store's path.\n`,
    );
    expect(started.status).toBe(1);
  });
});
