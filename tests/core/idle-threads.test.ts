// The bot's other threads (workers, V8's and libuv's helpers) are kept under Linux's SCHED_IDLE
// policy by a small shell started with the bot, so a reply never waits for a core behind them;
// the bot's own thread keeps its policy.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepOtherThreadsIdle, SCHED_IDLE, type IdleThreads } from '../../src/idle-threads.js';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';

/** A thread's scheduling policy: the 41st field of its stat (the 39th after the command's parenthesis). */
const policyOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[38]);
const threads = () => new Set(readdirSync('/proc/self/task'));

let keeper: IdleThreads | undefined;
let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  await keeper?.stop();
});

describe.runIf(process.platform === 'linux' && spawnSync('chrt', ['--version']).status === 0)('GIVEN the bot keeps its other threads idle', () => {
  it('WHEN a worker thread starts THEN it goes under SCHED_IDLE within seconds, and the bot’s own thread keeps its policy', async () => {
    const main = String(process.pid);
    const mainPolicy = policyOf(main);
    keeper = keepOtherThreadsIdle();
    expect(keeper).toBeDefined();
    const before = threads();
    worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
    await new Promise((resolve) => worker!.once('online', resolve));
    const started = [...threads()].filter((tid) => !before.has(tid));
    expect(started.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(started.map(policyOf)).toContain(SCHED_IDLE), { timeout: 5_000, interval: 100 });
    expect(policyOf(main)).toBe(mainPolicy);
    expect(mainPolicy).not.toBe(SCHED_IDLE);
  });

  it('WHEN the keeper is stopped THEN its process ends', async () => {
    keeper = keepOtherThreadsIdle();
    await expect(keeper!.stop()).resolves.toBeUndefined();
    keeper = undefined;
  });

  it('WHEN a program with nothing else to do awaits the keeper’s stop THEN it goes on once the keeper has ended, and exits cleanly', () => {
    const module = pathToFileURL(compiled('src/idle-threads.ts')).href;
    const script = `
      import { keepOtherThreadsIdle } from ${JSON.stringify(module)};
      const keeper = keepOtherThreadsIdle();
      await keeper.stop();
      console.log('stopped');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: deployedRoot(), env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toBe('stopped\n');
    expect(run.status).toBe(0);
  });
});
