// Digests the platform refuses because of Sitrep's own setup (a token Slack no longer takes, a
// scope the app lacks): no channel's digest is paused, each waits and is retried, /digest list says
// what the operator must fix, the operator reads it once in the log, and once the app is fixed
// every held digest goes out, once. A refusal of one channel still pauses that channel alone.
import { describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { DiscordRefusal, refusalText } from '../../src/adapters/discord/access-help.js';
import { channelFailure as discordChannelFailure, droppedToken } from '../../src/adapters/discord/bot-refusals.js';
import { channelFailure } from '../../src/adapters/slack/app-refusals.js';
import { deliveryErrorFrom } from '../../src/adapters/slack/poster.js';
import type { Caller } from '../../src/core/caller.js';
import type { DeliveryError } from '../../src/core/poster.js';
import { harnessesDisposedAfterEach, type Harness } from '../digest/support/harness.js';

const harness = harnessesDisposedAfterEach();

const NEWS: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0NEWS' };
const DESK: Caller = { ...NEWS, channelId: 'C0DESK' };
const MINUTE = 60_000;

/** Slack's answer to chat.postMessage, as the Slack poster reads it for a post in a channel. */
function slackRefusal(code: string): DeliveryError {
  const error = Object.assign(new Error(`An API error occurred: ${code}`), { code: webApi.ErrorCode.PlatformError, data: { ok: false, error: code } });
  return channelFailure(error, deliveryErrorFrom(error));
}

/** The platform refuses posts in a channel with what `refusal` says at the time (nothing: the post goes out). */
function refusing(h: Harness, refusal: (channelId: string) => DeliveryError | undefined): void {
  const post = h.poster.post.bind(h.poster);
  h.poster.post = async (channelId, view) => {
    const refused = refusal(channelId);
    if (refused) throw refused;
    return post(channelId, view);
  };
}

async function twoSlackChannels(): Promise<Harness> {
  const h = harness({ start: '2026-07-06T05:00:00Z', platform: 'slack', admins: 'slack:U0ALICE' }); // Monday 07:00 in Paris
  h.startScheduler();
  for (const channel of [NEWS, DESK]) expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', channel)).toContain('Digest subscribed');
  h.addEntry({ title: 'Ceasefire agreed' });
  return h;
}

const warnings = (h: Harness, words: string) => h.logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));
const digestsIn = (h: Harness, channel: Caller) => h.poster.texts(channel.channelId);

