// GIVEN a Discord channel's digest that Discord refuses for good, pausing it, WHEN the pause is
// told in the review channel and /digest list shows it, THEN what to do is worded for that
// refusal: Attach Files when the digest opens with a picture (the confirmation posted none, so it
// never tested it), a thread's own permission, and for a deleted channel another channel, not
// permissions that cannot help.
import { afterEach, describe, expect, it } from 'vitest';
import { rawOptions, slashCommand, snowflake } from '../fakes/discord-payloads.js';
import { discordDigests, embedText, type Cleanup, type Embed } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

const MISSING_PERMISSIONS = { status: 403, body: { code: 50013, message: 'Missing Permissions' } };
const UNKNOWN_CHANNEL = { status: 404, body: { code: 10003, message: 'Unknown Channel' } };
const REVIEW_CHANNEL = '998877665544332211';
const CHANNEL_HELP = 'Give the bot View Channel, Send Messages';

type Body = { content?: string; embeds?: Embed[]; data?: { content?: string; embeds?: Embed[] } };
const bodyText = (body: Body) => {
  const shown = body.data ?? body;
  return [shown.content ?? '', ...(shown.embeds ?? []).map(embedText)].join('\n');
};

/**
 * A server whose channel `digestChannel` (the fake's own channel, or a thread of it) has a daily
 * digest and whose review channel is set; `refusal` then answers every post in `digestChannel`.
 * Returns what the review channel was told at the 08:00 digest, and /digest list's reply.
 */
async function pausedDigest(refusal: object, options: { thread?: boolean } = {}) {
  const { fake, h, admin, channel } = await discordDigests(cleanup);
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  const thread = { id: snowflake(), type: 11, guild_id: fake.guild.id, name: 'daily-brief', parent_id: channel, owner_id: admin.id, flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } };
  const digestChannel = options.thread ? thread.id : channel;
  /** Runs /name subcommand in `where` (a thread, or a channel id of the server) and returns its reply. */
  const slash = async (name: string, subcommand: string, values: Record<string, string | boolean>, where: string | typeof thread) => {
    const interaction = slashCommand(fake.appId, fake.guild, admin, name, rawOptions(values, subcommand));
    interaction.payload.channel_id = typeof where === 'string' ? where : where.id;
    if (typeof where !== 'string') interaction.payload.channel = where;
    else if (where !== channel) interaction.payload.channel = { ...(interaction.payload.channel as object), id: where, name: 'review' };
    fake.interact(interaction);
    const answered = (path: string) => path.startsWith(`/interactions/${interaction.id}/`) || path.startsWith(`/webhooks/${fake.appId}/${interaction.token}`);
    await fake.waitFor((r) => answered(r.path) && bodyText(r.body as Body).trim() !== '');
    return fake.requests.filter((r) => answered(r.path)).map((r) => bodyText(r.body as Body)).join('\n');
  };
  await slash('digest', 'subscribe', { schedule: 'daily 08:00', timezone: 'Europe/Paris' }, options.thread ? thread : channel);
  await slash('review', 'channel', {}, REVIEW_CHANNEL);
  h.addEntry({ title: 'Envoys meet in Baku' });
  fake.failChannel(digestChannel, refusal as never);
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  await h.app.services.review.postPending();
  const told = fake.requests
    .filter((r) => r.method === 'POST' && r.path === `/channels/${REVIEW_CHANNEL}/messages`)
    .map((r) => bodyText(r.body as Body))
    .find((text) => text.includes('Digest paused'));
  const listed = await slash('digest', 'list', {}, channel);
  return { told: told ?? '', listed };
}

describe('GIVEN a digest with a card refused for good (403 Missing Permissions)', () => {
  it('THEN the review channel and /digest list ask for Attach Files, for the picture the digest opens with', async () => {
    const { told, listed } = await pausedDigest(MISSING_PERMISSIONS);
    const help = 'Give the bot View Channel, Send Messages, Embed Links and Attach Files (for the picture a digest opens with) in this channel (Edit Channel → Permissions), then run `/digest subscribe` again.';
    expect(told).toContain(help);
    expect(listed).toContain(help);
  });
});

describe('GIVEN a digest posted in a thread, refused for good', () => {
  it('THEN the review channel and /digest list ask for Send Messages in Threads in the channel the thread belongs to', async () => {
    const { told, listed } = await pausedDigest(MISSING_PERMISSIONS, { thread: true });
    for (const text of [told, listed]) {
      expect(text).toContain('In a thread the bot needs Send Messages in Threads rather than Send Messages');
      expect(text).not.toContain(CHANNEL_HELP);
    }
  });
});

describe('GIVEN a digest whose channel was deleted (404 Unknown Channel)', () => {
  it('THEN the review channel and /digest list say to subscribe another channel or remove it, not to give permissions', async () => {
    const { told, listed } = await pausedDigest(UNKNOWN_CHANNEL);
    for (const text of [told, listed]) {
      expect(text).toContain('Discord no longer knows this channel (was it deleted, or the bot removed from the server?), so nothing can be posted in it: run `/digest subscribe` in another channel instead.');
      expect(text).toContain('To remove it, run `/digest unsubscribe channel:');
      expect(text).not.toContain(CHANNEL_HELP);
    }
  });
});
