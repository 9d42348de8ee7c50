// GIVEN an admin (by role) on Discord, WHEN they run `/entry add` without `summary`, THEN a
// modal asks for the long text, and its submission adds the entry once, refuses bad input
// without writing, and tells them to run the command again when the form has expired. Someone
// without rights gets the refusal and no modal. `/entry edit id:N` alone opens the entry in a
// modal, and its submission changes only what was changed.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FORM_EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, FORM_SUBMITTED_TEXT, NOT_YOURS_TEXT, REOPEN_LABEL } from '../../src/core/interaction/texts.js';
import { DEFAULT_TEXT_LIMIT } from '../../src/core/option-values.js';
import { modalSubmit, snowflake } from '../fakes/discord-payloads.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { addHugeEntry, HUGE_SUMMARY } from './support/big-content.js';
import { buttons, startHarness, type Answer, type Harness, type Modal } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';
import { discordSpec, problemsIn } from './support/openapi.js';

const adminRole = snowflake();
let h: Harness;
let clockOffset = 0;
beforeAll(async () => {
  h = await startHarness({
    admins: `discord-role:${adminRole}`,
    userRoles: [adminRole],
    adapter: { now: () => Date.now() + clockOffset },
  });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const REQUIRED = { title: 'Talks resume in Baku', date: '2025-08', type: 'talks', topic: 'syria-israel' };
const SUMMARY = 'Delegations met for a second round.\nBoth sides called the talks constructive.';
const embed = (answer: Answer) => answer.body.embeds![0]!;
const fingerprint = () => storeFingerprint(h.app.db);
const entryCount = () => (h.app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number);
const field = (answer: Answer, name: string) => {
  const found = embed(answer).fields?.find((f) => visibleText(f.name) === name);
  return found && visibleText(found.value);
};
const input = (answer: Answer, name: string) => answer.modal!.components.find((c) => c.component.custom_id === name)!;
const openForm = (extra: Record<string, string> = {}, user = h.user) => h.slash('entry', { ...REQUIRED, ...extra }, { subcommand: 'add', user });
/** What Discord sends back: every input of the modal, as it started unless typed over. */
const filled = (modal: Modal, typed: Record<string, string>) => ({
  ...Object.fromEntries(modal.components.map((c) => [c.component.custom_id, c.component.value ?? ''])),
  ...typed,
});
const MINUTE = 60 * 1000;

describe('the form', () => {
  it('opens as a modal built from the /entry add option specs, pre-filled from the command', async () => {
    const before = fingerprint();
    const answer = await openForm({ places: 'Baku, Azerbaijan', actors: 'Syria:participant' });
    expect(answer.callbackType).toBe(9);
    expect(answer.callback.path).toBe(`/interactions/${answer.interaction.id}/${answer.interaction.token}/callback`);
    expect(discordSpec().errors('POST', answer.callback.path, answer.callback.body)).toEqual([]);
    const modal = answer.modal!;
    expect(modal.custom_id).toMatch(/^s1:m:[A-Za-z0-9_-]+$/);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    expect(modal.title).toBe('Add: Talks resume in Baku');

    const specs = h.app.dispatcher.registry.resolve('entry', 'add').leaf.options!;
    const spec = (name: string) => specs.find((o) => o.name === name)!;
    // The options Discord made required came with the command: the modal's five inputs go to the rest.
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(['summary', 'places', 'actors', 'tags', 'confidence']);
    for (const c of modal.components) {
      expect(c.type).toBe(18);
      expect(c.description).toBe(spec(c.component.custom_id).description);
      expect(c.component).toMatchObject({ type: 4, max_length: spec(c.component.custom_id).maxLength ?? DEFAULT_TEXT_LIMIT, required: false });
    }
    expect(input(answer, 'summary')).toMatchObject({ label: 'Summary', component: { style: 2, max_length: 4000 } });
    expect(input(answer, 'places').component).toMatchObject({ style: 1, value: 'Baku, Azerbaijan' });
    expect(input(answer, 'actors').component.value).toBe('Syria:participant');
    expect(input(answer, 'tags').component.value).toBeUndefined();
    // A choice is typed as text: the input says what it may be.
    expect(input(answer, 'confidence').component).toMatchObject({ style: 1, placeholder: spec('confidence').choices!.map((c) => c.value).join(', ') });
    expect(fingerprint()).toBe(before);
  });

  it('a title cut to the modal’s 45 characters is cut before an emoji, never inside it', async () => {
    const answer = await openForm({ title: 'Talks resume in Baku and Damascus now🇸🇾 today' });
    expect(discordSpec().errors('POST', answer.callback.path, answer.callback.body)).toEqual([]);
    expect(answer.modal!.title).toBe('Add: Talks resume in Baku and Damascus now…');
  });

  it('options at their longest still give a modal within Discord’s limits', async () => {
    const answer = await openForm({ title: 'T'.repeat(200), places: 'P'.repeat(1000), actors: 'A'.repeat(1000), tags: 't'.repeat(1000) });
    expect(answer.callbackType).toBe(9);
    expect(discordSpec().errors('POST', answer.callback.path, answer.callback.body)).toEqual([]);
    expect(answer.modal!.title.length).toBeLessThanOrEqual(45);
    expect(answer.modal!.components.length).toBeLessThanOrEqual(5);
    expect(input(answer, 'places').component.value).toBe('P'.repeat(1000));
  });

  it('a submission adds the entry with the command’s options and the form’s text, and shows it', async () => {
    const form = await openForm({ confidence: 'confirmed', outlet: 'AFP' });
    const before = { fingerprint: fingerprint(), entries: entryCount() };
    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    let answer: Answer;
    try {
      answer = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: SUMMARY, places: 'Baku', actors: 'Syria:participant, Israel:participant', tags: 'baku, direct-talks' }));
      expect(run).toHaveBeenCalledWith(expect.objectContaining({
        command: 'entry', subcommand: 'add', requestId: answer.interaction.id,
        args: { ...REQUIRED, confidence: 'confirmed', outlet: 'AFP', summary: SUMMARY, places: 'Baku', actors: 'Syria:participant, Israel:participant', tags: 'baku, direct-talks' },
      }));
    } finally {
      run.mockRestore();
    }
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(false);
    expect(entryCount()).toBe(before.entries + 1);
    expect(fingerprint()).not.toBe(before.fingerprint);
    const id = h.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    expect(embed(answer).title).toBe(`#${id} Talks resume in Baku`);
    expect(embed(answer).description).toBe(`Added entry #${id}.`);
    expect(words(field(answer, 'Summary')!)).toBe(words(SUMMARY));
    expect(field(answer, 'Places')).toBe('Baku');
    expect(field(answer, 'Confidence')).toBe('confirmed');
    expect(field(answer, 'Actors')).toContain('Israel — participant');
    const stored = h.app.dossier.getEntry(id)!;
    expect(stored.summary).toBe(SUMMARY);
    expect(stored.tags).toEqual(['baku', 'direct-talks']);
    expect(stored.sources[0]?.outlet).toBe('AFP');
  });

  it('an input emptied in the form is not given (the form wins over the command)', async () => {
    const form = await openForm({ places: 'Paris' });
    const answer = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: 'Short.', places: '' }));
    expect(answer.ephemeral).toBe(false);
    expect(field(answer, 'Places')).toBe('—');
  });

  it('the same submission delivered twice writes once', async () => {
    const form = await openForm();
    const before = entryCount();
    const delivery = modalSubmit(h.fake.appId, h.fake.guild, h.user, form.modal!.custom_id, { summary: SUMMARY, places: '', actors: '', tags: '' });
    const first = await h.deliver(delivery);
    expect(embed(first).description).toMatch(/^Added entry #\d+\.(\n|$)/);
    const after = fingerprint();
    const second = await h.redeliver(delivery);
    // The bot answers the replay with the result of the first delivery (Discord refuses it: 40060).
    expect(embed(second).description).toBe(embed(first).description);
    expect(second.callback.status).toBe(400);
    expect(entryCount()).toBe(before + 1);
    expect(fingerprint()).toBe(after);
    // The refused replay is expected, not a failure: no error is logged and no apology sent.
    await vi.waitFor(() => expect(h.app.logger.lines.some((l) => l.message === 'discord interaction was already answered')).toBe(true));
    expect(h.app.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('two submissions of one form arriving together write once', async () => {
    const form = await openForm();
    const before = entryCount();
    const typed = { summary: SUMMARY, places: 'Baku', actors: 'Syria:participant', tags: 'baku' };
    const answers = await Promise.all([h.submit(form.modal!.custom_id, typed), h.submit(form.modal!.custom_id, typed)]);
    expect(entryCount()).toBe(before + 1);
    const titles = answers.map((a) => embed(a).title ?? '');
    expect(titles.filter((t) => t === 'Already submitted')).toHaveLength(1);
    expect(titles.filter((t) => /^#\d+ /.test(t))).toHaveLength(1);
  });

  it('a refused submission is private, writes nothing, and offers the form again as typed', async () => {
    const form = await openForm();
    const before = fingerprint();
    const typed = { summary: SUMMARY, places: 'Baku', actors: 'Nobody Known:participant', tags: 'baku' };
    const refused = await h.submit(form.modal!.custom_id, typed);
    expect(refused.callbackType).toBe(4);
    expect(refused.ephemeral).toBe(true);
    expect(embed(refused).title).toBe('Cannot do that');
    expect(visibleText(embed(refused).description!)).toContain('Nobody Known');
    expect(fingerprint()).toBe(before);
    expect(buttons(refused.body).map((b) => b.label)).toEqual([REOPEN_LABEL]);

    const reopened = await h.press(refused, REOPEN_LABEL);
    expect(reopened.callbackType).toBe(9);
    expect(discordSpec().errors('POST', reopened.callback.path, reopened.callback.body)).toEqual([]);
    expect(reopened.modal!.title).toBe(form.modal!.title);
    expect(input(reopened, 'summary').component.value).toBe(SUMMARY);
    expect(input(reopened, 'actors').component.value).toBe('Nobody Known:participant');

    const fixed = await h.submit(reopened.modal!.custom_id, filled(reopened.modal!, { actors: 'Syria:participant' }));
    expect(fixed.ephemeral).toBe(false);
    expect(embed(fixed).description).toMatch(/^Added entry #\d+\.(\n|$)/);
    expect(fingerprint()).not.toBe(before);

    // The form is used up: submitting it again writes nothing.
    const after = fingerprint();
    const again = await h.submit(reopened.modal!.custom_id, filled(reopened.modal!, { actors: 'Syria:participant' }));
    expect(again.ephemeral).toBe(true);
    expect(embed(again).description).toBe(FORM_SUBMITTED_TEXT);
    expect(fingerprint()).toBe(after);
    // …and so is the button that reopened it: no second entry from an old message.
    const reopenedAgain = await h.press(refused, REOPEN_LABEL);
    expect(reopenedAgain.callbackType).toBe(4);
    expect(embed(reopenedAgain).description).toBe(FORM_SUBMITTED_TEXT);
    expect(fingerprint()).toBe(after);
  });

  it('a refused submission’s button is only for the person who submitted', async () => {
    const form = await openForm();
    const refused = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: SUMMARY, actors: 'Nobody Known:participant' }));
    const stranger = await h.press(refused, REOPEN_LABEL, h.other);
    expect(stranger.callbackType).toBe(4);
    expect(stranger.ephemeral).toBe(true);
    expect(embed(stranger).title).toBe('Not your form');
    expect(embed(stranger).description).toBe(FORM_NOT_YOURS_TEXT);
  });

  it('a submission refused for an option given with the command offers no resubmit, and gives back what was typed', async () => {
    const form = await openForm({ topic: 'Syria and Israel' });
    expect(form.callbackType).toBe(9);
    const before = fingerprint();
    const refused = await h.submit(form.modal!.custom_id, { summary: SUMMARY, places: 'Baku', actors: '', tags: '' });
    expect(refused.ephemeral).toBe(true);
    const text = visibleText(embed(refused).description!);
    expect(text).toContain('must be a slug');
    expect(text).toContain('came with the command, not the form: run the command again with it corrected');
    expect(JSON.stringify(refused.body)).toContain(SUMMARY.split('\n')[0]!.slice(0, 30));
    expect(buttons(refused.body)).toEqual([]);
    expect(fingerprint()).toBe(before);
  });

  it('a form lasts 30 minutes after its last use', async () => {
    const form = await openForm();
    clockOffset += 20 * MINUTE;
    const refused = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: SUMMARY, actors: 'Nobody Known:participant' }));
    expect(embed(refused).title).toBe('Cannot do that');
    clockOffset += 20 * MINUTE;
    const added = await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: SUMMARY }));
    expect(embed(added).description).toMatch(/^Added entry #\d+\.(\n|$)/);
  });

  it('an expired form says to run the command again, gives back what was typed and writes nothing', async () => {
    const form = await openForm();
    clockOffset += 31 * MINUTE;
    const before = fingerprint();
    const answer = await h.submit(form.modal!.custom_id, { summary: 'A long summary typed slowly.', places: '', actors: '', tags: '' });
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Form expired');
    expect(visibleText(embed(answer).description!)).toContain(FORM_EXPIRED_TEXT);
    expect(FORM_EXPIRED_TEXT).toContain('30 minutes');
    expect(embed(answer).description).toContain('Run the command again');
    expect(field(answer, 'Summary')).toBe('A long summary typed slowly.');
    expect(fingerprint()).toBe(before);
  });

  it('an unknown form (e.g. after a restart) is treated as expired; someone else’s is refused', async () => {
    const before = fingerprint();
    for (const customId of ['s1:m:AAAAAAAAAAAA', 'sitrep:form:AAAAAAAAAAAA']) {
      const unknown = await h.submit(customId, { summary: 'x' });
      expect(unknown.ephemeral).toBe(true);
      expect(embed(unknown).title).toBe('Form expired');
      expect(embed(unknown).description).toContain('Run the command again');
    }
    const form = await openForm();
    const stranger = await h.submit(form.modal!.custom_id, { summary: 'x' }, h.other);
    expect(stranger.ephemeral).toBe(true);
    expect(embed(stranger).description).toBe(FORM_NOT_YOURS_TEXT);
    expect(fingerprint()).toBe(before);
    // The owner's form is still open.
    expect(embed(await h.submit(form.modal!.custom_id, filled(form.modal!, { summary: 'x' }))).description).toMatch(/^Added entry #\d+\.(\n|$)/);
  });
});

