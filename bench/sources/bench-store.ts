// The dossier the sources benchmark runs on: the synthetic store of `bench:queries` (same
// generator, same seed) when it has been built, else one built here once and kept; each run
// works on a copy, which the app brings up to the current schema when it opens it.
import { constants, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../src/paths.js';
import { buildStore } from '../build-store.js';
import { thousands } from '../stats.js';

/** The seed bench/run.ts builds its store with: the same dossier, whichever benchmark built it. */
const SEED = 20_251_120;

export interface BenchStore {
  /** The copy this run writes to. */
  path: string;
  /** Where it was copied from, and whether that was built by this run. */
  from: string;
  built: boolean;
  remove(): void;
}

/** bench:queries' store of `entries` entries, complete (its build wrote the meta file last). */
function queriesStore(entries: number): string | undefined {
  const path = projectPath('bench', '.data', `store-${entries}.db`);
  return existsSync(path) && existsSync(`${path}.json`) ? path : undefined;
}

export function benchStore(entries: number, log: (message: string) => void): BenchStore {
  const dir = process.env.SITREP_BENCH_DIR ?? join(tmpdir(), 'sitrep-bench-sources');
  mkdirSync(dir, { recursive: true });
  let from = queriesStore(entries);
  let built = false;
  if (!from) {
    from = join(dir, `store-${entries}.db`);
    const done = `${from}.built`;
    if (!existsSync(from) || !existsSync(done)) {
      log(`Building a ${thousands(entries)}-entry store in ${from} (once; later runs reuse it)…`);
      const stats = buildStore({ path: from, entries, seed: SEED, log });
      writeFileSync(done, JSON.stringify(stats));
      built = true;
    }
  }
  const path = join(dir, `run-${process.pid}.db`);
  log(`Copying ${from}…`);
  // A reflink where the file system has them, else a plain copy.
  copyFileSync(from, path, constants.COPYFILE_FICLONE);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  return { path, from, built, remove };
}
