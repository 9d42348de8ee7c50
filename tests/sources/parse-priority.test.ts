// Feeds are read at a lower priority than the bot's replies: Linux keeps a nice value per
// thread, and the parse worker sets its own, so a check cycle yields the cores to the bot's thread.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerFeedParser } from '../../src/sources/worker-parser.js';

/** Each thread of this process with its nice value (the 19th field of /proc/self/task/<tid>/stat). */
function niceByThread(): Map<string, number> {
  const nice = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      nice.set(tid, Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    } catch {
      // The thread ended while being listed.
    }
  }
  return nice;
}

const feed = Buffer.from('<rss version="2.0"><channel><title>Desk</title><item><title>Talks resume</title></item></channel></rss>');
let parser: WorkerFeedParser | undefined;
afterEach(async () => {
  await parser?.close();
});

describe.runIf(process.platform === 'linux')('GIVEN a feed read in the worker thread', () => {
  it('THEN the worker runs at nice 10 and the bot’s own thread keeps its priority', async () => {
    const before = niceByThread();
    parser = new WorkerFeedParser();
    const outcome = await parser.parse({ bytes: new Uint8Array(feed), baseUrl: 'https://feeds.example/feed' });
    expect(outcome.kind).toBe('ok');
    const after = niceByThread();
    const started = [...after].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
    expect(started).toContain(10);
    expect(after.get(String(process.pid))).toBe(before.get(String(process.pid)));
  });
});
