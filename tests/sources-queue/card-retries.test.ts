// GIVEN cards owed to the review channel WHEN the platform rate-limits or fails for now THEN the
// pass stops posting there at the first failure, the cards wait (the Retry-After, else 0, 1, 2,
// 4 … minutes) and all arrive once it works again, each once; a card is given up at once for a
// refusal retrying cannot fix, or after a day of failures, with a warning.
// WHEN a candidate is decided while its card is on its way THEN the card, once it lands, is
// edited to show the decision, without buttons.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError, type PostResult, type Poster } from '../../src/core/poster.js';
import type { View } from '../../src/core/view.js';
import { viewText } from '../support/view-text.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

/** The review channel as a moderator sees it: its messages (edits applied), and every call made to post one. */
class ChannelPoster implements Poster {
  readonly platform = 'discord';
  accessHelp = (): string => '';
  /** Every post asked for, failed ones included. */
  calls = 0;
  /** What each post attempt meets while set. */
  failing: DeliveryError | undefined;
  /** While set, a post waits for it before reaching the channel. */
  gate: Promise<void> | undefined;
  reachedGate: (() => void) | undefined;
  readonly messages = new Map<string, View>();

  async post(_channelId: string, view: View): Promise<PostResult> {
    this.calls += 1;
    if (this.gate) {
      this.reachedGate?.();
      await this.gate;
    }
    if (this.failing) throw this.failing;
    const ref = `m${this.messages.size + 1}`;
    this.messages.set(ref, view);
    return { refs: [ref] };
  }

  async update(_channelId: string, refs: readonly string[], view: View): Promise<void> {
    for (const ref of refs) this.messages.set(ref, view);
  }

  /** The first line of each card in the channel, oldest first. */
  titles(): string[] {
    return [...this.messages.values()].map((view) => view.title);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const rateLimited = (seconds: number) => new DeliveryError('retryable', 'Discord answered 429', seconds * 1000);
const outage = () => new DeliveryError('retryable', 'Discord answered 503 Service Unavailable');

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;
let waiting: string[];

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  queue = new QueueApp({ start: NOW });
  channel = new ChannelPoster();
  // Checked before the review channel is set: three candidates wait, no card is posted yet.
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  // The channel is set through the app's own poster (its confirmation is set apart); this one posts the cards.
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  waiting = queue.app.db.prepare('SELECT title FROM review_candidates ORDER BY id').pluck().all() as string[];
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const pass = () => queue.app.services.review.postPending();
const warnings = () => queue.logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);

describe('GIVEN three cards owed and a platform that rate-limits', () => {
  it('WHEN it answers 429 with Retry-After 30 s THEN one post is tried, none before the 30 s are up, and then all three arrive once each', async () => {
    channel.failing = rateLimited(30);
    expect(await pass()).toBe(0);
    expect(channel.calls).toBe(1);
    // Passes meanwhile (a feed check, or the minute's pass) do not call the platform.
    for (let i = 0; i < 6; i++) expect(await pass()).toBe(0);
    queue.advance(29_000);
    expect(await pass()).toBe(0);
    expect(channel.calls).toBe(1);

    channel.failing = undefined;
    queue.advance(2_000);
    expect(await pass()).toBe(3);
    expect(channel.titles()).toEqual(waiting);
    queue.advance(MINUTE);
    expect(await pass()).toBe(0);
    expect(channel.titles()).toEqual(waiting);
  });
});

describe('GIVEN three cards owed and a platform down for five minutes', () => {
  it('WHEN passes run every minute THEN the cards are tried after 0, 1, 2 and 4 minutes, and all arrive after the outage, none given up', async () => {
    channel.failing = outage();
    const tried: number[] = [];
    for (let minute = 0; minute <= 10; minute++) {
      if (minute === 5) channel.failing = undefined;
      const before = channel.calls;
      await pass();
      if (channel.calls > before) tried.push(minute);
      queue.advance(MINUTE);
    }
    // Failed at 0, 1, 2 and 4; posted at 8, the wait after the fourth failure.
    expect(tried).toEqual([0, 1, 2, 4, 8]);
    expect(channel.calls).toBe(4 + 3);
    expect(channel.titles()).toEqual(waiting);
    expect(warnings()).not.toContain('gave up a review post failing for a day');
  });

  it('WHEN it stays down for over a day THEN the cards are given up with a warning, and not posted once it is back', async () => {
    channel.failing = outage();
    // The first card is given up at its first try after 24 hours, each of the others at the pass after.
    for (let hour = 0; hour <= 26; hour++) {
      await pass();
      queue.advance(HOUR);
    }
    // One try an hour, the pass stopping at it: never a flood.
    expect(channel.calls).toBe(27);
    channel.failing = undefined;
    for (let i = 0; i < 3; i++) {
      await pass();
      queue.advance(HOUR);
    }
    expect(channel.titles()).toEqual([]);
    expect(warnings().filter((message) => message === 'gave up a review post failing for a day')).toHaveLength(3);
    // The queue says so under each candidate, so they are decided there.
    const listed = await queue.text('/review list');
    expect(listed.match(/Its card could not be posted in the review channel on Discord \(Discord answered 503 Service Unavailable\), and Sitrep gave up on it: decide it here\./g)).toHaveLength(3);
  });
});

describe('GIVEN a card the platform refuses for good', () => {
  it('WHEN the channel is gone THEN that card is given up at once with a warning, and the pass goes on with the others', async () => {
    channel.failing = new DeliveryError('permanent', 'Discord answered 404 (10003: Unknown Channel)');
    expect(await pass()).toBe(0);
    expect(channel.calls).toBe(3);
    expect(warnings()).toContain('could not post to the review channel');
    channel.failing = undefined;
    queue.advance(HOUR);
    expect(await pass()).toBe(0);
    expect(channel.calls).toBe(3);
    expect(await queue.text('/review list')).toContain('Its card could not be posted in the review channel on Discord (Discord answered 404 (10003: Unknown Channel)), and Sitrep gave up on it: decide it here.');
    expect(await queue.text('/review show id:1')).toContain('Its card could not be posted in the review channel on Discord');
  });
});

describe('GIVEN a card on its way to the review channel', () => {
  it('WHEN its candidate is approved before it lands THEN the card shows the decision, without buttons', async () => {
    let release!: () => void;
    channel.gate = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (channel.reachedGate = resolve));
    const posting = pass();
    await reached;
    expect(await queue.text('/review approve id:1')).toContain('Approved');
    channel.gate = undefined;
    release();
    await posting;

    const card = channel.messages.get('m1')!;
    expect(card.title).toBe(waiting[0]);
    expect(viewText(card)).toContain('Approved: added as entry #');
    expect(viewText(card)).not.toContain('waiting for review');
    expect(card.buttons ?? []).toEqual([]);
    // The other two are posted waiting for review, with their buttons.
    expect([...channel.messages.values()].slice(1).map((view) => view.buttons?.length)).toEqual([4, 4]);
  });
});
