// GIVEN two stores seeded from the same dossier file WHEN one's JSON export is imported into the
// other THEN the seed entries are known by their keys: each row is that entry, not a new one or a
// look-alike, so a correction made in one store reaches the other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let first: TestApp;
let second: TestApp;
let dir: string;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
beforeEach(() => {
  first = createTestApp('console:op', () => new Date('2026-01-10T08:00:00Z'));
  second = createTestApp('console:op', () => new Date('2026-03-02T17:30:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-seed-keys-'));
});
afterEach(() => {
  first.dispose();
  second.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const keys = (app: TestApp) => app.db.prepare('SELECT key FROM entries ORDER BY id').pluck().all();

describe('GIVEN two stores seeded on different days', () => {
  it('THEN their seed entries have the same keys, and a correction exported from one corrects the other', async () => {
    expect(keys(first)).toEqual(keys(second));
    await first.dispatcher.runText('/entry edit id:13 confidence:confirmed', admin);
    const json = (await runProgram(runExport, ['--format', 'json'], { SITREP_DB: first.dbPath })).stdout;
    const result = await runProgram(runImport, [fileIn(dir, 'first.json', json)], { SITREP_DB: second.dbPath });
    expect(result.stdout).toMatch(/correct\s+line \d+: entry #13: confidence reported → confirmed/);
    expect(result.stdout).not.toContain('same date and title');
    expect(second.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    expect(second.db.prepare('SELECT confidence FROM entries WHERE id = 13').pluck().get()).toBe('confirmed');
  });
});