describe('GIVEN two Slack channels with a daily 08:00 digest', () => {
  it('WHEN Slack no longer takes the bot token at 08:00, then takes it again THEN neither digest is paused, /digest list says what the operator must fix, the log says it once, and both digests go out once', async () => {
    const h = await twoSlackChannels();
    let tokenRefused = true;
    refusing(h, () => (tokenRefused ? slackRefusal('invalid_auth') : undefined));

    await h.time.advanceTo('2026-07-06T06:30:00Z');
    const list = await h.runText('/digest list', NEWS);
    expect(list).not.toContain('Paused');
    expect(list).not.toContain('Invite the app');
    const waiting =
      'Slack refused the message: `invalid_auth` — Sitrep itself was refused, not this channel; waiting for the operator to fix the app — Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set `SLACK_BOT_TOKEN` to its Bot User OAuth Token and restart Sitrep';
    expect(list.split(waiting)).toHaveLength(3); // both channels' last digests
    expect(list).toContain('Last digest: waiting to retry — scheduled, Mon 6 Jul 2026 08:00 CEST');
    const told = warnings(h, 'slack digests wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('Slack refused the message: invalid_auth — Slack no longer accepts the bot token');
    expect(warnings(h, 'subscription paused')).toEqual([]);
    expect(warnings(h, 'digest delivery failed; will retry')).toEqual([]);

    tokenRefused = false;
    await h.time.advanceTo('2026-07-06T06:40:00Z');
    for (const channel of [NEWS, DESK]) {
      const digests = digestsIn(h, channel);
      expect(digests).toHaveLength(1);
      expect(digests[0]).toContain('Ceasefire agreed');
      // The channel's readers read what Slack refused, not the operator's instructions.
      expect(digests[0]).toContain('Delayed: the platform refused this digest from Mon 6 Jul 2026 08:00 CEST until now (Slack refused the message: invalid_auth).');
      expect(digests[0]).not.toContain('SLACK_BOT_TOKEN');
    }
    expect(await h.runText('/digest list', NEWS)).not.toContain('waiting to retry');
    expect(h.logger.lines.some((line) => line.message.includes('slack digests go out again'))).toBe(true);
    expect(warnings(h, 'slack digests wait')).toHaveLength(1);

    await h.time.advanceTo('2026-07-06T09:00:00Z');
    for (const channel of [NEWS, DESK]) expect(digestsIn(h, channel)).toHaveLength(1);
  });

  it('WHEN the app lacks the chat:write scope THEN neither digest is paused and /digest send-now says the digest waits for the operator to add it', async () => {
    const h = await twoSlackChannels();
    refusing(h, () => slackRefusal('missing_scope'));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(await h.runText('/digest list', DESK)).not.toContain('Paused');
    const reply = await h.runText('/digest send-now', DESK);
    expect(reply).toContain('waiting to retry');
    expect(reply).toContain('waiting for the operator to fix the app — add the chat:write scope to the Slack app (OAuth & Permissions) and reinstall it to the workspace');
    expect(warnings(h, 'slack digests wait')).toHaveLength(1);
  });

  it('WHEN the app is not in one of the channels (not_in_channel) THEN only that channel\'s digest is paused, with the invitation to fix it, and the other goes out', async () => {
    const h = await twoSlackChannels();
    refusing(h, (channelId) => (channelId === NEWS.channelId ? slackRefusal('not_in_channel') : undefined));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const list = await h.runText('/digest list', DESK);
    expect(list.split('Paused:')).toHaveLength(2);
    expect(list).toContain('Paused: Slack refused the message: `not_in_channel`');
    expect(digestsIn(h, DESK)).toHaveLength(1);
    expect(digestsIn(h, NEWS)).toHaveLength(0);
    expect(warnings(h, 'subscription paused')).toHaveLength(1);
    expect(warnings(h, 'digests wait')).toEqual([]);
  });
});

const GENERAL: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'c1' };
const BRIEFS: Caller = { ...GENERAL, channelId: 'c2' };

/** Discord's answer to a post in a channel, as the Discord poster reads it. */
const discordRefusal = (status: number, code: number, message: string) =>
  discordChannelFailure(new DiscordRefusal('permanent', refusalText('message', code, message), status, code));

describe('GIVEN two Discord channels with a daily 08:00 digest', () => {
  async function twoDiscordChannels(): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    h.startScheduler();
    for (const channel of [GENERAL, BRIEFS]) expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', channel)).toContain('Digest subscribed');
    h.addEntry({ title: 'Ceasefire agreed' });
    return h;
  }

  it('WHEN Discord refuses the bot token (401, then every request after it) THEN neither digest is paused, /digest list says to reset the token, and the operator is told once', async () => {
    const h = await twoDiscordChannels();
    let refusals = 0;
    // discord.js drops the token after a 401: the requests after it are refused before they leave.
    refusing(h, () => (refusals++ === 0 ? discordRefusal(401, 0, '401: Unauthorized') : droppedToken(new Error('Expected token to be set for this request, but none was present'), 'message')));
    await h.time.advanceTo('2026-07-06T06:10:00Z');
    const list = await h.runText('/digest list', GENERAL);
    expect(list).not.toContain('Paused');
    expect(list.split('waiting for the operator to fix the app — Discord no longer accepts the bot token: reset it in the Developer Portal')).toHaveLength(3);
    expect(warnings(h, 'discord digests wait')).toHaveLength(1);
    expect(warnings(h, 'subscription paused')).toEqual([]);
  });

  it('WHEN the bot lacks a permission in one channel (403 Missing Permissions, 50013) THEN only that channel\'s digest is paused', async () => {
    const h = await twoDiscordChannels();
    refusing(h, (channelId) => (channelId === BRIEFS.channelId ? discordRefusal(403, 50013, 'Missing Permissions') : undefined));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const list = await h.runText('/digest list', GENERAL);
    expect(list.split('Paused:')).toHaveLength(2);
    expect(list).toContain('Paused: Discord refused the message: Missing Permissions (50013)');
    expect(digestsIn(h, GENERAL)).toHaveLength(1);
    expect(warnings(h, 'digests wait')).toEqual([]);
  });
});
