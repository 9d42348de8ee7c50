// Digests delivered through the real adapters' posters to the fake Discord and the fake Slack
// of the adapter tests: subscribed with a real slash command, posted on schedule by the
// scheduler on a virtual clock, retried after a 429 and paused on a permanent refusal.
import { afterEach, describe, expect, it } from 'vitest';
import { rawOptions, slashCommand } from '../fakes/discord-payloads.js';
import { discordDigests, embedText, slackDigests, type Cleanup, type Embed } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function discordSetup() {
  const { fake, h, admin, channel, channelPosts } = await discordDigests(cleanup);
  // Real HTTP round trips: wait for deliveries themselves, not just a few event-loop turns.
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  const slash = async (values: Record<string, string>, subcommand: string) => {
    const interaction = fake.interact(slashCommand(fake.appId, fake.guild, admin, 'digest', rawOptions(values, subcommand)));
    await fake.waitFor((r) => r.path.startsWith(`/interactions/${interaction.id}/`) || r.path.startsWith(`/webhooks/${fake.appId}/${interaction.token}`));
  };
  let confirmations = 0;
  /** Subscribes by slash command and checks the one confirmation it posted in the channel. */
  const subscribe = async (values: Record<string, string>) => {
    await slash(values, 'subscribe');
    const confirmation = channelPosts()[confirmations];
    expect(channelPosts()).toHaveLength(confirmations + 1);
    expect(confirmation!.status).toBe(200);
    expect((confirmation!.body as { embeds: Embed[] }).embeds.map(embedText).join('\n')).toContain('Sitrep will post a digest of the dossier here');
    confirmations += 1;
  };
  /** The channel's posts after the confirmations `subscribe` checked: the digests. */
  const posts = () => channelPosts().slice(confirmations);
  return { fake, h, slash, subscribe, channel, posts };
}

