// Corrections reach the channels: a digest posted through the real Discord and Slack posters to
// the fake platforms, then its entry corrected or removed with /entry: the earlier message is
// edited in place (no new message, no mention, Slack text escaped) to show the entry as it now
// stands, marked with what changed; a refused edit is retried, a post older than 14 days is left
// alone, and an edit queued while Sitrep was stopped is made once after a restart, never again.
import { describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { Caller } from '../../src/core/caller.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { DRAWING } from '../support/drawing.js';
import { Harness } from './support/harness.js';
import { cleanupEachTest, discordDigests, embedText, slackDigests, settleAll, type Embed } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

/** `card`: the digest opens with its picture. */
async function discordSetup(card = false) {
  const { fake, h, channel, channelPosts } = await discordDigests(cleanup);
  settleAll(h);
  h.startScheduler();
  const subscribe = `/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris${card ? '' : ' card:false'}`;
  expect(await h.runText(subscribe, { ...discordAdmin(fake.guild.id), channelId: channel })).toContain('Sitrep posted a confirmation');
  const edits = () => fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${channel}/messages/`));
  const rawText = (id: string) => (fake.rest.messages.get(id)!.embeds as Embed[]).map(embedText).join('\n');
  const messageText = (id: string) => visibleText(rawText(id));
  return { fake, h, channel, channelPosts, edits, messageText, rawText };
}

const discordAdmin = (guild: string): Caller => ({ platform: 'discord', userId: '1001', workspaceId: guild, channelId: 'c1' });

describe('GIVEN a digest posted on the fake Discord', () => {
  async function posted(card = false) {
    const setup = await discordSetup(card);
    const id = setup.h.addEntry({ title: 'Envoys meet in Baku @everyone', confidence: 'reported' });
    await setup.h.time.advanceTo('2026-07-06T06:01:00Z');
    const sub = setup.h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const [messageId] = setup.h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat();
    if (!messageId) throw new Error('no digest was posted');
    expect(setup.messageText(messageId)).toContain('Envoys meet in Baku');
    const admin = discordAdmin(setup.fake.guild.id);
    return { ...setup, id, messageId, admin, postsBefore: setup.channelPosts().length };
  }

  it('WHEN its entry is corrected THEN that message is edited to show it, marked, with no mention and no new message', async () => {
    const { h, id, messageId, admin, edits, messageText, rawText, channelPosts, postsBefore } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(edits()).toHaveLength(1);
    expect(edits()[0]!.path.endsWith(`/${messageId}`)).toBe(true);
    expect((edits()[0]!.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    const text = messageText(messageId);
    expect(text).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(text).toContain('· confirmed');
    expect(text).toContain('Sitrep digest'); // the rest of the message as it was
    expect(rawText(messageId)).not.toContain('@everyone'); // neutralised by the renderer, as in the digest
    expect(channelPosts()).toHaveLength(postsBefore);
  });

  it('WHEN a claim is recorded on its entry THEN the edited message names who made it', async () => {
    const { h, id, messageId, admin, messageText } = await posted();
    expect(await h.runText(`/entry claim id:${id} actor:Israel stance:denies date:2025-07-21 outlet:"Army radio"`, admin)).toContain('Israel denies');
    await h.time.advance(2 * 60_000);
    expect(messageText(messageId)).toContain('✏️ Corrected 6 Jul: claims: + Israel denies · 21 Jul 2025 · Army radio');
  });

  it('WHEN the digest opened with its card THEN the edited message keeps the picture in its embed', DRAWING, async () => {
    const { fake, h, id, messageId, admin, edits, messageText } = await posted(true);
    const before = fake.rest.messages.get(messageId)!;
    const picture = (before.embeds as { image?: { url: string } }[])[0]!.image;
    expect(picture?.url).toMatch(/^attachment:\/\/.+\.png$/);
    expect(before.attachments).toHaveLength(1);
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(edits()).toHaveLength(1);
    const body = edits()[0]!.body as { embeds: { image?: { url: string } }[] };
    expect(body).not.toHaveProperty('attachments'); // the message keeps the file it was posted with
    expect(body.embeds[0]!.image).toEqual(picture);
    expect(messageText(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(fake.rest.messages.get(messageId)!.attachments).toEqual(before.attachments);
  });

  it('WHEN its entry is removed THEN the message says so with the reason', async () => {
    const { h, id, messageId, admin, edits, messageText, channelPosts, postsBefore } = await posted();
    await h.runText(`/entry remove id:${id} reason:"duplicate of another report"`, admin);
    await h.time.advance(2 * 60_000);
    expect(edits().map((r) => r.status)).toEqual([200]);
    expect(messageText(messageId)).toContain('Removed 6 Jul: duplicate of another report');
    expect(channelPosts()).toHaveLength(postsBefore);
  });

  it('WHEN it is corrected twice before the edit runs THEN one edit shows the latest state', async () => {
    const { h, id, messageId, admin, edits, messageText } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.runText(`/entry edit id:${id} title:"Envoys meet in Baku again"`, admin);
    await h.time.advance(2 * 60_000);
    expect(edits()).toHaveLength(1);
    const text = messageText(messageId);
    expect(text).toContain('Envoys meet in Baku again');
    expect(text).toMatch(/✏️ Corrected 6 Jul: .*confidence reported → confirmed/);
  });

  it('WHEN a correction is undone THEN the message is drawn again as it was posted, under a mark saying the correction was withdrawn', async () => {
    const { h, id, messageId, admin, edits, messageText } = await posted();
    const original = messageText(messageId);
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(messageText(messageId)).toContain('Corrected');
    await h.runText(`/entry undo id:${id}`, admin);
    await h.time.advance(2 * 60_000);
    expect(edits().map((r) => r.status)).toEqual([200, 200]);
    const mark = '✏️ Correction of 6 Jul withdrawn (6 Jul)';
    const text = messageText(messageId);
    expect(text).toContain(`Envoys meet in Baku @everyone — correction withdrawn\n${mark}\n`);
    expect(text.replace(' — correction withdrawn', '').replace(`${mark}\n`, '')).toBe(original);
  });

  it('WHEN it is corrected, removed, and the removal undone on a later day THEN the mark keeps the day of the correction', async () => {
    const { h, id, messageId, admin, messageText } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advanceTo('2026-07-07T10:00:00Z');
    await h.runText(`/entry edit id:${id} title:"Envoys meet in Baku again"`, admin);
    await h.runText(`/entry remove id:${id} reason:"duplicate"`, admin);
    await h.time.advanceTo('2026-07-08T10:00:00Z');
    expect(messageText(messageId)).toContain('Removed 7 Jul: duplicate');
    await h.runText(`/entry undo id:${id}`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText(messageId);
    expect(text).toMatch(/✏️ Corrected 7 Jul: .*confidence reported → confirmed/);
    expect(text).not.toContain('8 Jul');
  });

  it('WHEN Discord refuses the edit for now THEN it is retried after a wait and made, still without a new message', async () => {
    const { fake, h, id, channel, messageId, admin, edits, messageText, channelPosts, postsBefore } = await posted();
    fake.failChannel(channel, { status: 429, times: 1, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(60_000);
    expect(edits().map((r) => r.status)).toEqual([429]);
    expect(messageText(messageId)).not.toContain('Corrected');
    await h.time.advance(3 * 60_000);
    expect(edits().map((r) => r.status)).toEqual([429, 200]);
    expect(messageText(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(channelPosts()).toHaveLength(postsBefore);
  });

  it('WHEN the entry is corrected more than 14 days after the digest THEN the message is left as it was', async () => {
    const { fake, h, id, admin, edits } = await (async () => {
      const setup = await discordSetup();
      // Hourly heartbeats: fifteen days of them pass quickly.
      await setup.h.scheduler!.stop();
      setup.h.startScheduler({ heartbeatMs: 3_600_000, leaseMs: 4 * 3_600_000 });
      const id = setup.h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported' });
      await setup.h.time.advanceTo('2026-07-06T06:01:00Z');
      return { ...setup, id, admin: discordAdmin(setup.fake.guild.id) };
    })();
    await h.time.advanceTo('2026-07-21T07:00:00Z');
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 3_600_000);
    expect(edits()).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('WHEN Sitrep stops before the edit runs THEN the next process makes it once, and the one after makes none', async () => {
    const { fake, h, id, messageId, admin, edits, messageText } = await posted();
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.dispose(); // before its next heartbeat: the edit is only queued
    expect(edits()).toEqual([]);
    const restart = async () => {
      const next = new Harness({ start: '', sharing: h, admins: 'discord:1001', noFakePoster: true });
      const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: next.app.dispatcher, logger: next.logger });
      next.app.digests.posters.register(adapter.poster);
      settleAll(next);
      next.startScheduler();
      await next.time.advance(2 * 60_000);
      await next.dispose();
      await adapter.stop();
    };
    await restart();
    expect(edits().map((r) => r.status)).toEqual([200]);
    expect(messageText(messageId)).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    await restart();
    expect(edits()).toHaveLength(1);
  });
});

describe('GIVEN a digest on the fake Discord whose header counts its entries and their fatalities', () => {
  /** Two air strikes and a clash, with figures, in one digest; `card`: it opens with its picture. */
  async function counted(card = false) {
    const setup = await discordSetup(card);
    const strike = setup.h.addEntry({ title: 'Strike in Quneitra', eventType: 'air-strike', fatalities: { best: 10, source: 'SOHR' } });
    const clash = setup.h.addEntry({ title: 'Clash near Daraa', eventType: 'armed-clash', fatalities: { best: 6, source: 'SOHR' } });
    await setup.h.time.advanceTo('2026-07-06T06:01:00Z');
    const sub = setup.h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const [messageId] = setup.h.app.digests.store.deliveries.latest(sub.id)!.messageRefs.flat();
    expect(setup.messageText(messageId!)).toContain('2 new entries (1 Air/drone strike, 1 Armed clash) · 16 reported killed in 2 new entries');
    return { ...setup, strike, clash, messageId: messageId!, admin: discordAdmin(setup.fake.guild.id) };
  }

  it('WHEN an entry’s fatalities are corrected THEN the edited header adds up the corrected figure, not the one first posted', async () => {
    const { h, strike, messageId, admin, messageText } = await counted();
    await h.runText(`/entry edit id:${strike} fatalities:2`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText(messageId);
    expect(text).toContain('✏️ Corrected 6 Jul: fatalities 10 → 2');
    expect(text).toContain('2 new entries (1 Air/drone strike, 1 Armed clash) · 8 reported killed in 2 new entries');
    expect(text).not.toContain('16 reported killed');
  });

  it('WHEN an entry is removed THEN the edited header counts it out of the entries and the killed, and says it was removed since', async () => {
    const { h, clash, messageId, admin, messageText } = await counted();
    await h.runText(`/entry remove id:${clash} reason:"duplicate"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText(messageId);
    expect(text).toContain('Removed 6 Jul: duplicate');
    expect(text).toContain('1 new entry (1 Air/drone strike) · 10 reported killed in 1 new entry · 1 entry since removed');
    expect(text).not.toContain('Armed clash)');
  });

  it('WHEN the removal is undone THEN the header is drawn again as it was posted', async () => {
    const { h, clash, messageId, admin, messageText } = await counted();
    const original = messageText(messageId);
    await h.runText(`/entry remove id:${clash} reason:"duplicate"`, admin);
    await h.time.advance(2 * 60_000);
    await h.runText(`/entry undo id:${clash}`, admin);
    await h.time.advance(2 * 60_000);
    expect(messageText(messageId)).toBe(original);
  });

  it('WHEN the digest opened with its card and an entry is removed THEN the header says the kept picture counts the entries as first posted', DRAWING, async () => {
    const { fake, h, clash, strike, messageId, admin, messageText } = await counted(true);
    const attachments = fake.rest.messages.get(messageId)!.attachments;
    await h.runText(`/entry edit id:${strike} fatalities:2`, admin);
    await h.time.advance(2 * 60_000);
    // The picture counts entries by type: a corrected figure leaves it true.
    expect(messageText(messageId)).not.toContain('as first posted');
    await h.runText(`/entry remove id:${clash} reason:"duplicate"`, admin);
    await h.time.advance(2 * 60_000);
    const text = messageText(messageId);
    expect(text).toContain('1 new entry (1 Air/drone strike) · 2 reported killed in 1 new entry · 1 entry since removed');
    expect(text).toContain('The picture counts the new entries as first posted.');
    expect(fake.rest.messages.get(messageId)!.attachments).toEqual(attachments);
  });

  it('WHEN the digest went out in two parts and an entry of the second is removed THEN the first part’s header is edited too, and lists no entry it did not show', async () => {
    const { h, fake, channel, oldest, admin, messageText } = await (async () => {
      const setup = await discordSetup();
      for (let day = 1; day <= 24; day++) setup.h.addEntry({ title: `Shelling ${day}`, eventType: 'shelling', start: { year: 2025, month: 7, day } });
      const oldest = setup.h.addEntry({ title: 'Earliest clash', eventType: 'armed-clash', start: { year: 2025, month: 6, day: 1 } });
      await setup.h.time.advanceTo('2026-07-06T06:01:00Z');
      return { ...setup, oldest, admin: discordAdmin(setup.fake.guild.id) };
    })();
    const sub = h.app.digests.store.subscriptions.active(['discord'])[0]!;
    const parts = h.app.digests.store.deliveries.latest(sub.id)!.messageRefs;
    expect(parts.length).toBeGreaterThan(1);
    const [first] = parts[0]!;
    const last = parts.at(-1)!.at(-1)!;
    expect(messageText(first!)).toContain('25 new entries (24 Shelling, 1 Armed clash)');
    expect(messageText(last)).toContain('Earliest clash');
    await h.runText(`/entry remove id:${oldest} reason:"misdated"`, admin);
    await h.time.advance(2 * 60_000);
    expect(messageText(last)).toContain('Removed 6 Jul: misdated');
    const header = messageText(first!);
    expect(header).toContain('24 new entries (24 Shelling) · 1 entry since removed');
    expect(header).not.toContain('Earliest clash');
    const edited = fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${channel}/messages/`)).map((r) => r.path.split('/').at(-1));
    expect(edited.sort()).toEqual([first, last].sort());
  });
});

/** `card`: the digest opens with its picture. */
async function slackSetup(card = false) {
  const setup = await slackDigests(cleanup);
  settleAll(setup.h);
  setup.h.startScheduler();
  expect(await setup.command(`subscribe schedule:"daily 08:00" timezone:Europe/Paris${card ? '' : ' card:false'}`)).toContain('Digest subscribed');
  return setup;
}

describe('GIVEN a digest posted on the fake Slack', () => {
  const admin: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0CHAN' };

  it('WHEN the digest opened with its card THEN the updated message keeps the picture', DRAWING, async () => {
    const { slack, h } = await slackSetup(true);
    const id = h.addEntry({ title: 'Talks resume', confidence: 'reported' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const digest = slack.messagesIn('C0CHAN').at(-1)!;
    const imageOf = (blocks: unknown) => (blocks as { type: string; slack_file?: { id: string }; alt_text?: string }[]).filter((block) => block.type === 'image');
    const [picture] = imageOf(digest.blocks);
    expect(picture?.slack_file?.id).toMatch(/^F/);

    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(slack.callsTo('chat.update').map((c) => c.args.ts)).toEqual([digest.ts]);
    const updated = slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!;
    expect(JSON.stringify(updated.blocks)).toMatch(/Corrected 6 Jul:_? confidence reported → confirmed/);
    expect(imageOf(updated.blocks)).toEqual([{ type: 'image', slack_file: { id: picture!.slack_file!.id }, alt_text: picture!.alt_text }]);
  });

  it('WHEN its entry is corrected, then removed THEN its message is updated in place each time, escaped', async () => {
    const { slack, h } = await slackSetup();
    const id = h.addEntry({ title: 'Talks <!channel> resume', confidence: 'reported' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const posts = slack.callsTo('chat.postMessage').length;
    const digest = slack.messagesIn('C0CHAN').at(-1)!;
    expect(JSON.stringify(digest.blocks)).toContain('Talks &lt;!channel&gt; resume');

    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    expect(slack.callsTo('chat.update').map((c) => c.args.ts)).toEqual([digest.ts]);
    const corrected = JSON.stringify(slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!.blocks);
    expect(corrected).toMatch(/Corrected 6 Jul:_? confidence reported → confirmed/);
    expect(corrected).toContain('Talks &lt;!channel&gt; resume');
    expect(corrected).not.toContain('<!channel>');

    await h.runText(`/entry remove id:${id} reason:"wrong <!here> report"`, admin);
    await h.time.advance(2 * 60_000);
    expect(slack.callsTo('chat.update')).toHaveLength(2);
    const removed = JSON.stringify(slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!.blocks);
    expect(removed).toMatch(/Removed 6 Jul:_? wrong &lt;!here&gt; report/);
    expect(removed).not.toContain('<!here>');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });

  it('WHEN an entry it counted is removed THEN the updated header counts it out', async () => {
    const { slack, h } = await slackSetup();
    h.addEntry({ title: 'Talks resume', eventType: 'talks' });
    const clash = h.addEntry({ title: 'Clash near Daraa', eventType: 'armed-clash', fatalities: { best: 6, source: 'SOHR' } });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const digest = slack.messagesIn('C0CHAN').at(-1)!;
    expect(JSON.stringify(digest.blocks)).toContain('2 new entries (1 Armed clash, 1 Talks/negotiation) · 6 reported killed in 1 new entry');
    await h.runText(`/entry remove id:${clash} reason:"duplicate"`, admin);
    await h.time.advance(2 * 60_000);
    const updated = JSON.stringify(slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!.blocks);
    expect(updated).toMatch(/Removed 6 Jul:_? duplicate/);
    expect(updated).toContain('1 new entry (1 Talks/negotiation) · 1 entry since removed');
    expect(updated).not.toContain('reported killed');
  });
});
