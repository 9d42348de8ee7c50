// Modals for commands whose input is too long for one line of slash-command text: /entry add and
// /entry edit. Each modal is built from the command's option specs, so an option added to the
// spec appears in the form without touching this file; what the user submits goes back to the
// dispatcher as raw option values, exactly as if typed as `name:value`.
import type { types } from '@slack/bolt';
import type { OptionSpec, RawOptionValue } from '../../core/command-spec.js';
import type { CommandRegistry } from '../../core/registry.js';
import { markedNames } from '../../core/error-views.js';
import { parseCommandText } from '../../core/text-syntax.js';
import type { Line, View } from '../../core/view.js';
import {
  MAX_BLOCKS_PER_MODAL,
  MAX_CONTEXT_TEXT,
  MAX_INPUT_ERROR,
  MAX_INPUT_HINT,
  MAX_INPUT_LABEL,
  MAX_MODAL_TITLE,
  MAX_OPTION_TEXT,
  MAX_PLACEHOLDER,
  MAX_PRIVATE_METADATA,
  MAX_RENDERED_CHARS_PER_MODAL_PREVIEW,
  MAX_SELECT_OPTIONS,
  MAX_TEXT_INPUT,
} from './limits.js';
import type { Block } from './render-view.js';
import { commandSpelling, knownPrefix, spelledCommandText } from './workspace-commands.js';
import { clip } from '../../core/text-cut.js';

export const FORM_CALLBACK_ID = 'sitrep_form';
/** Every input's action id; the block id is the option's name. */
export const FORM_ACTION_ID = 'value';
/** Dates keep their precision (2025, 2025-07 or 2025-07-12), so they are typed, not picked. */
export const DATE_PLACEHOLDER = '2025-07-12';
/**
 * A date may also be typed as replies show it (`12 Jul 2025`, `30 September 2025`); Slack stops
 * the typing at max_length, so it leaves room for the longest and a stray space or two.
 */
const DATE_INPUT_LENGTH = 20;
/** Text options allowing more than this many characters get a text area. */
const MULTILINE_FROM = 1500;

/** A command that opens a modal when called with nothing but its key options. */
interface FormDefinition {
  command: string;
  subcommand: string;
  /** Options given in the command text that identify what the form changes (`id`). */
  keys: readonly string[];
  title(fixed: Readonly<Record<string, string>>): string;
  submit: string;
  /** A context line over the fields. */
  note?: string;
  /** A read-only command run with the key options whose answer is shown above the fields. */
  preview?: {
    command: string;
    subcommand?: string;
    /**
     * Said under the preview when it is too long for the modal: where to read the rest. `slash`
     * spells a command (`/entry show id:12`) as the workspace has it.
     */
    rest(fixed: Readonly<Record<string, string>>, slash: (command: string) => string): string;
  };
}

const FORMS: readonly FormDefinition[] = [
  { command: 'entry', subcommand: 'add', keys: [], title: () => 'Add an entry', submit: 'Add entry' },
  {
    command: 'entry',
    subcommand: 'edit',
    keys: ['id'],
    title: (fixed) => `Edit entry #${fixed.id ?? ''}`,
    submit: 'Save changes',
    note: 'Fields start with the current values (shown above); change what you need. An empty field keeps its current value.',
    preview: { command: 'entry', subcommand: 'show', rest: (fixed, slash) => `The rest of entry #${fixed.id ?? ''} does not fit in this form: ${slash(`/entry show id:${fixed.id ?? ''}`)}` },
  },
];

/** A form to open: which leaf, and the key options already given in the command text. */
export interface FormRequest {
  definition: FormDefinition;
  fixed: Record<string, string>;
}

/**
 * The form a slash command asks for: `/entry add` with no options, `/entry edit 12` or
 * `/entry edit id:12` with no field. Anything else (or text that does not parse) is run as
 * typed, so the dispatcher reports its errors as usual.
 */
