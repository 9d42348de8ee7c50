// GIVEN admins using forms on Discord, where a refused form closes: WHEN two of them change the
// same field from forms opened on the same entry THEN the later one is refused, told what the
// field holds now and given back what they typed, and only Edit and resubmit (knowingly) writes
// it; fields they did not touch keep the other's change. WHEN a refused form's Edit and resubmit
// outlives the form (30 minutes, a restart) THEN what was typed is in the refusal itself and the
// button says so. WHEN the parts of an admin's long answer outlive memory THEN Next names the
// command that shows the result, never running the edit again. WHEN an edit form is submitted
// unchanged THEN it says nothing was changed in the form.
import { describe, expect, it } from 'vitest';
import { FORM_CHANGED_TITLE, FORM_CLOSED_SUBJECT_TEXT, FORM_REOPEN_EXPIRED_TEXT, formUnchangedText, PARTS_EXPIRED_TEXT, REOPEN_LABEL } from '../../src/core/interaction/texts.js';
import { snowflake, type FakeUser } from '../fakes/discord-payloads.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { addHugeEntry } from './support/big-content.js';
import { buttons, harnessForFile, type Answer, type Harness, type Modal } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';

const adminRole = snowflake();
const second: FakeUser = { id: snowflake(), username: 'second-admin', roles: [adminRole] };
let h: Harness;
let clockOffset = 0;
harnessForFile({ admins: `discord-role:${adminRole}`, userRoles: [adminRole], adapter: { now: () => Date.now() + clockOffset } }, (started) => (h = started));

/** Everything the user reads in the answer, embeds and fields alike. */
const seen = (answer: Answer) =>
  visibleText((answer.body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']).join('\n'));
/** What Discord sends back: every input of the modal, as it started unless typed over. */
const filled = (modal: Modal, typed: Record<string, string>) => ({
  ...Object.fromEntries(modal.components.map((c) => [c.component.custom_id, c.component.value ?? ''])),
  ...typed,
});
const stored = (id: number) => h.app.dossier.getEntry(id)!;
const openEdit = (id: number, user: FakeUser = h.user) => h.slash('entry', { id }, { subcommand: 'edit', user });
const MINUTE = 60_000;
/** An instant as replies print it in a channel without a zone of its own: `2025-08-01 12:05 UTC`. */
const INSTANT = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC';

describe('two admins editing one entry through forms', () => {
  it('the later change to a field changed meanwhile is refused with what it holds now and what was typed; Edit and resubmit then writes it knowingly', async () => {
    const first = await openEdit(12);
    const later = await openEdit(12, second);
    const theirs = 'Syrian and Israeli officials met in Baku on 12 July, per Reuters.';
    const mine = 'Officials met in Baku (AFP), a second account.';
    expect(seen(await h.submit(first.modal!.custom_id, filled(first.modal!, { summary: theirs })))).toContain('Updated #12: summary.');

    const before = storeFingerprint(h.app.db);
    const refused = await h.submit(later.modal!.custom_id, filled(later.modal!, { summary: mine }), second);
    expect(refused.ephemeral).toBe(true);
    expect(refused.body.embeds![0]!.title).toBe(FORM_CHANGED_TITLE);
    const said = seen(refused);
    expect(said).toMatch(new RegExp(`Nothing was written: Summary was changed by analyst \\(Discord\\) at ${INSTANT} since this form opened at ${INSTANT}, and what you typed would have replaced that change unseen\\.`));
    expect(said).toContain('See it as it is now: /entry show id:12');
    expect(said).toContain('/entry edit id:12');
    expect(words(said)).toContain(words(`Summary, as stored now ${theirs}`));
    expect(words(said)).toContain(words(`Summary ${mine}`));
    expect(storeFingerprint(h.app.db)).toBe(before);
    expect(stored(12).summary).toBe(theirs);

    expect(buttons(refused.body).map((b) => b.label)).toEqual([REOPEN_LABEL]);
    const reopened = await h.press(refused, REOPEN_LABEL, second);
    expect(reopened.callbackType).toBe(9);
    expect(reopened.modal!.components.find((c) => c.component.custom_id === 'summary')!.component.value).toBe(mine);
    expect(seen(await h.submit(reopened.modal!.custom_id, filled(reopened.modal!, {}), second))).toContain('Updated #12: summary.');
    expect(stored(12).summary).toBe(mine);
  });

  it('a date changed meanwhile is refused the same way', async () => {
    const first = await openEdit(13);
    const later = await openEdit(13, second);
    await h.submit(first.modal!.custom_id, filled(first.modal!, { date: '2025-07-13' }));
    const refused = await h.submit(later.modal!.custom_id, filled(later.modal!, { date: '2025-07-14' }), second);
    expect(refused.body.embeds![0]!.title).toBe(FORM_CHANGED_TITLE);
    expect(words(seen(refused))).toContain('Date, as stored now 2025-07-13');
    expect(stored(13).start).toEqual({ year: 2025, month: 7, day: 13 });
  });

  it('fields the later form did not touch keep the other admin’s change, and its own change is written', async () => {
    const first = await openEdit(14);
    const later = await openEdit(14, second);
    await h.submit(first.modal!.custom_id, filled(first.modal!, { summary: 'A summary rewritten first.' }));
    const answer = await h.submit(later.modal!.custom_id, filled(later.modal!, { title: 'A headline changed later' }), second);
    expect(seen(answer)).toContain('Updated #14: title.');
    expect(stored(14)).toMatchObject({ title: 'A headline changed later', summary: 'A summary rewritten first.' });
  });
});

describe('what was typed into a refused form outlives its Edit and resubmit', () => {
  const ADD = { title: 'Clashes in Sweida', date: '2025-07-15', type: 'armed-clash', topic: 'syria-israel' };
  const SUMMARY = 'Clashes between Druze fighters and Bedouin tribes, typed at length.\nA second paragraph.';

  async function refusedAdd(): Promise<Answer> {
    const form = await h.slash('entry', ADD, { subcommand: 'add' });
    const refused = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: SUMMARY, places: 'Sweida', actors: 'Druze fighters:participant' }));
    expect(refused.body.embeds![0]!.title).toBe('Cannot do that');
    return refused;
  }

  it('the refusal itself gives back what was typed', async () => {
    const said = seen(await refusedAdd());
    expect(said).toContain(`What you typed in the form is below, to copy: ${REOPEN_LABEL} lasts 30 minutes`);
    expect(words(said)).toContain(words(`Summary ${SUMMARY}`));
    expect(words(said)).toContain('Actors Druze fighters:participant');
  });

  it('Edit and resubmit pressed after the form expired says the text is in the refusal', async () => {
    const refused = await refusedAdd();
    clockOffset += 31 * MINUTE;
    const late = await h.press(refused, REOPEN_LABEL);
    expect(late.ephemeral).toBe(true);
    expect(late.body.embeds![0]!.description).toBe(FORM_REOPEN_EXPIRED_TEXT);
    expect(FORM_REOPEN_EXPIRED_TEXT).toContain('What you typed is in the message this button is under');
  });

  it('Edit and resubmit pressed after a restart says the same', async () => {
    const refused = await refusedAdd();
    await h.restart();
    const late = await h.press(refused, REOPEN_LABEL);
    expect(late.body.embeds![0]!.description).toBe(FORM_REOPEN_EXPIRED_TEXT);
  });
});

