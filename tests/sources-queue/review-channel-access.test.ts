// GIVEN a channel Sitrep may not post in WHEN an admin runs /review channel there THEN it posts a
// confirmation first and, refused for good, records nothing: the reply says why and how to let
// Sitrep post there. GIVEN a review channel whose cards the platform started refusing THEN
// /review list names the channel, says its cards could not be posted there, why and how to fix
// it; WHEN the channel is set again THEN the cards given up there are posted after all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { channelGone, rateLimited } from '../digest/support/fake-poster.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, PARIS, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const elsewhere: Caller = { ...ADMIN, channelId: 'private' };
const cardTitles = () => queue.poster.posts.filter((p) => p.channelId === 'review').map((p) => p.view.title);

describe('GIVEN a channel the platform refuses Sitrep’s posts in', () => {
  it('WHEN an admin runs /review channel there THEN it is refused with the platform’s reason and the fix, and nothing is recorded', async () => {
    const before = storeFingerprint(queue.app.db);
    queue.poster.failNext(channelGone());
    const refused = await queue.run('/review channel', elsewhere);
    expect(refused.tone).toBe('error');
    const said = viewText(refused);
    expect(said).toContain('Sitrep cannot post in this channel (Unknown Channel (the channel was deleted)), so it was not made the review channel: Discord has no review channel yet.');
    expect(said).toContain('Let Sitrep post in this discord channel, then run `/review channel` again.');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    expect(await queue.text('/review list', READER)).toContain('No review channel is set');
  });

  it('WHEN the platform has a review channel already THEN the refusal says it stays the review channel', async () => {
    await queue.run('/review channel');
    queue.poster.failNext(channelGone());
    const said = await queue.text('/review channel', elsewhere);
    expect(said).toContain('so it was not made the review channel: the review channel on Discord stays #review (channel review).');
    expect(await queue.text('/review list', READER)).toContain('Cards are posted in the review channel: #review (channel review, this channel) on Discord.');
  });

  it('WHEN the platform refuses the confirmation for now (a rate limit) THEN the channel is set all the same, saying so', async () => {
    queue.poster.failNext(rateLimited());
    const reply = await queue.text('/review channel');
    expect(reply).toContain('Review channel set');
    expect(reply).toContain('Sitrep could not post its confirmation in this channel yet (HTTP 429: rate limited). The channel is set;');
    expect(await queue.text('/review list', READER)).toContain('Cards are posted in the review channel: #review (channel review, this channel) on Discord.');
  });

  it('WHEN the platform accepts the confirmation THEN it is posted in the channel before the reply says the channel is set', async () => {
    const reply = await queue.text('/review channel');
    expect(reply).toContain('Sitrep posted a confirmation in this channel, so it can post cards here.');
    expect(queue.poster.confirmations.map((c) => [c.channelId, c.text.split('\n')[0]])).toEqual([['review', 'Review channel']]);
    expect(queue.poster.confirmations[0]!.text).toContain('Set by ana; `/review list` lists the candidates waiting.');
  });
});

describe('GIVEN a review channel on a platform', () => {
  it('WHEN an admin sets another channel there THEN the reply names the one it replaces as channels are named, by name and id', async () => {
    await queue.run('/review channel');
    const reply = await queue.text('/review channel', { ...ADMIN, channelId: 'desk' });
    expect(reply).toContain('(one review channel per platform: this replaces #review (channel review)).');
  });
});

describe('GIVEN a review channel whose cards the platform refuses for good', () => {
  async function refusedCards(): Promise<void> {
    await queue.run('/review channel');
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    // The bot lost access: each card is refused for good, and given up.
    queue.poster.failNext(channelGone(), channelGone(), channelGone());
    await queue.run('/sources check id:1');
    await queue.app.services.review.postPending();
    expect(cardTitles()).toEqual([]);
  }

  it('WHEN an admin lists the queue THEN it names the review channel, says its cards could not be posted there and why, and the fix', async () => {
    await refusedCards();
    const listed = await queue.text('/review list', READER);
    expect(listed).toContain('Cards are posted in the review channel: #review (channel review, this channel) on Discord.');
    expect(listed).toContain('Cards could not be posted in the review channel on Discord, #review (channel review, this channel): Unknown Channel (the channel was deleted). 3 cards of candidates waiting are not there.');
    expect(listed).toContain('In that channel: Let Sitrep post in this discord channel, then run `/review channel` again. The cards of the candidates still waiting are posted then.');
    // From another channel, it is named by its id alone.
    expect(await queue.text('/review list', { ...READER, channelId: 'general' })).toContain('Cards are posted in the review channel: #review (channel review) on Discord.');
  });

  it('WHEN the channel is set again THEN the cards given up there are queued again and posted, each once', async () => {
    await refusedCards();
    const reply = await queue.text('/review channel');
    expect(reply).toContain('3 cards that could not be posted here before are tried again.');
    expect(reply).toContain('3 candidates waiting: their cards follow within a few minutes.');
    expect(await queue.app.services.review.postPending()).toBe(3);
    expect(cardTitles().sort()).toEqual([PARIS.title, SWEIDA.title, BAKU.title].sort());
    const listed = await queue.text('/review list', READER);
    expect(listed).not.toContain('could not be posted');
    // Set once more: nothing is posted twice, and the reply says the cards are there.
    expect(await queue.text('/review channel')).toContain('3 candidates waiting: their cards are in this channel already.');
    expect(await queue.app.services.review.postPending()).toBe(0);
    expect(cardTitles()).toHaveLength(3);
  });

  it('WHEN a card was decided meanwhile THEN setting the channel again posts only those still waiting', async () => {
    await refusedCards();
    const id = queue.app.db.prepare('SELECT id FROM review_candidates WHERE title = ?').pluck().get(SWEIDA.title) as number;
    await queue.run(`/review reject id:${id}`);
    expect(await queue.text('/review channel')).toContain('2 cards that could not be posted here before are tried again.');
    expect(await queue.app.services.review.postPending()).toBe(2);
    expect(cardTitles().sort()).toEqual([PARIS.title, BAKU.title].sort());
  });
});
