// GIVEN /digest subscribe in a channel, THEN Sitrep posts a confirmation there through the digest
// poster before storing anything: a platform that refuses it for good (bot not in the channel,
// no permission, channel gone) leaves the store as it was and the reply says how to fix it; a
// refusal for now (rate limit) or a process with no poster for the platform keeps the
// subscription and says so. Console, the real discord.js against the fake Discord and the real
// Bolt app against the fake Slack.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import type { App } from '../../src/app.js';
import { rawOptions, slashCommand, type FakeUser } from '../fakes/discord-payloads.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { discordDigests, embedText, slackDigests, type Cleanup, type Embed } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

/** Every subscription row as stored, to show a refused subscribe changed nothing. */
const storedSubscriptions = (app: App) => app.db.prepare('SELECT * FROM digest_subscriptions ORDER BY id').all();


describe('GIVEN the console', () => {
  it('THEN the confirmation prints like a digest, and the reply says it was posted', async () => {
    const app = createTestApp();
    cleanup.push(() => app.dispose());
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    app.digests.posters.register(new ConsolePoster(output));
    const reply = viewText(await app.dispatcher.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris topic:syria-israel', CONSOLE_CALLER));
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep posted a confirmation in this channel, so it can post digests here.');
    expect(printed).toContain('── posted in #console ──');
    expect(printed).toContain('Sitrep will post a digest of the syria-israel dossier here daily at 08:00 (Europe/Paris).');
    expect(printed).toContain('Set up by console:');
    expect(printed).toContain('/digest unsubscribe stops it.');
  });

  it('WHEN the digest is narrowed by type and actor THEN the confirmation names them as /digest list does', async () => {
    const app = createTestApp();
    cleanup.push(() => app.dispose());
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    app.digests.posters.register(new ConsolePoster(output));
    await app.dispatcher.runText('/digest subscribe schedule:"weekly mon 09:00" type:talks actor:Dermer', CONSOLE_CALLER);
    expect(printed).toContain('Sitrep will post a digest of the dossier (type Talks/negotiation · actor Ron Dermer) here weekly on Monday at 09:00 (UTC).');
  });

  it('WHEN this process has no console poster THEN the subscription is kept, and the reply says nothing could be posted', async () => {
    const app = createTestApp();
    cleanup.push(() => app.dispose());
    const reply = viewText(await app.dispatcher.runText('/digest subscribe schedule:"daily 08:00"', CONSOLE_CALLER));
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain(
      'This Sitrep process cannot post to console channels, so no confirmation was posted here; digests go out from a process connected to that platform.',
    );
    expect(viewText(await app.dispatcher.runText('/digest list', CONSOLE_CALLER))).toContain('Schedule: daily at 08:00 (UTC)');
  });
});

describe('GIVEN the fake Discord', () => {
  async function discordSetup(user?: FakeUser) {
    const { fake, h, admin, channel, channelPosts: posts } = await discordDigests(cleanup, user);
    /** Runs /digest <subcommand> and returns the text of the bot's reply, deferred or not. */
    const slash = async (subcommand: string, values: Record<string, string> = {}): Promise<string> => {
      const from = fake.requests.length;
      const mine = (r: { path: string }) => fake.requests.indexOf(r as never) >= from;
      const interaction = fake.interact(slashCommand(fake.appId, fake.guild, admin, 'digest', rawOptions(values, subcommand)));
      const callback = await fake.waitFor((r) => mine(r) && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      const payload = callback.body as { type: number; data?: { embeds?: Embed[] } };
      const message =
        payload.type === 5
          ? ((await fake.waitFor((r) => mine(r) && r.method === 'PATCH' && r.path.startsWith(`/webhooks/${fake.appId}/${interaction.token}`))).body as { embeds?: Embed[] })
          : payload.data;
      return (message?.embeds ?? []).map(embedText).join('\n');
    };
    return { fake, h, slash, channel, posts };
  }

  it('THEN the confirmation is posted in the channel as an embed that pings nobody', async () => {
    const { h, slash, posts } = await discordSetup({ id: '1001', username: 'Ed @everyone' });
    const reply = await slash('subscribe', { schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    expect(reply).toContain('Sitrep posted a confirmation in this channel');
    expect(posts().map((r) => r.status)).toEqual([200]);
    const body = posts()[0]!.body as { embeds: Embed[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = body.embeds.map(embedText).join('\n');
    expect(text).toContain('Sitrep will post a digest of the dossier here daily at 08:00 (Europe/Paris).');
    expect(text).toMatch(/Set up by Ed .*everyone; `\/digest unsubscribe` stops it\./);
    expect(text).not.toContain('@everyone'); // neutralised by the renderer, as in digests
    expect(storedSubscriptions(h.app)).toHaveLength(1);
  });

  it('WHEN the bot lacks access to the channel THEN nothing is stored, and the reply names the permissions to give', async () => {
    const { fake, h, slash, channel, posts } = await discordSetup();
    fake.failChannel(channel, { status: 403, body: { code: 50001, message: 'Missing Access' } });
    const reply = await slash('subscribe', { schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    expect(reply).toContain('Sitrep cannot post in this channel');
    expect(reply).toContain('Discord refused the message: Missing Access (50001)');
    expect(reply).toContain('so no digest was set up.');
    expect(reply).toContain('Give the bot View Channel, Send Messages, Embed Links and Attach Files (for the picture a digest opens with) in this channel');
    expect(reply).not.toContain('Digest subscribed');
    expect(posts().map((r) => r.status)).toEqual([403]);
    expect(storedSubscriptions(h.app)).toEqual([]);
  });

  it('WHEN a re-subscribe only changes the schedule and the channel is gone THEN the old schedule stays, untouched', async () => {
    const { fake, h, slash, channel } = await discordSetup();
    await slash('subscribe', { schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    const before = storedSubscriptions(h.app);
    fake.failChannel(channel, { status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    const reply = await slash('subscribe', { schedule: 'daily 18:30', timezone: 'Europe/Paris' });
    expect(reply).toContain('Discord refused the message: Unknown Channel (10003)');
    expect(reply).toContain('so its digest was not changed.');
    expect(reply).toContain('It keeps daily 08:00 (Europe/Paris); its next digest will be paused too unless Sitrep can post here by then.');
    expect(storedSubscriptions(h.app)).toEqual(before);
  });

  it('WHEN Discord rate-limits the confirmation THEN the subscription is kept, and the reply says it could not be posted yet', async () => {
    const { fake, h, slash, channel } = await discordSetup();
    fake.failChannel(channel, { status: 429, times: 1, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
    const reply = await slash('subscribe', { schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep could not post its confirmation in this channel yet');
    expect(reply).toContain('Sitrep retries it as usual.');
    expect(h.app.digests.service.list({ platform: 'discord', workspaceId: fake.guild.id })).toHaveLength(1);
  });
});

describe('GIVEN the fake Slack', () => {
  async function slackSetup() {
    const { slack, h, command } = await slackDigests(cleanup);
    const channel = { platform: 'slack' as const, workspaceId: 'T0TEST', channelId: 'C0CHAN' };
    return { slack, h, command, channel };
  }

  it('THEN the confirmation goes out through chat.postMessage, escaped like a digest', async () => {
    const { slack, command } = await slackSetup();
    const reply = await command('subscribe schedule:"weekly mon 09:00" timezone:America/New_York topic:syria-israel', 'al <!channel>');
    expect(reply).toContain('Sitrep posted a confirmation in this channel');
    const [post] = slack.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('C0CHAN');
    const blocks = JSON.stringify(post!.args.blocks);
    // Slack has no escape for _ in data: the renderer shows a look-alike, so no italics switch on.
    expect(blocks).toMatch(/Sitrep will post a digest of the syria-israel dossier here weekly on Monday at 09:00 \(America\/New.York\)\./);
    expect(blocks).toContain('Set up by al &lt;!channel&gt;');
    expect(blocks).not.toContain('<!channel>');
  });

  it('WHEN the bot is not in the channel THEN nothing is stored, and the reply says to invite it', async () => {
    const { slack, h, command } = await slackSetup();
    slack.removeBotFrom('C0CHAN');
    const reply = await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris');
    // Slack's code in code, as Slack wrote it: elsewhere the renderer would show look-alikes for its underscores.
    expect(reply).toContain('Sitrep cannot post in this channel (Slack refused the message: `not_in_channel`), so no digest was set up.');
    expect(reply).toContain('Invite the app to this channel with `/invite @Sitrep`, then run `/digest subscribe` again.');
    expect(reply).not.toContain('Digest subscribed');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1); // the refused confirmation, nothing else
    expect(storedSubscriptions(h.app)).toEqual([]);
  });

  it('WHEN a paused digest is subscribed again while the bot is still out THEN it stays paused; once invited, it resumes', async () => {
    const { slack, h, command, channel } = await slackSetup();
    h.startScheduler();
    h.time.settle = () => h.app.digests.deliverer.idle();
    await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris');
    slack.removeBotFrom('C0CHAN');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.app.digests.service.find(channel)?.paused).toBeDefined();
    const before = storedSubscriptions(h.app);
    const refused = await command('subscribe schedule:"daily 09:00" timezone:Europe/Paris');
    expect(refused).toContain('so its digest was not changed.');
    expect(refused).toContain('It stays paused, on daily 08:00 (Europe/Paris).');
    expect(storedSubscriptions(h.app)).toEqual(before);
    slack.inviteBotTo('C0CHAN');
    const resumed = await command('subscribe schedule:"daily 09:00" timezone:Europe/Paris');
    expect(resumed).toContain('Digest resumed');
    expect(JSON.stringify(slack.callsTo('chat.postMessage').at(-1)!.args.blocks)).toContain('From now on, Sitrep posts a digest of the dossier here daily at 09:00 (Europe/Paris).');
    expect(h.app.digests.service.find(channel)).toMatchObject({ schedule: 'daily 09:00' });
    expect(h.app.digests.service.find(channel)?.paused).toBeUndefined();
  });

  it('WHEN Slack rate-limits the confirmation THEN the subscription is kept, and the reply says it could not be posted yet', async () => {
    const { slack, h, command, channel } = await slackSetup();
    slack.replyTo('chat.postMessage', { status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } });
    const reply = await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris');
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep could not post its confirmation in this channel yet (Slack rate limit reached)');
    expect(h.app.digests.service.find(channel)).toMatchObject({ schedule: 'daily 08:00', timezone: 'Europe/Paris' });
  });
});
