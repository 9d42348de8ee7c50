// GIVEN cards in the review channel WHEN candidates are decided (a Reject, or /review clear of many)
// and the process stops before it edited their cards THEN the next process shows the decision on
// every card, at the pace cards are drawn again: none keeps saying "waiting for review" with live
// buttons for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Poster } from '../../src/core/poster.js';
import type { View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import type { QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { watchingTownWire } from './support/town-wire.js';

const MINUTE = 60_000;
/**
 * The channel as a process about to stop sees it: its posts land, but an edit never does (the
 * process stops while it is on its way).
 */
function stoppingBeforeEdits(channel: ChannelPoster): Poster {
  return { platform: 'discord', accessHelp: () => '', post: (channelId: string, view: View) => channel.post(channelId, view), update: () => new Promise<void>(() => undefined) };
}

const waiting = (channel: ChannelPoster) => [...channel.messages.values()].filter((view) => (view.buttons ?? []).length > 0 || viewText(view).includes('waiting for review'));

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;

beforeEach(async () => {
  channel = new ChannelPoster();
  ({ feeds, queue } = await watchingTownWire(stoppingBeforeEdits(channel)));
  await queue.app.services.review.postPending();
  await queue.app.services.review.postPending();
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

/** The process stops, and the next one opens the store with the channel's poster. */
function restart(): void {
  queue = queue.reopen();
  queue.app.digests.posters.register(channel);
}

describe('GIVEN 25 cards waiting for review in the channel', () => {
  it('WHEN /review clear rejects them all and the process stops before editing their cards THEN the next process shows every card rejected, 20 a minute', async () => {
    expect(waiting(channel)).toHaveLength(25);
    expect(await queue.text('/review clear before:2025-07-20 confirm:true')).toMatch(/^Rejected 25 candidates/);
    restart();

    await queue.app.services.review.postPending();
    expect(channel.edits).toHaveLength(20);
    queue.advance(MINUTE);
    await queue.app.services.review.postPending();

    expect(waiting(channel)).toEqual([]);
    expect([...channel.messages.values()].every((view) => viewText(view).includes('Rejected: its items are not proposed again.'))).toBe(true);
    expect(new Set(channel.edits).size).toBe(25);
  });

  it('WHEN Reject is typed and the process stops before its card is edited THEN the next process shows the card rejected', async () => {
    const id = queue.app.services.review.pending({}, 1, 0).items[0]!.id;
    // The reply waits for the card's edit, which the stop cuts off: only the decision is written.
    void queue.run(`/review reject id:${id}`);
    await vi.waitFor(() => expect(queue.app.services.review.candidate(id).status).toBe('rejected'));
    restart();

    await queue.app.services.review.postPending();

    expect(waiting(channel)).toHaveLength(24);
    expect(channel.edits).toHaveLength(1);
    expect(viewText(channel.messages.get(channel.edits[0]!)!)).toContain(`Candidate #${id} · syria-israel · rejected`);
  });
});
