// GIVEN what Sitrep posts on Discord (a scheduled digest, review cards, a watch DM, a paused
// source's notice) THEN each message carries a plain content line saying what it is, which a
// phone's notification, a channel's preview and a screen reader give first; an edit of a posted
// message says it again as the message now stands; mentions in it stay inert; an answer to a
// command carries none.
import { describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { Caller } from '../../src/core/caller.js';
import { pausedNotice } from '../../src/core/sources/check-views.js';
import type { WatchedSource } from '../../src/core/sources/watched-source.js';
import { plainLine, span } from '../../src/core/view.js';
import { cleanupEachTest, discordDigests, settleAll } from '../digest/support/platform-digests.js';
import { Harness } from '../digest/support/harness.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { buttonPress, snowflake } from '../fakes/discord-payloads.js';
import { BAKU, SWEIDA } from '../sources-queue/support/stories.js';
import { buttons, type Embed, type MessageBody } from './support/harness.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const cleanup = cleanupEachTest();
const TICK_MS = 30_000;
const MINUTE = 60_000;

/** A message body as Sitrep sent it: a post, an edit or an interaction's answer. */
type Sent = MessageBody & { content?: string };
const sent = (body: unknown) => body as Sent;

describe('GIVEN a daily digest subscribed in a Discord channel', () => {
  it('WHEN it is posted THEN its content names the digest and counts what it holds; WHEN an entry in it is removed THEN the edit counts again', async () => {
    const { fake, h, channel, channelPosts } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: channel };
    await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris topic:syria-israel card:false', admin);
    const removed = h.addEntry({ title: 'Envoys meet in Baku @everyone' });
    h.addEntry({ title: 'Shelling near Quneitra' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const [confirmation, digest] = channelPosts().map((r) => sent(r.body));
    expect(confirmation!.content).toBe('Digest subscribed: Sitrep will post a digest of the syria-israel dossier here daily at 08:00 (Europe/Paris).');
    expect(digest!.content).toBe('Sitrep digest — syria-israel: 2 new entries (2 Talks/negotiation)');
    expect(digest!.allowed_mentions).toEqual({ parse: [] });

    await h.runText(`/entry remove id:${removed} reason:"duplicate"`, admin);
    await h.time.advance(2 * MINUTE);
    const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${channel}/messages/`));
    expect(edits).toHaveLength(1);
    const edited = sent(edits[0]!.body).content!;
    expect(edited).toMatch(/^Sitrep digest — syria-israel: /);
    expect(edited).not.toContain('2 new entries');
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});

describe('GIVEN a review channel on Discord and a feed proposing stories', () => {
  it('WHEN the cards are posted THEN each says it is a candidate waiting for review; WHEN one is approved from its card THEN its content says approved', async () => {
    const adminRole = snowflake();
    const { store, h } = await openDiscordReviewDesk({ name: 'notification-line', adminRole, items: [SWEIDA, BAKU] });
    cleanup.push(() => store.close(), () => h.close());
    const posted = () => [...h.fake.rest.messages.values()].filter((m) => m.channel_id === h.fake.guild.channelId && m.interaction_metadata === undefined);
    const card = (title: string) => structuredClone(posted().find((m) => (m.embeds as Embed[])[0]?.title === title)!) as Record<string, unknown> & Sent;

    expect(posted().map((m) => m.content)).toEqual([
      'Review channel: Sitrep posts the cards of candidates from the watched feeds in this channel, for admins to approve, edit or reject.',
      expect.stringMatching(/^.+: Candidate #\d+ · syria-israel · waiting for review$/),
      expect.stringMatching(/^.+: Candidate #\d+ · syria-israel · waiting for review$/),
    ]);
    const baku = card(BAKU.title);
    expect(baku.content).toMatch(new RegExp(`^${BAKU.title}: Candidate #\\d+ · syria-israel · waiting for review$`));

    const approve = buttons(baku).find((b) => b.label.startsWith('Approve #'))!;
    const answer = await h.deliver(buttonPress(h.fake.appId, h.fake.guild, h.user, approve.custom_id, baku));
    // The card pressed on is replaced in place: its line is said again, as it stands now.
    expect(answer.callbackType).toBe(7);
    expect(sent(answer.body).content).toMatch(new RegExp(`^${BAKU.title}: Candidate #\\d+ · syria-israel · approved$`));
    await h.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${h.fake.guild.channelId}/messages/${baku.id as string}`);
    expect(card(BAKU.title).content).toMatch(/· approved$/);
    expect(card(SWEIDA.title).content).toMatch(/· waiting for review$/);

    // An answer to a command is read where it was asked for: no line above it.
    const listed = await h.slash('review', {}, { subcommand: 'list' });
    expect(sent(listed.body).content ?? '').toBe('');
    expect(problemsIn(h.fake.requests)).toEqual([]);
  });
});

describe('GIVEN a Discord user watching an actor', () => {
  it('WHEN an entry naming it is added THEN the DM says what changed in its content', async () => {
    const fake = await FakeDiscord.start();
    const h = new Harness({ start: '2026-07-06T05:00:00Z', noFakePoster: true });
    const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger });
    cleanup.push(() => fake.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
    h.app.digests.posters.register(adapter.poster);
    const runner = h.app.startWatchRunner({ tickMs: TICK_MS });
    h.time.settle = () => runner.idle();
    cleanup.push(() => (h.app.db.open ? runner.stop(1000) : undefined));
    const watcher: Caller = { platform: 'discord', userId: '2002', workspaceId: fake.guild.id, channelId: fake.guild.channelId };

    await h.run('/watch add actor:Dermer', watcher);
    h.addEntry({ title: 'Envoys meet in Baku', actors: [{ actorId: h.actorId('Ron Dermer'), role: 'participant' }] });
    await h.time.advance(TICK_MS);
    const dms = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.dmChannelOf('2002')}/messages`);
    expect(dms.map((r) => sent(r.body).content)).toEqual(['Sitrep — what you watch changed: 1 new entry']);
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});

describe("GIVEN a source's paused notice for a review channel", () => {
  it('WHEN it is posted THEN its content names the source and why it stopped, its mentions and markup inert and its address unlinked', async () => {
    const fake = await FakeDiscord.start();
    const h = new Harness({ start: '2026-07-06T05:00:00Z', noFakePoster: true });
    const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger });
    cleanup.push(() => fake.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
    const source = { id: 3, url: 'https://levant.example/feed.xml', topic: 'syria-israel', feedTitle: 'Levant *Wire* @everyone' } as WatchedSource;
    const view = pausedNotice(source, { failures: 8, nextCheckAt: new Date(), pause: '8 checks in a row failed' });
    const channel = snowflake();
    await adapter.poster.post(channel, view);
    const [post] = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);
    const content = sent(post!.body).content!;
    expect(content).toMatch(/^Source #3 paused: Levant \\\*Wire\\\* @\u200beveryone: Sitrep stopped checking /);
    expect(content).toContain('8 checks in a row failed');
    // Shown as typed, not as a link Discord would preview under the notice.
    expect(content).toContain('Sitrep stopped checking https\\://levant.example/feed.xml (topic syria-israel)');
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});

describe('GIVEN a digest too long for one message', () => {
  it('WHEN it is posted THEN the first message counts what it holds and each later one says which part of it it is', async () => {
    const fake = await FakeDiscord.start();
    const h = new Harness({ start: '2026-07-06T05:00:00Z', noFakePoster: true });
    const adapter = await startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher: h.app.dispatcher, logger: h.logger });
    cleanup.push(() => fake.close(), () => h.removeStore(), () => h.dispose(), () => adapter.stop());
    const sections = Array.from({ length: 40 }, (_, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [plainLine('a long line of digest text '.repeat(20))] }));
    const channel = snowflake();
    const ids = (await adapter.poster.post(channel, { title: 'Sitrep digest — syria-israel', tone: 'normal', intro: [plainLine('40 new entries')], sections })).refs;
    const contents = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`).map((r) => sent(r.body).content);
    expect(ids.length).toBeGreaterThan(1);
    expect(contents).toEqual(ids.map((_, i) => (i === 0 ? 'Sitrep digest — syria-israel: 40 new entries' : `Sitrep digest — syria-israel (part ${i + 1} of ${ids.length})`)));
  });
});
