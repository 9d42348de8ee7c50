// GIVEN a digest whose card the first attempt posted on Slack, its answer lost (the connection
// reset after Slack took the message), WHEN the retry finds the message by its marker THEN what
// became of the picture is taken from the message found: one posted without its picture (its
// upload refused) is logged so, and a correction's edit keeps saying why and giving the alt text,
// never claiming a picture; one posted with it keeps it when edited.
import { describe, expect, it } from 'vitest';
import { cleanupEachTest } from '../digest/support/platform-digests.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { DRAWING } from '../support/drawing.js';
import { blockTexts, correctedSlackCard, expectPictureLeftOutKept, imageBlocks } from '../support/slack-digest-card.js';

const cleanup = cleanupEachTest();

/** The digest's post is cut off once Slack took it; the retry looks for it before sending again. */
const answerLost = { uploadReadyWaitsMs: [1, 1], subscribed: ({ slack }: { slack: FakeSlack }) => slack.cutOffNext('chat.postMessage', true) };

const FOUND = /^Part 1 of 1: message 1 of 1: the answer to an earlier attempt was lost, and the message was found in the channel \(.+\) by its marker, so it was not sent again$/;

describe('GIVEN Slack refuses the card’s upload and the answer to the digest’s post is lost, on the fake Slack', () => {
  it('WHEN the retry finds the digest posted THEN the log says it went without its picture, and a correction keeps saying why, with the alt text', DRAWING, async () => {
    const card = await correctedSlackCard(
      cleanup,
      ({ slack }) => slack.replyTo('files.getUploadURLExternal', { body: { ok: false, error: 'file_upload_disabled' } }),
      answerLost,
    );
    const said = 'The picture could not be shown: Slack refused the upload (file_upload_disabled)';
    expectPictureLeftOutKept(card, said);
    expect(card.delivery).toMatchObject({ status: 'delivered', attempts: 2, messageRefs: [[card.digest.ts]] });
    expect(card.delivery.notes).toHaveLength(2);
    expect(card.delivery.notes).toContainEqual(expect.stringMatching(FOUND));
    expect(card.delivery.notes).toContain(`Part 1 of 1: posted without its picture. ${said}`);
  });
});

describe('GIVEN the answer to the post of a digest with its picture is lost, on the fake Slack', () => {
  it('WHEN the retry finds the digest posted THEN nothing is said missing, and a correction keeps the picture', DRAWING, async () => {
    const { digest, updated, delivery } = await correctedSlackCard(cleanup, () => {}, answerLost);
    expect(imageBlocks(digest.blocks)).toHaveLength(1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, messageRefs: [[digest.ts]] });
    expect(delivery.notes).toEqual([expect.stringMatching(FOUND)]);

    expect(imageBlocks(updated.blocks)).toEqual(imageBlocks(digest.blocks));
    const text = blockTexts(updated.blocks).join('\n');
    expect(text).toMatch(/Corrected 6 Jul:/);
    expect(text).toContain('The picture counts the new entries as first posted.');
    expect(text).not.toContain('The picture could not be');
  });
});