describe('when no form opens', () => {
  it('a caller without rights gets the ordinary refusal and no modal, and nothing changes', async () => {
    const before = fingerprint();
    const answer = await openForm({}, h.other);
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).title).toBe('Not allowed');
    expect(embed(answer).description).toContain('`/entry add` is for Sitrep admins only.');
    expect(h.fake.requests.some((r) => r.path.endsWith('/callback') && (r.body as { type: number }).type === 9 && r.path.includes(answer.interaction.id))).toBe(false);
    expect(fingerprint()).toBe(before);
  });

  it('with summary given, /entry add runs at once', async () => {
    const before = entryCount();
    const answer = await openForm({ summary: 'Given inline.' });
    expect(answer.callbackType).toBe(4);
    expect(embed(answer).description).toMatch(/^Added entry #\d+\.(\n|$)/);
    expect(entryCount()).toBe(before + 1);
  });

  it('with a bad option in the command, the error comes before anyone types into a form', async () => {
    const before = fingerprint();
    const answer = await openForm({ date: '2025-13' });
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(visibleText(embed(answer).description!)).toContain('Option date of /entry add must be a date like 2025, 2025-07 or 2025-07-12');
    expect(fingerprint()).toBe(before);
  });

  it('/entry edit with a field to change runs at once: no form', async () => {
    const answer = await h.slash('entry', { id: 3, confidence: 'disputed' }, { subcommand: 'edit' });
    expect(answer.callbackType).toBe(4);
    expect(embed(answer).description).toBe('Updated #3: confidence.');
  });

  it('/entry edit of an entry that does not exist says so instead of opening a form', async () => {
    const answer = await h.slash('entry', { id: 999 }, { subcommand: 'edit' });
    expect(answer.callbackType).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(embed(answer).description).toContain('There is no entry #999.');
  });
});

