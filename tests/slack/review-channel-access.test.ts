// GIVEN the real Slack app against the fake Slack WHEN an admin runs /review channel in a private
// channel the bot is not in THEN Slack refuses the confirmation (not_in_channel), the reply says
// so with `/invite @Sitrep`, and nothing is recorded. GIVEN a review channel the bot was removed
// from WHEN a check proposes a candidate THEN its card is refused and given up, and /review list
// names the channel, Slack's answer and the fix; WHEN the bot is invited and /review channel is run
// there again THEN the card is posted after all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../src/adapters/slack/index.js';
import type { App } from '../../src/app.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { SECRET, shownText, sendCommand } from './harness.js';
import { startReviewRig, type ReviewRig } from './review-rig.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
const PRIVATE = 'C0PRIVATE';
const REVIEW = 'C0REVIEW';
let feeds: ScriptedFeeds;
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;
let adapter: SlackAdapter;
type Body = Record<string, unknown>;

/** Sends `/command text` in `channelId` and returns what reached its response_url. */
const command = (commandAndText: string, channelId: string) => sendCommand(slack, adapter.port, commandAndText, { userId: ADMIN, channelId });

/** What a reader sees, bold markers left out. */
const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));
const cardsIn = (channel: string) => slack.messagesIn(channel).map((m) => seen(m as unknown as Body).split('\n')[0]!).filter((title) => title !== 'Review channel');

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'review-access' });
  ({ feeds, app, slack, adapter } = rig);
});
afterAll(() => rig?.close());

describe('GIVEN a private channel the bot is not in', () => {
  it('WHEN an admin runs /review channel there THEN Slack’s refusal is the reply, with /invite @Sitrep, and nothing is recorded', async () => {
    slack.removeBotFrom(PRIVATE);
    const before = storeFingerprint(app.db);
    const reply = seen(await command('/review channel', PRIVATE));
    expect(reply).toContain('Sitrep cannot post in this channel (Slack refused the message: not_in_channel), so it was not made the review channel: Slack has no review channel yet.');
    expect(reply).toContain('Invite the app to this channel with `/invite @Sitrep`, then run `/review channel` again.');
    expect(reply).toContain('then run `/review channel` again.');
    expect(storeFingerprint(app.db)).toBe(before);
    expect(slack.messagesIn(PRIVATE)).toEqual([]);
  });
});

describe('GIVEN a review channel the bot was removed from', () => {
  it('WHEN a check proposes a candidate THEN its card is given up, /review list says why and how to fix it, and after /invite and /review channel again the card is posted', async () => {
    const set = seen(await command('/review channel', REVIEW));
    expect(set).toContain('Sitrep posted a confirmation in this channel, so it can post cards here.');
    expect(slack.messagesIn(REVIEW).map((m) => seen(m as unknown as Body).split('\n')[0])).toEqual(['Review channel']);

    slack.removeBotFrom(REVIEW);
    feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
    await command(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`, REVIEW);
    await command('/sources check id:1', REVIEW);
    await app.services.review.postPending();
    expect(cardsIn(REVIEW)).toEqual([]);

    const listed = seen(await command('/review list', REVIEW));
    expect(listed).toContain(`Cards are posted in the review channel: <#${REVIEW}> (channel ${REVIEW}, this channel) on Slack.`);
    expect(listed).toContain(`Cards could not be posted in the review channel on Slack, <#${REVIEW}> (channel ${REVIEW}, this channel): Slack refused the message: not_in_channel. 1 card of candidates waiting is not there.`);
    expect(listed).toContain('In that channel: Invite the app to this channel with `/invite @Sitrep`, then run `/review channel` again.');
    expect(listed).toContain('The cards of the candidates still waiting are posted then.');

    slack.inviteBotTo(REVIEW);
    const again = seen(await command('/review channel', REVIEW));
    expect(again).toContain('1 card that could not be posted here before is tried again.');
    expect(again).toContain('1 candidate waiting: its card follows within a few minutes.');
    expect(await app.services.review.postPending()).toBe(1);
    expect(cardsIn(REVIEW)).toEqual([BAKU.title]);
    expect(seen(await command('/review list', REVIEW))).not.toContain('could not be posted');
  });
});

describe('GIVEN review channels on Slack and on Discord', () => {
  it('WHEN /review list runs in another Slack channel THEN it names the Slack one as Slack shows it (by name, from its id) beside the id, and the Discord one by its id', async () => {
    await command('/review channel', REVIEW);
    await app.services.review.setChannel({ platform: 'discord', workspaceId: '81384788765712384', channelId: '81384788765712385', context: '' }, { by: 'discord:1', at: NOW }, 'ana');
    const reply = await command('/review list', 'C0GENERAL');
    expect(seen(reply)).toContain(`Cards are posted in the review channel: channel 81384788765712385 on Discord; <#${REVIEW}> (channel ${REVIEW}) on Slack.`);
    expect(JSON.stringify((reply as { blocks: unknown[] }).blocks)).toContain(`<#${REVIEW}>`);
  });
});
