// A digest card on the fake Discord whose picture is left out (its attachment refused, or the card
// not drawn): the daily digest of one new entry as posted, and a correction's edit of it, which
// must go on saying why there is no picture and giving the alt text in its place.
import { expect } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { discordDigests, settleAll, type Cleanup } from '../digest/support/platform-digests.js';
import type { Embed } from '../discord/support/harness.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { problemsIn } from '../discord/support/openapi.js';

type DiscordDigests = Awaited<ReturnType<typeof discordDigests>>;

/** Every text a message's embeds show, as a reader sees it. */
export const embedsText = (embeds: readonly Embed[]) =>
  visibleText(embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n'));

/**
 * A daily 08:00 digest subscribed by an admin, with `fault` set after the subscription (how the
 * card fares), and one new entry posted in it at 08:00 Paris. Returns the entry's id and the admin
 * beside the setup; the digest is the channel's last post.
 */
export async function postedDiscordCard(cleanup: Cleanup, fault: (setup: DiscordDigests) => void) {
  const setup = await discordDigests(cleanup);
  const { fake, h, channel } = setup;
  settleAll(h);
  h.startScheduler();
  const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: channel };
  await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', admin);
  fault(setup);
  const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported', eventType: 'statement' });
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  return { ...setup, admin, id };
}

/**
 * Corrects the entry so that a picture would now count the new entries as first posted (a new
 * entry's type changed), and checks the one edit of message `messageId`: still no picture nor
 * attachment, the correction said, `said` (why the picture is missing) and the alt text kept, and
 * nothing sent that Discord's API does not take.
 */
export async function expectCorrectionWithoutPicture(posted: Awaited<ReturnType<typeof postedDiscordCard>>, messageId: string, said: string, alt: string): Promise<void> {
  const { fake, h, channel, admin, id } = posted;
  await h.runText(`/entry edit id:${id} confidence:confirmed type:armed-clash`, admin);
  await h.time.advance(2 * 60_000);
  const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${messageId}`);
  expect(edits).toHaveLength(1);
  const edited = fake.rest.messages.get(messageId)! as { embeds: Embed[]; attachments: unknown[] };
  expect(edited.embeds.map((e) => e.image?.url).filter(Boolean)).toEqual([]);
  expect(edited.attachments).toEqual([]);
  const text = embedsText(edited.embeds);
  expect(text).toContain('✏️ Corrected 6 Jul:');
  expect(text).toContain(said);
  expect(text).toContain(alt);
  expect(text).not.toContain('The picture counts');
  expect(problemsIn(fake.requests)).toEqual([]);
}
