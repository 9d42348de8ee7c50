// GIVEN a paused feed THEN /sources edit every: says it is paused and checked again only once
// resumed, where an active feed's reply gives its next check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`);
});
afterEach(() => closeQueue(feeds, queue));

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN /sources edit every:', () => {
  it('WHEN the feed is paused THEN the reply says so and how to resume it, with no next check', async () => {
    await queue.run('/sources pause id:1');
    const reply = await say('/sources edit id:1 every:15m');
    expect(reply).toContain('Checked every 30 min → every 15 min. It is paused, so it is not checked until /sources resume id:1, then every 15 min.');
    expect(reply).not.toContain('next check at');
    expect(queue.app.services.sources.get(1).everyMinutes).toBe(15);
    expect(await say('/sources resume id:1')).toContain('It is checked within a minute, then every 15 min');
  });

  it('WHEN the feed is paused by its failures THEN the reply says so too', async () => {
    feeds.fail('/a.xml', { status: 410 });
    await queue.run('/sources check id:1');
    const reply = await say('/sources edit id:1 every:1h');
    expect(reply).toContain('Checked every 30 min → every 1 h. It is paused, so it is not checked until /sources resume id:1');
    expect(reply).not.toContain('next check at');
  });

  it('WHEN the feed is active THEN the reply gives its next check (a new feed’s first: now)', async () => {
    expect(await say('/sources edit id:1 every:15m')).toContain('Checked every 30 min → every 15 min; next check at 2025-07-20 12:00 UTC.');
  });
});
