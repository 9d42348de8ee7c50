// npm run backup replaces an older backup only, never another bot's live store or a file that is
// no store; npm run restore checks FILE before it speaks of a running bot, says SQLite's refusals
// in words, and restores over a store SQLite cannot read.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markBotRunning } from '../../src/store/bot-presence.js';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { fileFingerprint, storeFingerprint } from '../support/store-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { twoStoresEachTest } from '../support/two-stores.js';

let app: TestApp;
let other: TestApp;
let dir: string;
twoStoresEachTest('sitrep-backup-targets-', (stores) => ({ app, other, dir } = stores));

const env = () => ({ SITREP_DB: app.dbPath });
const stamp = { by: 'test', at: '2026-01-01T00:00:00Z' };

describe('GIVEN another bot running on its own store', () => {
  it('WHEN the backup names that store THEN it refuses naming the bot, its WAL stays, and what it writes next is kept', async () => {
    const bot = markBotRunning(other.db, 'other-bot', other.logger);
    try {
      other.services.editor.editEntry(3, { confidence: 'disputed' }, stamp);
      const wal = readFileSync(`${other.dbPath}-wal`);
      const before = storeFingerprint(other.db);
      const result = await runProgram(runBackup, [other.dbPath], env());
      expect(result.stderr).toMatch(
        new RegExp(`^Cannot back up to ${other.dbPath}: it is the store of a running Sitrep \\(1 bot: pid ${process.pid} on .+, seen \\d+ s ago\\): replacing it would lose what that bot writes\\. Back up to another file\\. Nothing was written\\.\\n$`),
      );
      expect(result.status).toBe(2);
      expect(readFileSync(`${other.dbPath}-wal`).equals(wal)).toBe(true);
      expect(storeFingerprint(other.db)).toBe(before);
      other.services.editor.editEntry(4, { confidence: 'disputed' }, stamp);
      const reader = new Database(other.dbPath, { readonly: true });
      try {
        expect(reader.prepare('SELECT count(*) FROM entries WHERE confidence = ? AND id IN (3, 4)').pluck().get('disputed')).toBe(2);
      } finally {
        reader.close();
      }
    } finally {
      bot.stop();
    }
  });

  it('WHEN a rotating backup replaces the one it took while its own bot ran THEN it is replaced: the copy names no running bot', async () => {
    const bot = markBotRunning(app.db, 'this-bot', app.logger);
    try {
      const file = join(dir, 'daily.db');
      expect((await runProgram(runBackup, [file], env())).status).toBe(0);
      const again = await runProgram(runBackup, [file], env());
      expect(again.stdout).toMatch(/integrity checked; it replaces the file that was there\) in /);
      expect(again.status).toBe(0);
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.prepare('SELECT count(*) FROM bot_processes').pluck().get()).toBe(0);
      } finally {
        copy.close();
      }
    } finally {
      bot.stop();
    }
  });
});

