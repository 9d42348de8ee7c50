// GIVEN SITREP_DB naming a path SQLite cannot keep a store at for a reason no permission explains
// (a virtual file system, a read-only mount) WHEN the bot starts THEN one line names the store and
// the reason, and says what to do: no stack trace, and no chmod advice for what chmod cannot mend.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startupMessage, storeFault } from '../../src/startup-errors.js';
import { runCompiled } from '../support/compiled.js';

const readOnlyMount = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/store/write-access.js', async (original) => {
  const real = await original<typeof import('../../src/store/write-access.js')>();
  // As accessSync answers on a file system mounted read-only: EROFS, whatever the permissions.
  return { cannotWrite: (path: string, kind: 'file' | 'directory') => (readOnlyMount.on ? 'read-only disk' : real.cannotWrite(path, kind)) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-unopenable-'));
});
afterEach(() => {
  readOnlyMount.on = false;
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN SITREP_DB on a file system where no file can be made', () => {
  it.skipIf(!existsSync('/proc/self'))('WHEN it names a file in /proc THEN the bot says in one line that the store cannot be made there', () => {
    const started = runCompiled('src/main.ts', [], { SITREP_DB: '/proc/sitrep.db' }, '/timeline\n');
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/^Sitrep could not start — the store \/proc\/sitrep\.db \(SITREP_DB\) cannot be (created|opened): .+\.\n$/);
    expect(started.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(existsSync('/proc/sitrep.db')).toBe(false);
  });
});

describe('GIVEN the store on a file system mounted read-only', () => {
  it('WHEN SQLite cannot open it THEN the line says the mount is read-only, not that a user may not write there', () => {
    readOnlyMount.on = true;
    const path = join(dir, 'sitrep.db');
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(startupMessage(storeFault(path, cantOpen) ?? cantOpen)).toBe(
      `Sitrep could not start — the store ${path} (SITREP_DB) cannot be opened: its directory ${dir} is on a file system mounted read-only, and SQLite keeps files beside the store. Mount it read-write, or set SITREP_DB to a path on a writable disk.`,
    );
  });
});
