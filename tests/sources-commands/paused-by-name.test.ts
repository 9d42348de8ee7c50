// GIVEN a feed an admin paused THEN /sources list, /sources why and a second /sources pause name
// the admin as people read them (`ana (Discord)`), not by the platform's id the pause is stored with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`);
  await queue.run('/sources pause id:1');
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a feed an admin paused', () => {
  it('WHEN the feeds are listed THEN the pause names the admin, not their Discord id', async () => {
    const list = await queue.text('/sources list');
    expect(list).toContain('paused since 2025-07-20 12:00 UTC: paused by ana (Discord) — ');
    expect(list).not.toContain('discord:1001');
  });

  it("WHEN the feed's checks are shown THEN the pause names the admin too", async () => {
    const why = await queue.text('/sources why id:1');
    expect(why).toContain('paused by ana (Discord)');
    expect(why).not.toContain('discord:1001');
  });

  it('WHEN it is paused again THEN the refusal says who paused it, by name', async () => {
    const refused = await queue.refused('/sources pause id:1');
    expect(refused).toContain('Source #1 is paused already (paused by ana (Discord)).');
    expect(refused).not.toContain('discord:1001');
  });

  it('THEN the pause keeps its author as stamped, so the admin stays known by account', () => {
    expect(queue.app.services.sources.get(1).pausedReason).toBe('paused by discord:1001 (ana)');
  });
});
