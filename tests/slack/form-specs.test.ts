// GIVEN a form as the core hands it over (FormScreen), WHEN the Slack modal is drawn, THEN every
// field becomes the input its kind asks for, within Slack's limits, with the record it changes
// above the fields as far as it fits; a submission's inputs are read back by field name, and a
// refusal becomes a bounded text under a field.
import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { fieldErrorText, formModal, readMetadata, typedValues } from '../../src/adapters/slack/form-modal.js';
import { MAX_BLOCKS_PER_MODAL, MAX_INPUT_ERROR, MAX_TEXT_INPUT } from '../../src/adapters/slack/limits.js';
import { userErrorView } from '../../src/core/error-views.js';
import { UserError } from '../../src/core/errors.js';
import type { FormField, FormScreen } from '../../src/core/interaction/forms.js';
import { plainLine, span, type View } from '../../src/core/view.js';

const PLACE = { channelId: 'C1', public: false, prefix: '' };

const field = (name: string, over: Partial<FormField> = {}): FormField => ({
  name,
  label: name,
  description: `About ${name}`,
  kind: 'line',
  required: false,
  maxLength: 200,
  ...over,
});

const screen = (over: Partial<FormScreen> = {}): FormScreen => ({ carrier: 's1:m:abcdefghijkl', title: 'Add an entry', submit: 'Add entry', fields: [field('title')], ...over });

function inputsOf(view: types.ModalView): types.InputBlock[] {
  return (view.blocks as types.KnownBlock[]).filter((b): b is types.InputBlock => b.type === 'input');
}

/** A preview of `count` sections of `size` characters each. */
const preview = (count: number, size = 10): View => ({
  title: '#12 An entry',
  tone: 'normal',
  sections: Array.from({ length: count }, (_, i) => ({ lines: [plainLine(`block ${i} ${'x'.repeat(size)}`)] })),
});

const REST = [span.plain('The rest does not fit in this form: '), span.command('entry show', 'id:12')];

