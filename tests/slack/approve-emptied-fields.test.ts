// GIVEN the real Slack app against the fake Slack and a card whose feed gave a summary WHEN an
// admin empties fields in its Edit form THEN an emptied Title or Topic is refused under its field
// (an entry needs one), with the card's suggestion to put back, and nothing is written; an
// emptied Summary or Places approves an entry with none, rather than keeping the suggestion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { BAKU } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { shownText } from './harness.js';
import { cardsInReview, openCardEdit, startReviewRig, type ReviewRig } from './review-rig.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;
let app: App;
let slack: FakeSlack;
type Body = Record<string, unknown>;

const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));

/** The Edit form of BAKU's card, and what each of its fields opened with. */
const openEdit = (triggerId: string) => openCardEdit(rig, BAKU.title, triggerId);

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'emptied' });
  ({ app, slack } = rig);
  await cardsInReview(rig, [BAKU]);
});
afterAll(() => rig?.close());

describe('GIVEN a card whose item has a summary', () => {
  it('WHEN its Edit form is submitted with Title and Topic emptied THEN each is refused under its field, with the suggestion, and nothing is written', async () => {
    const { modal, initial } = await openEdit('edit-emptied-1');
    expect(initial).toMatchObject({ title: BAKU.title, summary: BAKU.summary, topic: 'syria-israel' });
    const before = storeFingerprint(app.db);

    const refused = await rig.submit(modal, { ...initial, title: '', topic: ' ' }, 'VEMPTIED1');

    expect(refused?.response_action).toBe('errors');
    expect(Object.keys(refused?.errors ?? {}).sort()).toEqual(['title', 'topic']);
    expect(refused?.errors?.title).toContain('An entry needs a title, and `title` was emptied.');
    expect(refused?.errors?.title).toContain(`The card suggests: ${BAKU.title}`);
    expect(refused?.errors?.topic).toContain('An entry needs a topic, and `topic` was emptied.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN its Edit form is submitted with Summary and Places emptied THEN the entry has no summary and no place', async () => {
    const { modal, initial } = await openEdit('edit-emptied-2');

    expect(await rig.submit(modal, { ...initial, summary: '', places: '' }, 'VEMPTIED2')).toBeUndefined();

    const [result] = await slack.calls.atLeast(1, (c) => c.method === 'chat.postEphemeral');
    expect(seen(result!.args)).toContain('Approved: added as entry #18.');
    const shown = seen(await rig.command('/entry show 18'));
    expect(shown).not.toContain(BAKU.summary);
    expect(app.db.prepare('SELECT summary FROM entries WHERE id = 18').pluck().get()).toBe('');
    expect(app.db.prepare('SELECT count(*) FROM entry_places WHERE entry_id = 18').pluck().get()).toBe(0);
  });

});
