// GIVEN a review channel on Slack (the real Bolt client against the fake Slack) WHEN Slack refuses
// Sitrep itself (invalid_auth: a token it no longer takes) THEN the cards wait instead of being
// given up, /review list says they wait and names the operator's fix rather than the channel's
// (no `/invite @Sitrep`), the operator is told once, and once Slack takes posts again every card
// arrives. WHEN chat.update refuses Sitrep itself as a decision is shown on a posted card THEN the
// edit waits as a post does, read by the same function, and the card shows the decision once Slack
// takes edits again. WHEN /review channel's confirmation meets such a refusal THEN the channel is
// set and the reply names the operator's fix.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { SECRET, sendCommand, shownText } from '../slack/harness.js';
import { visibleText } from '../slack/mrkdwn-text.js';
import { openReviewStore, type ReviewStore } from './support/review-store.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

const ADMIN = 'U0ADMIN';
const REVIEW = 'C0REVIEW';
const MINUTE = 60_000;
const TOKEN_FIX = 'Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set SLACK_BOT_TOKEN to its Bot User OAuth Token and restart Sitrep';

let clock: number;
let store: ReviewStore;
let slack: FakeSlack;
let adapter: SlackAdapter;
type Body = Record<string, unknown>;

beforeEach(async () => {
  clock = Date.parse(NOW);
  store = await openReviewStore({ admins: `slack:${ADMIN}`, name: 'slack-card-app-faults', now: () => new Date(clock) });
  slack = await FakeSlack.start();
  adapter = await startSlackAdapter({ config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: store.app.dispatcher, logger: store.logger }, { host: '127.0.0.1' });
  store.app.digests.posters.register(adapter.poster);
});
afterEach(async () => {
  await adapter.stop();
  await slack.close();
  await store.close();
});

/** What a reader sees of a reply or a message, bold markers left out. */
const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));
const command = async (text: string) => seen(await sendCommand(slack, adapter.port, text, { userId: ADMIN, channelId: REVIEW }, 60_000));
const cards = () => slack.messagesIn(REVIEW).map((m) => seen(m as unknown as Body)).filter((text) => !text.startsWith('Review channel'));
const pass = () => store.app.services.review.postPending();
const warned = (words: string) => store.logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));

async function proposed(items = [PARIS, SWEIDA, BAKU]): Promise<void> {
  store.feeds.serve('/levant.xml', 'Levant Wire', items);
  await command(`/sources add url:${store.feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await command('/sources check id:1');
}

describe('GIVEN a review channel on Slack, and Slack no longer taking the bot token', () => {
  it('WHEN cards are owed THEN none is given up, /review list names the operator’s fix, and all arrive once Slack takes posts again', async () => {
    expect(await command('/review channel')).toContain('Sitrep posted a confirmation in this channel');
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });
    await proposed();
    for (let minute = 0; minute < 5; minute++) {
      await pass();
      clock += MINUTE;
    }
    expect(cards()).toEqual([]);

    const listed = await command('/review list');
    expect(listed).toContain(
      `Cards wait for the review channel on Slack, <#${REVIEW}> (channel ${REVIEW}, this channel): Slack refused Sitrep itself (Slack refused the message: invalid_auth), not the channel, so nothing needs doing there. 3 cards of candidates waiting are not there yet.`,
    );
    expect(listed).toContain(`Whoever runs Sitrep must fix the app: ${TOKEN_FIX}. Sitrep tries the cards again meanwhile, and they are posted once Slack takes them.`);
    expect(listed).not.toContain('/invite');
    expect(listed).not.toContain('could not be posted');
    // The operator reads it once, however many cards and passes met it.
    expect(warned('slack review cards wait, none given up')).toHaveLength(1);
    expect(warned('slack review cards wait, none given up')[0]!.message).toContain(`Slack refused the message: invalid_auth — ${TOKEN_FIX}`);
    expect(warned('could not post to the review channel')).toEqual([]);

    slack.clearReply('chat.postMessage');
    clock += 2 * 3600_000;
    await pass();
    expect(cards().map((text) => text.split('\n')[0]).sort()).toEqual([PARIS.title, SWEIDA.title, BAKU.title].sort());
    expect(await command('/review list')).not.toContain('Cards wait');
    expect(store.logger.lines.some((line) => line.message.includes('slack review cards go out again'))).toBe(true);
  });
});

describe('GIVEN Slack no longer taking the bot token', () => {
  it('WHEN an admin runs /review channel THEN the channel is set, and the reply names the operator’s fix rather than the channel’s', async () => {
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });
    const reply = await command('/review channel');
    expect(reply).toContain('Review channel set');
    expect(reply).toContain(
      `Sitrep could not post its confirmation in this channel (Slack refused the message: invalid_auth): Slack refused Sitrep itself, not this channel, and only whoever runs Sitrep can fix that. The channel is set, and its cards wait for the operator to fix the app — ${TOKEN_FIX}; \`/review list\` says so while they wait.`,
    );
    expect(reply).not.toContain('/invite');
  });
});

describe('GIVEN a card posted in the review channel on Slack', () => {
  it('WHEN chat.update refuses Sitrep itself (token_revoked) as the candidate is rejected THEN the edit waits, the operator is told once, and the card shows the decision once Slack takes edits', async () => {
    await command('/review channel');
    await proposed([BAKU]);
    await pass();
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toContain('waiting for review');

    slack.replyTo('chat.update', { body: { ok: false, error: 'token_revoked' } });
    expect(await command('/review reject id:1')).toContain('rejected');
    clock += 2 * MINUTE;
    await pass();
    expect(cards()[0]).toContain('waiting for review');
    expect(warned('slack review cards wait, none given up')).toHaveLength(1);
    expect(warned('slack review cards wait, none given up')[0]!.message).toContain(`Slack refused the message: token_revoked — ${TOKEN_FIX}`);
    expect(warned('could not show the decision on a posted card')).toEqual([]);

    slack.clearReply('chat.update');
    clock += 2 * 3600_000;
    await pass();
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toContain('Candidate #1 · syria-israel · rejected');
  });
});
