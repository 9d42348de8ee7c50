// GIVEN the real Slack app against the fake Slack and a candidate its feed dates two days ahead
// WHEN an admin presses Approve THEN the reply gives the typed command with both days; WHEN they
// press Edit THEN the modal has Published and the fatality fields, submitting it with the date
// alone keeps it open with the publication's refusal under Published (not under Title), and with
// both days corrected it approves the candidate.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { formStartValues, shownText } from './harness.js';
import { cardIn, cardsInReview, REVIEW_CHANNEL as REVIEW, startReviewRig, type ReviewRig } from './review-rig.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
const AHEAD = {
  guid: 'levant-ahead',
  title: 'Drone strike kills 3 near Quneitra',
  link: 'https://levant.example/2025/07/22/quneitra-strike',
  summary: 'A drone strike killed three people near Quneitra, local sources said.',
  published: '2025-07-22T08:30:00Z',
};
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;
type Body = Record<string, unknown>;


const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));

const card = () => cardIn(slack, REVIEW, AHEAD.title);

async function press(label: string, triggerId?: string): Promise<Body> {
  const id = await rig.press(card(), label, triggerId ? { triggerId } : {});
  return triggerId ? {} : rig.answerTo(id);
}

const submit = (modal: types.ModalView, values: Record<string, string>, viewId: string) => rig.submit(modal, values, viewId);

const entryCount = () => app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
const candidateId = () => app.db.prepare('SELECT id FROM review_candidates WHERE title = ?').pluck().get(AHEAD.title) as number;

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'ahead' });
  ({ app, slack } = rig);
  await cardsInReview(rig, [AHEAD]);
});
afterAll(() => rig?.close());

describe('GIVEN a card of a candidate dated two days ahead', () => {
  it('WHEN Approve is pressed THEN the reply gives the command with both days to type, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const reply = seen(await press('Approve #1'));
    expect(reply).toContain('Option `date` is in the future');
    expect(reply).toContain('Option `published` is in the future');
    expect(reply).toContain(`Give both days in the card's Edit form, or type them: \`/review approve id:${candidateId()} date:… published:…\``);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN Edit is pressed THEN the modal has Published and the figures; the publication’s refusal is under Published, and both days corrected approve it', async () => {
    await press('Edit #1', 'edit-ahead');
    const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === 'edit-ahead');
    const modal = call!.args.view as types.ModalView;
    const inputs = (modal.blocks as types.KnownBlock[]).filter((b): b is types.InputBlock => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(['title', 'date', 'type', 'actors', 'places', 'summary', 'topic', 'confidence', 'published', 'fatalities', 'fatalities_source', 'located']);
    const initial = formStartValues(modal);
    expect(initial).toMatchObject({ date: '2025-07-22', published: '2025-07-22', fatalities: '3', fatalities_source: 'Levant Wire' });

    const before = storeFingerprint(app.db);
    const refused = await submit(modal, { ...initial, date: '2025-07-20' }, 'VAHEAD1');
    expect(refused?.response_action).toBe('errors');
    expect(Object.keys(refused?.errors ?? {})).toEqual(['published']);
    expect(refused?.errors?.published).toContain('Option `published` is in the future');
    expect(storeFingerprint(app.db)).toBe(before);

    const count = entryCount();
    expect(await submit(modal, { ...initial, date: '2025-07-20', published: '2025-07-20' }, 'VAHEAD1')).toBeUndefined();
    expect(entryCount()).toBe(count + 1);
    const [result] = await slack.calls.atLeast(1, (c) => c.method === 'chat.postEphemeral');
    expect(seen(result!.args)).toContain(`Approved: added as entry #${count + 1}.`);
  });
});
