// GIVEN a box so loaded that Sitrep's own feed reader does not start in time THEN a feed fetched
// but not read is not held against it: no failure in a row, no back-off and no pause, however
// often it happens; /sources check and /sources why say Sitrep was too busy, and the log says
// the bot is overloaded. Once the reader starts again, the next check reads the feed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcePoller } from '../../src/scheduler/source-poller.js';
import { inThreadParser, type FeedParser } from '../../src/sources/feed-parser.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { noStart } from '../../src/sources/worker-parser.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { ADMIN, QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { NOW, SWEIDA } from '../sources-queue/support/stories.js';

const MINUTE = 60_000;
const BUSY = 'not read: Sitrep was too busy to read it; the feed is not at fault — the next check is at';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let fetcher: HttpFeedFetcher;
/** Whether the feed reader fails to start, as on a machine too loaded to start its thread. */
let readerStarts = false;
const parser: FeedParser = { parse: async (body) => (readerStarts ? inThreadParser.parse(body) : noStart), close: async () => {} };

beforeEach(async () => {
  readerStarts = false;
  feeds = await ScriptedFeeds.start();
  fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000, parser });
  queue = new QueueApp({ start: NOW, fetcher });
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
});
afterEach(async () => {
  queue.dispose();
  await fetcher.close();
  await feeds.close();
});

const source = () => queue.app.services.sources.get(1);
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN a feed whose reader does not start in time', () => {
  it('WHEN an admin checks it THEN the reply says Sitrep was too busy, with the next check, and no failure is counted', async () => {
    const reply = await say('/sources check id:1');
    expect(reply).toContain('Not read: #1');
    expect(reply).toContain(`${BUSY} 2025-07-20 12:30 UTC.`);
    expect(reply).toContain('Nothing to fix in the feed: Sitrep checks it again then by itself, or run /sources check id:1 again in a minute.');
    expect(reply).not.toContain('failure');
    expect(source()).toMatchObject({ failures: 0 });
    expect(source().lastError).toBeUndefined();
    expect(source().nextCheckAt.toISOString()).toBe('2025-07-20T12:30:00.000Z');
    expect(await say('/sources why id:1', READER)).toContain(`checked by hand · ${BUSY} 2025-07-20 12:30 UTC.`);
    expect(await say('/sources list', READER)).toContain('active · next check 2025-07-20 12:30 UTC · no failures');
    const warning = queue.logger.lines.find((line) => line.level === 'warn' && line.message.startsWith('Sitrep is overloaded:'));
    expect(warning?.message).toContain("Sitrep's feed reader did not start within 30 s, so the feed was not read. Source #1 is not at fault");
  });

  it('WHEN it happens at every scheduled check THEN the source is never paused nor backed off, and reads the feed once the reader starts', async () => {
    const { services, digests } = queue.app;
    const poller = new SourcePoller({ sources: services.sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: queue.now, logger: queue.logger });
    for (let check = 1; check <= 9; check++) {
      await poller.tick();
      expect(source(), `check ${check}`).toMatchObject({ failures: 0 });
      expect(source().pausedAt, `check ${check}`).toBeUndefined();
      // Checked again at its interval, never later.
      expect(source().nextCheckAt.getTime() - queue.now().getTime(), `check ${check}`).toBe(30 * MINUTE);
      queue.advance(30 * MINUTE);
    }
    expect(feeds.requestsFor('/levant.xml')).toHaveLength(9);
    expect(queue.poster.texts('review').join('\n')).not.toContain('paused');
    expect(await say('/sources why id:1', READER)).toContain(`scheduled check · ${BUSY}`);

    readerStarts = true;
    await poller.tick();
    expect(await say('/sources why id:1', READER)).toContain('scheduled check · 1 item: 1 new (1 recorded), 0 seen before');
  });
});
