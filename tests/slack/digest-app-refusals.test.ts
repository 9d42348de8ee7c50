// Digests Slack refuses because of the app's own setup, through the real Bolt client against the
// fake Slack: no channel's digest is paused, the delivery log says what the operator must fix, the
// log says it once, and once Slack takes posts again each digest goes out once. A channel the app
// is not in still pauses that channel's digest alone.
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import type { Caller } from '../../src/core/caller.js';
import type { Cleanup } from '../digest/support/platform-digests.js';
import { Harness } from '../digest/support/harness.js';
import { FakeSlack } from '../fakes/slack-api.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const NEWS = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0NEWS' } as const satisfies Caller;
const DESK = { ...NEWS, channelId: 'C0DESK' } as const satisfies Caller;
type Channel = typeof NEWS | typeof DESK;

async function twoSubscribedChannels() {
  let clock: Harness | undefined;
  const slack = await FakeSlack.start({ now: () => clock!.time.now().getTime() });
  const h = new Harness({ start: '2026-07-06T05:00:00Z', admins: 'slack:U0ALICE', noFakePoster: true });
  clock = h;
  const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
  const adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
  cleanup.push(() => slack.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  for (const channel of [NEWS, DESK]) expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', channel)).toContain('Digest subscribed');
  h.addEntry({ title: 'Ceasefire agreed' });
  /** The digests in a channel: its messages after the confirmation. */
  const digests = (channel: Channel) => slack.messagesIn(channel.channelId).slice(1).map((m) => JSON.stringify(m.blocks));
  const deliveries = (channel: Channel) => h.app.digests.store.deliveries.forSubscription(h.app.digests.store.subscriptions.byChannel(channel)!.id);
  return { slack, h, digests, deliveries };
}

const warnings = (h: Harness, words: string) => h.logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));

describe('GIVEN two Slack channels with a daily 08:00 digest', () => {
  it('WHEN chat.postMessage answers invalid_auth, then accepts posts again THEN neither digest is paused, the delivery log waits with the fix, the operator is told once, and both digests are posted once', async () => {
    const { slack, h, digests, deliveries } = await twoSubscribedChannels();
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });
    await h.time.advanceTo('2026-07-06T06:04:00Z');

    for (const channel of [NEWS, DESK]) {
      expect(h.app.digests.store.subscriptions.byChannel(channel)!.paused).toBeUndefined();
      expect(deliveries(channel)).toMatchObject([{ status: 'retrying' }]);
      expect(deliveries(channel)[0]!.lastError).toBe(
        'Slack refused the message: invalid_auth — Sitrep itself was refused, not this channel; waiting for the operator to fix the app — Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set SLACK_BOT_TOKEN to its Bot User OAuth Token and restart Sitrep',
      );
    }
    expect(await h.runText('/digest list', NEWS)).not.toContain('Paused');
    const told = warnings(h, 'slack digests wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('invalid_auth — Slack no longer accepts the bot token');
    expect(warnings(h, 'subscription paused')).toEqual([]);

    slack.clearReply('chat.postMessage');
    await h.time.advanceTo('2026-07-06T06:12:00Z');
    for (const channel of [NEWS, DESK]) {
      expect(digests(channel)).toHaveLength(1);
      expect(digests(channel)[0]).toContain('Ceasefire agreed');
      expect(deliveries(channel)).toMatchObject([{ status: 'delivered' }]);
    }
    await h.time.advanceTo('2026-07-06T09:00:00Z');
    for (const channel of [NEWS, DESK]) expect(digests(channel)).toHaveLength(1);
    expect(warnings(h, 'slack digests wait')).toHaveLength(1);
  });

  it('WHEN the app was removed from one channel (not_in_channel) THEN only that channel\'s digest is paused, and the other is posted', async () => {
    const { slack, h, digests } = await twoSubscribedChannels();
    slack.removeBotFrom(NEWS.channelId);
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.app.digests.store.subscriptions.byChannel(NEWS)!.paused?.reason).toBe('Slack refused the message: not_in_channel');
    expect(h.app.digests.store.subscriptions.byChannel(DESK)!.paused).toBeUndefined();
    expect(await h.runText('/digest list', DESK)).toContain('In that channel: Invite the app to this channel with `/invite @Sitrep`, then run `/digest subscribe` again.');
    expect(digests(DESK)).toHaveLength(1);
    expect(warnings(h, 'digests wait')).toEqual([]);
  });
});
