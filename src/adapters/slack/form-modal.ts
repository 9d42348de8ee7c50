// A core form (FormScreen) as a Slack modal: the record it changes above the fields as far as it
// fits, its note, then one input per field within Slack's limits. The modal's private_metadata
// holds the core's form carrier and what the answer needs: the channel, the command's
// response_url, `--public` and the workspace's command prefix.
import type { types } from '@slack/bolt';
import { spelledLine, type CommandSpelling } from '../../core/command-refs.js';
import type { Choice } from '../../core/command-spec.js';
import type { FormField, FormScreen } from '../../core/interaction/forms.js';
import { renderLine as renderPlainLine } from '../../core/render-text.js';
import { clip } from '../../core/text-cut.js';
import type { Line, View } from '../../core/view.js';
import * as limit from './limits.js';
import { renderLine } from './mrkdwn.js';
import { renderView, type Block } from './render-view.js';
import { knownPrefix, spellingFor } from './command-prefix.js';

export const FORM_CALLBACK_ID = 'sitrep_form';
/** Every input's action_id; its block_id is the field's name. */
const INPUT_ACTION_ID = 'value';

/** Where a form's result goes, kept in the modal beside the core's carrier. */
export interface ModalPlace {
  channelId: string;
  responseUrl?: string;
  /** The user asked for `--public`. */
  public: boolean;
  prefix: string;
}

export interface ModalMetadata extends ModalPlace {
  carrier: string;
}

export function readMetadata(text: string | undefined): ModalMetadata | undefined {
  try {
    const data = JSON.parse(text ?? '') as Partial<Record<keyof ModalMetadata, unknown>> | null;
    if (typeof data?.carrier !== 'string' || typeof data.channelId !== 'string') return undefined;
    const responseUrl = typeof data.responseUrl === 'string' ? { responseUrl: data.responseUrl } : {};
    return { carrier: data.carrier, channelId: data.channelId, ...responseUrl, public: data.public === true, prefix: knownPrefix(data.prefix) };
  } catch {
    return undefined;
  }
}

const plain = (text: string, max: number): types.PlainTextElement => ({ type: 'plain_text', text: clip(text, max) });

function select(choices: readonly Choice[], value: string | undefined): types.StaticSelect {
  const options = choices.map((c) => ({ text: plain(c.label, limit.MAX_OPTION_TEXT), value: c.value }));
  const selected = options.find((o) => o.value === value);
  return { type: 'static_select', action_id: INPUT_ACTION_ID, options, ...(selected ? { initial_option: selected } : {}) };
}

/** The input for a field, and a note for its hint when Slack allows less than the command. */
function inputElement(field: FormField): { element: types.InputBlockElement; note?: string } {
  const { kind, value } = field;
  if (kind === 'choice' && field.choices && field.choices.length <= limit.MAX_SELECT_OPTIONS) return { element: select(field.choices, value) };
  if (kind === 'boolean') return { element: select([{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }], value) };
  if (kind === 'integer') {
    const bounds = { ...(field.min !== undefined ? { min_value: String(field.min) } : {}), ...(field.max !== undefined ? { max_value: String(field.max) } : {}) };
    return { element: { type: 'number_input', action_id: INPUT_ACTION_ID, is_decimal_allowed: false, ...bounds, ...(value ? { initial_value: value } : {}) } };
  }
  const max = Math.min(field.maxLength, limit.MAX_TEXT_INPUT);
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: INPUT_ACTION_ID,
    max_length: max,
    ...(kind === 'paragraph' ? { multiline: true } : {}),
    // A value the input cannot hold whole starts empty, which leaves it unchanged.
    ...(value !== undefined && value.length <= max ? { initial_value: value } : {}),
    ...(field.example ? { placeholder: plain(field.example, limit.MAX_PLACEHOLDER) } : {}),
  };
  if (field.maxLength <= max) return { element };
  return { element, note: `Up to ${max} characters here (Slack's limit for a form field); the command itself takes up to ${field.maxLength}.` };
}

/** An option's description as a sentence, so a note after it does not run on from it (`What happened, as sourced.`). */
const asSentence = (text: string) => (/[.!?…:)]$/.test(text) ? text : `${text}.`);

function inputBlock(field: FormField): types.InputBlock {
  const { element, note } = inputElement(field);
  const hint = field.description && note ? `${asSentence(field.description)} ${note}` : field.description || note;
  return {
    type: 'input',
    block_id: field.name,
    label: plain(field.label, limit.MAX_INPUT_LABEL),
    element,
    optional: !field.required,
    ...(hint ? { hint: plain(hint, limit.MAX_INPUT_HINT) } : {}),
  };
}