export function formRequest(registry: CommandRegistry, command: string, text: string): FormRequest | undefined {
  let parsed: ReturnType<CommandRegistry['resolveText']>;
  try {
    parsed = registry.resolveText(parseCommandText(text ? `/${command} ${text}` : `/${command}`));
  } catch {
    return undefined;
  }
  const { resolved, args } = parsed;
  const definition = FORMS.find((f) => f.command === resolved.command.name && f.subcommand === resolved.subcommand?.name);
  if (!definition) return undefined;
  const given = Object.keys(args);
  if (given.length !== definition.keys.length || !definition.keys.every((k) => given.includes(k))) return undefined;
  return { definition, fixed: Object.fromEntries(given.map((k) => [k, String(args[k])])) };
}

/** What the modal carries to its submission. Rights come from the submitter, never from here. */
export interface FormMetadata {
  /** Command, subcommand and the key options from the command text. */
  command: string;
  subcommand: string;
  fixed: Record<string, string>;
  /** Where the result is posted, and for whom. */
  channelId: string;
  userId: string;
  /** The slash command's response_url: a fallback, and the way to answer in the channel. */
  responseUrl?: string;
  /** The user asked for `--public`. */
  public: boolean;
  /** The workspace's command prefix (`sitrep-`), when the form was opened with one. */
  prefix?: string;
}

export function encodeMetadata(meta: FormMetadata): string {
  return JSON.stringify(meta);
}

export function decodeMetadata(text: string | undefined): FormMetadata | undefined {
  if (!text) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Partial<FormMetadata>;
  if (typeof m.command !== 'string' || typeof m.subcommand !== 'string' || typeof m.channelId !== 'string' || typeof m.userId !== 'string') return undefined;
  const fixed: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.fixed ?? {})) if (typeof v === 'string') fixed[k] = v;
  return {
    command: m.command,
    subcommand: m.subcommand,
    fixed,
    channelId: m.channelId,
    userId: m.userId,
    ...(typeof m.responseUrl === 'string' ? { responseUrl: m.responseUrl } : {}),
    public: m.public === true,
    ...(knownPrefix(m.prefix) ? { prefix: knownPrefix(m.prefix) } : {}),
  };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max) };
}

const LABEL_WORDS: Readonly<Record<string, string>> = { url: 'URL', id: 'ID' };

