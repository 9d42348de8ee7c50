// GIVEN the real Bolt app and the fake Slack, WHEN an admin runs /entry add or /entry edit ID
// with no fields, THEN a modal drawn from the form the command's spec declares opens; its
// submission is dispatched like the typed command: a user error stays in the modal under the
// field it names and writes nothing, success closes it and posts the result privately, and a
// modal submitted twice writes once. Everyone else gets the usual refusal and no modal.
import type { types } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readMetadata } from '../../src/adapters/slack/form-modal.js';
import { MAX_BLOCKS_PER_MODAL, MAX_RENDERED_CHARS_PER_MODAL_PREVIEW, MAX_TEXT_INPUT } from '../../src/adapters/slack/limits.js';
import { FORM_EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, formUnchangedText } from '../../src/core/interaction/texts.js';
import { CONFIDENCE_LEVELS, EVENT_TYPES } from '../../src/core/vocabulary.js';
import type { ApiCall } from '../fakes/slack-api.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { shownText, startHarness, textsOf, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  h.slack.clearReply('views.open');
  h.slack.clearReply('chat.postEphemeral');
});

const VALID = {
  title: 'Talks resume in Baku',
  date: '2025-07',
  type: 'talks',
  topic: 'syria-israel',
  summary: 'First line.\nSecond line, as sourced.',
  actors: 'Syria:participant, Israel:participant',
  confidence: 'confirmed',
  outlet: 'AFP',
};

type Input = types.InputBlock;

function inputs(view: types.ModalView): Input[] {
  return (view.blocks as types.KnownBlock[]).filter((b): b is Input => b.type === 'input');
}

function input(view: types.ModalView, name: string): Input {
  const found = inputs(view).find((b) => b.block_id === name);
  if (!found) throw new Error(`no input ${name}`);
  return found;
}

/** The fields of the form an /entry subcommand declares, in its order. */
function formFields(subcommand: string): readonly string[] {
  return h.app.dispatcher.registry.resolve('entry', subcommand).leaf.form!.fields;
}

function optionExample(subcommand: string, name: string): string | undefined {
  return h.app.dispatcher.registry.resolve('entry', subcommand).leaf.options?.find((o) => o.name === name)?.example;
}

function ephemeralsTo(user: string): ApiCall[] {
  return h.slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);
}

function entryCount(): number {
  return h.app.db.prepare('SELECT COUNT(*) FROM entries').pluck().get() as number;
}

async function nextEphemeral(before: number): Promise<ApiCall> {
  const calls = await h.slack.calls.atLeast(before + 1, (c) => c.method === 'chat.postEphemeral');
  return calls[before]!;
}

function addedId(call: ApiCall): number {
  const match = /Added entry #(\d+)\./.exec(String(call.args.text));
  if (!match) throw new Error(`not an added entry: ${String(call.args.text)}`);
  return Number(match[1]);
}

