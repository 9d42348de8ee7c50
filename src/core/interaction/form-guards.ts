// What a form's submission is refused for before its command runs: nothing changed in a form
// whose command does nothing without a change, or a field changed that someone else changed
// since the form opened, which the submission would silently replace.
import type { Caller } from '../caller.js';
import type { ResolvedLeaf } from '../command-spec.js';
import type { Dispatcher } from '../dispatcher.js';
import { clip } from '../text-cut.js';
import { plainLine, span, type Button, type Line, type Section, type Span, type View } from '../view.js';
import { changedFields, emptiedFields, opensForm, optionLabel, submittedArgs, type EmptiedIn, type FormState } from './forms.js';
import {
  changedApplyText, changedFieldText, type ChangedField, changedMeanwhileText, changedNowHeading, FORM_CHANGED_TITLE, FORM_SUBJECT_NOW_TEXT, FORM_TYPED_KEPT_TEXT, FORM_UNCHANGED_TITLE, formUnchangedText,
} from './texts.js';

/** A refusal before the command runs, split by field as a platform that keeps its form open shows it. */
export interface GuardRefusal {
  view: View;
  field?: string;
  fieldErrors: Record<string, View>;
  general?: View;
}

export interface GuardInput {
  dispatcher: Dispatcher;
  leaf: ResolvedLeaf;
  state: FormState;
  typed: Readonly<Record<string, string>>;
  presser: Caller;
  /** The form's keys, as the command takes them (`id`). */
  keys: Readonly<Record<string, string>>;
  /** `/entry edit id:12`: the command that opens the form afresh. */
  again: Span;
  /** `/entry show id:12`: where to see what the form changes as it is now, if anywhere. */
  look?: Span;
  /** The platform closed the form: the refusal offers it again with this button, if the presser may use it. */
  reopen?: Button;
  /** What was changed in the form, given back where the platform closed it. */
  typedBack: Section[];
  /** How the form names the fields emptied in it, if an emptied field empties its option (FormSpec.emptiedOption). */
  emptiedIn?: EmptiedIn;
}

/**
 * The fields a submission empties: named in another field (`clear: summary`), or, where the form
 * says so, emptied themselves. Each is changed as much as one typed over.
 */
export function emptiedBy(input: Pick<GuardInput, 'leaf' | 'state' | 'typed' | 'emptiedIn'>): string[] {
  const named = input.leaf.leaf.form?.emptied?.(input.typed) ?? [];
  const blanked = input.emptiedIn ? emptiedFields(input.state, input.typed, input.emptiedIn.shown) : [];
  return [...new Set([...named, ...blanked])];
}

/** How long a current value may run under a field kept open, where Slack has 1,000 characters. */
const FIELD_VALUE_CHARS = 400;

const errorView = (title: string, intro: Line[], sections: Section[] = []): View => ({ title, tone: 'error', intro, sections, private: true });

const withTypedBack = (input: GuardInput, intro: Line[], sections: Section[]): { intro: Line[]; sections: Section[] } =>
  input.typedBack.length === 0 ? { intro, sections } : { intro: [...intro, plainLine(FORM_TYPED_KEPT_TEXT)], sections: [...sections, ...input.typedBack] };

/**
 * A command that, given nothing but its keys, asks for its form (`/entry edit id:12`) does
 * nothing with them alone, and neither does a submission of that form that changed nothing: it
 * is told so, in the form's words, not the typed command's.
 */
export function nothingChanged(input: GuardInput): GuardRefusal | undefined {
  const form = input.leaf.leaf.form!;
  const keys = form.keys ?? [];
  if (form.buttonsOnly || !opensForm(form, keys)) return undefined;
  if (!Object.keys(submittedArgs(input.state, input.typed, input.emptiedIn)).every((name) => keys.includes(name))) return undefined;
  const intro = [plainLine(formUnchangedText(input.reopen !== undefined))];
  const view: View = { ...errorView(FORM_UNCHANGED_TITLE, intro), ...(input.reopen ? { buttons: [input.reopen] } : {}) };
  return { view, fieldErrors: {}, general: errorView(FORM_UNCHANGED_TITLE, intro) };
}

/**
 * A form that starts from its record's values (LeafSpec.formValues) knows what each field held
 * when it opened. A field the submission changes whose stored value is no longer that, nor what
 * was typed, was changed meanwhile by someone else: writing it would replace their change
 * unseen. Refused, naming each such field and what it holds now, and giving back what was typed;
 * those fields then count from their current value, so submitting the same text again (now
 * knowingly) writes it. Fields the submission leaves as they opened keep others' changes.
 */
export function changedMeanwhile(input: GuardInput): GuardRefusal | undefined {
  const { state, typed, leaf } = input;
  if (!leaf.leaf.formValues) return undefined;
  const changed = changedFields(state, typed);
  const emptiedNow = emptiedBy(input);
  if (changed.length === 0 && emptiedNow.length === 0) return undefined;
  const target = { command: state.command, ...(state.subcommand ? { subcommand: state.subcommand } : {}) };
  // Undefined when the record is gone (removed, decided): the command says so when it runs.
  const now = input.dispatcher.formValues({ ...target, args: input.keys, caller: input.presser });
  if (!now) return undefined;
  const stored = (name: string) => now[name] ?? '';
  const changedSince = (name: string) => stored(name) !== (state.start[name] ?? '');
  // A field the submission empties (`clear: summary`) that someone filled meanwhile would go unseen too.
  const emptied = emptiedNow.filter((name) => !changed.includes(name) && changedSince(name) && stored(name) !== '');
  const clashes = [...changed.filter((name) => changedSince(name) && stored(name) !== typed[name]), ...emptied];
  if (clashes.length === 0) return undefined;
  const when = input.dispatcher.instantsFor(input.presser);
  const openedAt = state.openedAt === undefined ? undefined : when(new Date(state.openedAt));
  // Whose change each was, and when, on the reader's clock: what they need to settle it with its author.
  const authors = state.openedAt === undefined ? {} : input.dispatcher.formAuthors({ ...target, args: input.keys, caller: input.presser }, state.openedAt);
  const changedField = (name: string): ChangedField => {
    const author = authors[name];
    return { label: optionLabel(name), ...(author ? { by: author.by, at: when(author.at) } : {}) };
  };
  for (const name of clashes) state.start[name] = stored(name);
  const said: Line[] = [
    plainLine(changedMeanwhileText(clashes.map(changedField), openedAt)),
    ...(input.look ? [[span.plain(FORM_SUBJECT_NOW_TEXT), input.look, span.plain('.')]] : []),
    [span.plain(changedApplyText(input.reopen !== undefined)), input.again, span.plain('.')],
  ];
  const current: Section[] = clashes.map((name) => ({
    heading: [span.bold(changedNowHeading(optionLabel(name)))],
    lines: (stored(name) === '' ? '(empty)' : stored(name)).split('\n').map((line) => plainLine(line)),
  }));
  const { intro, sections } = withTypedBack(input, said, current);
  const view: View = { ...errorView(FORM_CHANGED_TITLE, intro, sections), ...(input.reopen ? { buttons: [input.reopen] } : {}) };
  const fieldErrors = Object.fromEntries(clashes.map((name) => [name, errorView(FORM_CHANGED_TITLE, [plainLine(changedFieldText(clip(stored(name), FIELD_VALUE_CHARS), openedAt, changedField(name)))])]));
  return { view, field: clashes[0]!, fieldErrors };
}
