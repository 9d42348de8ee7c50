// GIVEN a store SITREP_DB names that cannot be opened or written (a directory, a path below a
// file, a directory this user cannot write, a full disk, another program's lock) WHEN the bot
// starts THEN it prints one line naming the store and SITREP_DB and what to do, and exits 1.
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startupMessage, storeFault } from '../../src/startup-errors.js';
import { openDatabase } from '../../src/store/connection.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { runCompiled } from '../support/compiled.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-store-faults-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** What `npm start` prints and its exit status, on the store at `path`. */
const start = (path: string) => runCompiled('src/main.ts', [], { SITREP_DB: path }, '/timeline\n');

function expectOneLine(message: string): void {
  expect(message.trimEnd()).not.toContain('\n');
  expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

/** The line printed when opening the store at `path` fails with `error`. */
const printed = (path: string, error: unknown) => startupMessage(storeFault(path, error) ?? error);

/** What opening the store at `path` throws. */
function openingFails(path: string, busyTimeoutMs?: number): unknown {
  try {
    openDatabase(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs, migrationLog: { maxWaitMs: 0 } }).close();
  } catch (error) {
    return error;
  }
  throw new Error('the store opened');
}

describe('GIVEN SITREP_DB naming no file SQLite can keep a store in', () => {
  it('WHEN it names a directory THEN the line says SITREP_DB must name a file, and suggests one', () => {
    const started = start(dir);
    expect(started.stderr).toBe(`Sitrep could not start — the store ${dir} (SITREP_DB) is a directory. SITREP_DB must name a file, such as ${join(dir, 'sitrep.db')}.\n`);
    expect(started.status).toBe(1);
  });

  it('WHEN it names a path below a file THEN the line names the file in the way', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const started = start(join(file, 'sitrep.db'));
    expect(started.stderr).toBe(
      `Sitrep could not start — the store ${join(file, 'sitrep.db')} (SITREP_DB) cannot be created: ${file} is a file, not a directory. SITREP_DB must name a file in a directory.\n`,
    );
    expect(started.status).toBe(1);
  });

  // Permissions bind every user but root.
  it.skipIf(process.getuid?.() === 0)('WHEN its directory is not writable by this user THEN the line says to make it writable', () => {
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly, { mode: 0o500 });
    const started = start(join(readOnly, 'sitrep.db'));
    expect(started.stderr).toBe(
      `Sitrep could not start — the store ${join(readOnly, 'sitrep.db')} (SITREP_DB) cannot be opened: its directory ${readOnly} is not writable by the user running Sitrep, and SQLite keeps files beside the store. Make ${readOnly} writable by that user, or set SITREP_DB to a path in a directory it can write.\n`,
    );
    expect(started.status).toBe(1);
  });
});

describe('GIVEN a store a newer Sitrep wrote (started again after a rollback)', () => {
  it('WHEN the bot starts THEN one line names the store, its version and the code\'s, and the two ways back', () => {
    const path = join(dir, 'sitrep.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    const started = start(path);
    expect(started.stderr).toBe(
      `Sitrep could not start — the store ${path} (SITREP_DB) was written by a newer Sitrep: its schema version is 99, and this Sitrep knows versions up to ${loadMigrations().length}. ` +
        'Run the newer Sitrep, or restore the backup taken before the upgrade with npm run restore -- FILE, then start this one again.\n',
    );
    expectOneLine(started.stderr);
    expect(started.status).toBe(1);
  });
});

describe('GIVEN a store SQLite cannot write', () => {
  it("WHEN its disk is full THEN the line says to free disk space", () => {
    const path = join(dir, 'sitrep.db');
    const db = new Database(path);
    db.pragma('max_page_count = 1'); // as a disk with room for no page more
    let full: unknown;
    try {
      db.exec('CREATE TABLE t (x); CREATE TABLE u (y);');
    } catch (error) {
      full = error;
    }
    db.close();
    const message = printed(path, full);
    expect(message).toBe(`Sitrep could not start — the store ${path} (SITREP_DB) could not be written: its disk is full. Free disk space there, then start Sitrep again.`);
    expectOneLine(message);
  });

  it("WHEN the disk answers with an I/O error (a full disk, when SQLite's shared memory cannot grow) THEN the line names the error and says to free space or check the disk", () => {
    const path = join(dir, 'sitrep.db');
    const message = printed(path, new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_SHMSIZE'));
    expect(message).toBe(
      `Sitrep could not start — the store ${path} (SITREP_DB) could not be written: the disk answered with an I/O error (SQLITE_IOERR_SHMSIZE), as a full disk does. Free disk space there, or check the disk, then start Sitrep again.`,
    );
  });

  it('WHEN another program holds it locked past the wait THEN the line says so and what to do', () => {
    const path = join(dir, 'sitrep.db');
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const message = printed(path, openingFails(path, 10));
    other.exec('ROLLBACK');
    other.close();
    expect(message).toBe(
      `Sitrep could not start — the store ${path} (SITREP_DB) is locked by another program writing to it (an import, a restore, an sqlite3 shell?). Let it finish or stop it, then start Sitrep again.`,
    );
  });

  it('WHEN the failure is no fault of the store THEN it goes on as it is, with its stack', () => {
    expect(storeFault(join(dir, 'sitrep.db'), new Error('a bug'))).toBeUndefined();
  });
});
