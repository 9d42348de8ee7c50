// Forms: on Discord, long text comes through a modal. `/entry add` without `summary` opens one
// with a paragraph input for the summary and short inputs for the list options, pre-filled with
// what the slash command gave. Every input is built from the command's option specs (name,
// description, length limit, required), so a changed spec changes the form with it; what the
// user submits goes back to the dispatcher as raw option values, exactly as if typed as options.
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
} from 'discord.js';
import type { OptionSpec, RawOptionValue, ResolvedLeaf } from '../../core/command-spec.js';
import type { CommandRegistry } from '../../core/registry.js';
import { DEFAULT_TEXT_LIMIT } from '../../core/option-values.js';
import { formModalId, type FormSession } from './form-sessions.js';
import { MODAL_LIMITS } from './limits.js';
import { clip, prefixWithin } from '../../core/text-cut.js';

/** A command that asks for its long text in a modal when the slash command leaves it out. */
export interface FormDefinition {
  command: string;
  subcommand: string;
  /** The long-text option: the form opens when the slash command comes without it. */
  longText: string;
  /** Options shown as inputs, in order: the long text as a paragraph, the others one line each. */
  inputs: readonly string[];
}

/**
 * `/entry edit` has no form: its summary can be given as an option (up to 4,000 characters,
 * within Discord's 6,000 for an option), and a form for one changed field would be in the way.
 */
export const FORMS: readonly FormDefinition[] = [
  { command: 'entry', subcommand: 'add', longText: 'summary', inputs: ['summary', 'places', 'actors', 'tags'] },
];

/** A definition resolved against the registry: the leaf and the spec of every input. */
export interface ResolvedForm {
  definition: FormDefinition;
  leaf: ResolvedLeaf;
  inputs: readonly OptionSpec[];
}

/** The form for this command, checked against its spec; throws when they disagree (a bug). */
export function resolveForm(registry: CommandRegistry, definition: FormDefinition): ResolvedForm {
  const leaf = registry.resolve(definition.command, definition.subcommand);
  if (definition.inputs.length > MODAL_LIMITS.inputs) {
    throw new Error(`the form for /${leaf.path} has ${definition.inputs.length} inputs; a modal holds ${MODAL_LIMITS.inputs}`);
  }
  if (!definition.inputs.includes(definition.longText)) throw new Error(`the form for /${leaf.path} must show ${definition.longText}`);
  const inputs = definition.inputs.map((name) => {
    const option = leaf.leaf.options?.find((o) => o.name === name);
    if (!option || (option.type !== 'text' && option.type !== 'actor')) {
      throw new Error(`/${leaf.path} has no text option ${name} for its form`);
    }
    return option;
  });
  return { definition, leaf, inputs };
}

/** The form to open for a slash command, or undefined when it runs as it is. */
export function formFor(
  registry: CommandRegistry,
  command: string,
  subcommand: string | undefined,
  args: Readonly<Record<string, RawOptionValue>>,
): ResolvedForm | undefined {
  const definition = FORMS.find((f) => f.command === command && f.subcommand === subcommand);
  if (!definition || args[definition.longText] !== undefined) return undefined;
  return resolveForm(registry, definition);
}

/** The options the slash command gave split into those the form shows and the rest. */
export function splitArgs(form: ResolvedForm, args: Readonly<Record<string, RawOptionValue>>) {
  const names = new Set(form.definition.inputs);
  const fixed: Record<string, RawOptionValue> = {};
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (names.has(name)) values[name] = String(value);
    else fixed[name] = value;
  }
  return { fixed, values };
}

/** `source_url` → `Source url`: the option's own name, as a label. */
export function inputLabel(optionName: string): string {
  const words = optionName.replace(/_/g, ' ');
  return clip(`${words.charAt(0).toUpperCase()}${words.slice(1)}`, MODAL_LIMITS.label);
}

export function inputMaxLength(option: OptionSpec): number {
  return Math.min(option.maxLength ?? DEFAULT_TEXT_LIMIT, MODAL_LIMITS.textInput);
}

function textInput(option: OptionSpec, paragraph: boolean, value: string | undefined): APITextInputComponent {
  const max = inputMaxLength(option);
  return {
    type: ComponentType.TextInput,
    custom_id: option.name,
    style: paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
    max_length: max,
    // Discord makes every input required unless told otherwise; the spec decides.
    required: option.required === true,
    ...(value !== undefined && value !== '' ? { value: prefixWithin(value, max) } : {}),
  };
}

/** `/entry add: Talks resume in Baku`, within Discord's 45 characters. */
function modalTitle(form: ResolvedForm, fixed: Readonly<Record<string, RawOptionValue>>): string {
  const title = fixed.title === undefined ? '' : String(fixed.title).replace(/\s+/g, ' ').trim();
  return clip(title ? `/${form.leaf.path}: ${title}` : `/${form.leaf.path}`, MODAL_LIMITS.title);
}

/** The modal (callback type 9 data) for an open form, with the inputs as the session holds them. */
export function modalData(form: ResolvedForm, session: FormSession): APIModalInteractionResponseCallbackData {
  const components: APILabelComponent[] = form.inputs.map((option) => ({
    type: ComponentType.Label,
    label: inputLabel(option.name),
    description: clip(option.description, MODAL_LIMITS.labelDescription),
    component: textInput(option, option.name === form.definition.longText, session.values[option.name]),
  }));
  return { custom_id: formModalId(session), title: modalTitle(form, session.fixed), components };
}

/**
 * The options to dispatch: the slash command's, with the form's inputs over them. The form is
 * authoritative for its inputs: one left empty (or emptied) is not given at all.
 */
export function submittedArgs(session: FormSession, values: Readonly<Record<string, string>>): Record<string, RawOptionValue> {
  const args: Record<string, RawOptionValue> = { ...session.fixed };
  for (const [name, value] of Object.entries(values)) {
    if (value.trim() !== '') args[name] = value;
  }
  return args;
}
