// GIVEN SITREP_DB written with `~` (as in a shell), which .env and systemd do not expand WHEN the
// bot or a command-line program starts THEN it is refused in one line giving the full path, and no
// directory named `~` is created in the working directory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startupMessage } from '../../src/startup-errors.js';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { REPO, runProgram } from '../support/cli.js';

const env = { SITREP_DB: '~/sitrep.db' };
const refusal = `Configuration error — SITREP_DB: "~/sitrep.db": ~ is not expanded in .env or systemd; write the full path (${join(homedir(), 'sitrep.db')})`;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('GIVEN SITREP_DB=~/sitrep.db', () => {
  it('WHEN the bot starts THEN it says in one line to write the full path', () => {
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = startupMessage(error);
    }
    expect(message).toBe(refusal);
  });

  it('WHEN a store elsewhere is named without ~ THEN it is taken as written', () => {
    expect(loadConfig({ SITREP_DB: '/srv/sitrep~/sitrep.db' }).dbPath).toBe('/srv/sitrep~/sitrep.db');
  });

  const programs = {
    'npm run import -- FILE --dry-run': () => runProgram(runImport, [join(REPO, 'data/examples/import-example.csv'), '--dry-run'], env),
    'npm run export': () => runProgram(runExport, [], env),
    'npm run feeds -- export': () => runProgram(runFeeds, ['export'], env),
    'npm run backup -- FILE': () => runProgram(runBackup, [join(tmpdir(), 'sitrep-home-backup.db')], env),
    'npm run restore -- FILE': () => runProgram(runRestore, [join(REPO, 'package.json')], env),
  };
  for (const [command, run] of Object.entries(programs)) {
    it(`WHEN ${command} runs THEN it is refused in one line and no ~ directory is made`, async () => {
      const cwd = process.cwd();
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-home-'));
      dirs.push(dir);
      process.chdir(dir);
      try {
        const result = await run();
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`${refusal}\n`);
        expect(existsSync(join(dir, '~'))).toBe(false);
      } finally {
        process.chdir(cwd);
      }
    });
  }
});
