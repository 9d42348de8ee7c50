// vitest globalSetup: builds dist/ once (npm run build: incremental, well under a second when
// nothing changed) and copies it into a scratch copy of the deployed layout — package.json,
// data/ and node_modules/ beside dist/ — whose compiled programs the process tests run. The copy
// is this run's own: a build by another run, or after an edit, never rewrites a file under a
// running test, and a compiled path that still assumes src/ fails there as in production.
// A failed build is reported by tests/core/compiled.test.ts, not here: tsc still emits what it
// can, and the tests that need no compiled program run as usual.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { withBuildLock } from './build-lock.js';
import { REPO } from './repo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory holding package.json, data/, node_modules/ and the compiled dist/. */
    deployedRoot: string;
    /** How `npm run build` ended: exit status and everything it printed. */
    buildReport: { status: number | null; output: string };
    /** A directory for this run's scratch files, removed when the run ends (workers may be killed). */
    scratchRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const run = mkdtempSync(join(tmpdir(), 'sitrep-run-'));
  const deployed = join(run, 'deployed');
  mkdirSync(deployed);
  const built = await withBuildLock(REPO, () => {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
    const dist = join(REPO, 'dist');
    if (existsSync(dist)) cpSync(dist, join(deployed, 'dist'), { recursive: true, filter: (path) => !path.endsWith('.tsbuildinfo') });
    return build;
  });
  copyFileSync(join(REPO, 'package.json'), join(deployed, 'package.json'));
  symlinkSync(join(REPO, 'data'), join(deployed, 'data'));
  symlinkSync(join(REPO, 'node_modules'), join(deployed, 'node_modules'));
  project.provide('deployedRoot', deployed);
  project.provide('buildReport', { status: built.status, output: `${built.stdout ?? ''}${built.stderr ?? ''}${built.error?.message ?? ''}` });
  project.provide('scratchRoot', run);
  return () => rmSync(run, { recursive: true, force: true });
}
