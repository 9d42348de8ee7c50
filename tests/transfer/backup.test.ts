// npm run backup and npm run restore, in process: a checked online copy taken while the bot
// writes; a restore refused while a bot runs, and otherwise swapped in with the old store kept aside.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markBotRunning, PRESENCE_STALE_MS } from '../../src/store/bot-presence.js';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { fileFingerprint, storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const stamp = { by: 'test', at: '2026-01-01T00:00:00Z' };
describe('GIVEN npm run backup', () => {
  it('WHEN the bot is writing THEN FILE is one checked file holding the store as it was at one moment', async () => {
    const file = join(dir, 'backup.db');
    // A write in flight: the bot's connection is inside a transaction when the copy starts.
    const writing = runProgram(runBackup, [file], env());
    app.services.editor.editEntry(3, { confidence: 'disputed' }, stamp);
    const result = await writing;
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${app.dbPath} to ${file} \\(\\d+\\.\\d MB, integrity checked\\) in \\d+\\.\\d s\\.\\n$`));
    expect(result.status).toBe(0);
    // Self-contained: no WAL beside it, and nothing but FILE left in its directory.
    expect(readdirSync(dir)).toEqual(['backup.db']);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    } finally {
      copy.close();
    }
    // Again to the same file: the report says the earlier copy was replaced.
    const again = await runProgram(runBackup, [file], env());
    expect(again.stdout).toMatch(/integrity checked; it replaces the file that was there\) in /);
    expect(again.status).toBe(0);
  });

  it('WHEN there is no store, or FILE is the store itself THEN it says so, exits 2 and writes nothing', async () => {
    const missing = await runProgram(runBackup, [join(dir, 'b.db')], { SITREP_DB: join(dir, 'typo.db') });
    expect(missing.stderr).toBe(`There is no store at ${join(dir, 'typo.db')} (SITREP_DB): nothing to back up.\n`);
    const itself = await runProgram(runBackup, [app.dbPath], env());
    expect(itself.stderr).toBe(`${app.dbPath} is the store itself: back it up to another file.\n`);
    expect([missing.status, itself.status]).toEqual([2, 2]);
    expect(readdirSync(dir)).toEqual([]);
    expect((await runProgram(runBackup, [], env())).stderr).toBe('FILE is missing: give the path of the backup to write.\nUsage: npm run backup -- FILE\n');
  });
});

describe('GIVEN npm run restore', () => {
  const backupNow = async () => {
    const file = join(dir, 'backup.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    return file;
  };

  it('WHEN a bot runs on the store THEN it refuses, naming it, and the store is unchanged', async () => {
    const file = await backupNow();
    const bot = markBotRunning(app.db, 'this-test', app.logger);
    try {
      const before = storeFingerprint(app.db);
      const result = await runProgram(runRestore, [file], env());
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^Cannot restore ${file}: Sitrep is running on ${app.dbPath} \\(1 bot: pid ${process.pid} on .*, seen \\d+ s ago\\)\\. Stop it first`));
      expect(result.stderr).toMatch(/The store is unchanged\.\n$/);
      expect(storeFingerprint(app.db)).toBe(before);
    } finally {
      bot.stop();
    }
  });

  it('WHEN the bot that ran is gone THEN the backup is swapped in and the store it replaced kept aside', async () => {
    const file = await backupNow();
    const backedUp = fileFingerprint(file);
    app.services.editor.removeEntry(5, 'after the backup', stamp);
    // A bot killed outright leaves its row, renewed no more.
    app.db.prepare("INSERT INTO bot_processes VALUES ('gone', 'elsewhere', 1, ?, ?)").run(stamp.at, new Date(Date.now() - PRESENCE_STALE_MS - 1000).toISOString());
    app.close();
    const result = await runProgram(runRestore, [file], env());
    expect(result.status).toBe(0);
    const aside = readdirSync(app.dir).find((name) => name.startsWith('sitrep.db.before-restore-'))!;
    expect(result.stdout).toBe(
      `Restored ${file} (integrity checked) as the store at ${app.dbPath}. The store it replaced is kept at ${join(app.dir, aside)}: delete it once the restored store is as it should be.\n`,
    );
    expect(fileFingerprint(app.dbPath)).toBe(backedUp);
    const old = new Database(join(app.dir, aside), { readonly: true });
    expect(old.prepare('SELECT deleted_at IS NOT NULL FROM entries WHERE id = 5').pluck().get()).toBe(1);
    old.close();
    expect(readdirSync(app.dir).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it("WHEN the store's directory does not exist THEN it is created, as the bot does, and the backup restored there; not for a FILE that is no backup", async () => {
    const file = await backupNow();
    const dbPath = join(dir, 'fresh', 'data', 'sitrep.db');
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'just text\n');
    const refused = await runProgram(runRestore, [notes], { SITREP_DB: dbPath });
    expect(refused.stderr).toMatch(/: it is not an SQLite database, so it is no backup to restore: give another backup file/);
    expect(refused.status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['backup.db', 'notes.db']);

    const result = await runProgram(runRestore, [file], { SITREP_DB: dbPath });
    expect(result.stdout).toBe(`Restored ${file} (integrity checked) as the store at ${dbPath} (its directory ${join(dir, 'fresh', 'data')} was created).\n`);
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'fresh', 'data'))).toEqual(['sitrep.db']);
    expect(fileFingerprint(dbPath)).toBe(fileFingerprint(file));
  });

  it("WHEN the store's directory cannot be created THEN it says why, exits 2 and writes nothing", async () => {
    const file = await backupNow();
    writeFileSync(join(dir, 'data'), 'a file where the directory would be\n');
    const dbPath = join(dir, 'data', 'stores', 'sitrep.db');
    const result = await runProgram(runRestore, [file], { SITREP_DB: dbPath });
    expect(result.stderr).toBe(
      `Cannot restore ${file} as the store at ${dbPath}: its directory ${join(dir, 'data', 'stores')} does not exist and cannot be created: a part of its path is a file, not a directory. Nothing was written.\n`,
    );
    expect(result.status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['backup.db', 'data']);
  });

  it.each([
    ['a dossier bundle', '{"record":"sitrep-bundle","version":3,"topic":null}\n{"record":"end","counts":{}}\n', 'a dossier bundle'],
    ['a JSON export', '[{"title": "Talks in Baku", "date": "2025-07-12"}]\n', 'JSON or NDJSON text'],
    ['a CSV export', 'title,date,type,topic\nTalks in Baku,2025-07-12,talks,syria-israel\n', 'CSV text'],
  ])('WHEN FILE is %s THEN it says to import it instead, exits 2, and the store is unchanged', async (_, text, kind) => {
    const file = join(dir, 'dossier.ndjson');
    writeFileSync(file, text);
    app.close();
    const before = fileFingerprint(app.dbPath);
    const result = await runProgram(runRestore, [file], env());
    expect(result.stderr).toBe(`Cannot restore ${file}: it is ${kind}, not a backup: load it into a store with npm run import -- ${file}. The store is unchanged.\n`);
    expect(result.status).toBe(2);
    expect(fileFingerprint(app.dbPath)).toBe(before);
  });

  it('WHEN FILE is empty THEN it says so, not that it is an SQLite file, and the store is unchanged', async () => {
    const file = join(dir, 'backup.db');
    writeFileSync(file, '');
    app.close();
    const before = fileFingerprint(app.dbPath);
    const result = await runProgram(runRestore, [file], env());
    expect(result.stderr).toBe(`Cannot restore ${file}: it is empty: it holds no store (was the backup cut short?). The store is unchanged.\n`);
    expect(result.status).toBe(2);
    expect(fileFingerprint(app.dbPath)).toBe(before);
  });

  it.each([
    ['not SQLite', 'just text\n', /: it is not an SQLite database, so it is no backup to restore: give another backup file/],
    ['another SQLite file', '', /is an SQLite file but not a Sitrep store\./],
  ])('WHEN FILE is %s THEN it is refused and the store is unchanged', async (_, text, message) => {
    const file = join(dir, 'bad.db');
    if (text) writeFileSync(file, text);
    else new Database(file).exec('CREATE TABLE t (x); PRAGMA user_version = 3;');
    app.close();
    const before = fileFingerprint(app.dbPath);
    const result = await runProgram(runRestore, [file], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fileFingerprint(app.dbPath)).toBe(before);
    expect(existsSync(`${app.dbPath}.restoring-${process.pid}`)).toBe(false);
  });
});
