// GIVEN a scheduled digest whose card is drawn but whose upload Slack refuses (files:write not
// allowed for the token, uploads disabled in the workspace), or whose message Slack never takes
// with the uploaded picture, WHEN it is posted THEN it goes out without the picture, saying why
// and giving the card's alt text in its place, as a card not drawn does; the delivery log says
// it went without; and a correction's edit keeps saying so and does not claim a picture.
import { describe, expect, it } from 'vitest';
import { PICTURE_NOT_SHOWN_TEXT } from '../../src/adapters/slack/picture.js';
import { cleanupEachTest } from '../digest/support/platform-digests.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { DRAWING } from '../support/drawing.js';
import { correctedSlackCard, expectPictureLeftOutKept } from '../support/slack-digest-card.js';

const cleanup = cleanupEachTest();

/** The card's digest as `refuse` set how Slack treats it, then corrected (correctedSlackCard). */
const refusedCard = (refuse: (slack: FakeSlack) => void) =>
  correctedSlackCard(cleanup, ({ slack }) => refuse(slack), { uploadReadyWaitsMs: [1, 1] });

describe.each(['not_allowed_token_type', 'file_upload_disabled'])('GIVEN Slack refuses the card’s upload (%s), on the fake Slack', (refusal) => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out and why, with its alt text', DRAWING, async () => {
    const card = await refusedCard((slack) => slack.replyTo('files.getUploadURLExternal', { body: { ok: false, error: refusal } }));
    const said = `The picture could not be shown: Slack refused the upload (${refusal})`;
    expect(expectPictureLeftOutKept(card, said)).toContain('Talks resume');
    expect(card.paused).toBeUndefined();
    expect(card.delivery).toMatchObject({ status: 'delivered', messageRefs: [[card.digest.ts]] });
    expect(card.delivery.notes).toEqual([`Part 1 of 1: posted without its picture. ${said}`]);
  });
});

describe('GIVEN Slack takes the card’s upload but refuses every message showing it, on the fake Slack', () => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out, with its alt text', DRAWING, async () => {
    const card = await refusedCard((slack) => slack.finishUploadsAfter(10));
    expectPictureLeftOutKept(card, PICTURE_NOT_SHOWN_TEXT);
    expect(card.paused).toBeUndefined();
    expect(card.delivery).toMatchObject({ status: 'delivered', messageRefs: [[card.digest.ts]] });
    expect(card.delivery.notes).toEqual([`Part 1 of 1: posted without its picture. ${PICTURE_NOT_SHOWN_TEXT}`]);
  });
});
