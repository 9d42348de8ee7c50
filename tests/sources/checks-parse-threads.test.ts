// GIVEN the checks' worker with one feed reader (SITREP_FEED_READERS's default) THEN it reads a
// feed of usual size on its own thread, so a check cycle holds no parse worker's isolate beside
// it (tens of MB); a feed too large to read there, or more readers, still go to parse workers.
// The compiled worker runs in a process of its own, as the bot runs it (a TypeScript loader would
// start threads of its own there), and counts its threads in /proc: those the checks' worker
// holds are the ones that end with it.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from '../sources-queue/support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  // Three items whose summaries make a body of 600 KB: more than a check reads on its own thread.
  feeds.serve('/long-reads.xml', 'Long Reads', [PARIS, SWEIDA, BAKU].map((item) => ({ ...item, summary: `${item.title}. ${'Background. '.repeat(17_000)}` })));
  queue = new QueueApp({ start: NOW, inWorker: true });
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

/**
 * Adds the feed at `path` and checks it in the compiled checks' worker, in a process of its own:
 * how many threads the worker held once the check was done, and the check as recorded.
 */
async function checkIn(path: string, feedReaders: number): Promise<{ held: number; check: unknown }> {
  const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url(path)} topic:syria-israel`), 'Watching');
  const script = `
    import { readdirSync } from 'node:fs';
    import { WorkerChecks } from ${JSON.stringify(pathToFileURL(compiled('src/sources/worker-checks.ts')).href)};
    const threads = () => readdirSync('/proc/self/task').length;
    const logger = { info: () => {}, warn: (context, message) => console.error(message), error: (context, message) => console.error(message) };
    const checks = new WorkerChecks({ dbPath: ${JSON.stringify(queue.dbPath)}, allowPrivate: true, feedReaders: ${feedReaders}, logger, now: () => new Date(${JSON.stringify(NOW)}) });
    const checkId = await checks.run(${id}, 'manual');
    const alive = threads();
    await checks.close();
    console.log(JSON.stringify({ held: alive - threads(), checkId }));`;
  // Not spawnSync: the feeds are served from this process.
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: deployedRoot(), env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const { held, checkId } = JSON.parse(stdout) as { held: number; checkId: number };
  return { held, check: queue.app.db.prepare('SELECT result, items FROM feed_checks WHERE id = ?').get(checkId) };
}

describe.runIf(process.platform === 'linux')('GIVEN the checks’ worker with one feed reader', () => {
  it('WHEN it checks a feed of usual size THEN the feed is recorded, and no thread but the worker’s own was started', async () => {
    expect(await checkIn('/levant.xml', 1)).toEqual({ held: 1, check: { result: 'ok', items: 3 } });
  });

  it('WHEN it checks a feed of 600 KB THEN a parse worker reads it, and the feed is recorded', async () => {
    expect(await checkIn('/long-reads.xml', 1)).toEqual({ held: 2, check: { result: 'ok', items: 3 } });
  });
});

describe.runIf(process.platform === 'linux')('GIVEN the checks’ worker with two feed readers', () => {
  it('WHEN it checks a feed of usual size THEN a parse worker reads it, as every feed is', async () => {
    expect(await checkIn('/levant.xml', 2)).toEqual({ held: 2, check: { result: 'ok', items: 3 } });
  });
});