describe('GIVEN a FILE that is no Sitrep store', () => {
  it.each([
    ['a text file', (path: string) => writeFileSync(path, 'meeting notes\n'), 'it is not a Sitrep store or backup (not an SQLite database), which a backup does not replace: give another path, or delete it first if it is not needed'],
    ['another SQLite database', (path: string) => new Database(path).exec('CREATE TABLE notes (x)').close(), 'it is an SQLite database but not a Sitrep store or backup, which a backup does not replace: give another path, or delete it first if it is not needed'],
  ])('WHEN the backup names %s THEN it refuses and the file is as it was', async (_, make, why) => {
    const file = join(dir, 'notes.txt');
    make(file);
    const bytes = readFileSync(file);
    const result = await runProgram(runBackup, [file], env());
    expect(result.stderr).toBe(`Cannot back up to ${file}: ${why}. Nothing was written.\n`);
    expect(result.status).toBe(2);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});

describe('GIVEN backup or restore with FILE missing or given twice', () => {
  it('WHEN run THEN it says which, with the usage, and exits 2', async () => {
    const missing = await runProgram(runBackup, [], env());
    expect(missing.stderr).toBe('FILE is missing: give the path of the backup to write.\nUsage: npm run backup -- FILE\n');
    const twice = await runProgram(runRestore, ['a.db', 'b.db'], env());
    expect(twice.stderr).toBe('Give one FILE, not 2 (a.db, b.db): a path with spaces goes in quotes.\nUsage: npm run restore -- FILE\n');
    const none = await runProgram(runRestore, [], env());
    expect(none.stderr).toBe('FILE is missing: give the path of the backup to restore.\nUsage: npm run restore -- FILE\n');
    expect([missing.status, twice.status, none.status]).toEqual([2, 2, 2]);
  });
});

describe('GIVEN npm run restore while a bot runs', () => {
  it.each([
    ['junk', () => 'junk bytes\n', 'it is not an SQLite database'],
    ['a backup cut short', (backup: Buffer) => backup.subarray(0, Math.floor(backup.length / 3)), 'it is damaged: SQLite finds it malformed (was it cut short?)'],
  ])('WHEN FILE is %s THEN it says what is wrong with FILE, not to stop the bot, and the store is unchanged', async (_, contents, why) => {
    const good = join(dir, 'good.db');
    expect((await runProgram(runBackup, [good], env())).status).toBe(0);
    const file = join(dir, 'bad.db');
    writeFileSync(file, contents(readFileSync(good)));
    const bot = markBotRunning(app.db, 'this-bot', app.logger);
    try {
      const before = storeFingerprint(app.db);
      const result = await runProgram(runRestore, [file], env());
      expect(result.stderr).toBe(
        `Cannot restore ${file}: ${why}, so it is no backup to restore: give another backup file (an older one, or one npm run backup -- FILE made of a store that works). The store is unchanged.\n`,
      );
      expect(result.status).toBe(2);
      expect(storeFingerprint(app.db)).toBe(before);
      // A sound backup is refused for the bot only.
      const sound = await runProgram(runRestore, [good], env());
      expect(sound.stderr).toMatch(/^Cannot restore .*good\.db: Sitrep is running on /);
    } finally {
      bot.stop();
    }
    expect(readdirSync(app.dir).filter((name) => name.includes('restoring'))).toEqual([]);
  });
});

describe('GIVEN a store another program is writing to (an import)', () => {
  it('WHEN a backup is restored THEN it says the store is in use and to restore once that is done, and the store is unchanged', async () => {
    const file = join(dir, 'backup.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    app.close();
    const writer = new Database(app.dbPath);
    writer.exec('BEGIN IMMEDIATE');
    try {
      writer.exec("INSERT INTO bot_processes VALUES ('import', 'elsewhere', 1, '2020-01-01', '2020-01-01')");
      const result = await runProgram(runRestore, [file], env());
      expect(result.stderr).toBe(
        `Cannot restore ${file}: the store ${app.dbPath} is in use: another program is writing to it (an import, a backup?): try again once it is done. The store is unchanged.\n`,
      );
      expect(result.status).toBe(2);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(readdirSync(app.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });
});

describe('GIVEN a store SQLite cannot read (an export wrote CSV over it), with a WAL left beside it', () => {
  it('WHEN a backup is restored THEN the backup becomes the store, and the unreadable file is kept aside with its WAL', async () => {
    const file = join(dir, 'backup.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    const backedUp = fileFingerprint(file);
    app.services.editor.editEntry(3, { confidence: 'disputed' }, stamp);
    const wal = readFileSync(`${app.dbPath}-wal`);
    app.db.close();
    writeFileSync(app.dbPath, 'event_id,title\n1,x\n');
    writeFileSync(`${app.dbPath}-wal`, wal);
    const result = await runProgram(runRestore, [file], env());
    expect(result.status).toBe(0);
    const aside = readdirSync(app.dir).find((name) => name.startsWith('sitrep.db.before-restore-') && name.endsWith('Z'))!;
    expect(result.stdout).toBe(`Restored ${file} (integrity checked) as the store at ${app.dbPath}. The store it replaced is kept at ${join(app.dir, aside)}: delete it once the restored store is as it should be.\n`);
    expect(fileFingerprint(app.dbPath)).toBe(backedUp);
    expect(existsSync(`${app.dbPath}-wal`)).toBe(false);
    expect(readFileSync(join(app.dir, `${aside}-wal`)).equals(wal)).toBe(true);
  });
});
