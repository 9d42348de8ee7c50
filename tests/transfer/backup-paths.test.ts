// npm run backup and npm run restore given a FILE they cannot use: the store's own files, an empty
// argument, a directory, a path through a file. Each is refused in one line saying what to do,
// before anything is written.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-paths-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const stamp = { by: 'test', at: '2026-01-01T00:00:00Z' };

describe('GIVEN a bot running on the store', () => {
  it("WHEN FILE is the store's WAL, shared-memory or journal file THEN the backup is refused and the bot reads on", async () => {
    app.services.editor.editEntry(3, { confidence: 'disputed' }, stamp);
    const wal = readFileSync(`${app.dbPath}-wal`);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      const result = await runProgram(runBackup, [`${app.dbPath}${suffix}`], env());
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`${app.dbPath}${suffix} is the store's ${suffix.slice(1)} file, which SQLite keeps beside it: back it up to another file.\n`);
    }
    expect(readFileSync(`${app.dbPath}-wal`).equals(wal)).toBe(true);
    expect(app.db.prepare('SELECT confidence FROM entries WHERE id = 3').pluck().get()).toBe('disputed');
  });
});

describe('GIVEN npm run restore', () => {
  it('WHEN FILE is the store itself, a directory or empty THEN it is refused and the store is unchanged', async () => {
    app.close();
    const before = fileFingerprint(app.dbPath);
    const itself = await runProgram(runRestore, [app.dbPath], env());
    expect(itself.status).toBe(2);
    expect(itself.stderr).toBe(`Cannot restore ${app.dbPath}: it is the store itself: give a backup of it. The store is unchanged.\n`);
    const directory = await runProgram(runRestore, [dir], env());
    expect(directory.stderr).toBe(`Cannot restore ${dir}: it is a directory: give the backup file in it. The store is unchanged.\n`);
    const empty = await runProgram(runRestore, [''], env());
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('FILE is empty: give the path of a file.\nUsage: npm run restore -- FILE\n');
    expect(fileFingerprint(app.dbPath)).toEqual(before);
    expect(readdirSync(app.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});

describe('GIVEN npm run backup', () => {
  it('WHEN FILE is empty, a directory or under a file THEN one line says what is wrong and nothing is written', async () => {
    const empty = await runProgram(runBackup, [''], env());
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('FILE is empty: give the path of a file.\nUsage: npm run backup -- FILE\n');

    const folder = join(dir, 'backups');
    mkdirSync(folder);
    const directory = await runProgram(runBackup, [folder], env());
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe(`Cannot back up to ${folder}: it is a directory: give a file name in it, e.g. ${folder}/sitrep-backup.db. Nothing was written.\n`);

    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    const underFile = await runProgram(runBackup, [join(file, 'x.db')], env());
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toBe(`Cannot back up to ${join(file, 'x.db')}: ${file} is a file, not a directory: give another path. Nothing was written.\n`);

    const missing = await runProgram(runBackup, [join(dir, 'no-such-dir', 'x.db')], env());
    expect(missing.stderr).toBe(`Cannot back up to ${join(dir, 'no-such-dir', 'x.db')}: its directory ${join(dir, 'no-such-dir')} does not exist: create it, or give another path. Nothing was written.\n`);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'file']);
    expect(readdirSync(folder)).toEqual([]);
  });
});
