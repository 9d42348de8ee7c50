// Watch messages refused because of Sitrep's own setup (a missing scope, a token Slack or Discord
// no longer takes), through the real Bolt and discord.js clients against the local fakes: no one's
// watches are paused, the operator reads one log line naming the error and the fix, and once it is
// fixed the changes held meanwhile reach everyone. A refusal of the person still pauses theirs.
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import type { Caller } from '../../src/core/caller.js';
import { embedText, type Cleanup, type Embed } from '../digest/support/platform-digests.js';
import { Harness } from '../digest/support/harness.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { FakeSlack } from '../fakes/slack-api.js';

const START = '2026-07-06T05:00:00Z';
const TICK_MS = 30_000;
const MINUTE = 60_000;

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup.length = 0;
});

function startRunner(h: Harness): void {
  const runner = h.app.startWatchRunner({ tickMs: TICK_MS });
  h.time.settle = () => runner.idle();
  cleanup.push(() => (h.app.db.open ? runner.stop(1000) : undefined));
}

const warnings = (h: Harness, words: string) => h.logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));

async function slackWatchers() {
  let clock: Harness | undefined;
  const slack = await FakeSlack.start({ now: () => clock!.time.now().getTime() });
  const h = new Harness({ start: START, noFakePoster: true });
  clock = h;
  const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
  const adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
  cleanup.push(() => slack.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  startRunner(h);
  const bob: Caller = { platform: 'slack', userId: 'U0BOB', workspaceId: 'T0TEST', channelId: 'C0NEWS' };
  const carol: Caller = { ...bob, userId: 'U0CAROL' };
  const dm = (who: Caller) => slack.messagesIn(slack.dmChannelOf(who.userId)).map((m) => JSON.stringify(m.blocks));
  return { slack, h, bob, carol, dm };
}

describe('GIVEN two Slack users watching Paris, and an app without the im:write scope', () => {
  it('WHEN an entry there is added, then the scope is added THEN no watch is paused, the operator is told once what to fix, and both get the entry after the fix', async () => {
    const { slack, h, bob, carol, dm } = await slackWatchers();
    await h.run('/watch add place:Paris', bob);
    await h.run('/watch add place:Paris', carol);
    slack.replyTo('conversations.open', { body: { ok: false, error: 'missing_scope', needed: 'im:write', provided: 'commands,chat:write' } });
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    await h.time.advance(2 * MINUTE);
    expect(dm(bob)).toHaveLength(0);

    for (const who of [bob, carol]) {
      const listed = await h.runText('/watch list', who);
      expect(listed).not.toContain('Paused');
      expect(listed).not.toContain('Allow direct messages');
    }
    const told = warnings(h, 'watch messages wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('Slack refused the message: missing_scope — add the im:write scope to the Slack app (OAuth & Permissions) and reinstall it to the workspace');
    expect(warnings(h, 'the watches are paused')).toEqual([]);

    slack.clearReply('conversations.open');
    await h.time.advance(16 * MINUTE);
    expect(dm(bob)).toHaveLength(1);
    expect(dm(bob)[0]).toContain('Talks resume in Paris');
    expect(dm(carol)).toHaveLength(1);
    expect(dm(carol)[0]).toContain('Talks resume in Paris');
    expect(warnings(h, 'watch messages wait')).toHaveLength(1);
    expect(h.logger.lines.some((line) => line.message.includes('slack watch messages go out again'))).toBe(true);
  });

  it('WHEN Slack no longer takes the bot token THEN the operator is told to reinstall the app and set the new token, and no watch is paused', async () => {
    const { slack, h, bob, carol } = await slackWatchers();
    await h.run('/watch add place:Paris', bob);
    await h.run('/watch add place:Paris', carol);
    slack.replyTo('conversations.open', { body: { ok: false, error: 'invalid_auth' } });
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    const told = warnings(h, 'watch messages wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('invalid_auth — Slack no longer accepts the bot token');
    expect(told[0]!.message).toContain('SLACK_BOT_TOKEN');
    expect(await h.runText('/watch list', carol)).not.toContain('Paused');
  });

  it('WHEN Slack refuses to post in the app\'s own conversation with them (not_in_channel) THEN their watches keep running and the message arrives once Slack takes it', async () => {
    const { slack, h, bob, dm } = await slackWatchers();
    await h.run('/watch add place:Paris', bob);
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    expect(await h.runText('/watch list', bob)).not.toContain('Paused');
    expect(warnings(h, 'watch messages wait')[0]!.message).toContain('not_in_channel — the app may not post in its own direct messages');
    slack.clearReply('chat.postMessage');
    await h.time.advance(MINUTE);
    expect(dm(bob)).toHaveLength(1);
  });

  it('WHEN Slack refuses them as a person (cannot_dm_bot) THEN only their watches are paused, as before', async () => {
    const { slack, h, bob, carol, dm } = await slackWatchers();
    await h.run('/watch add place:Paris', bob);
    await h.run('/watch add place:Paris', carol);
    slack.refuseDirectMessages('U0BOB', 'cannot_dm_bot');
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    expect(await h.runText('/watch list', bob)).toContain('Sitrep could not send you a direct message (Slack refused the message: cannot_dm_bot)');
    expect(await h.runText('/watch list', carol)).not.toContain('Paused');
    expect(dm(carol)).toHaveLength(1);
    expect(warnings(h, 'watch messages wait')).toEqual([]);
  });
});

async function discordWatchers() {
  const fake = await FakeDiscord.start();
  const h = new Harness({ start: START, noFakePoster: true });
  const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger });
  cleanup.push(() => fake.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  startRunner(h);
  const watcher: Caller = { platform: 'discord', userId: '2002', workspaceId: fake.guild.id, channelId: fake.guild.channelId };
  const dmPosts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.dmChannelOf('2002')}/messages`);
  const dmText = (index: number) => ((dmPosts()[index]!.body as { embeds: Embed[] }).embeds ?? []).map(embedText).join('\n');
  return { fake, h, watcher, dmPosts, dmText };
}

describe('GIVEN a Discord user watching a topic, who got a first message', () => {
  it('WHEN Discord refuses the bot itself (403 Missing Access, 50001) for a while THEN their watches keep running, the operator is told once, and the change arrives once Discord takes it', async () => {
    const { fake, h, watcher, dmPosts, dmText } = await discordWatchers();
    await h.run('/watch add topic:syria-israel', watcher);
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    expect(dmPosts().map((r) => r.status)).toEqual([200]);

    fake.failChannel(fake.dmChannelOf('2002')!, { status: 403, body: { code: 50001, message: 'Missing Access' }, times: 3 });
    await h.time.advance(10 * MINUTE);
    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(TICK_MS);
    await h.time.advance(MINUTE);
    expect(await h.runText('/watch list', watcher)).not.toContain('Paused');
    const told = warnings(h, 'watch messages wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('Discord refused the message: Missing Access (50001) — Discord refused the bot itself, not the person');

    await h.time.advance(5 * MINUTE);
    expect(dmPosts().map((r) => r.status)).toEqual([200, 403, 403, 403, 200]);
    expect(dmText(4)).toContain('Ceasefire announced');
    expect(warnings(h, 'watch messages wait')).toHaveLength(1);
  });

  it('WHEN Discord answers 401 THEN the operator is told to reset the bot token, and no watch is paused', async () => {
    const { fake, h, watcher, dmPosts } = await discordWatchers();
    await h.run('/watch add topic:syria-israel', watcher);
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    fake.failChannel(fake.dmChannelOf('2002')!, { status: 401, body: { code: 0, message: '401: Unauthorized' }, times: 1 });
    await h.time.advance(10 * MINUTE);
    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(TICK_MS);
    expect(dmPosts().map((r) => r.status)).toEqual([200, 401]);
    expect(await h.runText('/watch list', watcher)).not.toContain('Paused');
    const told = warnings(h, 'watch messages wait');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('Discord no longer accepts the bot token');
    expect(told[0]!.message).toContain('DISCORD_TOKEN');

    // discord.js sends nothing more without a token: the message waits for a restart, still one line.
    await h.time.advance(30 * MINUTE);
    expect(dmPosts().map((r) => r.status)).toEqual([200, 401]);
    expect(await h.runText('/watch list', watcher)).not.toContain('Paused');
    expect(warnings(h, 'watch messages wait')).toHaveLength(1);
    expect(warnings(h, 'gave up')).toEqual([]);
  });

  it('WHEN Discord refuses them as a person (50007) THEN their watches are paused, as before', async () => {
    const { fake, h, watcher } = await discordWatchers();
    await h.run('/watch add topic:syria-israel', watcher);
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    fake.refuseDirectMessages('2002');
    await h.time.advance(10 * MINUTE);
    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(TICK_MS);
    expect(await h.runText('/watch list', watcher)).toContain('Discord refused the message: Cannot send messages to this user (50007)');
    expect(warnings(h, 'watch messages wait')).toEqual([]);
  });
});
