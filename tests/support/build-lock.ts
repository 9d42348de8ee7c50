// One build of dist/ at a time across test runs on this machine: a second run waits for the
// first run's build, then finds it up to date (tsc -b writes nothing), instead of rewriting
// files the first run is about to start.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A build takes seconds: a lock this old was left by a run that was killed, whatever its pid is now. */
const STALE_MS = 10 * 60_000;

function holderAlive(lock: string): boolean {
  if (statSync(lock).mtimeMs < Date.now() - STALE_MS) return false;
  const pid = Number(readFileSync(lock, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves when the lock file goes away; looks again each second in case its holder died. */
function released(lock: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(lock), (_event, name) => {
      if (name === basename(lock)) done();
    });
    const timer = setTimeout(done, 1000);
    function done() {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

export async function withBuildLock<T>(repo: string, work: () => T): Promise<T> {
  const lock = join(tmpdir(), `sitrep-build-${createHash('sha1').update(repo).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (!holderAlive(lock)) rmSync(lock, { force: true });
      else await released(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // released meanwhile
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}
