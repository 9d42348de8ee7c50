// kill -9 in the middle of the compiled programs that write a store or a backup: what they write
// is whole or not there, never half. Real processes, killed at a progress line of the write itself.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { startCompiled } from '../support/compiled.js';
import { ndjson } from '../support/import-rows.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let store: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(join(inject('scratchRoot'), 'killed-'));
  store = join(dir, 'large.db');
  copySeededStore(store);
  // Large enough that loading or copying runs on for a while after its first progress line.
  writeFileSync(join(dir, 'rows.ndjson'), ndjson(12_000));
  expect((await runProgram(runImport, [join(dir, 'rows.ndjson')], { SITREP_DB: store })).status).toBe(0);
  bundle = join(dir, 'large.ndjson');
  expect((await runProgram(runExport, ['--format', 'bundle', '--out', bundle], { SITREP_DB: store })).status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a compiled program and kills it (SIGKILL) at the first stderr line matching `at`. */
function killAt(source: string, args: string[], env: Record<string, string>, at: RegExp): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = startCompiled(source, args, env);
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (at.test(stderr)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => resolve({ signal, stderr }));
  });
}

describe('GIVEN a large dossier', () => {
  it('WHEN a bundle import into a new store is killed while loading THEN there is no store', async () => {
    const target = join(dir, 'restored.db');
    const { signal, stderr } = await killAt('src/transfer/import-cli.ts', [bundle], { SITREP_DB: target }, /^Loading \d+\/\d+ /m);
    expect(stderr).toMatch(/^Checking large\.ndjson \(bundle\) to load it into a new store at .*\.\nLoading \d+\/\d+ \(\d+%\)$/m);
    expect(signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it('WHEN a backup is killed while copying THEN FILE is absent, or whole and the same as the store', async () => {
    const file = join(dir, 'backup.db');
    const { signal, stderr } = await killAt('src/transfer/backup-cli.ts', [file], { SITREP_DB: store }, /^Copying \d+\/\d+ /m);
    expect(stderr).toMatch(/^Copying \d+\/\d+ \(\d+%\)$/m);
    expect(signal).toBe('SIGKILL');
    if (existsSync(file)) expect(fileFingerprint(file)).toBe(fileFingerprint(store));
    expect(fileFingerprint(store)).toBeTruthy();
  }, 60_000);
});
