// A digest card on the fake Slack, faults set on its way (an upload refused, a card not drawn, an
// answer lost): the daily digest of one new entry as posted, then as a correction's edit updated
// it, and what both must show when the picture was left out.
import { expect } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { settleAll, slackDigests, type Cleanup } from '../digest/support/platform-digests.js';

type SlackDigests = Awaited<ReturnType<typeof slackDigests>>;

interface Block {
  type: string;
}

/** Every text a message's blocks hold, one a line. */
export function blockTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blockTexts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'text' && typeof inner === 'string' ? [inner] : blockTexts(inner)));
}

/** The image blocks of a message. */
export const imageBlocks = (blocks: unknown) => (blocks as Block[]).filter((b) => b.type === 'image');

const ADMIN: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0CHAN' };

/**
 * A daily digest of one new entry, posted at 08:00 after `fault` set how its card fares, then the
 * entry's type corrected (a picture would now count the new entries as first posted), which edits
 * the digest once. Returns the digest as posted, as edited, its delivery log row and whether its
 * subscription paused. `options`: the Slack adapter's, as slackDigests takes them, and `subscribed`,
 * a fault set once the subscription's confirmation is posted (one the digest alone meets).
 */
export async function correctedSlackCard(
  cleanup: Cleanup,
  fault: (setup: SlackDigests) => void,
  options: Parameters<typeof slackDigests>[2] & { subscribed?: (setup: SlackDigests) => void } = {},
) {
  const { subscribed, ...adapterOptions } = options;
  const setup = await slackDigests(cleanup, '/digest', adapterOptions);
  const { slack, h } = setup;
  settleAll(h);
  h.startScheduler();
  fault(setup);
  expect(await setup.command('subscribe schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
  subscribed?.(setup);
  const id = h.addEntry({ title: 'Talks resume', confidence: 'reported', eventType: 'statement' });
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  const digest = slack.messagesIn('C0CHAN').at(-1)!;
  const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'slack', workspaceId: 'T0TEST', channelId: 'C0CHAN' })!;
  const delivery = h.app.digests.store.deliveries.latest(sub.id)!;

  await h.runText(`/entry edit id:${id} confidence:confirmed type:armed-clash`, ADMIN);
  await h.time.advance(2 * 60_000);
  expect(slack.callsTo('chat.update').map((c) => c.args.ts)).toEqual([digest.ts]);
  const updated = slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!;
  return { digest, updated, delivery, paused: h.app.digests.store.subscriptions.byId(sub.id)!.paused };
}

/**
 * The card's digest as posted and as edited both went without its picture, saying `said` (why)
 * and the alt text in its place; the edit says it is a correction and claims no picture. Returns
 * the digest's text as posted.
 */
export function expectPictureLeftOutKept({ digest, updated }: Pick<Awaited<ReturnType<typeof correctedSlackCard>>, 'digest' | 'updated'>, said: string): string {
  expect(imageBlocks(digest.blocks)).toEqual([]);
  const posted = blockTexts(digest.blocks).join('\n');
  expect(posted).toContain(said);
  const alt = /Bar chart[^\n]*/.exec(posted)?.[0];
  expect(alt).toBeDefined();

  expect(imageBlocks(updated.blocks)).toEqual([]);
  const text = blockTexts(updated.blocks).join('\n');
  expect(text).toMatch(/Corrected 6 Jul:/);
  expect(text).toContain(said);
  expect(text).toContain(alt!);
  expect(text).not.toContain('The picture counts');
  return posted;
}
