// Forms as the core declares them (FormSpec in each command's spec) and hands them to platforms:
// which fields a form shows, how each is labelled and limited, what it starts with, and how a
// submission becomes the command's options again.
import type { Choice, FormSpec, OptionSpec, RawOptionValue, ResolvedLeaf } from '../command-spec.js';
import { DEFAULT_TEXT_LIMIT, emptyingAlso } from '../option-values.js';
import type { Line, View } from '../view.js';

export type FieldKind = 'line' | 'paragraph' | 'choice' | 'boolean' | 'integer' | 'date';

export interface FormField {
  /** The option the field fills. */
  name: string;
  label: string;
  description: string;
  kind: FieldKind;
  required: boolean;
  maxLength: number;
  min?: number;
  max?: number;
  choices?: readonly Choice[];
  /** What the field starts with (the command's value, or the record's current one). */
  value?: string;
  /** An example worth showing as a placeholder. */
  example?: string;
}

/** A form ready to draw: a platform turns it into its modal, with `carrier` as the modal's id. */
export interface FormScreen {
  carrier: string;
  title: string;
  submit: string;
  note?: string;
  /** The record the form changes, shown above the fields where there is room. */
  preview?: View;
  /** Said under a preview cut to fit: where to read the rest. */
  previewRest?: Line;
  fields: FormField[];
}

/** What a platform's modals can hold. */
export interface FormRoom {
  /** Inputs in one modal (Discord 5, Slack far more). */
  maxFields: number;
  /** Characters of the text that comes back with a submission (the modal's id or metadata). */
  carrierLength: number;
  /** A refused submission closes the modal (Discord): the reply then offers to reopen it. */
  closesOnSubmit: boolean;
  /**
   * Characters a text input holds (Discord 4,000, Slack 3,000): a start value longer than it, or
   * than its option allows, starts empty, which leaves it unchanged. Unlimited when not given.
   */
  textLength?: number;
}

/** The open form's state: the command, the options given outside the form, and the form's values. */
export interface FormState {
  command: string;
  subcommand?: string;
  owner: string;
  /** Options given with the command that the form does not show. */
  fixed: Record<string, RawOptionValue>;
  /** What the fields hold: as the form started, then as last submitted. */
  values: Record<string, string>;
  /** What the fields started with, so an edit writes only what changed. */
  start: Record<string, string>;
  /** The fields the form shows. */
  fields: string[];
  /** The delivery that succeeded; the form is used up after it. */
  submittedBy?: string;
  /** The record the form changes, as shown above the fields. */
  preview?: View;
  /** When the form opened (ms since the epoch), to say since when a field it shows was changed. */
  openedAt?: number;
  /**
   * For a part its fields address by position (form-parts.ts), by its identifying field: the part
   * the submitter was told holds that position now, which a submission counts from instead of the
   * one the form opened on.
   */
  partsSeen?: Record<string, string>;
}

const LABEL_WORDS: Readonly<Record<string, string>> = { url: 'URL', id: 'ID' };

