// GIVEN a public review card on Slack WHEN someone presses it with a value the card has no button
// for (one naming a read-only command anyone may run) THEN they alone are told the button is not
// on the message, and the card keeps its text and its buttons; a press of a button the card has
// still works; a press Slack sends without its message, from a message others may see, answers
// the presser alone and replaces nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ON_MESSAGE_TEXT } from '../../src/core/interaction/pressed-on.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { BAKU, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { buttonsOf, labelsOf, SECRET, shownText } from './harness.js';
import { cardIn, cardsInReview, REVIEW_CHANNEL, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const READER = 'U0READER';
/** A button for anyone that shows the review queue: a value Sitrep could draw, but never on a card. */
const FORGED = 's1:r:a::::review.list:';
/** PARIS's card: candidate #1. */
const CARD_BUTTONS = ['Approve #1', 'Edit #1', 'Reject #1', 'Attach #1 to entry'];

let rig: ReviewRig;
beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'forged-press' });
  await cardsInReview(rig, [PARIS, SWEIDA, BAKU]);
});
afterAll(async () => {
  await rig?.close();
});

let presses = 0;
/** Presses a button carrying `value` on the message `messageTs` of the review channel as `userId`; what reached its response_url. */
async function pressCarrying(value: string, messageTs: string, userId: string, actionId = 'sitrep_button_0'): Promise<Record<string, unknown>> {
  const id = `forged-${(presses += 1)}`;
  const body = blockActionsBody({ actionId, value, responseUrl: rig.slack.responseUrl(id), userId, channelId: REVIEW_CHANNEL, messageTs });
  expect((await postSigned(`http://127.0.0.1:${rig.adapter.port}/slack/events`, body, { secret: SECRET })).status).toBe(200);
  return rig.answerTo(id);
}

describe('GIVEN a review card in the review channel', () => {
  it('WHEN someone who is not an admin presses it with a value the card has no button for THEN they alone are refused and the card stays as it was', async () => {
    const before = cardIn(rig.slack, REVIEW_CHANNEL, PARIS.title);
    const answer = await pressCarrying(FORGED, before.ts, READER);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shownText(answer)).toContain(NOT_ON_MESSAGE_TEXT);
    expect(shownText(answer)).not.toContain('Review queue');
    expect(rig.slack.callsTo('chat.update').filter((c) => c.args.ts === before.ts)).toEqual([]);
    const after = cardIn(rig.slack, REVIEW_CHANNEL, PARIS.title);
    expect(labelsOf(after)).toEqual(CARD_BUTTONS);
    expect(after.blocks).toEqual(before.blocks);
  });

  it('WHEN Slack sends a press without the message it came from, which others may see THEN the answer is the presser\'s alone and replaces nothing', async () => {
    const answer = await pressCarrying(FORGED, '1600000000.000001', READER);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shownText(answer)).toContain('Review queue');
  });

  it('WHEN an admin presses Approve on the card THEN it is decided and replaced in place, as before', async () => {
    const pending = cardIn(rig.slack, REVIEW_CHANNEL, BAKU.title);
    const approve = buttonsOf(pending).find((b) => b.text.text === 'Approve #3')!;
    const approved = await pressCarrying(approve.value!, pending.ts, ADMIN, approve.action_id!);
    expect(approved.replace_original).toBe(true);
    expect(shownText(approved).replace(/\*/g, '')).toMatch(/Approved by alice \(Slack\) at .* → entry #\d+/);
    expect(buttonsOf(approved)).toEqual([]);
  });
});
