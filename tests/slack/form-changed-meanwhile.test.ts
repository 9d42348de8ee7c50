// GIVEN two Slack admins with edit forms open on one entry WHEN the first changes the summary and
// the second then submits another summary THEN the second's modal stays open, holding what they
// typed, with the summary as stored now under the field and nothing written; submitting it again
// (now knowingly) writes it. Fields the second did not touch keep the first's change.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { formStartValues, type Harness, startHarness } from './harness.js';

const FIRST = 'U0ADMIN';
const SECOND = 'U0SECOND';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${FIRST},slack:${SECOND}` });
});
afterAll(async () => {
  await h?.close();
});

/** What Slack sends back: every input as the modal started it, unless typed over. */
function filled(view: types.ModalView, typed: Record<string, string>): Record<string, string> {
  return { ...formStartValues(view), ...typed };
}

describe('two admins editing one entry through Slack forms', () => {
  it('the later summary is refused in its modal with the stored one shown, and written when submitted again', async () => {
    const first = await h.openForm('/entry edit 12', { userId: FIRST });
    const later = await h.openForm('/entry edit 12', { userId: SECOND });
    const theirs = 'Syrian and Israeli officials met in Baku on 12 July, per Reuters.';
    const mine = 'Officials met in Baku (AFP), a second account.';
    expect((await h.submitForm(first, filled(first, { summary: theirs }), { userId: FIRST })).body).toBeUndefined();

    const before = storeFingerprint(h.app.db);
    const refused = await h.submitForm(later, filled(later, { summary: mine }), { userId: SECOND, viewId: 'VLATER' });
    expect(refused.body?.response_action).toBe('errors');
    expect(Object.keys(refused.body?.errors ?? {})).toEqual(['summary']);
    const said = refused.body!.errors!.summary!;
    expect(said).toMatch(/Nothing was written: this field was changed by alice \(Slack\) at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC since this form opened at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC,/);
    expect(said).toContain(`now reads “${theirs}”`);
    expect(said).toContain('Submit again to replace that');
    expect(storeFingerprint(h.app.db)).toBe(before);
    expect(h.app.dossier.getEntry(12)!.summary).toBe(theirs);

    expect((await h.submitForm(later, filled(later, { summary: mine }), { userId: SECOND, viewId: 'VLATER' })).body).toBeUndefined();
    expect(h.app.dossier.getEntry(12)!.summary).toBe(mine);
  });

  it('a field the later form did not touch keeps the first admin’s change', async () => {
    const first = await h.openForm('/entry edit 14', { userId: FIRST });
    const later = await h.openForm('/entry edit 14', { userId: SECOND });
    await h.submitForm(first, filled(first, { summary: 'A summary rewritten first.' }), { userId: FIRST });
    expect((await h.submitForm(later, filled(later, { title: 'A headline changed later' }), { userId: SECOND })).body).toBeUndefined();
    expect(h.app.dossier.getEntry(14)).toMatchObject({ title: 'A headline changed later', summary: 'A summary rewritten first.' });
  });

  it('a field the later form empties through clear, which the first admin rewrote, is refused as one typed over', async () => {
    const first = await h.openForm('/entry edit 15', { userId: FIRST });
    const later = await h.openForm('/entry edit 15', { userId: SECOND });
    const theirs = 'A summary rewritten while the other form was open.';
    await h.submitForm(first, filled(first, { summary: theirs }), { userId: FIRST });
    const before = storeFingerprint(h.app.db);
    const refused = await h.submitForm(later, filled(later, { clear: 'summary' }), { userId: SECOND, viewId: 'VCLEAR' });
    expect(refused.body?.response_action).toBe('errors');
    expect(refused.body!.errors!.summary).toContain(`now reads “${theirs}”`);
    expect(storeFingerprint(h.app.db)).toBe(before);
    expect(h.app.dossier.getEntry(15)!.summary).toBe(theirs);
  });
});