describe('/entry edit id:N alone', () => {
  it('opens the entry in a modal, pre-filled, and a submission changes only the field changed', async () => {
    const entry = h.app.dossier.getEntry(5)!;
    const opened = await h.slash('entry', { id: 5 }, { subcommand: 'edit' });
    expect(opened.callbackType).toBe(9);
    expect(discordSpec().errors('POST', opened.callback.path, opened.callback.body)).toEqual([]);
    const modal = opened.modal!;
    expect(modal.title).toBe('Edit entry #5');
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(['title', 'date', 'type', 'topic', 'summary']);
    expect(modal.components.every((c) => c.component.required === false)).toBe(true);
    expect(input(opened, 'title').component.value).toBe(entry.title);
    expect(input(opened, 'topic').component.value).toBe(entry.topic);
    expect(input(opened, 'type').component.value).toBe(entry.eventType);
    expect(input(opened, 'summary').component).toMatchObject({ style: 2, value: entry.summary });

    const run = vi.spyOn(h.app.dispatcher, 'dispatch');
    let answer: Answer;
    try {
      answer = await h.submit(modal.custom_id, filled(modal, { title: 'A new headline' }));
      expect(run).toHaveBeenCalledWith(expect.objectContaining({ command: 'entry', subcommand: 'edit', args: { id: 5, title: 'A new headline' } }));
    } finally {
      run.mockRestore();
    }
    expect(answer.ephemeral).toBe(false);
    expect(embed(answer).description).toBe('Updated #5: title.');
    const stored = h.app.dossier.getEntry(5)!;
    const { updatedAt, updatedBy, revisionCount } = stored;
    expect(stored).toEqual({ ...entry, title: 'A new headline', updatedAt, updatedBy, revisionCount });
    expect(revisionCount).toBe(entry.revisionCount + 1);
  });

  it('an entry at every limit opens in a modal within Discord’s limits, and its long reply pages', async () => {
    const huge = addHugeEntry(h.app, 'form-limits');
    const opened = await h.slash('entry', { id: huge.id }, { subcommand: 'edit' });
    expect(opened.callbackType).toBe(9);
    expect(discordSpec().errors('POST', opened.callback.path, opened.callback.body)).toEqual([]);
    expect(input(opened, 'summary').component.value).toBe(HUGE_SUMMARY);

    // The admin's long reply pages from memory: the edit is never run again to show a part.
    const edited = await h.slash('entry', { id: huge.id, confidence: 'confirmed' }, { subcommand: 'edit' });
    const next = buttons(edited.body).find((b) => b.label.startsWith('Next part ('))!;
    // Kept in memory; the carrier names the command that shows the result, for when memory has forgotten it.
    expect(next.custom_id).toMatch(new RegExp(`^s1:p:[A-Za-z0-9_-]+:entry\\.show:id#${huge.id}$`));
    const revisions = h.app.dossier.getEntry(huge.id)!.revisionCount;
    const second = await h.press(edited, 'Next part');
    expect(second.callbackType).toBe(7);
    expect(embed(second).footer?.text).toMatch(/ · Part 2 of \d+$/);
    expect(embed(await h.press(second, 'Previous part'))).toEqual(embed(edited));
    expect(embed(await h.press(edited, 'Next part', h.other)).description).toBe(NOT_YOURS_TEXT);
    expect(h.app.dossier.getEntry(huge.id)!.revisionCount).toBe(revisions);
  });

  it('is for admins: anyone else gets the refusal and no modal', async () => {
    const before = fingerprint();
    const answer = await h.slash('entry', { id: 5 }, { subcommand: 'edit', user: h.other });
    expect(answer.callbackType).toBe(4);
    expect(embed(answer).title).toBe('Not allowed');
    expect(fingerprint()).toBe(before);
  });
});
