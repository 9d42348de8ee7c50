// GIVEN an admin setting up digests or the review channel where Discord refuses Sitrep's posts,
// WHEN the confirmation is refused for good, THEN nothing is stored and the reply says what to do
// there: in a channel, its permissions (Attach Files only for digests with a picture); in a
// thread, Send Messages in Threads in the channel it belongs to; in an archived thread, to reopen
// it or pick another channel; in a locked one, to unlock it or give the bot Manage Threads; in a
// forum's post, the rights as the forum's screen names them (Send Messages in Posts). Discord
// commands run in servers only, so no direct message is named.
import { describe, expect, it } from 'vitest';
import { channelObject, rawOptions, slashCommand, snowflake } from '../fakes/discord-payloads.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { harnessForFile, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const adminRole = snowflake();
let h: Harness;
harnessForFile({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] }, (started) => {
  h = started;
  started.app.digests.posters.register(started.adapter.poster);
});

const MISSING_PERMISSIONS = { status: 403, body: { code: 50013, message: 'Missing Permissions' } };
const said = (answer: Answer) => answer.body.embeds!.map((e) => visibleText([e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))).join('\n');

/** A thread of #general (or of `parentId`), as Discord describes the channel an interaction comes from. */
function threadChannel(id: string, options: { private?: boolean; archived?: boolean; locked?: boolean; parentId?: string } = {}) {
  return {
    id, type: options.private ? 12 : 11, guild_id: h.fake.guild.id, name: 'daily-brief', parent_id: options.parentId ?? h.fake.guild.channelId, owner_id: h.user.id, flags: 0,
    thread_metadata: { archived: options.archived ?? false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: options.locked ?? false },
  };
}

/** Runs a command in the thread `channel` describes. */
function inThread(channel: ReturnType<typeof threadChannel>, command: string, subcommand: string, values: Record<string, string | boolean> = {}) {
  const interaction = slashCommand(h.fake.appId, h.fake.guild, h.user, command, rawOptions(values, subcommand));
  interaction.payload.channel_id = channel.id;
  interaction.payload.channel = channel;
  return h.deliver(interaction);
}

/** Runs `act` and checks that it changed nothing in the store. */
async function changingNothing(act: () => Promise<Answer>): Promise<string> {
  const before = storeFingerprint(h.app.db);
  const answer = await act();
  expect(answer.ephemeral).toBe(true);
  expect(storeFingerprint(h.app.db)).toBe(before);
  return said(answer);
}

