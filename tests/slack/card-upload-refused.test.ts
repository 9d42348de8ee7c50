// GIVEN a scheduled digest whose card is drawn but whose upload Slack refuses (files:write not
// allowed for the token, uploads disabled in the workspace), or whose message Slack never takes
// with the uploaded picture, WHEN it is posted THEN it goes out without the picture, saying why
// and giving the card's alt text in its place, as a card not drawn does; the delivery log says
// it went without; and a correction's edit keeps saying so and does not claim a picture.
import { describe, expect, it } from 'vitest';
import { PICTURE_NOT_SHOWN_TEXT } from '../../src/adapters/slack/picture.js';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, settleAll, slackDigests } from '../digest/support/platform-digests.js';
import { DRAWING } from '../support/drawing.js';

const cleanup = cleanupEachTest();

interface Block {
  type: string;
}

/** Every text a message's blocks hold, one a line. */
function blockTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blockTexts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'text' && typeof inner === 'string' ? [inner] : blockTexts(inner)));
}

const images = (blocks: unknown) => (blocks as Block[]).filter((b) => b.type === 'image');

const ADMIN: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0CHAN' };

/**
 * A daily digest of one new entry, posted at 08:00 after `refuse` set how Slack treats its card,
 * then the entry's type corrected (a picture would now count the new entries as first posted).
 * Returns the digest as posted, as edited, and its delivery log row.
 */
async function refusedCard(refuse: (slack: Awaited<ReturnType<typeof slackDigests>>['slack']) => void) {
  const setup = await slackDigests(cleanup, '/digest', { uploadReadyWaitsMs: [1, 1] });
  const { slack, h } = setup;
  settleAll(h);
  h.startScheduler();
  refuse(slack);
  expect(await setup.command('subscribe schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
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

describe.each(['not_allowed_token_type', 'file_upload_disabled'])('GIVEN Slack refuses the card’s upload (%s), on the fake Slack', (refusal) => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out and why, with its alt text', DRAWING, async () => {
    const { digest, updated, delivery, paused } = await refusedCard((slack) => slack.replyTo('files.getUploadURLExternal', { body: { ok: false, error: refusal } }));
    const said = `The picture could not be shown: Slack refused the upload (${refusal})`;
    expect(images(digest.blocks)).toEqual([]);
    const posted = blockTexts(digest.blocks).join('\n');
    expect(posted).toContain(said);
    expect(posted).toContain('Talks resume');
    const alt = /Bar chart[^\n]*/.exec(posted)?.[0];
    expect(alt).toBeDefined();
    expect(paused).toBeUndefined();
    expect(delivery).toMatchObject({ status: 'delivered', messageRefs: [[digest.ts]] });
    expect(delivery.notes).toEqual([`Part 1 of 1: posted without its picture. ${said}`]);

    expect(images(updated.blocks)).toEqual([]);
    const text = blockTexts(updated.blocks).join('\n');
    expect(text).toMatch(/Corrected 6 Jul:/);
    expect(text).toContain(said);
    expect(text).toContain(alt!);
    expect(text).not.toContain('The picture counts');
  });
});

describe('GIVEN Slack takes the card’s upload but refuses every message showing it, on the fake Slack', () => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out, with its alt text', DRAWING, async () => {
    const { digest, updated, delivery, paused } = await refusedCard((slack) => slack.finishUploadsAfter(10));
    expect(images(digest.blocks)).toEqual([]);
    const posted = blockTexts(digest.blocks).join('\n');
    expect(posted).toContain(PICTURE_NOT_SHOWN_TEXT);
    const alt = /Bar chart[^\n]*/.exec(posted)?.[0];
    expect(alt).toBeDefined();
    expect(paused).toBeUndefined();
    expect(delivery).toMatchObject({ status: 'delivered', messageRefs: [[digest.ts]] });
    expect(delivery.notes).toEqual([`Part 1 of 1: posted without its picture. ${PICTURE_NOT_SHOWN_TEXT}`]);

    expect(images(updated.blocks)).toEqual([]);
    const text = blockTexts(updated.blocks).join('\n');
    expect(text).toMatch(/Corrected 6 Jul:/);
    expect(text).toContain(PICTURE_NOT_SHOWN_TEXT);
    expect(text).toContain(alt!);
    expect(text).not.toContain('The picture counts');
  });
});