describe('/entry add opens a modal drawn from the form its spec declares', () => {
  it('one input per field of the form, in the form’s order, within Slack’s 100 blocks', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('sitrep_form');
    expect(view.title.text).toBe('Add an entry');
    expect(view.submit?.text).toBe('Add entry');
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MODAL);
    expect(inputs(view).map((b) => b.block_id)).toEqual(formFields('add'));
    const required = inputs(view).filter((b) => !b.optional).map((b) => b.block_id);
    expect(required).toEqual(['title', 'date', 'type', 'topic']);
    expect(input(view, 'source_url').label.text).toBe('Source URL');
    expect(input(view, 'title').hint?.text).toBe('Short headline');
  });

  it('text inputs take the spec’s max length; summary is a text area capped at Slack’s 3000', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    expect(input(view, 'title').element).toMatchObject({ type: 'plain_text_input', max_length: 200 });
    expect(input(view, 'title').element).not.toHaveProperty('multiline');
    expect(input(view, 'outlet').element).toMatchObject({ type: 'plain_text_input', max_length: 100 });
    expect(input(view, 'summary').element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: MAX_TEXT_INPUT });
    expect(input(view, 'summary').hint?.text).toContain('the command itself takes up to 4000');
  });

  it('the summary’s hint reads as two sentences: what the field is for, then Slack’s limit', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    expect(input(view, 'summary').hint?.text).toBe(`What happened, as sourced. Up to ${MAX_TEXT_INPUT} characters here (Slack's limit for a form field); the command itself takes up to 4000.`);
  });

  it('type and confidence are menus of the known values; dates are typed, keeping their precision', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const values = (name: string) => ((input(view, name).element as types.StaticSelect).options ?? []).map((o) => o.value);
    expect(input(view, 'type').element.type).toBe('static_select');
    expect(values('type')).toEqual(EVENT_TYPES.map((t) => t.id));
    expect(values('confidence')).toEqual([...CONFIDENCE_LEVELS]);
    for (const name of ['date', 'end', 'published']) {
      const example = optionExample('add', name);
      expect(example).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(input(view, name).element).toMatchObject({ type: 'plain_text_input', placeholder: { type: 'plain_text', text: example } });
    }
  });

  it('a date typed as replies show it (12 Jul 2025) fits the date inputs and is stored with its precision', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    for (const name of ['date', 'end', 'published']) {
      // Slack stops the typing at max_length, so a shorter limit would cut `30 September 2025`.
      expect((input(view, name).element as types.PlainTextInput).max_length).toBeGreaterThanOrEqual('30 September 2025'.length);
    }
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    const answer = await h.submitForm(view, { ...VALID, date: '12 Jul 2025', published: '30 September 2025' }, { userId: ADMIN });
    expect(answer.body).toBeUndefined();
    const entry = h.app.services.dossier.getEntry(addedId(await nextEphemeral(posted)))!;
    expect(entry.sources[0]?.published).toBe('2025-09-30');
  });

  it('keeps the channel and the command’s response_url for the answer beside the form’s carrier, and nothing is posted yet', async () => {
    const responseUrl = h.slack.responseUrl('form-open');
    const view = await h.openForm('/entry add', { userId: ADMIN, channelId: 'C0DESK', responseUrl });
    expect(readMetadata(view.private_metadata)).toEqual({ carrier: expect.stringMatching(/^s1:m:/), channelId: 'C0DESK', responseUrl, public: false, prefix: '' });
    await h.command('/timeline limit:1');
    expect(h.slack.responses.items.filter((r) => r.id === 'form-open')).toEqual([]);
  });

  it('/entry add --public opens the modal too, remembering the wish', async () => {
    const view = await h.openForm('/entry add --public', { userId: ADMIN });
    expect(readMetadata(view.private_metadata)?.public).toBe(true);
  });

  it('a non-admin gets the usual private refusal and no modal', async () => {
    const opened = h.slack.callsTo('views.open').length;
    for (const text of ['/entry add', '/entry add --public', '/entry edit 3']) {
      const before = storeFingerprint(h.app.db);
      const body = await h.command(text, { userId: 'U0ALICE' });
      expect(body.response_type).toBe('ephemeral');
      expect(textsOf(body)[0]).toBe('Not allowed');
      expect(shownText(body)).toContain('is for Sitrep admins only');
      expect(storeFingerprint(h.app.db)).toBe(before);
    }
    expect(h.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('with some fields but not all the required ones, /entry add runs as typed (no modal)', async () => {
    const opened = h.slack.callsTo('views.open').length;
    const body = await h.command('/entry add title:"Only a title"', { userId: ADMIN });
    expect(shownText(body)).toContain('needs option');
    expect(h.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('with every required option but no summary, /entry add opens its form with them filled in', async () => {
    const view = await h.openForm('/entry add title:"Talks in Baku" date:2025-07 type:talks topic:syria-israel', { userId: ADMIN });
    expect(view.title.text).toBe('Add: Talks in Baku');
    expect(input(view, 'title').element).toMatchObject({ initial_value: 'Talks in Baku' });
    expect(input(view, 'type').element).toMatchObject({ initial_option: { value: 'talks' } });
    expect(input(view, 'summary').element).not.toHaveProperty('initial_value');
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, { title: 'Talks in Baku', date: '2025-07', type: 'talks', topic: 'syria-israel', summary: 'Long text.', outlet: 'AFP' }, { userId: ADMIN })).body).toBeUndefined();
    expect(h.app.dossier.getEntry(addedId(await nextEphemeral(posted)))?.summary).toBe('Long text.');
  });

  it.each([
    ['/entry add', true],
    ['/entry add title:x', false],
    ['/entry edit 12', true],
    ['/entry edit id:12', true],
    ['/entry edit', false],
    ['/entry edit id:999 confidence:confirmed', false], // runs as typed, and changes nothing: there is no #999
    ['/entry add title:"unclosed', false],
    ['/entry show 12', false],
    ['/timeline', false],
  ])('%s opens a form: %s', async (text, opens) => {
    const triggerId = `which-${Math.random().toString(36).slice(2)}`;
    const responseUrl = h.slack.responseUrl(triggerId);
    const [command, ...rest] = text.split(' ');
    await h.send({ command: command!, text: rest.join(' '), userId: ADMIN, triggerId, responseUrl });
    const [first] = await Promise.race([
      h.slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId).then(() => ['form']),
      h.slack.responses.atLeast(1, (r) => r.id === triggerId).then(() => ['answer']),
    ]);
    expect(first).toBe(opens ? 'form' : 'answer');
  });

  it('when Slack refuses to open the modal, the user is told how to go on', async () => {
    h.slack.replyTo('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    const body = await h.command('/entry add', { userId: ADMIN });
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain('Slack did not open the form for /entry add');
    expect(String(body.text)).toContain('/entry add title:');
  });
});

describe('submitting the add modal', () => {
  it('adds the entry, closes the modal and posts the result privately to the channel', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN, channelId: 'C0DESK' });
    const before = storeFingerprint(h.app.db);
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    const answer = await h.submitForm(view, VALID, { userId: ADMIN });
    expect(answer).toEqual({ status: 200, body: undefined });
    const call = await nextEphemeral(posted);
    expect(call.args).toMatchObject({ channel: 'C0DESK', user: ADMIN });
    const id = addedId(call);
    const blocks = call.args.blocks as types.KnownBlock[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `#${id} Talks resume in Baku`, emoji: false } });
    expect(storeFingerprint(h.app.db)).not.toBe(before);
    const entry = h.app.dossier.getEntry(id)!;
    expect(entry).toMatchObject({ title: 'Talks resume in Baku', topic: 'syria-israel', eventType: 'talks', confidence: 'confirmed' });
    expect(entry.start).toEqual({ year: 2025, month: 7 });
    expect(entry.summary).toBe('First line.\nSecond line, as sourced.');
    expect(entry.actors.map((a) => `${a.name}:${a.role}`)).toEqual(['Syria:participant', 'Israel:participant']);
    expect(entry.sources[0]?.outlet).toBe('AFP');
    expect(entry.updatedBy).toContain(`slack:${ADMIN}`);
  });

  it.each([
    ['a date that does not parse', { date: 'mid-July 2025' }, 'date', 'Option `date` of `/entry add` must be a date like 2025, 2025-07 or 2025-07-12'],
    ['an end before the start', { end: '2025-06' }, 'end', 'Option `end` (2025-06) is before the date (2025-07).'],
    ['an unknown actor', { actors: 'Nobody At All:participant' }, 'actors', 'No actor is called `Nobody At All` (option `actors`).'],
    ['a link that is not http(s)', { source_url: 'javascript:alert(1)' }, 'source_url', 'Option `source_url` must be an http(s) link'],
    ['a topic that is not a slug', { topic: 'Syria and Israel' }, 'topic', 'Option `topic` must be a slug'],
  ])('%s keeps the modal open with the error under its field; nothing is written', async (_name, change, block, message) => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const before = storeFingerprint(h.app.db);
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    const answer = await h.submitForm(view, { ...VALID, ...change }, { userId: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.body?.response_action).toBe('errors');
    expect(Object.keys(answer.body?.errors ?? {})).toEqual([block]);
    expect(answer.body?.errors?.[block]).toContain(message);
    expect(storeFingerprint(h.app.db)).toBe(before);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(posted);
  });

  it('an error naming no field of the form goes under the first field: an edit form submitted with nothing changed says so', async () => {
    const view = await h.openForm('/entry edit 3', { userId: ADMIN });
    const before = storeFingerprint(h.app.db);
    // Slack sends back every input as it stands: untouched ones with the value they started with.
    const answer = await h.submitForm(view, prefilledValues(view), { userId: ADMIN });
    const first = inputs(view)[0]!.block_id!;
    expect(answer.body).toEqual({ response_action: 'errors', errors: { [first]: formUnchangedText(false) } });
    expect(storeFingerprint(h.app.db)).toBe(before);
  });

  it('after an error the user fixes the field and submits the same modal again: it is added once', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const count = entryCount();
    const wrong = await h.submitForm(view, { ...VALID, actors: 'Nobody At All:participant' }, { userId: ADMIN, viewId: 'V0FIXED' });
    expect(wrong.body?.response_action).toBe('errors');
    expect(entryCount()).toBe(count);
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    const fixed = await h.submitForm(view, VALID, { userId: ADMIN, viewId: 'V0FIXED' });
    expect(fixed.body).toBeUndefined();
    await nextEphemeral(posted);
    expect(entryCount()).toBe(count + 1);
  });

  it('the same modal submitted twice (same view id) writes once and answers once', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const count = entryCount();
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, VALID, { userId: ADMIN, viewId: 'V0TWICE' })).body).toBeUndefined();
    await nextEphemeral(posted);
    const afterFirst = storeFingerprint(h.app.db);
    expect((await h.submitForm(view, VALID, { userId: ADMIN, viewId: 'V0TWICE' })).body).toBeUndefined();
    await h.command('/timeline limit:1');
    expect(entryCount()).toBe(count + 1);
    expect(storeFingerprint(h.app.db)).toBe(afterFirst);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(posted + 1);
  });

  it('a form submitted by someone other than who opened it is refused in the modal; nothing runs', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const before = storeFingerprint(h.app.db);
    const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
    const answer = await h.submitForm(view, VALID, { userId: 'U0ALICE' });
    expect(answer.body).toEqual({ response_action: 'errors', errors: { title: FORM_NOT_YOURS_TEXT } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(storeFingerprint(h.app.db)).toBe(before);
  });

  it('a modal Sitrep no longer knows (after a restart, or metadata not ours) says so under its first field; nothing runs', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
    await h.restart();
    const answer = await h.submitForm(view, VALID, { userId: ADMIN });
    expect(answer.body?.response_action).toBe('errors');
    expect(answer.body?.errors?.title).toContain(FORM_EXPIRED_TEXT);
    const forged = await h.submitForm({ ...view, private_metadata: 'not ours' }, VALID, { userId: ADMIN });
    expect(forged.body?.errors?.title).toContain(FORM_EXPIRED_TEXT);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('an internal error keeps the modal open with the error id to quote; nothing is written', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    const before = storeFingerprint(h.app.db);
    vi.spyOn(h.app.services.editor, 'addEntry').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const answer = await h.submitForm(view, VALID, { userId: ADMIN });
    const logged = h.app.logger.lines.filter((l) => l.level === 'error').at(-1)!.context as { errorId: string };
    expect(answer.body).toEqual({ response_action: 'errors', errors: { title: expect.stringContaining(`error id \`${logged.errorId}\``) } });
    expect(JSON.stringify(answer.body)).not.toContain('disk on fire');
    expect(storeFingerprint(h.app.db)).toBe(before);
  });

  it('a failure in the adapter itself still answers the modal, with an error id', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN });
    vi.spyOn(h.app.dispatcher, 'dispatch').mockRejectedValue(new Error('adapter bug'));
    const answer = await h.submitForm(view, VALID, { userId: ADMIN });
    const logged = h.app.logger.lines.filter((l) => l.message === 'slack: form submission failed').at(-1)!.context as { errorId: string };
    expect(answer.body?.errors?.title).toContain(`error id \`${logged.errorId}\``);
  });

  it('--public posts the result in the channel through the command’s response_url', async () => {
    const responseUrl = h.slack.responseUrl('form-public');
    const view = await h.openForm('/entry add --public', { userId: ADMIN, responseUrl });
    const posted = ephemeralsTo(ADMIN).length;
    expect((await h.submitForm(view, VALID, { userId: ADMIN })).body).toBeUndefined();
    const [post] = await h.slack.responses.atLeast(1, (r) => r.id === 'form-public');
    expect(post!.body.response_type).toBe('in_channel');
    expect(String(post!.body.text)).toContain('Added entry #');
    expect(ephemeralsTo(ADMIN)).toHaveLength(posted);
  });

  it('where chat.postEphemeral is refused (a channel the bot is not in), the response_url answers', async () => {
    h.slack.replyTo('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
    const responseUrl = h.slack.responseUrl('form-fallback');
    const view = await h.openForm('/entry add', { userId: ADMIN, responseUrl, channelId: 'D0DIRECT' });
    expect((await h.submitForm(view, VALID, { userId: ADMIN })).body).toBeUndefined();
    const [post] = await h.slack.responses.atLeast(1, (r) => r.id === 'form-fallback');
    expect(post!.body.response_type).toBe('ephemeral');
    expect(String(post!.body.text)).toContain('Added entry #');
  });
});

