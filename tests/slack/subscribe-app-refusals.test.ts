// /digest subscribe where Slack refuses Sitrep itself (a token it no longer takes, a scope the app
// lacks), through the real Bolt client against the fake Slack: the reply says what the operator
// must fix, not the channel's invitation; the digest is set up and waits, as digests already
// subscribed do, and goes out once Slack takes posts again.
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
const SUBSCRIBE = '/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris';

async function slackApp() {
  let clock: Harness | undefined;
  const slack = await FakeSlack.start({ now: () => clock!.time.now().getTime() });
  const h = new Harness({ start: '2026-07-06T05:00:00Z', admins: 'slack:U0ALICE', noFakePoster: true }); // Monday 07:00 in Paris
  clock = h;
  const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
  const adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
  cleanup.push(() => slack.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  return { slack, h };
}

const TOKEN_FIX =
  'waits for the operator to fix the app — Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set `SLACK_BOT_TOKEN` to its Bot User OAuth Token and restart Sitrep.';

describe('GIVEN a Slack channel with no digest', () => {
  it('WHEN Slack answers invalid_auth to the confirmation THEN the reply names the operator’s fix, not the invitation, the digest is set up unpaused, and goes out once Slack takes posts again', async () => {
    const { slack, h } = await slackApp();
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'invalid_auth' } });

    const reply = await h.runText(SUBSCRIBE, NEWS);
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep could not post its confirmation in this channel (Slack refused the message: `invalid_auth`): the platform refused Sitrep itself, not this channel');
    expect(reply).toContain(TOKEN_FIX);
    expect(reply).not.toContain('/invite');
    expect(reply).not.toContain('no digest was set up');
    expect(h.app.digests.store.subscriptions.byChannel(NEWS)!.paused).toBeUndefined();
    expect(await h.runText('/digest list', NEWS)).not.toContain('Paused');

    h.addEntry({ title: 'Ceasefire agreed' });
    slack.clearReply('chat.postMessage');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const digests = slack.messagesIn(NEWS.channelId).map((m) => JSON.stringify(m.blocks));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain('Ceasefire agreed');
  });

  it('WHEN Slack answers missing_scope (chat:write) THEN the reply says to add the scope and reinstall the app, and nothing about the channel', async () => {
    const { slack, h } = await slackApp();
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'commands' } });

    const reply = await h.runText(SUBSCRIBE, NEWS);
    expect(reply).toContain('Sitrep could not post its confirmation in this channel (Slack refused the message: `missing_scope`)');
    expect(reply).toContain('waits for the operator to fix the app — add the chat:write scope to the Slack app (OAuth & Permissions) and reinstall it to the workspace.');
    expect(reply).not.toContain('/invite');
    expect(h.app.digests.store.subscriptions.byChannel(NEWS)).toBeDefined();
  });

  it('WHEN the app is not in the channel (not_in_channel) THEN the subscribe is still refused with the invitation, and nothing is stored', async () => {
    const { slack, h } = await slackApp();
    slack.removeBotFrom(NEWS.channelId);
    const reply = await h.runText(SUBSCRIBE, NEWS);
    expect(reply).toContain('so no digest was set up');
    expect(reply).toContain('Invite the app to this channel with `/invite @Sitrep`');
    expect(h.app.digests.store.subscriptions.byChannel(NEWS)).toBeUndefined();
  });
});