describe('GIVEN a channel where the bot lacks permissions', () => {
  it('WHEN /digest subscribe is refused THEN the reply asks for the channel’s permissions, Attach Files for the digest’s picture', async () => {
    h.fake.failChannel(h.fake.guild.channelId, { ...MISSING_PERMISSIONS, times: 1 });
    const reply = await changingNothing(() => h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' }));
    expect(reply).toContain('so no digest was set up.');
    expect(reply).toContain('Give the bot View Channel, Send Messages, Embed Links and Attach Files (for the picture a digest opens with) in this channel (Edit Channel → Permissions), then run /digest subscribe again.');
    expect(reply).not.toContain('direct message');
  });

  it('WHEN a digest without a card is refused THEN Attach Files is not asked for', async () => {
    h.fake.failChannel(h.fake.guild.channelId, { ...MISSING_PERMISSIONS, times: 1 });
    const reply = await changingNothing(() => h.slash('digest', { schedule: 'daily 08:00', card: false }, { subcommand: 'subscribe' }));
    expect(reply).toContain('Give the bot View Channel, Send Messages and Embed Links in this channel (Edit Channel → Permissions), then run /digest subscribe again.');
    expect(reply).not.toContain('Attach Files');
  });

  it('WHEN /review channel is refused THEN the reply asks for what review cards need, which has no picture', async () => {
    h.fake.failChannel(h.fake.guild.channelId, { ...MISSING_PERMISSIONS, times: 1 });
    const reply = await changingNothing(() => h.slash('review', {}, { subcommand: 'channel' }));
    expect(reply).toContain('so it was not made the review channel');
    expect(reply).toContain('Give the bot View Channel, Send Messages and Embed Links in this channel (Edit Channel → Permissions), then run /review channel again.');
    expect(reply).not.toContain('Attach Files');
    expect(reply).not.toContain('digest');
    expect(reply).not.toContain('direct message');
  });
});

describe('GIVEN a thread where the bot may not post', () => {
  it('WHEN /digest subscribe is refused THEN the reply asks for Send Messages in Threads in the channel the thread belongs to', async () => {
    const thread = threadChannel(snowflake());
    h.fake.failChannel(thread.id, MISSING_PERMISSIONS);
    const reply = await changingNothing(() => inThread(thread, 'digest', 'subscribe', { schedule: 'daily 08:00' }));
    expect(reply).toContain('so no digest was set up.');
    expect(reply).toContain(
      'In a thread the bot needs Send Messages in Threads rather than Send Messages: give it View Channel, Send Messages in Threads, Embed Links and Attach Files (for the picture a digest opens with) in #general, the channel this thread belongs to (Edit Channel → Permissions: threads take their permissions from it), then run /digest subscribe again.',
    );
    expect(reply).not.toContain('Give the bot View Channel, Send Messages,');
    expect(reply).not.toContain('direct message');
  });

  it('WHEN the thread is private THEN the reply also says to add the bot to it', async () => {
    const thread = threadChannel(snowflake(), { private: true });
    h.fake.failChannel(thread.id, { status: 403, body: { code: 50001, message: 'Missing Access' } });
    const reply = await changingNothing(() => inThread(thread, 'review', 'channel'));
    expect(reply).toContain('give it View Channel, Send Messages in Threads and Embed Links in #general');
    expect(reply).toContain('a private thread also needs the bot added to it (mention it in the thread), then run /review channel again.');
  });

  it('WHEN the thread is archived (400, code 50083) THEN the reply says so and how to reopen it or pick another channel, not permissions', async () => {
    const thread = threadChannel(snowflake(), { archived: true, locked: true });
    h.fake.failChannel(thread.id, { status: 400, body: { code: 50083, message: 'Thread is archived' } });
    const reply = await changingNothing(() => inThread(thread, 'digest', 'subscribe', { schedule: 'daily 08:00' }));
    expect(reply).toContain('Discord refused the message: Thread is archived (50083)');
    expect(reply).toContain(
      'This thread is archived, so Discord takes no posts in it: reopen it (a locked one only someone with Manage Threads can reopen), then run /digest subscribe again, or run /digest subscribe in another channel.',
    );
    expect(reply).not.toContain('Give the bot');
    expect(reply).not.toContain('Send Messages');
  });
});

describe('GIVEN a locked thread', () => {
  it('WHEN /review channel is refused (403, code 160005) THEN the reply says how to unlock it, or to give the bot Manage Threads, not to give permissions', async () => {
    const thread = threadChannel(snowflake(), { locked: true });
    h.fake.failChannel(thread.id, { status: 403, body: { code: 160005, message: 'Thread is locked' } });
    const reply = await changingNothing(() => inThread(thread, 'review', 'channel'));
    expect(reply).toContain('Discord refused the message: Thread is locked (160005)');
    expect(reply).toContain(
      'This thread is locked: a moderator with Manage Threads can unlock it, or give the bot Manage Threads in #general, the channel this thread belongs to; then run /review channel again, or run /review channel in another channel.',
    );
    expect(reply).not.toContain('Give the bot View Channel');
    expect(reply).not.toContain('Send Messages');
  });
});

describe('GIVEN a post in a forum where the bot may not post', () => {
  /** A forum of the server, as the gateway announces it once created. */
  function announceForum(name: string): string {
    const id = snowflake();
    h.fake.gateway.dispatch('CHANNEL_CREATE', {
      ...channelObject(h.fake.guild), id, type: 15, name, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0, default_thread_rate_limit_per_user: 0,
    });
    return id;
  }

  it('WHEN /digest subscribe is refused THEN the reply calls it a post and asks for Send Messages in Posts in the forum', async () => {
    const post = threadChannel(snowflake(), { parentId: announceForum('briefings') });
    h.fake.failChannel(post.id, MISSING_PERMISSIONS);
    const reply = await changingNothing(() => inThread(post, 'digest', 'subscribe', { schedule: 'daily 08:00', card: false }));
    expect(reply).toContain(
      'In a post the bot needs Send Messages in Posts rather than Send Messages: give it View Channel, Send Messages in Posts and Embed Links in #briefings, the forum this post belongs to (Edit Channel → Permissions: posts take their permissions from it), then run /digest subscribe again.',
    );
    expect(reply).not.toContain('thread');
  });

  it('WHEN the post is closed (400, code 50083) THEN the reply says to reopen the post, naming Manage Posts', async () => {
    const post = threadChannel(snowflake(), { parentId: announceForum('dispatches'), archived: true });
    h.fake.failChannel(post.id, { status: 400, body: { code: 50083, message: 'Thread is archived' } });
    const reply = await changingNothing(() => inThread(post, 'review', 'channel'));
    expect(reply).toContain(
      'This post is closed, so Discord takes no messages in it: reopen it (a locked one only someone with Manage Posts can reopen), then run /review channel again, or run /review channel in another channel.',
    );
  });
});
