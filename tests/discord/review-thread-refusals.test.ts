// GIVEN the review channel set in a Discord thread WHEN Discord starts refusing the cards there for
// good (the thread archived, deleted, or locked) THEN /review list says what was refused and gives
// the fix for that refusal, worded as a refused /review channel or a paused digest words it: to
// reopen or unlock the thread, or to pick another channel; not the permissions to give.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawOptions, slashCommand, snowflake } from '../fakes/discord-payloads.js';
import type { ReviewStore } from '../sources-queue/support/review-store.js';
import { BAKU, SWEIDA } from '../sources-queue/support/stories.js';
import type { Embed, Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';
import { openDiscordReviewDesk } from './support/review-desk.js';

const adminRole = snowflake();
let store: ReviewStore;
let h: Harness;

beforeAll(async () => {
  ({ store, h } = await openDiscordReviewDesk({ name: 'review-thread-refusals', adminRole, items: [SWEIDA, BAKU] }));
});
afterAll(async () => {
  await h?.close();
  await store?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const embedText = (embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n'));

/** A thread of #general, as Discord describes the channel an interaction comes from. */
function threadChannel(id: string) {
  return {
    id, type: 11, guild_id: h.fake.guild.id, name: 'review-desk', parent_id: h.fake.guild.channelId, owner_id: h.user.id, flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

/** Makes a new thread the review channel, then has Discord refuse every card posted there with `refusal`. */
async function reviewThreadRefusing(refusal: { status: number; code: number; message: string }): Promise<void> {
  const thread = threadChannel(snowflake());
  const interaction = slashCommand(h.fake.appId, h.fake.guild, h.user, 'review', rawOptions({}, 'channel'));
  interaction.payload.channel_id = thread.id;
  interaction.payload.channel = thread;
  const set = await h.deliver(interaction);
  expect(set.body.embeds!.map(embedText).join('\n')).toContain('Sitrep posted a confirmation in this channel, so it can post cards here.');
  h.fake.failChannel(thread.id, { status: refusal.status, body: { code: refusal.code, message: refusal.message } });
  await store.app.services.review.postPending();
}

async function reviewList(): Promise<string> {
  const listed = await h.slash('review', {}, { subcommand: 'list' });
  return listed.body.embeds!.map(embedText).join('\n');
}

describe('GIVEN the review channel in a thread whose cards Discord refuses for good', () => {
  it('WHEN the thread was archived (400, code 50083) THEN /review list says to reopen it or pick another channel', async () => {
    await reviewThreadRefusing({ status: 400, code: 50083, message: 'Thread is archived' });
    const listed = await reviewList();
    expect(listed).toContain('Discord refused the message: Thread is archived (50083). 2 cards of candidates waiting are not there.');
    expect(listed).toContain(
      'In that channel: This thread is archived, so Discord takes no posts in it: reopen it (a locked one only someone with Manage Threads can reopen), then run /review channel again, or run /review channel in another channel.',
    );
    expect(listed).not.toContain('Give the bot View Channel');
  });

  it('WHEN the thread was deleted (404, code 10003) THEN /review list says to run /review channel in another channel', async () => {
    await reviewThreadRefusing({ status: 404, code: 10003, message: 'Unknown Channel' });
    const listed = await reviewList();
    expect(listed).toContain('Discord refused the message: Unknown Channel (10003).');
    expect(listed).toContain(
      'In that channel: Discord no longer knows this channel (was it deleted, or the bot removed from the server?), so nothing can be posted in it: run /review channel in another channel instead.',
    );
    expect(listed).not.toContain('Give the bot View Channel');
  });

  it('WHEN the thread was locked (403, code 160005) THEN /review list says to unlock it or give the bot Manage Threads', async () => {
    await reviewThreadRefusing({ status: 403, code: 160005, message: 'Thread is locked' });
    const listed = await reviewList();
    expect(listed).toContain('Discord refused the message: Thread is locked (160005).');
    expect(listed).toContain(
      'In that channel: This thread is locked: a moderator with Manage Threads can unlock it, or give the bot Manage Threads in #general, the channel this thread belongs to; then run /review channel again, or run /review channel in another channel.',
    );
    expect(listed).not.toContain('Give the bot View Channel');
  });
});
