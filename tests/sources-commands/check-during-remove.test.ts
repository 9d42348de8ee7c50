// GIVEN an admin checking a feed by hand WHEN another admin removes the source while the check
// waits on the feed's server THEN the check's reply says the source was removed, when, and the
// /sources add that watches it again — as any /sources command naming it says afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { heldFeed } from '../sources-queue/support/held-feed.js';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { NOW } from '../sources-queue/support/stories.js';
import { viewText } from '../support/view-text.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each([
  ['on the bot’s thread', false],
  ['in the checks’ worker', true],
])('GIVEN feeds checked %s', (_where, inWorker) => {
  it('WHEN /sources remove id:1 runs while /sources check id:1 waits on the feed THEN the check replies that source #1 was removed, with the /sources add that watches it again', async () => {
    const feed = await heldFeed();
    cleanups.push(feed.close);
    const queue = new QueueApp({ start: NOW, inWorker });
    cleanups.push(() => queue.dispose());
    await queue.run(`/sources add url:${feed.url} topic:syria-israel`);

    const checking = queue.run('/sources check id:1');
    await feed.asked;
    expect(await queue.text('/sources remove id:1')).toContain('Stopped watching #1');
    feed.answer();
    const reply = await checking;

    expect(reply.tone).toBe('error');
    const text = viewText(reply).replaceAll('`', '');
    expect(text).toContain(`Source #1 (${feed.url}) was removed on 2025-07-20 12:00 UTC; add it again with /sources add url:${feed.url} topic:syria-israel`);
    expect(text).not.toContain('There is no source #1');
  });
});
