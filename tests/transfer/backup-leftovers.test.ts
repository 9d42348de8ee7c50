// GIVEN backups killed (kill -9) under dated names, which leave `NAME.partial-PID` and its
// -journal WHEN a backup under another name runs THEN it removes them and says so; a partial copy
// of a backup still running, a killed export's hidden partial file and other files are kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let store: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-leftovers-'));
  store = join(dir, 'sitrep.db');
  copySeededStore(store);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('GIVEN leftovers of backups in the backups folder', () => {
  it('WHEN a backup to a new dated name runs THEN the killed backups’ files are removed and named, and a running backup’s are kept', async () => {
    const backups = join(dir, 'backups');
    const [monday, tuesday] = [deadPid(), deadPid()];
    // The test runner's parent process is alive: its partial copy is a backup still being written.
    const running = process.ppid;
    const files = [
      `2026-03-02.db.partial-${monday}`,
      `2026-03-02.db.partial-${monday}-journal`,
      `2026-03-03.db.partial-${tuesday}`,
      `2026-03-05.db.partial-${running}`,
      `.export.csv.partial-${monday}`,
      'notes.partial-copy',
      '2026-03-01.db',
    ];
    mkdirSync(backups);
    for (const name of files) writeFileSync(join(backups, name), 'x'.repeat(2000));

    const result = await runProgram(runBackup, [join(backups, '2026-03-04.db')], { SITREP_DB: store });
    expect(result.status).toBe(0);
    const [said, listed = ''] = result.stderr.split('\n')[0]!.split(': ');
    expect(said).toBe(`Removed what killed backups left in ${backups}`);
    expect(listed.replace(/\.$/, '').split(', ').sort()).toEqual(
      [`2026-03-02.db.partial-${monday} (0.0 MB)`, `2026-03-02.db.partial-${monday}-journal (0.0 MB)`, `2026-03-03.db.partial-${tuesday} (0.0 MB)`].sort(),
    );
    expect(readdirSync(backups).sort()).toEqual([`.export.csv.partial-${monday}`, '2026-03-01.db', '2026-03-04.db', `2026-03-05.db.partial-${running}`, 'notes.partial-copy'].sort());
  });

  it('WHEN one killed backup left files THEN the line names it as one', async () => {
    const backups = join(dir, 'backups');
    const pid = deadPid();
    mkdirSync(backups);
    writeFileSync(join(backups, `2026-03-02.db.partial-${pid}`), '');
    const result = await runProgram(runBackup, [join(backups, '2026-03-04.db')], { SITREP_DB: store });
    expect(result.stderr.split('\n')[0]).toBe(`Removed what a killed backup left in ${backups}: 2026-03-02.db.partial-${pid} (0.0 MB).`);
    expect(readdirSync(backups)).toEqual(['2026-03-04.db']);
  });
});
