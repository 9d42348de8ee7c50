// GIVEN a candidate's card on Slack as it was before it was decided WHEN Edit or Attach to entry
// is pressed on it THEN no modal opens: the presser alone is told at once, with the card as it
// stands, as Approve and Reject tell them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { FORM_CLOSED_SUBJECT_TEXT } from '../../src/core/interaction/texts.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { PARIS } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { shownText } from './harness.js';
import { cardIn, cardsInReview, REVIEW_CHANNEL as REVIEW, startReviewRig, type HeldCard, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;
type Body = Record<string, unknown>;

const card = (title: string) => cardIn(slack, REVIEW, title);

/** Presses a card's button as the admin and returns what was posted to its response_url. */
let triggers = 0;

async function press(posted: HeldCard, label: string): Promise<{ id: string; body: Body }> {
  const id = await rig.press(posted, label, { triggerId: `trigger-${(triggers += 1)}` });
  return { id, body: await rig.answerTo(id) };
}

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'decided-card-forms' });
  ({ app, slack } = rig);
  await cardsInReview(rig, [PARIS]);
});
afterAll(() => rig?.close());

describe('GIVEN a card pressed Approve, as an old copy of it still shows', () => {
  it('WHEN Edit or Attach to entry is pressed on the old copy THEN no modal opens and the presser is told, with the card as it stands', async () => {
    const stale = card(PARIS.title);
    await press(stale, 'Approve #1');
    const before = storeFingerprint(app.db);
    for (const label of ['Edit #1', 'Attach #1 to entry']) {
      const { id, body } = await press(stale, label);
      expect(body.response_type, label).toBe('ephemeral');
      expect(body.replace_original).toBe(false);
      const said = shownText(body);
      expect(said).toContain(FORM_CLOSED_SUBJECT_TEXT);
      expect(said).toMatch(/Approved.* by alice \(Slack\) .*→ entry #\d+/);
      expect(slack.calls.items.some((c) => c.method === 'views.open' && c.args.trigger_id === `trigger-${id}`)).toBe(false);
    }
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
