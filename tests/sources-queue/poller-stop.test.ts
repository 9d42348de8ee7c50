// GIVEN the poller's check waiting on a feed that does not answer, in the checks' worker as the
// bot runs it WHEN the process stops THEN the stop does not wait for the feed: the check ends at
// once, records nothing (the feed is checked again after the restart), and the log has an info
// line, no error — before, the stop waited out the fetch's timeout and the check then wrote to a
// store already closed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SourcePoller } from '../../src/scheduler/source-poller.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { QueueApp } from './support/queue-app.js';
import { NOW } from './support/stories.js';

/** A feed server that takes each request and never answers it. */
async function silentFeed(): Promise<{ server: Server; url: string; asked: Promise<void> }> {
  let asked!: () => void;
  const askedP = new Promise<void>((resolve) => (asked = resolve));
  const server = createServer(() => asked());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, asked: askedP };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('GIVEN a scheduled check waiting on a feed that does not answer', () => {
  it('WHEN the poller stops THEN the check ends at once and records nothing, with an info line', async () => {
    const feed = await silentFeed();
    cleanups.push(() => {
      feed.server.closeAllConnections();
      return new Promise<void>((resolve) => feed.server.close(() => resolve()));
    });
    const queue = new QueueApp({ start: NOW, inWorker: true });
    cleanups.push(() => queue.dispose());
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feed.url} topic:syria-israel`), 'Watching');
    queue.advance(60_000);
    const { services, digests } = queue.app;
    const poller = new SourcePoller({ sources: services.sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: queue.now, logger: queue.logger });
    poller.start();
    await feed.asked;

    await poller.stop();

    expect(queue.app.db.prepare('SELECT count(*) FROM feed_checks').pluck().get()).toBe(0);
    expect(queue.app.db.prepare('SELECT failures FROM feed_sources WHERE id = ?').pluck().get(id)).toBe(0);
    expect(queue.logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
    expect(queue.logger.lines).toContainEqual({ level: 'info', context: { source: id }, message: 'feed check cut short by the stop; it runs again after the restart' });
  });
});
