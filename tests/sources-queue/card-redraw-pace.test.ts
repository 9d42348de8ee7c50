// GIVEN 25 cards in the review channel WHEN their feed revises every item at once THEN the cards
// are drawn again 20 a minute, the rest on the next minute's pass, each once: a wave of revised
// stories does not take the bot's thread, or the channel's rate budget, all at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { NOW } from './support/stories.js';

const MINUTE = 60_000;
// Talks in 25 towns of made-up names: 25 stories, none another's.
const towns = Array.from({ length: 25 }, (_, i) => `Qar${String.fromCharCode(97 + i)}abad`);
const item = (town: string, title: string): ScriptedItem => ({
  guid: `wire-${town}`,
  title,
  link: `https://wire.example/${town}`,
  published: '2025-07-19T09:00:00Z',
});

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/wire.xml', 'Wire', towns.map((town) => item(town, `Local officials meet in ${town}`)));
  queue = new QueueApp({ start: NOW });
  channel = new ChannelPoster();
  // The channel is set through the app's own poster (its confirmation is set apart); this one posts the cards.
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  await queue.run(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
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
    feeds.serve('/wire.xml', 'Wire', towns.map((town) => item(town, `Local officials meet again in ${town}`)));
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