describe('the parts of an admin’s long answer, after a restart', () => {
  it('Next names the command that shows the result, and does not advise running the edit again', async () => {
    const huge = addHugeEntry(h.app, 'long-edit');
    const edited = await h.slash('entry', { id: huge.id, confidence: 'confirmed' }, { subcommand: 'edit' });
    expect(buttons(edited.body).map((b) => b.label)).toContainEqual(expect.stringMatching(/^Next part \(2 of \d+\)$/));
    const revisions = stored(huge.id).revisionCount;
    await h.restart();
    const expired = await h.press(edited, 'Next part');
    expect(expired.ephemeral).toBe(true);
    const said = seen(expired);
    expect(said).toContain(PARTS_EXPIRED_TEXT);
    expect(said).toContain(`See the result as it is now: /entry show id:${huge.id}.`);
    expect(said).not.toContain('Run the command again');
    expect(stored(huge.id).revisionCount).toBe(revisions);
  });
});

describe('an edit form of an entry removed', () => {
  it('does not open: the entry as removed is shown, with how to bring it back', async () => {
    await h.slash('entry', { id: 16, reason: 'duplicate' }, { subcommand: 'remove' });
    const answer = await openEdit(16);
    expect(answer.callbackType).toBe(4);
    expect(answer.modal).toBeUndefined();
    expect(answer.ephemeral).toBe(true);
    const said = seen(answer);
    expect(said).toContain(FORM_CLOSED_SUBJECT_TEXT);
    expect(said).toContain('An admin can bring it back with /entry undo id:16');
  });
});

describe('an edit form submitted with nothing changed', () => {
  it('says nothing was changed in the form and how to go on, writing nothing', async () => {
    const form = await openEdit(15);
    const before = storeFingerprint(h.app.db);
    const answer = await h.submit(form.modal!.custom_id, filled(form.modal!, {}));
    expect(answer.ephemeral).toBe(true);
    expect(answer.body.embeds![0]!.title).toBe('Nothing changed');
    expect(answer.body.embeds![0]!.description).toBe(formUnchangedText(true));
    expect(seen(answer)).not.toContain('For example');
    expect(buttons(answer.body).map((b) => b.label)).toEqual([REOPEN_LABEL]);
    expect(storeFingerprint(h.app.db)).toBe(before);
  });
});
