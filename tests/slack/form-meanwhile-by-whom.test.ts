// GIVEN a Slack admin with an entry's Edit form open and a Discord admin changing the same entry
// meanwhile WHEN the Slack admin submits THEN what was typed for a source removed or moved since
// is not put on the source now in its place, and an entry removed meanwhile is said to be about
// the whole form, naming who removed it.
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { FORM_WIDE_TEXT } from '../../src/core/interaction/texts.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { formStartValues, type Harness, startHarness } from './harness.js';

const SLACK_ADMIN = 'U0ADMIN';
const discordAdmin: Caller = { platform: 'discord', userId: '111', workspaceId: 'g', displayName: 'bob' };
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${SLACK_ADMIN},discord:111` });
});
afterAll(async () => {
  await h?.close();
});

const filled = (view: types.ModalView, typed: Record<string, string>) => ({ ...formStartValues(view), ...typed });
const onDiscord = async (line: string) => {
  const view = await h.app.dispatcher.runText(line, discordAdmin);
  expect(view.tone, viewText(view)).toBe('success');
};

describe('an entry’s first source removed while a Slack Edit form shows it', () => {
  it('a link typed for it is refused, naming the source the form showed and the one now in its place, and is not put on that one', async () => {
    const form = await h.openForm('/entry edit 15', { userId: SLACK_ADMIN });
    expect(formStartValues(form).outlet).toBe('Syrian state television');
    await onDiscord('/entry edit id:15 source:1 clear:source');
    const before = storeFingerprint(h.app.db);
    const refused = await h.submitForm(form, filled(form, { source_url: 'https://sana.sy/en/?p=12345' }), { userId: SLACK_ADMIN, viewId: 'VSOURCE' });
    expect(refused.body?.response_action).toBe('errors');
    const said = refused.body!.errors!.source_url!;
    expect(said).toContain('Nothing was written: source 1 of #15 was Syrian state television when this form opened');
    expect(said).toContain('it was removed or moved since: source 1 of #15 is News report, 26 Jul 2025 now, and what you typed would have changed News report, 26 Jul 2025.');
    expect(said).toContain('To put what you typed on News report, 26 Jul 2025 instead, submit the form again.');
    expect(storeFingerprint(h.app.db)).toBe(before);
    expect(h.app.dossier.getEntry(15)!.sources[0]!.url).toBeUndefined();
  });

  it('a grade typed for it is refused the same way, naming the source it would have graded', async () => {
    await onDiscord('/entry edit id:14 source:2 outlet:Reuters');
    const form = await h.openForm('/entry edit 14', { userId: SLACK_ADMIN });
    const shown = formStartValues(form).outlet!;
    await onDiscord('/entry edit id:14 source:1 clear:source');
    const before = storeFingerprint(h.app.db);
    const refused = await h.submitForm(form, filled(form, { grade: 'A1' }), { userId: SLACK_ADMIN, viewId: 'VGRADE' });
    expect(Object.keys(refused.body!.errors!)).toEqual(['grade']);
    expect(refused.body!.errors!.grade).toContain(`source 1 of #14 was ${shown} when this form opened`);
    expect(refused.body!.errors!.grade).toContain('what you typed would have changed Reuters');
    expect(storeFingerprint(h.app.db)).toBe(before);

    expect((await h.submitForm(form, filled(form, { grade: 'A1' }), { userId: SLACK_ADMIN, viewId: 'VGRADE' })).body).toBeUndefined();
    expect(h.app.dossier.getEntry(14)!.sources[0]).toMatchObject({ outlet: 'Reuters', grade: 'A1' });
  });
});

describe('an entry removed on Discord while a Slack Edit form is open', () => {
  it('is said to be about the whole form, naming who removed it and why', async () => {
    const form = await h.openForm('/entry edit 16', { userId: SLACK_ADMIN });
    await onDiscord('/entry remove id:16 reason:dup');
    const refused = await h.submitForm(form, filled(form, { summary: 'A summary typed in Slack.' }), { userId: SLACK_ADMIN, viewId: 'VREMOVED' });
    const errors = refused.body!.errors!;
    const [first] = Object.keys(errors);
    expect(errors[first!]).toMatch(new RegExp(`^${FORM_WIDE_TEXT}`));
    expect(errors[first!]).toContain('was removed by bob (Discord) at');
    expect(errors[first!]).toContain('“dup”');
  });
});