describe('fields', () => {
  it('each kind becomes the input Slack has for it, in the form’s order', () => {
    const view = formModal(
      screen({
        fields: [
          field('casualties', { kind: 'integer', min: 0, max: 100000, value: '12' }),
          field('verified_by', { label: 'Verified by', example: 'AFP' }),
          field('embargoed', { kind: 'boolean', required: true, value: 'false' }),
          field('confidence', { kind: 'choice', choices: [{ value: 'confirmed', label: 'Confirmed' }, { value: 'reported', label: 'Reported' }], value: 'reported' }),
          field('summary', { kind: 'paragraph', maxLength: 4000 }),
          field('date', { kind: 'date', example: '2025-08' }),
        ],
      }),
      PLACE,
    );
    const byName = new Map(inputsOf(view).map((b) => [b.block_id, b]));
    expect([...byName.keys()]).toEqual(['casualties', 'verified_by', 'embargoed', 'confidence', 'summary', 'date']);
    expect(byName.get('casualties')!.element).toEqual({ type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0', max_value: '100000', initial_value: '12' });
    expect(byName.get('verified_by')).toMatchObject({ label: { text: 'Verified by' }, element: { type: 'plain_text_input', max_length: 200, placeholder: { text: 'AFP' } } });
    expect(byName.get('embargoed')).toMatchObject({ optional: false, element: { type: 'static_select', initial_option: { value: 'false' } } });
    expect((byName.get('embargoed')!.element as types.StaticSelect).options!.map((o) => [o.value, o.text.text])).toEqual([['true', 'yes'], ['false', 'no']]);
    expect(byName.get('confidence')!.element).toMatchObject({ type: 'static_select', initial_option: { value: 'reported', text: { text: 'Reported' } } });
    expect(byName.get('summary')).toMatchObject({ optional: true, element: { type: 'plain_text_input', multiline: true, max_length: MAX_TEXT_INPUT } });
    expect(byName.get('summary')!.hint!.text).toBe(`About summary. Up to ${MAX_TEXT_INPUT} characters here (Slack's limit for a form field); the command itself takes up to 4000.`);
    expect(byName.get('date')!.element).toMatchObject({ type: 'plain_text_input', placeholder: { text: '2025-08' } });
  });

  it('a value longer than its input can hold starts empty, leaving the field unchanged', () => {
    const long = 'y'.repeat(MAX_TEXT_INPUT + 1);
    const [input] = inputsOf(formModal(screen({ fields: [field('summary', { kind: 'paragraph', maxLength: 4000, value: long })] }), PLACE));
    expect(input!.element).not.toHaveProperty('initial_value');
  });

  it('carries the core’s carrier and where the answer goes in private_metadata, and reads it back strictly', () => {
    const view = formModal(screen(), { channelId: 'C0DESK', responseUrl: 'https://hooks.example/1', public: true, prefix: 'sitrep-' });
    expect(view.callback_id).toBe('sitrep_form');
    expect(readMetadata(view.private_metadata)).toEqual({ carrier: 's1:m:abcdefghijkl', channelId: 'C0DESK', responseUrl: 'https://hooks.example/1', public: true, prefix: 'sitrep-' });
    expect(readMetadata('')).toBeUndefined();
    expect(readMetadata('not json')).toBeUndefined();
    expect(readMetadata('null')).toBeUndefined();
    expect(readMetadata('{"carrier":"s1:m:abcdefghijkl"}')).toBeUndefined();
    expect(readMetadata('{"carrier":"s1:m:abcdefghijkl","channelId":"C1","prefix":"evil-"}')?.prefix).toBe('');
  });
});

describe('labels', () => {
  it('cuts the title between characters: an emoji at the cut is left out whole', () => {
    const view = formModal(screen({ title: `${'x'.repeat(22)}🇸🇾 more` }), PLACE);
    expect(view.title.text).toBe(`${'x'.repeat(22)}…`);
  });

  it('the modal title and submit label fit Slack’s 24 characters', () => {
    const view = formModal(screen({ title: 'Edit entry #123456789012345678', submit: 'Save all of these changes now' }), PLACE);
    for (const label of [view.title, view.submit!]) expect(Array.from(label.text).length).toBeLessThanOrEqual(24);
  });

  it.each([
    ['Approve candidate #100000', 'Approve #100000'],
    ['Approve candidate #1234567', 'Approve #1234567'],
    ['Attach candidate #100000', 'Attach candidate #100000'],
    ['Edit entry #123456789012', 'Edit entry #123456789012'],
    ['Approve candidate #12345678901234567', 'Appr… #12345678901234567'],
  ])('a title ending in an id too long for it keeps the id whole: %s → %s', (title, shown) => {
    expect(formModal(screen({ title }), PLACE).title.text).toBe(shown);
  });
});

describe('the record above the fields', () => {
  const fields = Array.from({ length: 14 }, (_, i) => field(`field_${i}`));

  it('a preview longer than the modal’s 100 blocks keeps its first blocks and says where the rest is', () => {
    const view = formModal(screen({ fields, note: 'A note.', preview: preview(150), previewRest: REST }), PLACE);
    expect(view.blocks).toHaveLength(MAX_BLOCKS_PER_MODAL);
    const divider = view.blocks.findIndex((b) => b.type === 'divider');
    expect(view.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '#12 An entry', emoji: false } });
    expect(view.blocks[divider - 1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'The rest does not fit in this form: `/entry show id:12`' }] });
    expect(view.blocks[divider + 1]).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: 'A note.' }] });
    expect(inputsOf(view).map((b) => b.block_id)).toEqual(fields.map((f) => f.name));
  });

  it('a preview that fits is shown whole, with no note about the rest', () => {
    const view = formModal(screen({ fields, preview: preview(60), previewRest: REST }), PLACE);
    expect(view.blocks.slice(0, 62).map((b) => b.type)).toEqual(['header', ...Array(60).fill('section'), 'divider']);
    expect(JSON.stringify(view.blocks)).not.toContain('does not fit');
  });

  it('a preview of fewer blocks but too many characters is cut as well', () => {
    const view = formModal(screen({ preview: preview(20, 2900), previewRest: REST }), PLACE);
    expect(view.blocks.length).toBeLessThan(20);
    expect(JSON.stringify(view.blocks)).toContain('does not fit');
  });

  it('in a prefixed workspace the rest is named as it types the command', () => {
    const view = formModal(screen({ preview: preview(150), previewRest: REST }), { ...PLACE, prefix: 'sitrep-' });
    expect(JSON.stringify(view.blocks)).toContain('`/sitrep-entry show id:12`');
  });
});

describe('reading a submission', () => {
  it('takes typed text and chosen options by field name; an empty input is empty text', () => {
    const values = {
      title: { value: { type: 'plain_text_input', value: 'Talks resume' } },
      type: { value: { type: 'static_select', selected_option: { value: 'talks' } } },
      summary: { value: { type: 'plain_text_input', value: null } },
      confidence: { value: { type: 'static_select', selected_option: null } },
    };
    expect(typedValues(values)).toEqual({ title: 'Talks resume', type: 'talks', summary: '', confidence: '' });
  });
});

describe('the text under a field', () => {
  const errorView = (message: string, hints: string[] = []) => userErrorView(new UserError('invalid-option', message, hints));

  it('keeps the message’s backticks and hints, within a bounded length', () => {
    expect(fieldErrorText(errorView('No actor is called `Nobody`.', ['Or create it first: /actors add name:"Nobody"']))).toBe(
      'No actor is called `Nobody`. Or create it first: /actors add name:"Nobody"',
    );
    expect(Array.from(fieldErrorText(errorView('x'.repeat(5000)))).length).toBe(MAX_INPUT_ERROR);
  });

  it('a long message of emoji is cut within the bound counted in UTF-16 units, never inside an emoji', () => {
    const message = fieldErrorText(errorView('👍🏽'.repeat(400)));
    expect(message.length).toBeLessThanOrEqual(MAX_INPUT_ERROR);
    expect(message).toMatch(/^(👍🏽)+…$/u);
  });
});
