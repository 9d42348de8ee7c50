// GIVEN a backup's FILE or an export's --out written as a folder (ending in `/`) WHEN the folder
// does not exist THEN it is refused saying so, and no file named after the folder is written.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-out-folder-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a path ending in / whose folder does not exist', () => {
  it('WHEN the store is backed up to it THEN the backup is refused saying the folder does not exist, and no file takes its name', async () => {
    const folder = join(dir, 'missing-dir');
    const result = await runProgram(runBackup, [`${folder}/`], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Cannot back up to ${folder}/: the folder ${folder}/ does not exist: create it, or give a file name. Nothing was written.\n`);
    expect(existsSync(folder)).toBe(false);
  });

  it('WHEN the dossier is exported to it THEN the export says the folder does not exist, and no file takes its name', async () => {
    const folder = join(dir, 'missing2');
    const result = await runProgram(runExport, ['--out', `${folder}/`], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Cannot write ${folder}/: the folder ${folder}/ does not exist: create it, or give a file name.\n`);
    expect(existsSync(folder)).toBe(false);
  });

  it('WHEN the watched feeds are exported to it THEN the same is said', async () => {
    const folder = join(dir, 'missing3');
    const result = await runProgram(runFeeds, ['export', '--out', `${folder}/`], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Cannot write ${folder}/: the folder ${folder}/ does not exist: create it, or give a file name.\n`);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('GIVEN a path ending in / that is an existing folder', () => {
  it('WHEN the dossier is exported to it THEN the export says to give a file name in it', async () => {
    const result = await runProgram(runExport, ['--out', `${dir}/`], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Cannot write ${dir}/: it is a directory: give a file name in it.\n`);
  });
});
