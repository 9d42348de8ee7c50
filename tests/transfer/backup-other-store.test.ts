// npm run backup replaces an older backup of the store it copies, and never another store that no
// bot happens to be running on: that store's dossier, and its WAL, stay as they were.
import Database from 'better-sqlite3';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { openDatabase } from '../../src/store/connection.js';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { twoStoresEachTest } from '../support/two-stores.js';

let app: TestApp;
let other: TestApp;
let dir: string;
twoStoresEachTest('sitrep-backup-other-', (stores) => ({ app, other, dir } = stores));

const env = () => ({ SITREP_DB: app.dbPath });

function disputedIn(path: string, id: number): boolean {
  const reader = new Database(path, { readonly: true });
  try {
    return reader.prepare('SELECT confidence FROM entries WHERE id = ?').pluck().get(id) === 'disputed';
  } finally {
    reader.close();
  }
}

describe("GIVEN another newsroom's store, idle (no bot on it), with a change of its own still in its WAL", () => {
  it('WHEN the backup names that store THEN it refuses saying what the store holds and how to go on, and the store and its WAL are as they were', async () => {
    other.services.editor.editEntry(3, { confidence: 'disputed' }, { by: 'desk-b', at: '2026-02-03T04:05:06.789Z' });
    const wal = readFileSync(`${other.dbPath}-wal`);
    const before = storeFingerprint(other.db);
    const newest = other.db.prepare('SELECT max(id) FROM revisions').pluck().get() as number;
    const entries = other.db.prepare('SELECT count(*) FROM entries WHERE deleted_at IS NULL').pluck().get() as number;

    const result = await runProgram(runBackup, [other.dbPath], env());

    expect(result.stderr).toBe(
      `Cannot back up to ${other.dbPath}: it is a Sitrep store but not an older backup of this one: it holds ${entries} entries, and its newest change ` +
        `(revision ${newest}: edit of entry 3 by desk-b at 2026-02-03T04:05:06.789Z) is not in this store, so replacing it would lose what it holds. ` +
        'Give another file name, or move that file away first if this backup is to take its place. Nothing was written.\n',
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(readFileSync(`${other.dbPath}-wal`).equals(wal)).toBe(true);
    expect(storeFingerprint(other.db)).toBe(before);
    expect(disputedIn(other.dbPath, 3)).toBe(true);
  });

  it('WHEN that store is moved away first, as the refusal says THEN the backup is written at its name, and the moved store keeps its change', async () => {
    other.services.editor.editEntry(3, { confidence: 'disputed' }, { by: 'desk-b', at: '2026-02-03T04:05:06.789Z' });
    other.close();
    const moved = join(dir, 'desk-b.db');
    renameSync(other.dbPath, moved);

    const result = await runProgram(runBackup, [other.dbPath], env());

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${app.dbPath} to ${other.dbPath} \\(`));
    expect(disputedIn(other.dbPath, 3)).toBe(false);
    expect(disputedIn(moved, 3)).toBe(true);
  });
});

describe('GIVEN an older backup of this store, and changes made to the store since', () => {
  it('WHEN the backup is taken again to the same file THEN the older backup is replaced and the new one holds the changes', async () => {
    const file = join(dir, 'daily.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    app.services.editor.editEntry(3, { confidence: 'disputed' }, { by: 'desk-a', at: '2026-02-03T04:05:06.789Z' });

    const again = await runProgram(runBackup, [file], env());

    expect(again.stdout).toMatch(/integrity checked; it replaces the file that was there\) in /);
    expect(again.status).toBe(0);
    expect(disputedIn(file, 3)).toBe(true);
  });
});

describe('GIVEN a backup of this store that was later changed on its own (opened and edited as a store)', () => {
  it('WHEN the backup is taken to that file THEN it refuses, and the file keeps its change', async () => {
    const file = join(dir, 'copy.db');
    expect((await runProgram(runBackup, [file], env())).status).toBe(0);
    const copy = createApp({ dbPath: file, admins: [], logger: silentLogger });
    copy.services.editor.editEntry(4, { confidence: 'disputed' }, { by: 'desk-c', at: '2026-03-01T00:00:00.000Z' });
    copy.close();
    const bytes = readFileSync(file);

    const result = await runProgram(runBackup, [file], env());

    expect(result.stderr).toMatch(/^Cannot back up to .*copy\.db: it is a Sitrep store but not an older backup of this one: .* by desk-c at 2026-03-01T00:00:00\.000Z\) is not in this store/);
    expect(result.status).toBe(2);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(disputedIn(file, 4)).toBe(true);
  });
});

describe('GIVEN a Sitrep store that records no change at all (made, never seeded nor written)', () => {
  it('WHEN the backup names it THEN it refuses: nothing shows the file is a backup of this store', async () => {
    const file = join(dir, 'blank.db');
    openDatabase(file).close();
    const bytes = readFileSync(file);

    const result = await runProgram(runBackup, [file], env());

    expect(result.stderr).toBe(
      `Cannot back up to ${file}: it is a Sitrep store with no change recorded (0 entries), so nothing shows it is an older backup of this store, which is all a backup replaces. ` +
        'Give another file name, or move that file away first if this backup is to take its place. Nothing was written.\n',
    );
    expect(result.status).toBe(2);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
