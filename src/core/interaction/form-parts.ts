// A form whose fields fill one of several like parts of its record picked by position (an
// entry's Edit form shows source 1) is refused when another part holds that position now:
// someone removed or reordered them since it opened, and the submission would change a part its
// author never saw, under the values of the one they did.
import type { FormSpec } from '../command-spec.js';
import { plainLine, span, type Line, type View } from '../view.js';
import { emptiedBy, type GuardInput, type GuardRefusal } from './form-guards.js';
import { changedFields } from './forms.js';
import { FORM_CHANGED_TITLE, FORM_SUBJECT_NOW_TEXT, FORM_TYPED_KEPT_TEXT, partAgainText, partMovedText } from './texts.js';

/** One of several like parts of a record, as a form's fields address it. */
export interface PositionalPart {
  /** What the parts are: `source`. */
  noun: string;
  /** The position the fields address, from 1. */
  position: number;
  /** The field whose value tells one part from another (a source's outlet). */
  identifiedBy: string;
  /** The fields that fill the part, that one included. */
  fields: readonly string[];
  /** Whether two values of `identifiedBy` name the same part. */
  same(a: string, b: string): boolean;
}

/** A form that declares the parts its fields address by position. */
export interface FormWithParts extends FormSpec {
  parts?: readonly PositionalPart[];
}

const errorView = (intro: Line[], sections: View['sections'] = []): View => ({ title: FORM_CHANGED_TITLE, tone: 'error', intro, sections, private: true });

/** A part whose position holds another one now: as the form opened on it, and as it is now ('' for none). */
interface Moved {
  part: PositionalPart;
  was: string;
  is: string;
}

export function partMoved(input: GuardInput): GuardRefusal | undefined {
  const { state, typed, leaf } = input;
  const parts = (leaf.leaf.form as FormWithParts | undefined)?.parts ?? [];
  if (!leaf.leaf.formValues || parts.length === 0) return undefined;
  const touched = [...changedFields(state, typed), ...emptiedBy(input)];
  const touching = parts.filter((part) => part.fields.some((field) => touched.includes(field)));
  if (touching.length === 0) return undefined;
  const target = { command: state.command, ...(state.subcommand ? { subcommand: state.subcommand } : {}) };
  // Undefined when the record is gone (removed, decided): the command says so when it runs.
  const now = input.dispatcher.formValues({ ...target, args: input.keys, caller: input.presser });
  if (!now) return undefined;
  const moved = touching.flatMap((part): Moved[] => {
    const was = state.partsSeen?.[part.identifiedBy] ?? state.start[part.identifiedBy] ?? '';
    const is = now[part.identifiedBy] ?? '';
    return was === is || (was !== '' && is !== '' && part.same(was, is)) ? [] : [{ part, was, is }];
  });
  const [first] = moved;
  if (!first) return undefined;
  // Submitted again, knowingly, what was typed goes on the part now at that position. Only the
  // fields typed into count from its values now: the others still show the part the form opened
  // on, and are left out as unchanged.
  for (const { part, is } of moved) {
    state.partsSeen = { ...state.partsSeen, [part.identifiedBy]: is };
    for (const field of part.fields) if (touched.includes(field)) state.start[field] = now[field] ?? '';
  }
  const openedAt = state.openedAt === undefined ? undefined : input.dispatcher.instantsFor(input.presser)(new Date(state.openedAt));
  const of = Object.values(input.keys).map((key) => `#${key}`).join(' ');
  const told = moved.map(({ part, was, is }) => plainLine(partMovedText(part, of, was, is, openedAt)));
  const again: Line = [span.plain(partAgainText(first.part, first.is, input.reopen !== undefined)), input.again, span.plain('.')];
  const look: Line[] = input.look ? [[span.plain(FORM_SUBJECT_NOW_TEXT), input.look, span.plain('.')]] : [];
  const typedBack = input.typedBack.length > 0;
  const intro = [...told, ...look, again, ...(typedBack ? [plainLine(FORM_TYPED_KEPT_TEXT)] : [])];
  const view: View = { ...errorView(intro, input.typedBack), ...(input.reopen ? { buttons: [input.reopen] } : {}) };
  // Under the first field typed into that fills the part: where its author looks.
  const field = state.fields.find((name) => touched.includes(name) && first.part.fields.includes(name));
  const under = errorView([...told, again]);
  return { view, ...(field ? { field, fieldErrors: { [field]: under } } : { fieldErrors: {}, general: under }) };
}
