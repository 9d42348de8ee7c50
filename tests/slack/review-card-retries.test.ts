// GIVEN a watched feed and a review channel on Slack WHEN chat.postMessage answers 429 with
// Retry-After THEN the pass stops at the first card, no card is tried again before the wait is
// up, and every card arrives once Slack takes them, each once.
// WHEN a candidate is approved while its card is being posted THEN the card, once it lands, is
// replaced by the decided card, without buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../src/adapters/slack/index.js';
import type { App } from '../../src/app.js';
import type { Poster } from '../../src/core/poster.js';
import { POSTS_PER_PASS } from '../../src/core/review/card-poster.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import type { ScriptedFeeds, ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { NOW } from '../sources-queue/support/stories.js';
import { buttonsOf, SECRET, shownText, sendCommand } from './harness.js';
import { startReviewRig, type ReviewRig } from './review-rig.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
const REVIEW = 'C0REVIEW';
let feeds: ScriptedFeeds;
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;
let adapter: SlackAdapter;
let clock = Date.parse(NOW);
/** While set, the review poster's posts wait for it (a card on its way). */
let gate: Promise<void> | undefined;
let reachedGate: (() => void) | undefined;
type Body = Record<string, unknown>;

/** Sends `/command text` in the review channel and returns what reached its response_url. */
const command = (commandAndText: string) => sendCommand(slack, adapter.port, commandAndText, { userId: ADMIN, channelId: REVIEW }, 60_000);

const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));
const postMessages = () => slack.callsTo('chat.postMessage').length;
/** The first line of each card in the review channel, oldest first (/review channel's confirmation is no card). */
const cardTitles = () => slack.messagesIn(REVIEW).map((m) => seen(m as unknown as Body).split('\n')[0]!).filter((title) => title !== 'Review channel');
const pending = () => app.db.prepare("SELECT title FROM review_candidates WHERE status = 'pending' ORDER BY id").pluck().all() as string[];
const pass = () => app.services.review.postPending();

/** `n` items of unrelated events, one story each. */
const items = (n: number, prefix: string): ScriptedItem[] =>
  Array.from({ length: n }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `${prefix} ${['Farmers', 'Teachers', 'Doctors', 'Pilots', 'Miners'][i % 5]} ${['protest', 'gather', 'vote'][i % 3]} over issue ${i * 37} in town ${i}`,
    link: `https://x.example/${prefix}/${i}`,
    summary: `Unrelated event ${i}.`,
    published: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
  }));

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'card-retries', now: () => new Date(clock), ownPoster: true });
  ({ feeds, app, slack, adapter } = rig);
  // The adapter's poster, whose posts can be held on their way.
  const real = adapter.poster;
  const held: Poster = {
    platform: real.platform,
    accessHelp: (command) => real.accessHelp(command),
    post: async (...args) => {
      if (gate) {
        reachedGate?.();
        await gate;
      }
      return real.post(...args);
    },
    update: (...args) => real.update!(...args),
  };
  app.digests.posters.register(held);
  await command('/review channel');
});
afterAll(() => rig?.close());

describe('GIVEN a feed of 300 items and Slack rate-limiting chat.postMessage', () => {
  it('WHEN it answers 429 with Retry-After 30 THEN one card is tried, none more until 30 s have passed, then every card arrives once', async () => {
    feeds.serve('/flood.xml', 'Flood', items(300, 'Flood'));
    await command(`/sources add url:${feeds.url('/flood.xml')} topic:syria-israel backfill:true`);
    slack.replyTo('chat.postMessage', { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } });
    const before = postMessages();
    await command('/sources check id:1');
    // Six passes more within the 30 s (after feed checks, or the minute's pass).
    for (let i = 0; i < 6; i++) await pass();
    clock += 29_000;
    await pass();
    expect(postMessages() - before).toBe(1);
    expect(cardTitles()).toEqual([]);

    slack.clearReply('chat.postMessage');
    clock += 2_000;
    const waiting = pending();
    expect(waiting.length).toBeGreaterThan(1);
    // A pass posts a few at a time (POSTS_PER_PASS): as many passes as that takes, and no more.
    let posted = 0;
    for (let i = 0; i < Math.ceil(waiting.length / POSTS_PER_PASS) + 1; i++) posted += await pass();
    expect(posted).toBe(waiting.length);
    expect(cardTitles()).toEqual(waiting);
    expect(postMessages() - before).toBe(1 + waiting.length);
  });
});

describe('GIVEN a card being posted to Slack', () => {
  it('WHEN its candidate is approved before the post lands THEN the card in the channel says approved, without buttons', async () => {
    slack.clearReply('chat.postMessage');
    clock += 60_000;
    const [story] = items(1, 'Race');
    feeds.serve('/race.xml', 'Race Wire', [story!]);
    await command(`/sources add url:${feeds.url('/race.xml')} topic:syria-israel backfill:true`);
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (reachedGate = resolve));
    const checked = command('/sources check id:2');
    await reached;
    const id = app.db.prepare('SELECT max(id) FROM review_candidates').pluck().get() as number;
    expect(seen(await command(`/review approve id:${id}`))).toContain('Approved');
    gate = undefined;
    release();
    await checked;
    await pass();

    const card = slack.messagesIn(REVIEW).at(-1)!;
    const text = seen(card as unknown as Body);
    expect(text.split('\n')[0]).toBe(story!.title);
    expect(text).toContain('approved');
    expect(text).not.toContain('waiting for review');
    expect(buttonsOf(card as unknown as Body)).toEqual([]);
  });
});
