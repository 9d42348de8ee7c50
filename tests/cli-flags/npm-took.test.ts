// GIVEN an option typed before `--` (`npm run import FILE --dry-run`): npm keeps it for itself,
// sets npm_config_dry_run=true and runs the program without it. THEN the program refuses before
// reading anything, says what npm did and what to run instead, exits 2, and the store is as it was.
// npm's own variables (its defaults, an .npmrc's `dry-run=false`) never count.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, REPO, runProgram } from '../support/cli.js';
import { cleanEnv, deployedRoot } from '../support/compiled.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

const EXAMPLE = join(REPO, 'data/examples/import-example.csv');

/** What npm puts in every script's environment, whatever was typed (npm 11, an .npmrc with audit=false). */
const NPM_DEFAULTS = {
  npm_config_cache: '/root/.npm',
  npm_config_prefix: '/usr',
  npm_config_global_prefix: '/usr',
  npm_config_local_prefix: REPO,
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_userconfig: '/root/.npmrc',
  npm_config_audit: '',
  npm_config_fund: '',
  npm_config_yes: '',
  npm_config_loglevel: 'silent',
};

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-npm-took-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function count(table: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Runs `program` as `npm run <script>` would after npm took what `npmVars` say. */
const underNpm = (script: string, npmVars: Record<string, string>) => ({ ...NPM_DEFAULTS, SITREP_DB: dbPath, npm_lifecycle_event: script, ...npmVars });

describe('GIVEN npm run import with an option before `--`', () => {
  it.each([
    ['dry-run', 'so this import would have run for real'],
    ['create-actors', 'so this import would have run without it'],
    ['unlocated-places', 'so this import would have run without it'],
  ])('WHEN npm took --%s THEN it refuses, exits 2, and the store is unchanged', async (flag, outcome) => {
    const entries = count('entries');
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runImport, [EXAMPLE], underNpm('import', { [`npm_config_${flag.replace(/-/g, '_')}`]: 'true' }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`npm took --${flag} for itself (it came before \`--\`), ${outcome}. Nothing was done.\nRun: npm run import -- ${EXAMPLE} --${flag}\n`);
    expect(count('entries')).toBe(entries);
    expect(fileFingerprint(dbPath)).toBe(before);
  });

  it('WHEN npm took --format, leaving its value THEN the stray value is explained, not taken for a second file', async () => {
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runImport, [EXAMPLE, 'csv'], underNpm('import', {}));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `npm took --format for itself (it came before \`--\`), leaving \`csv\` as a stray argument, so this import would have run without it. Nothing was done.\nRun: npm run import -- ${EXAMPLE} --format csv\n`,
    );
    expect(fileFingerprint(dbPath)).toBe(before);
  });

  it('WHEN the option came after `--` too THEN it runs as asked (a dry run)', async () => {
    const entries = count('entries');
    const result = await runProgram(runImport, [EXAMPLE, '--dry-run'], underNpm('import', { npm_config_dry_run: 'true' }));
    expect(result.stdout).toContain('Dry run of import-example.csv (csv)');
    expect(result.stderr).not.toContain('npm took');
    expect(count('entries')).toBe(entries);
  });

  it("WHEN only npm's own variables are set (its defaults, an .npmrc's dry-run=false) THEN the import runs and writes", async () => {
    const entries = count('entries');
    const result = await runProgram(runImport, [EXAMPLE, '--create-actors'], underNpm('import', { npm_config_dry_run: '' }));
    expect(result.stderr).not.toContain('npm took');
    expect(result.status, result.stderr).toBe(0);
    expect(count('entries')).toBeGreaterThan(entries);
  });
});

describe('GIVEN npm run export with an option before `--`', () => {
  it('WHEN npm ate --format (npm run export --format csv) THEN it says so instead of "Unexpected argument", writing nothing', async () => {
    const result = await runProgram(runExport, ['csv'], underNpm('export', {}));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'npm took --format for itself (it came before `--`), leaving `csv` as a stray argument, so this export would have run without it. Nothing was done.\nRun: npm run export -- --format csv\n',
    );
  });

  it('WHEN npm took --topic=gaza THEN it does not export every topic', async () => {
    const out = join(dir, 'out.json');
    const result = await runProgram(runExport, ['--out', out], underNpm('export', { npm_config_topic: 'gaza' }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`npm took --topic for itself (it came before \`--\`), so this export would have run without it. Nothing was done.\nRun: npm run export -- --out ${out} --topic gaza\n`);
  });

  it('WHEN a stray csv comes outside npm run export THEN it is the usual mistyped call', async () => {
    const result = await runProgram(runExport, ['csv'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Unexpected argument 'csv'/);
  });
});

describe('GIVEN npm run feeds import with --topic before `--`', () => {
  it('WHEN npm took it, leaving the slug THEN no feed is watched and it exits 2', async () => {
    const list = fileIn(dir, 'feeds.opml', '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Levant Wire" xmlUrl="https://levant.example/rss.xml"/></body></opml>');
    const feeds = count('feed_sources');
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runFeeds, ['import', list, 'gaza'], underNpm('feeds', { npm_config_topic: 'true' }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `npm took --topic for itself (it came before \`--\`), leaving \`gaza\` as a stray argument, so this feeds import would have run without it. Nothing was done.\nRun: npm run feeds -- import ${list} --topic gaza\n`,
    );
    expect(count('feed_sources')).toBe(feeds);
    expect(fileFingerprint(dbPath)).toBe(before);
  });
});

describe('GIVEN the real npm, running the compiled import as `npm run import FILE --dry-run`', () => {
  it('THEN npm keeps --dry-run, the import refuses, exits 2, and the store is unchanged', () => {
    const entries = count('entries');
    const before = fileFingerprint(dbPath);
    // --ignore-scripts: not preimport's build, which the deployed copy cannot run (it is built already).
    const result = spawnSync('npm', ['run', '--silent', '--ignore-scripts', 'import', EXAMPLE, '--dry-run'], {
      cwd: deployedRoot(),
      encoding: 'utf8',
      env: cleanEnv({ SITREP_DB: dbPath }),
      timeout: 60_000,
    });
    expect(result.stderr).toContain(`npm took --dry-run for itself (it came before \`--\`), so this import would have run for real. Nothing was done.\nRun: npm run import -- ${EXAMPLE} --dry-run\n`);
    expect(result.status).toBe(2);
    expect(count('entries')).toBe(entries);
    expect(fileFingerprint(dbPath)).toBe(before);
  });
});