/** `source_url` → `Source URL`. */
export function optionLabel(option: OptionSpec): string {
  const words = option.name.split(/[_-]+/).map((w) => LABEL_WORDS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An example worth showing as a placeholder: unquoted, and more than an ellipsis. */
function examplePlaceholder(option: OptionSpec): types.PlainTextElement | undefined {
  const example = option.example?.replace(/^["“'](.*)["”']$/, '$1');
  return example && /[\p{L}\p{N}]/u.test(example) ? plain(example, MAX_PLACEHOLDER) : undefined;
}

function selectElement(choices: readonly { value: string; label: string }[], initial?: string): types.StaticSelect {
  const options = choices.map((c) => ({ text: plain(c.label, MAX_OPTION_TEXT), value: c.value }));
  const selected = options.find((o) => o.value === initial);
  return {
    type: 'static_select',
    action_id: FORM_ACTION_ID,
    placeholder: plain('Choose…', MAX_PLACEHOLDER),
    options,
    ...(selected ? { initial_option: selected } : {}),
  };
}

/** A starting value only if the input can hold it whole; otherwise the field starts empty (unchanged). */
function fitting(initial: string | undefined, max: number | undefined): { initial_value?: string } {
  return initial !== undefined && (max === undefined || initial.length <= max) ? { initial_value: initial } : {};
}

/** The input element for one option, and a note for the hint when the form limits it. */
function inputElement(option: OptionSpec, initial?: string): { element: types.InputBlockElement; note?: string } {
  switch (option.type) {
    case 'choice':
      if (option.choices && option.choices.length > 0 && option.choices.length <= MAX_SELECT_OPTIONS) {
        return { element: selectElement(option.choices, initial) };
      }
      break;
    case 'boolean':
      return { element: selectElement([{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }], initial) };
    case 'integer':
      return {
        element: {
          type: 'number_input',
          action_id: FORM_ACTION_ID,
          is_decimal_allowed: false,
          ...(option.min !== undefined ? { min_value: String(option.min) } : {}),
          ...(option.max !== undefined ? { max_value: String(option.max) } : {}),
          ...fitting(initial, undefined),
        },
      };
    case 'date':
      return {
        element: {
          type: 'plain_text_input',
          action_id: FORM_ACTION_ID,
          placeholder: plain(DATE_PLACEHOLDER, MAX_PLACEHOLDER),
          max_length: DATE_INPUT_LENGTH,
          ...fitting(initial, DATE_INPUT_LENGTH),
        },
      };
    default:
      break;
  }
  const max = option.maxLength;
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: FORM_ACTION_ID,
    ...(max !== undefined && max > MULTILINE_FROM ? { multiline: true } : {}),
    ...(max !== undefined ? { max_length: Math.min(max, MAX_TEXT_INPUT) } : {}),
    ...fitting(initial, Math.min(max ?? MAX_TEXT_INPUT, MAX_TEXT_INPUT)),
  };
  const placeholder = examplePlaceholder(option);
  if (placeholder) element.placeholder = placeholder;
  const note =
    max !== undefined && max > MAX_TEXT_INPUT
      ? `Up to ${MAX_TEXT_INPUT} characters here (Slack's limit for a form field); the command itself takes up to ${max}.`
      : undefined;
  return { element, ...(note ? { note } : {}) };
}

export function inputBlock(option: OptionSpec, initial?: string): types.InputBlock {
  const { element, note } = inputElement(option, initial);
  const hint = [option.description, note].filter(Boolean).join(' ');
  return {
    type: 'input',
    block_id: option.name,
    label: plain(optionLabel(option), MAX_INPUT_LABEL),
    element,
    optional: option.required !== true,
    ...(hint ? { hint: plain(hint, MAX_INPUT_HINT) } : {}),
  };
}

/** The options a form asks for: every option of the leaf except its key options. */
export function formOptions(registry: CommandRegistry, definition: FormDefinition): OptionSpec[] {
  const { leaf } = registry.resolve(definition.command, definition.subcommand);
  return (leaf.options ?? []).filter((o) => !definition.keys.includes(o.name));
}

const DIVIDER: Block = { type: 'divider' };

/** Characters of text a block shows, counted against the preview's budget. */
function blockChars(block: Block): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, f) => sum + f.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, e) => sum + ('text' in e ? e.text.length : 0), 0);
    default:
      return 0;
  }
}

/** How many blocks from the start of `blocks` fit in `room` blocks and `budget` characters. */
function fittingCount(blocks: readonly Block[], room: number, budget: number): number {
  let count = 0;
  let chars = 0;
  while (count < Math.min(room, blocks.length) && chars + blockChars(blocks[count]!) <= budget) {
    chars += blockChars(blocks[count]!);
    count += 1;
  }
  return count;
}

/**
 * The preview and a divider within `room` blocks. What does not fit is left out with a line
 * saying where to read it, so nobody takes a cut preview for the whole entry.
 */
function previewSection(preview: readonly Block[], room: number, rest: string): Block[] {
  if (preview.length === 0) return [];
  const budget = MAX_RENDERED_CHARS_PER_MODAL_PREVIEW;
  if (fittingCount(preview, room - 1, budget) === preview.length) return [...preview, DIVIDER];
  if (room < 2) return [];
  const notice: Block = { type: 'context', elements: [{ type: 'plain_text', text: clip(rest, MAX_CONTEXT_TEXT) }] };
  return [...preview.slice(0, fittingCount(preview, room - 2, budget - blockChars(notice))), notice, DIVIDER];
}

/**
 * The modal for a form: the preview (if any, as far as it fits), a note, then one input per
 * option. Throws if the inputs alone exceed Slack's 100 blocks, which a spec change would cause.
 */
