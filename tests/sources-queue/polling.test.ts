// GIVEN watched feeds and the poller THEN Sitrep asks politely: conditional GETs with the
// validators sent back, a back-off on failures that honours Retry-After, a pause after 8 failures
// in a row (told to the review channel), and one process checking for all. Time is a test clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcePoller } from '../../src/scheduler/source-poller.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { etagOf, FeedServer, LAST_MODIFIED } from '../fakes/feed-server.js';
import { ADMIN, OPERATOR, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { NOW, SWEIDA } from './support/stories.js';

const MINUTE = 60_000;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

/** A poller ticked by hand: the test's clock says when. */
function pollerOf(app: QueueApp): SourcePoller {
  const { services, digests } = app.app;
  return new SourcePoller({ sources: services.sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: app.now, logger: app.logger });
}

const source = (id = 1) => queue.app.services.sources.get(id);

describe('GIVEN a feed server that sends validators', () => {
  it('WHEN the feed is checked twice THEN the second request sends them back, and the 304 is recorded as not modified', async () => {
    const server = await FeedServer.start();
    try {
      await queue.run(`/sources add url:${server.url('/rss2.xml')} topic:syria-israel`);
      await queue.run('/sources check id:1');
      expect(await queue.text('/sources why id:1', READER)).toContain('The latest check, and what it found new.');
      expect(server.requests[0]!.headers['if-none-match']).toBeUndefined();
      queue.advance(30 * MINUTE);
      const second = await queue.text('/sources check id:1', OPERATOR);
      expect(server.requests[1]!.headers).toMatchObject({ 'if-none-match': etagOf('rss2.xml'), 'if-modified-since': LAST_MODIFIED });
      expect(second).toContain('not modified since the last check (the server answered 304)');
      const why = await queue.text('/sources why id:1', READER);
      expect(why).toContain('The latest 2 checks, newest first, and what each found new.');
      expect(why).toMatch(/2025-07-20 12:30 UTC · checked by hand · not modified[^\n]*\n\n2025-07-20 12:00 UTC · checked by hand · 4 items: 4 new \(4 recorded\), 0 seen before/);
      expect(source().feedTitle).toBe('Levant Wire — Syria');
    } finally {
      await server.close();
    }
  });
});

describe('GIVEN a feed that keeps failing', () => {
  beforeEach(async () => {
    await queue.run('/review channel');
    feeds.fail('/down.xml', { status: 500 });
    await queue.run(`/sources add url:${feeds.url('/down.xml')} topic:syria-israel every:15m`);
  });

  it('WHEN the poller checks it THEN it waits 5 min × 2ⁿ (never less than its interval), pauses after 8 failures and tells the review channel how to resume', async () => {
    const poller = pollerOf(queue);
    const waits: number[] = [];
    for (let failure = 1; failure <= 8; failure++) {
      const due = source().nextCheckAt;
      queue.setTime(due.getTime() - MINUTE);
      await poller.tick();
      expect(feeds.requestsFor('/down.xml'), `not before check ${failure} is due`).toHaveLength(failure - 1);
      queue.setTime(due);
      await poller.tick();
      expect(feeds.requestsFor('/down.xml')).toHaveLength(failure);
      if (failure < 8) waits.push((source().nextCheckAt.getTime() - due.getTime()) / MINUTE);
    }
    expect(waits).toEqual([15, 15, 20, 40, 80, 160, 320]);
    expect(source().pausedReason).toBe('8 checks in a row failed, the last with: The server failed with an error (HTTP 500).');
    const notice = queue.poster.posts.at(-1)!;
    expect(notice.channelId).toBe('review');
    expect(notice.text).toContain('Source #1 paused: 127.0.0.1');
    expect(notice.text).toContain('8 checks in a row failed, the last with: The server failed with an error (HTTP 500).\n');
    expect(notice.text).toMatch(/Once the feed works again, resume it with `?\/sources resume id:1/);

    queue.advance(48 * 60 * MINUTE);
    await poller.tick();
    expect(feeds.requestsFor('/down.xml')).toHaveLength(8);
    expect(await queue.text('/sources list', READER)).toMatch(/paused since 2025-07-2\d \d\d:\d\d UTC: 8 checks in a row failed/);
    expect(await queue.text('/sources why id:1', READER)).toContain('failed: The server failed with an error (HTTP 500).');

    feeds.recover('/down.xml');
    feeds.serve('/down.xml', 'Back Online', [SWEIDA]);
    expect(await queue.text('/sources resume id:1')).toContain('its failure count starts again from 0');
    await poller.tick();
    expect(feeds.requestsFor('/down.xml')).toHaveLength(9);
    expect(source()).toMatchObject({ failures: 0, feedTitle: 'Back Online' });
    expect(source().pausedAt).toBeUndefined();
  });

  it('WHEN the server asks to be left alone (Retry-After) THEN the next check waits that long', async () => {
    feeds.fail('/down.xml', { status: 503, headers: { 'retry-after': '7200' } });
    const poller = pollerOf(queue);
    await poller.tick();
    const failedAt = queue.now().getTime();
    expect(source().nextCheckAt.getTime() - failedAt).toBe(2 * 60 * MINUTE);
    queue.setTime(failedAt + 119 * MINUTE);
    await poller.tick();
    expect(feeds.requestsFor('/down.xml')).toHaveLength(1);
    queue.setTime(failedAt + 120 * MINUTE);
    await poller.tick();
    expect(feeds.requestsFor('/down.xml')).toHaveLength(2);
  });

  it('WHEN the feed is gone for good THEN the source is paused at once, saying why, and the check still answers', async () => {
    feeds.fail('/down.xml', { status: 410 });
    const reply = await queue.run('/sources check id:1', ADMIN);
    expect(reply.tone).toBe('normal');
    expect(await queue.text('/sources why id:1', READER)).toContain('This check paused the source.');
    expect(source().pausedReason).toBe('the feed failed in a way retrying will not fix: The server says this feed has been removed for good (HTTP 410).');
    expect(queue.poster.texts('review').at(-1)).toContain('Source #1 paused');
  });
});

describe('GIVEN two bot processes on one store', () => {
  it('WHEN both run the poller THEN only the lease holder checks, and the other takes over once it stops', async () => {
    const time = new VirtualTime(NOW);
    // Lets each tick that fetched nothing schedule the next before time moves on.
    time.settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise<void>((done) => setImmediate(done));
    };
    const first = new QueueApp({ start: NOW, tasks: new ProcessTasks(time), now: time.now });
    const second = first.another({ tasks: new ProcessTasks(time) });
    try {
      feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
      await first.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
      const a = first.app.startSourcePoller();
      const b = second.app.startSourcePoller();
      await Promise.all([a.idle(), b.idle()]);
      expect(feeds.requestsFor('/levant.xml')).toHaveLength(1);
      expect([a.isLeading, b.isLeading]).toEqual([true, false]);
      // Each says which it does, the one standing by too.
      expect(first.logger.lines.some((l) => l.message === 'checking watched feeds')).toBe(true);
      expect(second.logger.lines.some((l) => l.message === 'watched feeds are checked by another process; standing by')).toBe(true);

      await time.advanceTo('2025-07-20T12:30:00Z');
      await Promise.all([a.idle(), b.idle()]);
      expect(feeds.requestsFor('/levant.xml')).toHaveLength(2);

      await a.stop();
      await time.advanceTo('2025-07-20T13:00:00Z');
      await b.idle();
      expect(b.isLeading).toBe(true);
      expect(feeds.requestsFor('/levant.xml')).toHaveLength(3);
      await b.stop();
    } finally {
      second.close();
      first.dispose();
    }
  });
});

describe('GIVEN a store busy with another process’s write (an import)', () => {
  it('WHEN a poller round meets it THEN the log says so in one warning, no error with a stack, and the next round runs', async () => {
    const { services, digests } = queue.app;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    let rounds = 0;
    // The service as it is, but for its first read of the due sources, which meets the busy store.
    const sources = Object.create(services.sources) as typeof services.sources;
    sources.due = (limit: number) => {
      rounds += 1;
      if (rounds === 1) throw busy;
      return services.sources.due(limit);
    };
    const poller = new SourcePoller({ sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: queue.now, logger: queue.logger });
    await poller.tick();
    await poller.tick();
    expect(rounds).toBe(2);
    const lines = queue.logger.lines.filter((line) => line.message.startsWith('feed poller tick'));
    expect(lines).toEqual([{ level: 'warn', context: {}, message: "feed poller tick: the store was busy with another write (a feed check, an import or a backup); the next round tries again" }]);
  });
});
