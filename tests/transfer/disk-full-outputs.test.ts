// GIVEN the disk an output goes to is full WHEN a backup or an export to the standard output is
// written THEN one line says which disk is full and what to do.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runProgram } from '../support/cli.js';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';

const fullDisk = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/store/backup.js', async (original) => {
  const real = await original<typeof import('../../src/store/backup.js')>();
  // As SQLite answers when the backup's disk fills while the copy is written.
  const fullError = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  return { ...real, backupStore: (...args: Parameters<typeof real.backupStore>) => (fullDisk.on ? Promise.reject(fullError()) : real.backupStore(...args)) };
});

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-disk-full-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
});
afterEach(() => {
  fullDisk.on = false;
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a full disk', () => {
  it("WHEN the store is backed up there THEN the line says the backup's folder's disk is full, to free space or choose another folder", async () => {
    fullDisk.on = true;
    const folder = join(dir, 'backups');
    mkdirSync(folder);
    const file = join(folder, 'b.db');
    const result = await runProgram(runBackup, [file], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Backup failed, ${file} was not written: the disk of its folder ${folder} is full: free space there, or choose a folder on another disk\n`);
    expect(existsSync(file)).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full'))('WHEN the export goes to the standard output THEN one line says it cannot be written', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [compiled('src/transfer/export-cli.ts')], {
        cwd: deployedRoot(), encoding: 'utf8', env: cleanEnv({ SITREP_DB: dbPath }), timeout: 60_000, stdio: ['ignore', full, 'pipe'],
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('Cannot write the standard output: the disk is full.\n');
    } finally {
      closeSync(full);
    }
  });
});
