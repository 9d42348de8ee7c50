// GIVEN three candidates carded in the review channel on Slack THEN each card's buttons name the
// candidate they act on (Approve #2, not Approve), so a screen reader tabbing through the channel,
// or an admin after a scroll, tells whose button it is from its label; /review show draws the same
// buttons. WHEN an admin presses Approve #2 THEN candidate #2 alone is approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAKU, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { labelsOf, shownText } from './harness.js';
import { cardIn, cardsInReview, REVIEW_CHANNEL as REVIEW, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'card-button-labels' });
  await cardsInReview(rig, [PARIS, SWEIDA, BAKU]);
});
afterAll(() => rig?.close());

const card = (title: string) => cardIn(rig.slack, REVIEW, title);
/** What a message says, without Slack's bold and code marks. */
const seen = (body: Record<string, unknown>) => shownText(body).replace(/[*`]/g, '');
const labelsFor = (id: number) => [`Approve #${id}`, `Edit #${id}`, `Reject #${id}`, `Attach #${id} to entry`];

describe('GIVEN three candidates carded in the review channel', () => {
  it("THEN each card's Approve, Edit, Reject and Attach buttons name its own candidate", () => {
    for (const [story, id] of [[PARIS, 1], [SWEIDA, 2], [BAKU, 3]] as const) {
      const posted = card(story.title);
      expect(seen(posted)).toContain(`Candidate #${id} · syria-israel · waiting for review`);
      expect(labelsOf(posted)).toEqual(labelsFor(id));
    }
  });

  it('WHEN an admin runs /review show id:2 THEN the card in the reply carries the buttons of candidate #2', async () => {
    const shown = await rig.command('/review show id:2');
    expect(seen(shown)).toContain(SWEIDA.title);
    expect(labelsOf(shown)).toEqual(labelsFor(2));
  });

  it('WHEN an admin presses Approve #2 THEN candidate #2 becomes the entry, and candidates #1 and #3 still wait with their own buttons', async () => {
    const pending = card(SWEIDA.title);
    const said = seen(await rig.answerTo(await rig.press(pending, 'Approve #2')));
    expect(said).toContain('Candidate #2 · syria-israel · approved');
    const entryId = Number(/Approved: added as entry #(\d+)\./.exec(said)![1]);
    expect(seen(await rig.command(`/entry show id:${entryId}`))).toContain(SWEIDA.title);

    await rig.slack.calls.atLeast(1, (c) => c.method === 'chat.update' && c.args.ts === pending.ts);
    expect(labelsOf(card(SWEIDA.title))).toEqual([]);
    expect(labelsOf(card(PARIS.title))).toEqual(labelsFor(1));
    expect(labelsOf(card(BAKU.title))).toEqual(labelsFor(3));
    const waiting = seen(await rig.command('/review list'));
    expect(waiting).toContain(PARIS.title);
    expect(waiting).toContain(BAKU.title);
    expect(waiting).not.toContain(SWEIDA.title);
  });
});
