// npm start runs the bot compiled (tsconfig.build.json → dist/). The globalSetup builds it once
// and copies it into a scratch copy of the deployed layout (package.json, data/ and node_modules/
// next to dist/, see tests/support/build.ts); this runs it there from another working
// directory, so a path that still assumes src/, or a source file tsc cannot compile, fails here
// rather than in production.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT, projectPath } from '../../src/paths.js';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { DEFAULT_SEED_DIR } from '../../src/store/seed.js';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { REPO } from '../support/repo.js';

describe('GIVEN the project root', () => {
  it('THEN it is the directory holding package.json, and the data directories are found under it', () => {
    expect(join(PROJECT_ROOT, '/')).toBe(join(REPO, '/'));
    expect(projectPath('package.json')).toBe(join(REPO, 'package.json'));
    expect(DEFAULT_MIGRATIONS_DIR).toBe(join(REPO, 'data', 'migrations'));
    expect(DEFAULT_SEED_DIR).toBe(join(REPO, 'data', 'seed'));
  });
});

describe('GIVEN the bot compiled with tsconfig.build.json', () => {
  it('THEN npm run build compiles every source without a word', () => {
    const build = inject('buildReport');
    // The one line allowed: the build's own note when it makes the gazetteer file (a fresh clone).
    const said = build.output.split('\n').filter((line) => line !== '' && !line.startsWith('building the gazetteer from its packages'));
    expect(said).toEqual([]);
    expect(build.status).toBe(0);
  });

  it('THEN the console runs from dist/ in another working directory, with the migrations and the seed found', () => {
    const main = compiled('src/main.ts');
    expect(main.startsWith(deployedRoot())).toBe(true);
    expect(existsSync(main)).toBe(true);
    const result = spawnSync(process.execPath, [main], {
      cwd: tmpdir(),
      input: '/timeline\n/actor Barrack\n',
      encoding: 'utf8',
      env: cleanEnv({ SITREP_DB: join(deployedRoot(), 'compiled.db') }),
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Timeline\nShowing 1 to 10 of 17 entries/);
    expect(result.stdout).toContain('US special envoy for Syria');
  });
});
