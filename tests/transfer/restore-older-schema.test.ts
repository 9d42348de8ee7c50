// GIVEN a backup an older Sitrep wrote (schema 43) WHEN it is restored into a newer build THEN
// the success line says its schema version, that the bot upgrades it when it next starts, and
// that the command-line programs wait until then; a backup of this build's schema says nothing of it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/store/migrate.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { createStoreAtVersion, storeState } from '../support/older-store.js';
import { copySeededStore } from '../support/test-app.js';

const latest = loadMigrations().length;
let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-restore-older-'));
  dbPath = join(dir, 'data', 'sitrep.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a backup at schema version 43', () => {
  it('WHEN it is restored THEN the line says the bot upgrades it when it next starts, and exports wait until then', async () => {
    const backup = join(dir, 'v43.db');
    createStoreAtVersion(backup, () => {}, 43);
    const result = await runProgram(runRestore, [backup], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `Restored ${backup} (integrity checked) as the store at ${dbPath} (its directory ${join(dir, 'data')} was created): it has schema version 43; ` +
        `the bot upgrades it to ${latest} when it next starts (npm run export, import and feeds wait until then).\n`,
    );
    // Read, not upgraded, and nothing left beside it.
    expect(storeState(dbPath).version).toBe(43);
    expect(readdirSync(join(dir, 'data'))).toEqual(['sitrep.db']);
    expect((await runProgram(runExport, [], { SITREP_DB: dbPath })).status).toBe(2);
  });

  it('WHEN a backup of this build’s schema is restored THEN the line says nothing of versions', async () => {
    const backup = join(dir, 'current.db');
    copySeededStore(backup);
    const result = await runProgram(runRestore, [backup], { SITREP_DB: dbPath });
    expect(result.stdout).toBe(`Restored ${backup} (integrity checked) as the store at ${dbPath} (its directory ${join(dir, 'data')} was created).\n`);
  });
});