describe('a submission that runs longer than Slack waits for the modal’s answer (3 s)', () => {
  /** Holds every dispatch until the test lets it go, as a slow command would (editing every posted copy of a card…). */
  function holdDispatches(): () => void {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const dispatch = h.app.dispatcher.dispatch.bind(h.app.dispatcher);
    vi.spyOn(h.app.dispatcher, 'dispatch').mockImplementation(async (request) => {
      await held;
      return dispatch(request);
    });
    return release;
  }

  it('closes the modal in time, and the result reaches the submitter once the command is done', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN, channelId: 'C0DESK' });
    const count = entryCount();
    const release = holdDispatches();
    try {
      const posted = h.slack.callsTo('chat.postEphemeral').length;
      // The command is held until release(): an answer now is one that did not wait for it.
      const answer = await h.submitForm(view, VALID, { userId: ADMIN });
      expect(answer).toEqual({ status: 200, body: undefined });
      expect(entryCount()).toBe(count);
      release();
      const call = await nextEphemeral(posted);
      expect(call.args).toMatchObject({ channel: 'C0DESK', user: ADMIN });
      expect(h.app.dossier.getEntry(addedId(call))?.title).toBe(VALID.title);
      expect(entryCount()).toBe(count + 1);
      expect(h.app.logger.lines.filter((l) => l.message === 'slack: unhandled Bolt error')).toEqual([]);
    } finally {
      release();
    }
  });

  it('a refusal that comes after the modal closed is posted to the submitter, with what they typed', async () => {
    const view = await h.openForm('/entry add', { userId: ADMIN, channelId: 'C0DESK' });
    const before = storeFingerprint(h.app.db);
    const release = holdDispatches();
    try {
      const posted = h.slack.callsTo('chat.postEphemeral').length;
      expect(await h.submitForm(view, { ...VALID, actors: 'Nobody At All:participant' }, { userId: ADMIN })).toEqual({ status: 200, body: undefined });
      release();
      const call = await nextEphemeral(posted);
      expect(call.args).toMatchObject({ channel: 'C0DESK', user: ADMIN });
      const text = shownText(call.args);
      expect(text).toContain('No actor is called `Nobody At All` (option `actors`).');
      expect(text).toContain('What you typed is below');
      expect(text).toContain('Second line, as sourced.');
      expect(storeFingerprint(h.app.db)).toBe(before);
    } finally {
      release();
    }
  });
});

