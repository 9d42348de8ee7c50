// GIVEN 25 cards in the review channel WHEN their feed revises every item at once THEN the cards
// are drawn again 20 a minute, the rest on the next minute's pass, each once: a wave of revised
// stories does not take the bot's thread, or the channel's rate budget, all at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelPoster } from './support/channel-poster.js';
import type { QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { TOWNS, townItem, watchingTownWire } from './support/town-wire.js';

const MINUTE = 60_000;
let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;

beforeEach(async () => {
  channel = new ChannelPoster();
  ({ feeds, queue } = await watchingTownWire(channel));
  // A pass posts 20 cards; the next one the other 5.
  await queue.app.services.review.postPending();
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

describe('GIVEN 25 pending cards in the review channel', () => {
  it('WHEN the feed revises all 25 items THEN 20 cards are drawn again at once, the other 5 a minute later, and none twice', async () => {
    expect(channel.messages.size).toBe(25);
    feeds.serve('/wire.xml', 'Wire', TOWNS.map((town) => townItem(town, `Local officials meet again in ${town}`)));
    await queue.run('/sources check id:1');
    expect(channel.edits).toHaveLength(20);
    await queue.app.services.review.postPending();
    expect(channel.edits).toHaveLength(20);

    queue.advance(MINUTE);
    await queue.app.services.review.postPending();
    expect(channel.edits).toHaveLength(25);
    expect(new Set(channel.edits).size).toBe(25);
    expect([...channel.messages.values()].every((view) => JSON.stringify(view).includes('meet again in'))).toBe(true);

    queue.advance(MINUTE);
    await queue.app.services.review.postPending();
    expect(channel.edits).toHaveLength(25);
  });
});
