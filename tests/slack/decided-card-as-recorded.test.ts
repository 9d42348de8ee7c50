// GIVEN the real Slack app against the fake Slack and a card in the review channel WHEN an admin
// approves it from its Edit form with a summary and confidence of their own THEN the card Slack
// shows everyone (chat.update) says the entry as recorded: the admin's title, summary and
// confidence, not the feed's summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../fakes/slack-api.js';
import { BAKU } from '../sources-queue/support/stories.js';
import { shownText } from './harness.js';
import { visibleText } from './mrkdwn-text.js';
import { cardIn, cardsInReview, openCardEdit, REVIEW_CHANNEL, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;
let slack: FakeSlack;
type Body = Record<string, unknown>;

const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'recorded-card' });
  ({ slack } = rig);
  await cardsInReview(rig, [BAKU]);
});
afterAll(() => rig?.close());

describe('GIVEN BAKU’s card in the review channel', () => {
  it('WHEN its Edit form saves another title, summary and confidence THEN the channel’s card is updated to show them, not the feed’s summary', async () => {
    const posted = cardIn(slack, REVIEW_CHANNEL, BAKU.title);
    expect(seen(posted as unknown as Body)).toContain(BAKU.summary);
    const { modal, initial } = await openCardEdit(rig, BAKU.title, 'edit-recorded');

    const title = 'Syrian and Israeli officials meet in Baku';
    expect(await rig.submit(modal, { ...initial, title, summary: 'Admin-written summary', confidence: 'confirmed' }, 'VRECORDED')).toBeUndefined();

    const [update] = await slack.calls.atLeast(1, (c) => c.method === 'chat.update' && c.args.ts === posted.ts && c.args.channel === REVIEW_CHANNEL);
    const card = seen(update!.args);
    expect(card.split('\n')[0]).toBe(title);
    expect(card).toContain('Approved: added as entry #18.');
    expect(card).toContain('Admin-written summary');
    expect(card).toContain('Confidence\nconfirmed');
    expect(card).not.toContain(BAKU.summary);
  });
});