export function buildModal(
  registry: CommandRegistry,
  request: FormRequest,
  metadata: FormMetadata,
  preview: readonly Block[] = [],
  initial: Readonly<Record<string, string>> = {},
): types.ModalView {
  const { definition } = request;
  const inputs = formOptions(registry, definition).map((option) => inputBlock(option, initial[option.name]));
  const note: Block[] = definition.note ? [{ type: 'context', elements: [{ type: 'plain_text', text: definition.note }] }] : [];
  if (inputs.length + note.length > MAX_BLOCKS_PER_MODAL) {
    throw new Error(`/${definition.command} ${definition.subcommand} has ${inputs.length} options; a Slack modal holds ${MAX_BLOCKS_PER_MODAL} blocks`);
  }
  const spelling = commandSpelling(registry.all.map((c) => c.name), metadata.prefix ?? '');
  const rest = definition.preview?.rest(request.fixed, (command) => spelledCommandText(command, spelling)) ?? 'The rest does not fit in this form.';
  const shown = previewSection(preview, MAX_BLOCKS_PER_MODAL - inputs.length - note.length, rest);
  const privateMetadata = encodeMetadata(metadata);
  if (privateMetadata.length > MAX_PRIVATE_METADATA) throw new Error('form metadata exceeds Slack’s private_metadata limit');
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(definition.title(request.fixed), MAX_MODAL_TITLE),
    submit: plain(definition.submit, MAX_MODAL_TITLE),
    close: plain('Cancel', MAX_MODAL_TITLE),
    private_metadata: privateMetadata,
    blocks: [...shown, ...note, ...inputs],
  };
}

type StateValues = Readonly<Record<string, Readonly<Record<string, { value?: string | null; selected_option?: { value: string } | null }>>>>;

export interface SubmittedBlock {
  block_id?: string;
  element?: { initial_value?: string; initial_option?: { value: string } };
}

/** What each input of the submitted modal started with (an edit form's current values), by option name. */
export function startingValues(blocks: readonly SubmittedBlock[] | undefined): Record<string, string> {
  const start: Record<string, string> = {};
  for (const block of blocks ?? []) {
    const value = block.element?.initial_option?.value ?? block.element?.initial_value;
    if (block.block_id !== undefined && value !== undefined) start[block.block_id] = value;
  }
  return start;
}

/**
 * The submitted fields as raw option values. Empty fields are left out, and so are fields still
 * as the form started them: an edit writes only what this admin changed, so a change someone
 * else made meanwhile is not written back over, nor an older entry's other fields re-checked.
 */
export function submittedArgs(values: StateValues, options: readonly OptionSpec[], start: Readonly<Record<string, string>> = {}): Record<string, RawOptionValue> {
  const args: Record<string, RawOptionValue> = {};
  for (const option of options) {
    const state = values[option.name]?.[FORM_ACTION_ID];
    const value = state?.selected_option?.value ?? state?.value ?? undefined;
    if (typeof value === 'string' && value.trim() !== '' && value !== start[option.name]) args[option.name] = value;
  }
  return args;
}

function lineText(line: Line): string {
  return line.map((s) => (s.style === 'code' ? `\`${s.text}\`` : s.text)).join('');
}

/** The error view's message for the modal, with option names still in backticks. */
export function formErrorMessage(view: View): string {
  const text = [...(view.intro ?? []).map(lineText), ...view.sections.flatMap((s) => s.lines.map(lineText))].join(' ').trim() || view.title;
  return clip(text, MAX_INPUT_ERROR);
}

/**
 * The input an error belongs under: user errors name options in backticks (`Option \`date\` …`),
 * so the first backticked name that is a field of the form; otherwise the first field.
 */
export function errorBlockId(view: View, fieldNames: readonly string[]): string | undefined {
  return markedNames(view).find((name) => fieldNames.includes(name)) ?? fieldNames[0];
}

/** The form a submission belongs to, looked up again from the metadata. */
export function formDefinitionFor(meta: FormMetadata): FormDefinition | undefined {
  return FORMS.find((f) => f.command === meta.command && f.subcommand === meta.subcommand);
}

export type { FormDefinition };
