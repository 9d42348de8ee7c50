// Watch messages through the real discord.js and Bolt clients against the local fakes: the DM
// is opened as each platform opens one (POST /users/@me/channels; conversations.open) and holds
// the entry; changes within 10 minutes go in one later message; a message whose answer was lost
// when the process stopped is found by its marker by the next process, not sent twice; and a
// person the platform will not message gets their watches paused, /watch list saying why.
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import type { Caller } from '../../src/core/caller.js';
import type { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { problemsIn } from '../discord/support/openapi.js';
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

function startRunner(h: Harness): WatchRunner {
  const runner = h.app.startWatchRunner({ tickMs: TICK_MS });
  h.time.settle = () => runner.idle();
  cleanup.push(() => (h.app.db.open ? runner.stop(1000) : undefined));
  return runner;
}

async function discordWatcher() {
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

describe('GIVEN a Discord user watching an actor', () => {
  it('WHEN entries naming it are added and corrected THEN a DM holds the first at once and the rest together 10 minutes later, pinging no one', async () => {
    const { fake, h, watcher, dmPosts, dmText } = await discordWatcher();
    await h.run('/watch add actor:Dermer', watcher);
    const dermer = [{ actorId: h.actorId('Ron Dermer'), role: 'participant' as const }];
    const first = h.addEntry({ title: 'Envoys meet in Baku', actors: dermer });
    await h.time.advance(TICK_MS);

    const opened = fake.requests.filter((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.map((r) => r.body)).toEqual([{ recipient_id: '2002' }]);
    expect(dmPosts()).toHaveLength(1);
    expect(dmPosts()[0]!.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect(dmText(0)).toContain('Envoys meet in Baku');
    expect(dmText(0)).toContain('/watch stop');

    h.editEntry(first, { confidence: 'confirmed' });
    await h.time.advance(2 * MINUTE);
    h.addEntry({ title: 'Ceasefire announced', actors: dermer });
    await h.time.advance(5 * MINUTE);
    expect(dmPosts()).toHaveLength(1);
    await h.time.advance(3 * MINUTE + TICK_MS);
    expect(dmPosts()).toHaveLength(2);
    expect(dmText(1)).toContain('Ceasefire announced');
    expect(dmText(1)).toContain('*Changed:* confidence reported → confirmed');
    // The DM channel is opened once and kept.
    expect(fake.requests.filter((r) => r.path === '/users/@me/channels')).toHaveLength(1);
    expect(problemsIn(fake.requests)).toEqual([]);
  });

  it('WHEN Discord refuses to message them (50007) THEN their watches are paused, nothing more is tried, and /watch list says why', async () => {
    const { fake, h, watcher, dmPosts } = await discordWatcher();
    await h.run('/watch add topic:syria-israel', watcher);
    fake.refuseDirectMessages('2002');
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advance(TICK_MS);
    expect(dmPosts().map((r) => r.status)).toEqual([403]);

    h.addEntry({ title: 'Ceasefire announced' });
    await h.time.advance(30 * MINUTE);
    expect(dmPosts()).toHaveLength(1);
    const listed = (await h.runText('/watch list', watcher)).replaceAll('`', '');
    expect(listed).toContain('Paused: Sitrep could not send you a direct message');
    expect(listed).toContain('Discord refused the message: Cannot send messages to this user (50007)');
    expect(listed).toContain('Allow direct messages from Sitrep, then /watch resume.');
  });
});

async function slackProcess(slack: FakeSlack, sharing?: Harness) {
  const h = new Harness({ start: START, noFakePoster: true, ...(sharing ? { sharing } : {}) });
  const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
  const adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
  cleanup.push(() => (sharing ? undefined : h.removeStore()), () => h.dispose(), () => adapter.stop());
  h.app.digests.posters.register(adapter.poster);
  startRunner(h);
  return h;
}

async function slackWatcher() {
  let clock: Harness | undefined;
  const slack = await FakeSlack.start({ now: () => clock!.time.now().getTime() });
  cleanup.push(() => slack.close());
  const h = await slackProcess(slack);
  clock = h;
  const watcher: Caller = { platform: 'slack', userId: 'U0BOB', workspaceId: 'T0TEST', channelId: 'C0NEWS' };
  return { slack, h, watcher, dm: () => slack.messagesIn(slack.dmChannelOf('U0BOB')) };
}

describe('GIVEN a Slack user watching a place', () => {
  it('WHEN an entry there is added THEN the DM conversation opened for them holds it', async () => {
    const { slack, h, watcher, dm } = await slackWatcher();
    await h.run('/watch add place:Paris', watcher);
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    expect(slack.callsTo('conversations.open').map((c) => c.args.users)).toEqual(['U0BOB']);
    expect(dm()).toHaveLength(1);
    expect(JSON.stringify(dm()[0]!.blocks)).toContain('Talks resume in Paris');
  });

  it('WHEN the answer to the DM is lost and the process stops THEN the next process finds it by its marker and does not send it again', async () => {
    const { slack, h, watcher, dm } = await slackWatcher();
    await h.run('/watch add place:Paris', watcher);
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    slack.cutOffNext('chat.postMessage', true);
    await h.time.advance(TICK_MS);
    expect(dm()).toHaveLength(1);
    h.crash();

    const next = await slackProcess(slack, h);
    await next.time.advance(3 * MINUTE);
    expect(dm()).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([slack.dmChannelOf('U0BOB')]);
    const row = next.app.db.prepare('SELECT status, message_refs FROM watch_deliveries').get() as { status: string; message_refs: string };
    expect(row).toEqual({ status: 'delivered', message_refs: JSON.stringify([dm()[0]!.ts]) });

    next.addEntry({ title: 'Second round in Paris', places: ['Paris'] });
    await next.time.advance(10 * MINUTE);
    expect(dm().map((m) => JSON.stringify(m.blocks).includes('Second round in Paris'))).toEqual([false, true]);
  });

  it('WHEN Slack will not open a conversation with them THEN their watches are paused and /watch list says why', async () => {
    const { slack, h, watcher, dm } = await slackWatcher();
    await h.run('/watch add place:Paris', watcher);
    slack.refuseDirectMessages('U0BOB');
    h.addEntry({ title: 'Talks resume in Paris', places: ['Paris'] });
    await h.time.advance(TICK_MS);
    expect(dm()).toHaveLength(0);
    expect(await h.runText('/watch list', watcher)).toContain('Sitrep could not send you a direct message (Slack refused the message: user_disabled)');
  });
});