/** `source_url` → `Source URL`: the option's own name, as a label. */
export function optionLabel(name: string): string {
  const text = name.split(/[_-]+/).map((w) => LABEL_WORDS[w] ?? w).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the command, as given, asks for its form: nothing but its keys, or without the long text. */
export function opensForm(form: FormSpec, given: readonly string[]): boolean {
  const keys = form.keys ?? [];
  const onlyKeys = given.length === keys.length && keys.every((k) => given.includes(k));
  return onlyKeys || (form.opensWithout !== undefined && !given.includes(form.opensWithout));
}

/**
 * The fields a platform with room for `max` shows: required ones not given, long text, then in
 * order; required ones given with the command last, since they are answered already.
 */
export function shownFields(form: FormSpec, leaf: ResolvedLeaf, given: readonly string[], max: number): string[] {
  const options = leaf.leaf.options ?? [];
  const required = (name: string) => options.some((o) => o.name === name && o.required);
  const order = [
    ...form.fields.filter((f) => required(f) && !given.includes(f)),
    ...(form.longText ?? []).filter((f) => form.fields.includes(f)),
    ...form.fields.filter((f) => !(required(f) && given.includes(f))),
    ...form.fields,
  ];
  return [...new Set(order)].slice(0, max).sort((a, b) => form.fields.indexOf(a) - form.fields.indexOf(b));
}

function fieldKind(option: OptionSpec, long: boolean): FieldKind {
  if (long) return 'paragraph';
  switch (option.type) {
    case 'choice':
      return option.choices && option.choices.length > 0 ? 'choice' : 'line';
    case 'boolean':
    case 'integer':
    case 'date':
      return option.type;
    default:
      return 'line';
  }
}

/** An example worth showing: unquoted, and more than an ellipsis. */
function exampleOf(option: OptionSpec): string | undefined {
  const example = option.example?.replace(/^["“'](.*)["”']$/, '$1');
  return example && /[\p{L}\p{N}]/u.test(example) ? example : undefined;
}

export function formField(option: OptionSpec, form: FormSpec, value: string | undefined): FormField {
  const example = exampleOf(option);
  return {
    name: option.name,
    label: optionLabel(option.name),
    description: option.description,
    kind: fieldKind(option, (form.longText ?? []).includes(option.name)),
    required: option.required === true,
    maxLength: option.maxLength ?? DEFAULT_TEXT_LIMIT,
    ...(option.min !== undefined ? { min: option.min } : {}),
    ...(option.max !== undefined ? { max: option.max } : {}),
    ...(option.choices ? { choices: option.choices } : {}),
    ...(value !== undefined && value !== '' ? { value } : {}),
    ...(example ? { example } : {}),
  };
}

/**
 * The fields a submission changes: those typed into, not left empty (an empty field keeps its
 * value) and no longer as the form started them.
 */
export function changedFields(state: FormState, typed: Readonly<Record<string, string>>): string[] {
  return state.fields.filter((name) => {
    const value = typed[name];
    return value !== undefined && value.trim() !== '' && value !== state.start[name];
  });
}

/** How a form named the fields emptied in it: its emptiedOption, where the platform showed their start values whole. */
export interface EmptiedIn {
  option: string;
  /** Whether the field's start value was in its input (one too long starts empty, meaning unchanged). */
  shown(name: string, value: string): boolean;
}

/** The fields a submission empties: they opened showing a value, and came back blank. */
export function emptiedFields(state: FormState, typed: Readonly<Record<string, string>>, shown: EmptiedIn['shown']): string[] {
  return state.fields.filter((name) => {
    const start = state.start[name] ?? '';
    return start.trim() !== '' && shown(name, start) && typed[name] !== undefined && typed[name].trim() === '';
  });
}

/** Whether an input of `option` on a platform with `room` holds `value` whole, as formField draws it. */
export function holdsWhole(option: OptionSpec | undefined, room: Pick<FormRoom, 'textLength'>, value: string): boolean {
  return value.length <= Math.min(option?.maxLength ?? DEFAULT_TEXT_LIMIT, room.textLength ?? Infinity);
}

/**
 * The options to run: those given outside the form, with the fields over them. A field left
 * empty is not given, and neither is one still as the form started it, so an edit writes only
 * what was changed (not a change someone else made meanwhile back over). A form with an
 * emptiedOption names the fields emptied in it (`emptied`), after any that option's own field
 * names.
 */
export function submittedArgs(state: FormState, typed: Readonly<Record<string, string>>, emptied?: EmptiedIn): Record<string, RawOptionValue> {
  const args: Record<string, RawOptionValue> = { ...state.fixed };
  for (const name of changedFields(state, typed)) args[name] = typed[name]!;
  const names = emptied ? emptiedFields(state, typed, emptied.shown) : [];
  if (emptied && names.length > 0) args[emptied.option] = emptyingAlso(args[emptied.option], names);
  return args;
}