/** What an edit modal's inputs hold when opened: what submitting it untouched would send. */
function prefilledValues(view: Parameters<typeof inputs>[0]): Record<string, string> {
  return Object.fromEntries(
    inputs(view).flatMap((b) => {
      const element = b.element as { initial_value?: string; initial_option?: { value: string } };
      const value = element.initial_value ?? element.initial_option?.value;
      return value === undefined ? [] : [[b.block_id, value]];
    }),
  );
}

describe('/entry edit ID opens a modal that starts from the entry’s values', () => {
  it('pre-fills every field with the current value, in option syntax', async () => {
    const view = await h.openForm('/entry edit 12', { userId: ADMIN });
    const byName = Object.fromEntries(inputs(view).map((b) => [b.block_id, b.element as { initial_value?: string; initial_option?: { value: string } }]));
    expect(byName.title!.initial_value).toBe('Syrian and Israeli officials meet in Baku');
    expect(byName.date!.initial_value).toBe('2025-07-12');
    expect(byName.places!.initial_value).toBe('Baku, Azerbaijan');
    expect(byName.actors!.initial_value).toBe('Syria:participant, Israel:participant, Ahmed al-Sharaa:subject');
    expect(byName.type!.initial_option?.value).toBe('talks');
    expect(byName.confidence!.initial_option?.value).toBe('reported');
  });

  it('submitted with only one value changed, changes only that field', async () => {
    const view = await h.openForm('/entry edit 12', { userId: ADMIN, channelId: 'C0DESK' });
    const prefilled = prefilledValues(view);
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    await h.submitForm(view, { ...prefilled, confidence: 'confirmed' }, { userId: ADMIN });
    const call = await nextEphemeral(posted);
    expect(String(call.args.text)).toContain('Updated #12: confidence.');
  });

  it('submitted after someone else changed the entry, writes only what this admin changed', async () => {
    const view = await h.openForm('/entry edit 13', { userId: ADMIN, channelId: 'C0DESK' });
    await h.command('/entry edit id:13 title:"Changed by someone else"', { userId: ADMIN });
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, { ...prefilledValues(view), confidence: 'disputed' }, { userId: ADMIN })).body).toBeUndefined();
    expect(String((await nextEphemeral(posted)).args.text)).toContain('Updated #13: confidence.');
    const after = h.app.dossier.getEntry(13)!;
    expect(after.title).toBe('Changed by someone else');
    expect(after.confidence).toBe('disputed');
  });

  it('submitted for an entry stored before a stricter rule, checks only the fields changed', async () => {
    const stored = h.app.dossier.getEntry(14)!;
    h.app.services.editor.editEntry(14, { end: stored.start }, { by: 'seed-test', at: '2026-01-01T00:00:00Z' });
    const view = await h.openForm('/entry edit 14', { userId: ADMIN, channelId: 'C0DESK' });
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, { ...prefilledValues(view), confidence: 'disputed' }, { userId: ADMIN })).body).toBeUndefined();
    expect(String((await nextEphemeral(posted)).args.text)).toContain('Updated #14: confidence.');
  });

  it('submitted pre-filled with clear naming fields, empties those fields', async () => {
    const view = await h.openForm('/entry edit 12', { userId: ADMIN, channelId: 'C0DESK' });
    const prefilled = prefilledValues(view);
    expect(prefilled.places).toBe('Baku, Azerbaijan');
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, { ...prefilled, clear: 'places, tags' }, { userId: ADMIN })).body).toBeUndefined();
    await nextEphemeral(posted);
    const after = h.app.dossier.getEntry(12)!;
    expect(after.places).toEqual([]);
    expect(after.tags).toEqual([]);
  });
});