/** Characters of text a block shows, counted against the preview's budget. */
function blockChars(block: Block): number {
  if (block.type === 'header') return block.text.text.length;
  if (block.type === 'section') return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, f) => sum + f.text.length, 0);
  if (block.type === 'context') return block.elements.reduce((sum, e) => sum + ('text' in e ? e.text.length : 0), 0);
  return 0;
}

/** How many blocks from the start fit in `room` blocks and `budget` characters. */
function fittingCount(blocks: readonly Block[], room: number, budget: number): number {
  let count = 0;
  for (let chars = 0; count < Math.min(room, blocks.length) && chars + blockChars(blocks[count]!) <= budget; count += 1) chars += blockChars(blocks[count]!);
  return count;
}

/**
 * The preview (its header once, then every part: a modal holds more than a message) and a divider
 * within `room` blocks. What does not fit is left out with a line saying where to read it.
 */
function previewBlocks(view: View, rest: Line | undefined, room: number, spell: CommandSpelling): Block[] {
  const parts = renderView(view, spell);
  const blocks = [parts[0]!.header, ...parts.flatMap((part) => part.content)];
  const budget = limit.MAX_RENDERED_CHARS_PER_MODAL_PREVIEW;
  if (fittingCount(blocks, room - 1, budget) === blocks.length) return [...blocks, { type: 'divider' }];
  if (room < 2) return [];
  const notice: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: clip(renderLine(spelledLine(rest ?? [], spell)), limit.MAX_CONTEXT_TEXT) }] };
  return [...blocks.slice(0, fittingCount(blocks, room - 2, budget - blockChars(notice))), notice, { type: 'divider' }];
}

/** A trailing id (`#100000`), which a shortened title must keep whole. */
const TRAILING_ID = /^(.*?)\s*(#\d+)$/s;

/**
 * A modal's title within Slack's limit. One ending in an id keeps the id whole and drops the
 * words before it instead ("Approve candidate #100000" → "Approve #100000"): a cut id would name
 * another record.
 */
export function modalTitle(title: string, max = limit.MAX_MODAL_TITLE): string {
  const match = TRAILING_ID.exec(title);
  if (title.length <= max || !match || match[2]!.length > max) return clip(title, max);
  const id = match[2]!;
  const words = match[1]!.split(/\s+/).filter(Boolean);
  // The first word says what the form does; the words after it go first, nearest the id first.
  while (words.length > 1 && [...words, id].join(' ').length > max) words.pop();
  const room = max - id.length - 1;
  if (words.length === 0 || room < 2) return id;
  // Several words left fit; one left is shortened if it still does not.
  return `${words.length === 1 ? clip(words[0]!, room) : words.join(' ')} ${id}`;
}

/** The modal for a form; command names in it are spelled as the workspace has them. */
export function formModal(form: FormScreen, place: ModalPlace): types.ModalView {
  const inputs = form.fields.map(inputBlock);
  const note: Block[] = form.note ? [{ type: 'context', elements: [{ type: 'plain_text', text: clip(form.note, limit.MAX_CONTEXT_TEXT) }] }] : [];
  const room = limit.MAX_BLOCKS_PER_MODAL - inputs.length - note.length;
  const preview = form.preview ? previewBlocks(form.preview, form.previewRest, room, spellingFor(place.prefix)) : [];
  const metadata: ModalMetadata = { carrier: form.carrier, ...place };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: modalTitle(form.title) },
    submit: plain(form.submit, limit.MAX_MODAL_TITLE),
    private_metadata: JSON.stringify(metadata),
    blocks: [...preview, ...note, ...inputs],
  };
}

type StateValues = Readonly<Record<string, Readonly<Record<string, { value?: string | null; selected_option?: { value: string } | null }>>>>;

/** What was typed or chosen in each input of a submitted modal, by field name. */
export function typedValues(values: StateValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, inputs]) => {
    const input = inputs[INPUT_ACTION_ID];
    return [name, input?.selected_option?.value ?? input?.value ?? ''];
  }));
}

/**
 * A refusal or notice as the text under a field: what it says, with marked names still in
 * backticks and commands as the workspace has them. What was typed stays in the modal, so the
 * view's copy of it is left out.
 */
export function fieldErrorText(view: View, prefix = ''): string {
  const said = (view.intro ?? []).map((line) => renderPlainLine(line, { color: false, spell: spellingFor(prefix) }));
  // Slack shows a field's error on one line: a line followed by another gets a stop if it ends without one, so two refusals do not run together.
  const lines = said.map((line) => line.trim()).filter(Boolean);
  const sentences = lines.map((line, i) => (i === lines.length - 1 || /[.!?:…]$/.test(line) ? line : `${line}.`));
  return clip(sentences.join(' ') || view.title, limit.MAX_INPUT_ERROR);
}
