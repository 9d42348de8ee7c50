// npm run backup and npm run restore given a FILE they cannot use: the store's own files, an empty
// argument, a directory, a path through a file. Each is refused in one line saying what to do,
// before anything is written.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const require = createRequire(import.meta.url);

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

describe('GIVEN a FILE that another program left with a WAL beside it', () => {
  it('WHEN the backup replaces FILE THEN FILE holds the store alone: the old -wal and -shm are removed, and the report names them', async () => {
    const file = join(dir, 'target.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    // Another program opens FILE in WAL mode, writes a row and exits without closing: its WAL stays.
    const program = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT INTO bot_processes VALUES ('stale', 'elsewhere', 1, '2026-01-01', '2026-01-01')").run();
      process.exit(0);`;
    expect(spawnSync(process.execPath, ['-e', program]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['target.db', 'target.db-shm', 'target.db-wal']);

    const result = await runProgram(runBackup, [file], env());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/integrity checked; it replaces the file that was there and the target\.db-wal, target\.db-shm files SQLite had left beside it\) in /);
    expect(readdirSync(dir)).toEqual(['target.db']);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('SELECT holder FROM bot_processes').pluck().all()).toEqual([]);
      expect(copy.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    } finally {
      copy.close();
    }
  });
});

/**
 * Runs the compiled backup program without the right to write where its permissions forbid: as
 * root (which may write anywhere) with the capabilities that allow that dropped, as others plainly.
 */
function backupAsUser(file: string, store = app.dbPath) {
  const root = process.getuid?.() === 0;
  const node = [process.execPath, compiled('src/transfer/backup-cli.ts'), file];
  const [command, ...args] = root ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', ...node] : node;
  return spawnSync(command!, args, { cwd: deployedRoot(), encoding: 'utf8', env: cleanEnv({ SITREP_DB: store }) });
}
const canDropRights = process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;

describe('GIVEN a directory this user cannot write', () => {
  it.skipIf(!canDropRights)('WHEN FILE is in it THEN the backup says the directory is not writable by this user, exits 2 and writes nothing', () => {
    app.close();
    const readOnly = join(dir, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const file = join(readOnly, 'y.db');
    const result = backupAsUser(file);
    expect(result.stderr).toBe(`Cannot back up to ${file}: its directory ${readOnly} is not writable by this user (${userInfo().username}): give another path, or let this user write there. Nothing was written.\n`);
    expect(result.status).toBe(2);
    expect(readdirSync(readOnly)).toEqual([]);
  });
});

describe('GIVEN a store in a directory this user cannot write (no bot runs on it)', () => {
  /** The store, closed (no -wal or -shm beside it), alone in a directory of its own. */
  function storeInOwnDirectory(): { storeDir: string; store: string } {
    app.close();
    const storeDir = join(dir, 'store');
    mkdirSync(storeDir);
    const store = join(storeDir, 'sitrep.db');
    copyFileSync(app.dbPath, store);
    return { storeDir, store };
  }

  it.skipIf(!canDropRights)("WHEN it is backed up THEN the backup says SQLite cannot open the store, not that it cannot create the copy, exits 2 and writes nothing", () => {
    const { storeDir, store } = storeInOwnDirectory();
    chmodSync(storeDir, 0o555);
    try {
      const file = join(dir, 'backup.db');
      const result = backupAsUser(file, store);
      expect(result.stderr).toBe(
        `Backup failed, ${file} was not written: SQLite cannot open the store ${store} to copy it: this user (${userInfo().username}) may not create files in its directory ${storeDir}, and SQLite must create the store's -shm file there to read it. Let this user write there.\n`,
      );
      expect(result.status).toBe(2);
      expect(readdirSync(dir)).toEqual(['store']);
      expect(readdirSync(storeDir)).toEqual(['sitrep.db']);
    } finally {
      chmodSync(storeDir, 0o755);
    }
  });

  it.skipIf(!isRoot || !canDropRights)("WHEN the store and its directory belong to another user THEN the backup says to run it as the store's owner", () => {
    const { storeDir, store } = storeInOwnDirectory();
    const nobody = 65534;
    chownSync(storeDir, nobody, nobody);
    chownSync(store, nobody, nobody);
    const owner = spawnSync('id', ['-nu', String(nobody)], { encoding: 'utf8' }).stdout.trim() || `uid ${nobody}`;
    const file = join(dir, 'backup.db');
    const result = backupAsUser(file, store);
    expect(result.stderr).toBe(
      `Backup failed, ${file} was not written: SQLite cannot open the store ${store} to copy it: this user (${userInfo().username}) may not create files in its directory ${storeDir}, and SQLite must create the store's -shm file there to read it. Run the backup as the user that owns the store, ${owner} (e.g. sudo -u ${owner} npm run backup -- FILE).\n`,
    );
    expect(result.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['store']);
  });
});