describe('/entry edit ID opens a modal starting from the entry as it is', () => {
  it('shows the entry as it is, then one optional input per field (no id input)', async () => {
    const title = h.app.dossier.getEntry(3)!.title;
    const view = await h.openForm('/entry edit 3', { userId: ADMIN });
    expect(view.title.text).toBe('Edit entry #3');
    expect(view.submit?.text).toBe('Save changes');
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MODAL);
    expect(view.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `#3 ${title}`, emoji: false } });
    expect(inputs(view).map((b) => b.block_id)).toEqual(formFields('edit'));
    expect(formFields('edit')).not.toContain('id');
    expect(inputs(view).every((b) => b.optional === true)).toBe(true);
    const idForm = await h.openForm('/entry edit id:3', { userId: ADMIN });
    expect(idForm.title.text).toBe('Edit entry #3');
    expect(idForm.blocks[0]).toEqual(view.blocks[0]);
  });

  it('changes only the fields filled in', async () => {
    const before = h.app.dossier.getEntry(3)!;
    const view = await h.openForm('/entry edit 3', { userId: ADMIN, channelId: 'C0DESK' });
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    expect((await h.submitForm(view, { ...prefilledValues(view), confidence: 'disputed', end: '1975' }, { userId: ADMIN })).body).toBeUndefined();
    const call = await nextEphemeral(posted);
    expect(String(call.args.text)).toContain('Updated #3:');
    const after = h.app.dossier.getEntry(3)!;
    expect(after.confidence).toBe('disputed');
    expect(after.end).toEqual({ year: 1975 });
    expect({ ...after, confidence: before.confidence, end: before.end, revisionCount: 0, updatedAt: '', updatedBy: '' }).toEqual({
      ...before,
      revisionCount: 0,
      updatedAt: '',
      updatedBy: '',
    });
  });

  it('an entry that does not exist is reported at once, with no modal', async () => {
    const opened = h.slack.callsTo('views.open').length;
    const body = await h.command('/entry edit 999', { userId: ADMIN });
    expect(shownText(body)).toContain('There is no entry #999.');
    expect(h.slack.callsTo('views.open')).toHaveLength(opened);
  });

  it('with a field given, /entry edit runs as typed', async () => {
    const opened = h.slack.callsTo('views.open').length;
    const body = await h.command('/entry edit id:3 tags:"golan, background"', { userId: ADMIN });
    expect(shownText(body)).toContain('Updated #3');
    expect(h.slack.callsTo('views.open')).toHaveLength(opened);
  });
});

