// GIVEN a candidate's card on Slack WHEN an admin opens its Edit form, the candidate is rejected
// from the card meanwhile, and the form is submitted THEN the modal says the candidate was
// decided (by whom, when), that nothing was written and how to see it — not that an option "came
// with the command" (no command was run: the form came from a button) nor that what was typed is
// "below" (the modal stays open, holding it).
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { PARIS } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { formStartValues } from './harness.js';
import { cardIn, cardsInReview, REVIEW_CHANNEL as REVIEW, startReviewRig, type HeldCard, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;

const card = (title: string) => cardIn(slack, REVIEW, title);

/** Presses a card's button as an admin; with a trigger id (a button opening a form) nothing is awaited. */
async function press(posted: HeldCard, label: string, triggerId?: string): Promise<void> {
  const id = await rig.press(posted, label, triggerId ? { triggerId } : {});
  if (!triggerId) await rig.answerTo(id);
}

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'stale-form' });
  ({ app, slack } = rig);
  await cardsInReview(rig, [PARIS]);
});
afterAll(() => rig?.close());

describe('GIVEN an Edit form opened from a candidate’s card', () => {
  it('WHEN the candidate is rejected meanwhile and the form is submitted THEN the modal says it was decided, nothing was written, and how to see it', async () => {
    const pending = card(PARIS.title);
    await press(pending, 'Edit #1', 'stale-edit');
    const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === 'stale-edit');
    const modal = call!.args.view as types.ModalView;
    const id = Number(/#(\d+)$/.exec(modal.title.text)![1]);
    await press(pending, 'Reject #1');

    const before = storeFingerprint(app.db);
    // Submitted as it opened: the suggestion as Sitrep made it.
    const initial = formStartValues(modal);
    const answer = (await rig.submit(modal, initial, 'VSTALE1'))!;
    // The modal stays open, the refusal under its first field.
    expect(answer.response_action).toBe('errors');
    const said = Object.values(answer.errors!).join(' ');
    expect(said).toContain(`Candidate #${id} was rejected by alice (Slack) at`);
    expect(said).toContain('2025-07-20 12:00 UTC');
    expect(said).toContain('Nothing was written');
    expect(said).toContain(`/review show id:${id}`);
    expect(said).not.toContain('came with the command');
    expect(said).not.toContain('below');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
