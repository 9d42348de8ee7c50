// npm start runs the bot compiled (tsconfig.build.json → dist/). Compiles it into a scratch copy of
// the deployed layout (package.json, data/ and node_modules/ next to dist/) and runs it there, so
// a path that still assumes src/, or a source file tsc cannot emit, fails here rather than in
// production.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, projectPath } from '../../src/paths.js';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { DEFAULT_SEED_DIR } from '../../src/store/seed.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const deployed = mkdtempSync(join(tmpdir(), 'sitrep-compiled-'));
afterAll(() => rmSync(deployed, { recursive: true, force: true }));

describe('GIVEN the project root', () => {
  it('THEN it is the directory holding package.json, and the data directories are found under it', () => {
    expect(join(PROJECT_ROOT, '/')).toBe(join(repo, '/'));
    expect(projectPath('package.json')).toBe(join(repo, 'package.json'));
    expect(DEFAULT_MIGRATIONS_DIR).toBe(join(repo, 'data', 'migrations'));
    expect(DEFAULT_SEED_DIR).toBe(join(repo, 'data', 'seed'));
  });
});

describe('GIVEN the bot compiled with tsconfig.build.json', () => {
  beforeAll(() => {
    copyFileSync(join(repo, 'package.json'), join(deployed, 'package.json'));
    symlinkSync(join(repo, 'data'), join(deployed, 'data'));
    symlinkSync(join(repo, 'node_modules'), join(deployed, 'node_modules'));
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const out = join(deployed, 'dist');
    const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, '--tsBuildInfoFile', join(out, '.tsbuildinfo')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(built.stdout + built.stderr).toBe('');
    expect(built.status).toBe(0);
  }, 150_000);

  it('THEN the console runs from dist/ in another working directory, with the migrations and the seed found', () => {
    expect(existsSync(join(deployed, 'dist', 'src', 'main.js'))).toBe(true);
    const env = { ...process.env };
    for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'LOG_LEVEL']) delete env[name];
    const result = spawnSync(process.execPath, [join(deployed, 'dist', 'src', 'main.js')], {
      cwd: tmpdir(),
      input: '/timeline\n/actor Barrack\n',
      encoding: 'utf8',
      env: { ...env, SITREP_DB: join(deployed, 'compiled.db') },
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Timeline\nShowing 1–10 of 17 entries/);
    expect(result.stdout).toContain('US special envoy for Syria');
  });
});
