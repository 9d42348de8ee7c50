// GIVEN the real Slack app against the fake Slack and a candidate's card WHEN an admin's Edit form
// names a place the gazetteer lacks THEN the refusal's way out (keep it as free text, not
// located) is a field of the form itself: answered "no", the entry is approved with the place
// kept not located.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { BAKU } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { cardsInReview, openCardEdit, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const HAMLET = 'Tall Zorghunat';
let rig: ReviewRig;
let app: App;

/** The Edit form of BAKU's card, and what each of its fields opened with, in order. */
const openEdit = (triggerId: string) => openCardEdit(rig, BAKU.title, triggerId);

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'unlocated' });
  ({ app } = rig);
  await cardsInReview(rig, [BAKU]);
});
afterAll(() => rig?.close());

describe('GIVEN a card whose Edit form names a place the gazetteer lacks', () => {
  it('WHEN it is submitted as it is THEN the place is refused, pointing to the form’s Located field, and nothing is written', async () => {
    const { modal, initial } = await openEdit('unlocated-1');
    expect(Object.keys(initial).at(-1)).toBe('located');
    const before = storeFingerprint(app.db);
    const refused = await rig.submit(modal, { ...initial, places: HAMLET }, 'VUNLOC1');
    expect(refused?.response_action).toBe('errors');
    expect(refused?.errors?.places).toContain('located:false');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN Located is answered no THEN the entry is approved with the place kept, not located', async () => {
    const { modal, initial } = await openEdit('unlocated-2');
    expect(await rig.submit(modal, { ...initial, places: HAMLET, located: 'false' }, 'VUNLOC2')).toBeUndefined();
    const entry = app.dossier.getEntry(18)!;
    expect(entry.places).toContain(HAMLET);
    expect(app.db.prepare('SELECT location FROM places WHERE name = ?').pluck().get(HAMLET)).toBe('not-located');
  });
});
