// GIVEN a watched feed whose scheduled check is under way, or queued, WHEN an admin removes the
// source THEN the check ends quietly: one info line in the log, no error with a stack, and nothing
// recorded for the removed source. On the test's thread and in the checks' worker, as the bot runs it.
import { afterEach, describe, expect, it } from 'vitest';
import { heldFeed } from './support/held-feed.js';
import { SourcePoller } from '../../src/scheduler/source-poller.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { QueueApp } from './support/queue-app.js';
import { NOW } from './support/stories.js';

function pollerOf(queue: QueueApp, sources = queue.app.services.sources): SourcePoller {
  const { services, digests } = queue.app;
  return new SourcePoller({ sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: queue.now, logger: queue.logger });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each([
  ['on the bot’s thread', false],
  ['in the checks’ worker', true],
])('GIVEN feeds checked %s', (_where, inWorker) => {
  it('WHEN the source is removed while the poller’s check waits on the feed THEN the check ends with an info line, no error', async () => {
    const feed = await heldFeed();
    cleanups.push(feed.close);
    const queue = new QueueApp({ start: NOW, inWorker });
    cleanups.push(() => queue.dispose());
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feed.url} topic:syria-israel`), 'Watching');
    queue.advance(60_000);

    const tick = pollerOf(queue).tick();
    await feed.asked;
    expect(await queue.text(`/sources remove id:${id}`)).toContain(`Stopped watching #${id}`);
    feed.answer();
    await tick;

    expect(queue.logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
    expect(queue.logger.lines).toContainEqual({ level: 'info', context: { source: id }, message: `feed check ended: source #${id} was removed meanwhile` });
    expect(queue.app.db.prepare('SELECT count(*) FROM feed_checks').pluck().get()).toBe(0);
  });

  it('WHEN the source is removed after the poller found it due THEN its check ends with an info line, no error', async () => {
    const feed = await heldFeed();
    cleanups.push(feed.close);
    const queue = new QueueApp({ start: NOW, inWorker });
    cleanups.push(() => queue.dispose());
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feed.url} topic:syria-israel`), 'Watching');
    queue.advance(60_000);
    const { sources } = queue.app.services;
    // The service as it is, but the source is removed the moment the poller has read it as due.
    const removing = Object.create(sources) as typeof sources;
    removing.due = (limit: number) => {
      const due = sources.due(limit);
      sources.remove(id, { at: queue.now().toISOString(), by: 'console:operator' });
      return due;
    };

    await pollerOf(queue, removing).tick();

    expect(queue.logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
    expect(queue.logger.lines).toContainEqual({ level: 'info', context: { source: id }, message: `feed check ended: source #${id} was removed meanwhile` });
  });
});
