// A bundle's size as the operator meets it: the export says what it wrote, as the import of the
// same file says what it loaded; a large bundle is imported in a bounded amount of memory, its
// file read a line at a time rather than held whole.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { cleanEnv, compiled, deployedRoot, runCompiled } from '../support/compiled.js';
import { ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };

beforeAll(() => {
  dir = mkdtempSync(join(inject('scratchRoot'), 'bundle-size-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a dossier with a removed entry and a trend call', () => {
  it('WHEN exported as a bundle THEN the summary says what it holds, in the words its import says them', async () => {
    const store = join(dir, 'curated.db');
    copySeededStore(store);
    const app = createApp({ dbPath: store, admins: parseAdminRules('console:op'), logger: silentLogger });
    try {
      for (const command of ['/entry remove id:4 reason:"duplicate"', '/trend set topic:syria-israel direction:deteriorated note:"Clashes spread"']) {
        const view = await app.dispatcher.runText(command, admin);
        expect(view.tone, viewText(view)).not.toBe('error');
      }
    } finally {
      app.close();
    }
    const out = join(dir, 'dossier.ndjson');
    const exported = await runProgram(runExport, ['--format', 'bundle', '--out', out], { SITREP_DB: store });
    expect(exported.status).toBe(0);
    const said = /^Exported the dossier as bundle to .*dossier\.ndjson: (\d+ entries \(1 removed\), \d+ actors, \d+ places, \d+ revisions and 1 trend call)\.\n$/.exec(exported.stderr);
    expect(said, exported.stderr).not.toBeNull();

    const imported = await runProgram(runImport, [out], { SITREP_DB: join(dir, 'copy.db') });
    expect(imported.stdout).toBe(`Imported dossier.ndjson (bundle) into a new store at ${join(dir, 'copy.db')}: ${said![1]}.\n`);

    const topic = await runProgram(runExport, ['--format', 'bundle', '--topic', 'syria-israel'], { SITREP_DB: store });
    expect(topic.stderr).toMatch(/^Exported the dossier of syria-israel as bundle: \d+ entries \(1 removed\), \d+ actors, \d+ places, \d+ revisions and 1 trend call\.\n$/);
  });
});

describe('GIVEN a bundle of 8,000 entries', () => {
  let bundle: string;
  beforeAll(async () => {
    const store = join(dir, 'large.db');
    copySeededStore(store);
    writeFileSync(join(dir, 'rows.ndjson'), ndjson(8000));
    expect((await runProgram(runImport, [join(dir, 'rows.ndjson')], { SITREP_DB: store })).status).toBe(0);
    bundle = join(dir, 'large.ndjson');
    expect((await runProgram(runExport, ['--format', 'bundle', '--out', bundle], { SITREP_DB: store })).status).toBe(0);
  }, 120_000);

  it('WHEN imported by a process allowed a 48 MB heap, less than holding its 14 MB file whole takes, THEN it is loaded whole', async () => {
    const target = join(dir, 'from-large.db');
    const result = spawnSync(process.execPath, ['--max-old-space-size=48', compiled('src/transfer/import-cli.ts'), bundle], {
      cwd: deployedRoot(), encoding: 'utf8', env: cleanEnv({ SITREP_DB: target }), timeout: 110_000,
    });
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(result.stdout).toMatch(/^Imported large\.ndjson \(bundle\) into a new store at .*: 8,0\d\d entries/);
    expect(result.status).toBe(0);
    // What was loaded is what was exported.
    const again = await runProgram(runExport, ['--format', 'bundle'], { SITREP_DB: target });
    expect(again.stdout).toBe(readFileSync(bundle, 'utf8'));
  }, 120_000);

  it('WHEN a line after the header is not UTF-8 THEN it is refused, naming the encoding and the line, and no store is created', () => {
    const lines = readFileSync(bundle, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('"Damascus"'));
    const broken = join(dir, 'latin1.ndjson');
    // "Damascus" spelled with an é as Windows-1252 writes it: one byte UTF-8 cannot read.
    const bytes = lines.map((line, i) => (i === at ? Buffer.from(line.replace('"Damascus"', '"Dam\u00e9scus"'), 'latin1') : Buffer.from(line)));
    writeFileSync(broken, Buffer.concat(bytes.flatMap((line, i) => (i === 0 ? [line] : [Buffer.from('\n'), line]))));
    const target = join(dir, 'from-latin1.db');
    const result = runCompiled('src/transfer/import-cli.ts', [broken], { SITREP_DB: target });
    expect(result.stderr).toMatch(/^Cannot import latin1\.ndjson \(bundle\): the file is not UTF-8 text \(it looks like Windows-1252 or Latin-1, .*`é` on line \d+ is in that encoding\).*Nothing was written\.\n$/);
    expect(result.stderr).toContain(`on line ${at + 1} is in that encoding`);
    expect(result.status).toBe(2);
    expect(existsSync(target)).toBe(false);
  });
});