describe('the edit modal shows the entry as it is, whole', () => {
  const stamp = () => ({ by: 'test', at: new Date().toISOString() });
  const addEntry = (sources: { outlet: string; url: string; attribution: string }[], summary: string) =>
    h.app.services.editor.addEntry(
      { topic: 'edge', title: 'Many sources', summary, eventType: 'talks', start: { year: 2025 }, confidence: 'reported', places: [], actors: [], sources, tags: [] },
      stamp(),
    );
  /** The blocks above the fields: the preview of the entry. */
  const preview = (view: types.ModalView) => {
    const blocks = view.blocks as types.KnownBlock[];
    return blocks.slice(0, blocks.findIndex((b) => b.type === 'divider'));
  };
  const shown = (blocks: types.KnownBlock[]) => textsOf({ blocks }).join('\n');

  it('every source and the end of a long summary appear above the fields, not just a message’s first part', async () => {
    const sources = Array.from({ length: 25 }, (_, i) => ({
      outlet: `Outlet ${i}`,
      url: `https://news.example.org/${i}?${'utm=x&'.repeat(40)}`,
      attribution: `SOURCE-${i} ${'a senior official speaking on condition of anonymity '.repeat(4)}`,
    }));
    const id = addEntry(sources, `${'Summary '.repeat(400)}THE-END`);
    const view = await h.openForm(`/entry edit ${id}`, { userId: ADMIN });
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MODAL);
    const text = shown(preview(view));
    for (let i = 0; i < 25; i += 1) expect(text).toContain(`SOURCE-${i} `);
    expect(text).toContain('THE-END');
    expect(text).not.toContain('does not fit');
    expect(inputs(view).map((b) => b.block_id)).toEqual(formFields('edit'));
  });

  it('an entry too long for the form says where to read the rest, and the fields all stay', async () => {
    // 120 sources whose escaped attributions (`&lt;&gt;&amp;`) take over 300,000 characters.
    const sources = Array.from({ length: 120 }, (_, i) => ({ outlet: `Outlet ${i}`, url: `https://example.org/${i}`, attribution: `SOURCE-${i} ${'<>&'.repeat(100)}` }));
    const id = addEntry(sources, 'Short.');
    const view = await h.openForm(`/entry edit ${id}`, { userId: ADMIN });
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MODAL);
    const above = preview(view);
    expect(shown(above)).toContain('SOURCE-0 ');
    expect(shown(above).length).toBeLessThanOrEqual(MAX_RENDERED_CHARS_PER_MODAL_PREVIEW);
    expect(above.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `The rest does not fit in this form: \`/entry show id:${id}\`` }] });
    expect(inputs(view).map((b) => b.block_id)).toEqual(formFields('edit'));
  });
});
