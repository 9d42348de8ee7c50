// GIVEN cards in the review channel WHEN an admin names a feed's outlet or grades it (/sources edit
// outlet:|reliability:) THEN the cards of the candidates waiting from that feed are drawn again
// citing it as named now; other feeds' cards and decided ones are left as they are.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

/** The card whose text holds `words`, as the channel shows it now. */
function card(channel: ChannelPoster, words: string): string {
  const found = [...channel.messages.values()].map(viewText).filter((text) => text.includes(words));
  expect(found).toHaveLength(1);
  return found[0]!;
}

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/latest.xml', 'Latest news', [SWEIDA, PARIS]);
  feeds.serve('/wire.xml', 'Levant Wire', [BAKU]);
  queue = new QueueApp({ start: NOW });
  channel = new ChannelPoster();
  // The channel is set through the app's own poster (its confirmation is set apart); this one posts the cards.
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  await queue.run(`/sources add url:${feeds.url('/latest.xml')} topic:syria-israel backfill:true`);
  await queue.run(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.run('/sources check id:2');
  await queue.app.services.review.postPending();
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

describe('GIVEN the cards of two feeds’ candidates in the review channel', () => {
  it('WHEN the first feed is named Reuters and graded B THEN its waiting card cites Reuters · B, its decided card and the other feed’s stay', async () => {
    expect(channel.messages.size).toBe(3);
    expect(card(channel, SWEIDA.title)).toMatch(/Outlet +Latest news\n/);
    await queue.run('/review reject id:2 reason:"not our topic"');
    await queue.app.services.review.postPending();
    const decided = card(channel, PARIS.title);
    const other = card(channel, BAKU.title);
    const editsBefore = channel.edits.length;

    await queue.run('/sources edit id:1 outlet:Reuters reliability:B');
    await queue.app.services.review.postPending();

    expect(channel.edits).toHaveLength(editsBefore + 1);
    expect(card(channel, SWEIDA.title)).toContain('Outlet     Reuters · B6 (usually reliable; the report not judged yet)\n');
    expect(card(channel, SWEIDA.title)).not.toContain('Latest news');
    expect(card(channel, PARIS.title)).toBe(decided);
    expect(card(channel, BAKU.title)).toBe(other);

    // Drawn once: the next pass finds nothing to draw again.
    await queue.app.services.review.postPending();
    expect(channel.edits).toHaveLength(editsBefore + 1);
  });
});