describe('GIVEN the fake Discord', () => {
  it('THEN a channel subscribed by slash command gets its digest at 08:00 Paris time, as embeds with no mentions', async () => {
    const { h, subscribe, posts } = await discordSetup();
    await subscribe({ schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    expect(h.app.digests.service.list({ platform: 'discord', workspaceId: h.app.digests.store.subscriptions.active(['discord'])[0]!.channel.workspaceId })).toHaveLength(1);
    h.addEntry({ title: 'Envoys meet in Baku @everyone' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const sent = posts().filter((r) => r.status === 200);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { embeds: Embed[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = body.embeds.map(embedText).join('\n');
    expect(text).toContain('Sitrep digest');
    expect(text).toContain('Envoys meet in Baku');
    expect(text).not.toContain('@everyone'); // neutralised by the renderer
  });

  it('WHEN Discord answers 429 THEN the digest is retried after Retry-After and posted once', async () => {
    const { fake, h, subscribe, channel, posts } = await discordSetup();
    await subscribe({ schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    h.addEntry({ title: 'Rate limited on Discord' });
    fake.failChannel(channel, { status: 429, times: 1, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
    await h.time.advanceTo('2026-07-06T06:00:10Z');
    expect(posts().map((r) => r.status)).toEqual([429]);
    await h.time.advanceTo('2026-07-06T06:02:00Z');
    expect(posts().map((r) => r.status)).toEqual([429, 200]);
    // The digest opens with its card: the entries follow in the embed after the picture's.
    expect((posts()[1]!.body as { embeds: Embed[] }).embeds.map(embedText).join('\n')).toContain('Rate limited on Discord');
  });

  it('WHEN Discord answers 503 for minutes at a weekly digest THEN it is retried until Discord recovers, and posted once, saying it was delayed', async () => {
    const { fake, h, subscribe, channel, posts } = await discordSetup();
    await subscribe({ schedule: 'weekly mon 08:00', timezone: 'Europe/Paris' });
    h.addEntry({ title: 'Ceasefire agreed' });
    fake.failChannel(channel, { status: 503, times: 30, body: { message: 'Service Unavailable' } });
    await h.time.advanceTo('2026-07-06T06:30:00Z');
    const sent = posts().filter((r) => r.status === 200);
    expect(posts().length).toBeGreaterThan(6);
    expect(sent).toHaveLength(1);
    const text = (sent[0]!.body as { embeds: Embed[] }).embeds.map(embedText).join('\n');
    expect(text).toContain('Ceasefire agreed');
    expect(text).toContain('Delayed: the platform refused this digest from Mon 6 Jul 2026 08:00 CEST until now');
  });

  it('WHEN a part takes two messages and the second fails THEN the retry posts only the second', async () => {
    const { fake, h, subscribe, channel, posts } = await discordSetup();
    await subscribe({ schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    // Titles full of characters Discord markdown must escape: a part sized for one message
    // renders to more than one embed holds (6,000 characters), so it goes out as two.
    for (let i = 0; i < 16; i++) h.addEntry({ title: `Report ${i} ${'*_'.repeat(85)}` });
    fake.failChannel(channel, { status: 429, times: 1, after: 1, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
    await h.time.advanceTo('2026-07-06T06:00:10Z');
    expect(posts().map((r) => r.status)).toEqual([200, 429]);
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    const texts = posts().map((r) => (r.body as { embeds: Embed[] }).embeds.map(embedText).join('\n'));
    const arrived = texts.filter((_, i) => posts()[i]!.status === 200);
    // The retry resumes with the message that failed: nothing in the channel twice.
    expect(texts[2]).toBe(texts[1]);
    expect(new Set(arrived).size).toBe(arrived.length);
    for (let i = 0; i < 16; i++) expect(arrived.filter((text) => text.includes(`Report ${i} `))).toHaveLength(1);
    const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const delivery = h.app.digests.store.deliveries.latest(sub.id)!;
    expect(delivery.status).toBe('delivered');
    expect(delivery.messageRefs.flat()).toHaveLength(arrived.length);
  });

  it('WHEN the channel is gone THEN the subscription is paused with Discord’s reason', async () => {
    const { fake, h, subscribe, channel } = await discordSetup();
    await subscribe({ schedule: 'daily 08:00', timezone: 'Europe/Paris' });
    fake.failChannel(channel, { status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const [sub] = h.app.digests.service.list({ platform: 'discord', workspaceId: fake.guild.id });
    expect(sub!.paused?.reason).toMatch(/Discord refused the message: Unknown Channel \(10003\)/);
  });
});

describe('GIVEN the fake Slack', () => {
  async function slackSetup() {
    const { slack, h, command } = await slackDigests(cleanup);
    h.time.settle = () => h.app.digests.deliverer.idle();
    h.startScheduler();
    let confirmations = 0;
    /** Subscribes by slash command and checks the one confirmation it posted in the channel. */
    const subscribe = async (options: string) => {
      const reply = await command(`subscribe ${options}`);
      const confirmation = slack.callsTo('chat.postMessage')[confirmations];
      expect(slack.callsTo('chat.postMessage')).toHaveLength(confirmations + 1);
      expect(confirmation!.args.channel).toBe('C0CHAN');
      expect(String(confirmation!.args.text)).toContain('Digest subscribed');
      expect(JSON.stringify(confirmation!.args.blocks)).toContain('Sitrep will post a digest of the dossier here');
      confirmations += 1;
      return reply;
    };
    /** chat.postMessage calls after the confirmations `subscribe` checked: the digests. */
    const digestCalls = () => slack.callsTo('chat.postMessage').slice(confirmations);
    return { slack, h, command, subscribe, digestCalls };
  }

  it('THEN a channel subscribed by slash command gets its digest through chat.postMessage, escaped', async () => {
    const { h, subscribe, digestCalls } = await slackSetup();
    expect(await subscribe('schedule:"daily 08:00" timezone:America/New_York')).toContain('Digest subscribed');
    h.addEntry({ title: 'Talks <!channel> resume' });
    await h.time.advanceTo('2026-07-06T12:01:00Z'); // 08:00 EDT
    const calls = digestCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.channel).toBe('C0CHAN');
    const blocks = JSON.stringify(calls[0]!.args.blocks);
    expect(blocks).toContain('Talks &lt;!channel&gt; resume');
    expect(blocks).not.toContain('<!channel>');
  });

  it('WHEN Slack rate-limits the post THEN it is retried after Retry-After and posted once', async () => {
    const { slack, h, subscribe } = await slackSetup();
    await subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    h.addEntry({ title: 'Rate limited on Slack' });
    let calls = 0;
    slack.replyTo('chat.postMessage', (args) =>
      ++calls === 1
        ? { status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: args.channel, ts: `1700000000.00000${calls}` } },
    );
    await h.time.advanceTo('2026-07-06T06:00:10Z');
    expect(calls).toBe(1);
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(calls).toBe(2);
    const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'slack', workspaceId: 'T0TEST', channelId: 'C0CHAN' })!;
    expect(h.app.digests.store.deliveries.forSubscription(sub.id)).toMatchObject([
      { status: 'delivered', attempts: 2, messageRefs: [['1700000000.000002']] },
    ]);
  });

  it('WHEN a part takes two messages and the second is rate-limited THEN the retry posts only the second', async () => {
    const { slack, h, subscribe, digestCalls } = await slackSetup();
    await subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    // Titles full of characters Slack makes entities of (& is &amp;): a part sized for one
    // message renders to more than one message holds, so it goes out as two.
    for (let i = 0; i < 16; i++) h.addEntry({ title: `Report ${i} ${'&'.repeat(190)}` });
    let calls = 0;
    slack.replyTo('chat.postMessage', (args) =>
      ++calls === 2
        ? { status: 429, headers: { 'retry-after': '20' }, body: { ok: false, error: 'ratelimited' } }
        : { body: { ok: true, channel: args.channel, ts: `1700000000.${String(calls).padStart(6, '0')}` } },
    );
    await h.time.advanceTo('2026-07-06T06:00:10Z');
    expect(calls).toBe(2);
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    const sent = digestCalls().map((c) => JSON.stringify(c.args.blocks));
    // The retry resumes with the message that was refused: nothing in the channel twice.
    expect(sent[2]).toBe(sent[1]);
    const arrived = sent.filter((_, i) => i !== 1);
    expect(new Set(arrived).size).toBe(arrived.length);
    for (let i = 0; i < 16; i++) expect(arrived.filter((blocks) => blocks.includes(`Report ${i} `))).toHaveLength(1);
    const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'slack', workspaceId: 'T0TEST', channelId: 'C0CHAN' })!;
    const [delivery] = h.app.digests.store.deliveries.forSubscription(sub.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(delivery!.messageRefs.flat()).toHaveLength(arrived.length);
  });

  it('WHEN the bot is not in the channel THEN the subscription is paused, and /digest list says why', async () => {
    const { slack, h, command, subscribe } = await slackSetup();
    await subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    // The code in code, as Slack wrote it (elsewhere the renderer defuses mrkdwn underscores), and Slack's own fix.
    const blocks = (JSON.parse(await command('list')) as { blocks: { text?: { text: string } }[] }).blocks;
    const list = blocks.map((block) => block.text?.text ?? '').join('\n');
    expect(list).toContain('*Paused:* Slack refused the message: `not_in_channel` (since Mon 6 Jul 2026 08:00 CEST). In that channel: Invite the app to this channel with `/invite @Sitrep`, then run `/digest subscribe` again.');
    expect(list).toContain('(1 attempt: Slack refused the message: `not_in_channel`)');
    expect(list).not.toContain('\u02CD');
  });
});
