// GIVEN the real Slack app against the fake Slack and a candidate dated today WHEN an admin opens
// its Edit form and submits a date in the future THEN the modal stays open with a short refusal
// under Date alone: what is wrong and what to give, without the typed command that would be
// refused again, nor a command to type at all; WHEN they submit a date after the report's
// publication THEN the refusal under Date says so without the typed form of this very form.
// Nothing is written either time.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { PARIS, QUNEITRA_STRIKE } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { cardsInReview, openCardEdit, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let rig: ReviewRig;
let app: App;
let opened = 0;

/** Presses Edit on the card titled `title`: the modal Slack was asked to open, and what it starts with. */
const openEdit = (title: string) => openCardEdit(rig, title, `trigger-${(opened += 1)}`);

const submit = (modal: types.ModalView, values: Record<string, string>, viewId: string) => rig.submit(modal, values, viewId);

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'future-form' });
  ({ app } = rig);
  await cardsInReview(rig, [PARIS, QUNEITRA_STRIKE]);
});
afterAll(() => rig?.close());

describe('GIVEN the Edit form of a candidate dated today', () => {
  it('WHEN a date in the future is submitted THEN the refusal under Date is short, says what to give there and names no command', async () => {
    const { modal, initial } = await openEdit(PARIS.title);
    expect(initial).toMatchObject({ date: '2025-07-20', published: '2025-07-20' });
    const before = storeFingerprint(app.db);
    const refused = await submit(modal, { ...initial, date: '2031-07-20' }, 'VFUTURE1');
    expect(refused?.response_action).toBe('errors');
    expect(Object.keys(refused?.errors ?? {})).toEqual(['date']);
    const under = refused!.errors!.date!;
    expect(under).toContain('Option `date` is in the future — got `20 Jul 2031`; today is 20 Jul 2025 (UTC).');
    expect(under).toContain('Date an entry by the day it happened, up to today');
    // The date is refused as in the future: its order against the publication is not asked, and
    // no command repeating it (refused again) is offered.
    expect(under).not.toContain('/review approve');
    expect(under).not.toContain('2031-07-20');
    expect(under).not.toContain('published:');
    expect(under.length).toBeLessThan(450);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a date after the report’s publication is submitted THEN the refusal under Date says so, without the form typed out as a command', async () => {
    const { modal, initial } = await openEdit(QUNEITRA_STRIKE.title);
    expect(initial).toMatchObject({ date: '2025-07-19', published: '2025-07-19' });
    const before = storeFingerprint(app.db);
    const refused = await submit(modal, { ...initial, date: '2025-07-20' }, 'VLATER1');
    expect(Object.keys(refused?.errors ?? {})).toEqual(['date']);
    const under = refused!.errors!.date!;
    expect(under).toContain('Option `date` (2025-07-20) is after the day the source, Levant Wire, was published (2025-07-19)');
    expect(under).not.toContain('/review approve');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
