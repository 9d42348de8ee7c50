// The life of a form: opened for a command (typed, or from a button), drawn by the platform,
// submitted, and answered — a refusal names the field at fault and gives back what was typed.
import type { Caller } from '../caller.js';
import type { ResolvedLeaf } from '../command-spec.js';
import type { Dispatcher, Outcome } from '../dispatcher.js';
import { convertOption } from '../option-values.js';
import { invocationSpan } from '../command-refs.js';
import { plainLine, span, type Button, type Invocation, type Line, type Section, type View } from '../view.js';
import { changedFields, formField, holdsWhole, opensForm, optionLabel, shownFields, submittedArgs, type EmptiedIn, type FormRoom, type FormScreen, type FormState } from './forms.js';
import { changedMeanwhile, nothingChanged, type GuardInput } from './form-guards.js';
import { partMoved } from './form-parts.js';
import {
  AS_IT_STANDS_TEXT, broughtInText, FORM_CLOSED_SUBJECT_TEXT, FORM_EXPIRED_TEXT, FORM_NOT_YOURS_TEXT, FORM_SUBJECT_CHANGED_TEXT, FORM_SUBJECT_NOW_TEXT, FORM_SUBMITTED_TEXT, FORM_TYPED_BELOW_TEXT, FORM_TYPED_KEPT_TEXT,
  buttonFormExpiredLine, FORM_TYPED_STILL_TEXT, FORM_TYPED_TEXT, FORM_WIDE_TEXT, interactionNotice, outsideFormText, REOPEN_LABEL,
} from './texts.js';
import { markedLine } from '../error-views.js';

export type FormOpening = { kind: 'form'; form: FormScreen } | { kind: 'refused'; view: View };

export type SubmitResult =
  /** Expired, someone else's or already used: tell the submitter; nothing ran. */
  | { kind: 'notice'; view: View }
  /**
   * Refused: `view` says all of it. `field` is the field the refusal leads with when the form
   * shows it; `fieldErrors` is what is wrong with each field the form shows, by its name, and
   * `general` what concerns none of them (an option given with the command, or none at all). A
   * platform that keeps its modal open shows each of `fieldErrors` under its field, and `general`
   * where it can show a message for the whole form (with no such place, under the first field).
   */
  | ({ kind: 'refused'; view: View; field?: string } & FieldRefusals)
  /** Done: `invocation` is the command the form ran, as resolved. */
  | { kind: 'done'; view: View; invocation?: Invocation };

/** A form's refusal split by field (see SubmitResult). */
export interface FieldRefusals {
  fieldErrors: Record<string, View>;
  general?: View;
}

export interface FormFlowDeps {
  dispatcher: Dispatcher;
  room: FormRoom;
  /** `formOpenedAt`: the form the command comes from opened then, so it can tell what changed unseen since. */
  dispatch(invocation: Invocation, caller: Caller, requestId?: string, formOpenedAt?: number): Promise<Outcome>;
  /** The clock a form's opening is noted by (ms since the epoch). */
  now(): number;
}

const nonEmpty = (values: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));

const asText = (args: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)]));

/** Whether every option given with the command is valid, so a form is worth opening. */
function givenValid(leaf: ResolvedLeaf, args: Invocation['args']): boolean {
  try {
    for (const [name, value] of Object.entries(args)) {
      const option = leaf.leaf.options?.find((o) => o.name === name);
      if (!option) return false;
      convertOption(option, value, leaf.path);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The state of a form opened for `invocation`, or undefined when the command should run as typed
 * (it does not ask for its form, or an option given with it is bad: the dispatcher says which,
 * before anyone types into a form that could never be accepted). `force`: a button asked for it.
 */
export async function openFormState(
  deps: FormFlowDeps,
  leaf: ResolvedLeaf,
  invocation: Invocation,
  caller: Caller,
  force: boolean,
): Promise<{ kind: 'state'; state: FormState } | { kind: 'refused'; view: View } | undefined> {
  const form = leaf.leaf.form!;
  const given = Object.keys(invocation.args);
  const required = (leaf.leaf.options ?? []).filter((o) => o.required && !(form.keys ?? []).includes(o.name));
  const asks = !form.buttonsOnly && opensForm(form, given) && (given.length === (form.keys ?? []).length || required.every((o) => given.includes(o.name)));
  if (!force && (!asks || !givenValid(leaf, invocation.args))) return undefined;
  const keys = form.keys ?? [];
  const keyArgs = Object.fromEntries(Object.entries(invocation.args).filter(([name]) => keys.includes(name)));
  const target = { command: invocation.command, ...(invocation.subcommand ? { subcommand: invocation.subcommand } : {}) };
  let preview: View | undefined;
  if (form.preview) {
    const outcome = await deps.dispatch({ ...form.preview, args: keyArgs }, caller);
    if (outcome.view.tone === 'error') return { kind: 'refused', view: outcome.view };
    preview = outcome.view;
  }
  const start = leaf.leaf.formValues ? deps.dispatcher.formValues({ ...target, args: keyArgs, caller }) : {};
  // A form that starts from its record's values, whose record no longer gives them (a candidate
  // decided, an entry removed), could only be refused once typed into: said now instead.
  if (start === undefined) return { kind: 'refused', view: closedSubjectView(preview) };
  const fields = shownFields(form, leaf, given.filter((name) => !keys.includes(name)), deps.room.maxFields);
  const values = { ...start, ...asText(Object.fromEntries(Object.entries(invocation.args).filter(([name]) => fields.includes(name)))) };
  const fixed = Object.fromEntries(Object.entries(invocation.args).filter(([name]) => !fields.includes(name)));
  return { kind: 'state', state: { ...target, owner: caller.userId, fixed, values, start, fields, openedAt: deps.now(), ...(preview ? { preview } : {}) } };
}

/** A form that does not open: why, over what it would change as it stands (its preview), without its buttons. */
function closedSubjectView(preview: View | undefined): View {
  if (!preview) return interactionNotice(FORM_CLOSED_SUBJECT_TEXT, 'Form not opened');
  const { buttons: _buttons, pager: _pager, ...shown } = preview;
  return { ...shown, intro: [plainLine(`${FORM_CLOSED_SUBJECT_TEXT} ${AS_IT_STANDS_TEXT}`), ...(preview.intro ?? [])], private: true };
}

/** The form as a platform draws it, but for its carrier. */
export function buildScreen(leaf: ResolvedLeaf, state: FormState): Omit<FormScreen, 'carrier'> {
  const form = leaf.leaf.form!;
  const options = leaf.leaf.options ?? [];
  const fields = state.fields.flatMap((name) => {
    const option = options.find((o) => o.name === name);
    return option ? [formField(option, form, state.values[name])] : [];
  });
  const keys = asText(Object.fromEntries(Object.entries(state.fixed).filter(([name]) => (form.keys ?? []).includes(name))));
  const rest = form.preview && invocationSpan({ ...form.preview, args: keys });
  return {
    title: form.title({ ...asText(state.fixed), ...state.values }),
    submit: form.submit,
    ...(form.note ? { note: form.note } : {}),
    ...(state.preview && rest ? { preview: state.preview, previewRest: [span.plain('The rest does not fit in this form: '), rest] } : {}),
    fields,
  };
}

/** What was typed into a form, given back so a long text is not lost. */
export function typedSections(values: Readonly<Record<string, string>>): Section[] {
  return Object.entries(values)
    .filter(([, value]) => value.trim() !== '')
    .map(([name, value]) => ({ heading: [span.bold(optionLabel(name))], lines: value.split('\n').map((line) => plainLine(line)) }));
}

/** How a form was opened, as its carrier tells once memory has forgotten it: by a button (whose command it names, if it could). */
export interface FormOrigin {
  byButton: boolean;
  opener?: Invocation;
}

/**
 * A form submitted once memory forgot it (its lifetime, a restart): how to open it again, and
 * what was typed, given back below where the platform closed the form, else still in it.
 */
function expiredView(deps: FormFlowDeps, typed: Readonly<Record<string, string>>, origin: FormOrigin): View {
  const notice = interactionNotice(FORM_EXPIRED_TEXT, 'Form expired');
  const told = origin.byButton ? [buttonExpiredLine(deps, origin.opener)] : notice.intro!;
  const sections = typedSections(typed);
  if (sections.length === 0) return { ...notice, intro: told };
  if (!deps.room.closesOnSubmit) return { ...notice, intro: [...told, plainLine(FORM_TYPED_STILL_TEXT)] };
  return { ...notice, intro: [...told, plainLine(FORM_TYPED_TEXT)], sections };
}

/** The expired notice of a button's form, naming what it was about (`Approve candidate #12`) and where a fresh button is, when its carrier named its command. */
function buttonExpiredLine(deps: FormFlowDeps, opener: Invocation | undefined): Line {
  const form = opener && formOf(deps, opener);
  if (!opener || !form) return buttonFormExpiredLine(undefined, undefined);
  const keys = asText(Object.fromEntries(Object.entries(opener.args).filter(([name]) => (form.keys ?? []).includes(name))));
  return buttonFormExpiredLine(form.title(keys), form.preview && invocationSpan({ ...form.preview, args: keys }));
}

/** The form of the command a carrier names; undefined when it names none (the carrier comes from the client). */
function formOf(deps: FormFlowDeps, invocation: Invocation) {
  try {
    return deps.dispatcher.registry.resolve(invocation.command, invocation.subcommand).leaf.form;
  } catch {
    return undefined;
  }
}

/** The form's keys: what it is about (the candidate, the entry), fixed when it opened. */
const formKeys = (deps: FormFlowDeps, state: FormState): readonly string[] => deps.dispatcher.registry.resolve(state.command, state.subcommand).leaf.form?.keys ?? [];

/** The keys' values, as the command takes them (`id: '12'`). */
const keyArgsOf = (deps: FormFlowDeps, state: FormState): Record<string, string> => {
  const keys = formKeys(deps, state);
  return asText(Object.fromEntries(Object.entries(state.fixed).filter(([name]) => keys.includes(name))));
};

const targetOf = (state: FormState) => ({ command: state.command, ...(state.subcommand ? { subcommand: state.subcommand } : {}) });

/** The form again, starting from what was last submitted, for a platform that closed it. */
const reopenButton = (state: FormState): Button => ({
  label: REOPEN_LABEL, style: 'primary', action: { kind: 'form', invocation: { ...targetOf(state), args: { ...state.fixed, ...nonEmpty(state.values) } } }, audience: 'caller',
});

/** What a submission changed, given back where the platform closed the form, so nothing typed is lost. */
const changedTyped = (deps: FormFlowDeps, state: FormState, typed: Readonly<Record<string, string>>): Section[] =>
  deps.room.closesOnSubmit ? typedSections(Object.fromEntries(changedFields(state, typed).map((name) => [name, typed[name]!]))) : [];

/** How the form names the fields emptied in it, if it does (FormSpec.emptiedOption). */
function emptiedIn(deps: FormFlowDeps, state: FormState): EmptiedIn | undefined {
  const { leaf } = deps.dispatcher.registry.resolve(state.command, state.subcommand);
  const option = leaf.form?.emptiedOption;
  if (option === undefined) return undefined;
  return { option, shown: (name, value) => holdsWhole(leaf.options?.find((o) => o.name === name), deps.room, value) };
}

/** The checks before the command runs (see form-guards.ts): nothing changed, another part at the position its fields address (form-parts.ts), or changed meanwhile. */
function guarded(deps: FormFlowDeps, state: FormState, typed: Readonly<Record<string, string>>, presser: Caller): SubmitResult | undefined {
  const leaf = deps.dispatcher.registry.resolve(state.command, state.subcommand);
  const keys = keyArgsOf(deps, state);
  const preview = leaf.leaf.form?.preview;
  const mayRetry = deps.room.closesOnSubmit && deps.dispatcher.mayRun(state.command, state.subcommand, presser);
  const emptied = emptiedIn(deps, state);
  const input: GuardInput = {
    dispatcher: deps.dispatcher, leaf, state, typed, presser, keys,
    again: invocationSpan({ ...targetOf(state), args: keys }),
    ...(preview ? { look: invocationSpan({ ...preview, args: keys }) } : {}),
    ...(mayRetry ? { reopen: reopenButton(state) } : {}),
    typedBack: changedTyped(deps, state, typed),
    ...(emptied ? { emptiedIn: emptied } : {}),
  };
  const refusal = nothingChanged(input) ?? partMoved(input) ?? changedMeanwhile(input);
  return refusal && { kind: 'refused', ...refusal };
}

/**
 * What a form is about changed since it opened (decided, removed): nothing was written, and no
 * field, nor the command run again, changes that. Says so, and how to see it as it is now.
 */
function subjectChangedLine(deps: FormFlowDeps, state: FormState): Line {
  const preview = deps.dispatcher.registry.resolve(state.command, state.subcommand).leaf.form?.preview;
  const keys = formKeys(deps, state);
  const args = asText(Object.fromEntries(Object.entries(state.fixed).filter(([name]) => keys.includes(name))));
  const look = preview ? [span.plain(` ${FORM_SUBJECT_NOW_TEXT}`), invocationSpan({ ...preview, args }), span.plain('.')] : [];
  return [span.plain(FORM_SUBJECT_CHANGED_TEXT), ...look];
}

export async function submission(
  deps: FormFlowDeps,
  state: FormState | undefined,
  typed: Readonly<Record<string, string>>,
  presser: Caller,
  requestId: string,
  origin: FormOrigin = { byButton: false },
): Promise<SubmitResult> {
  if (!state) return { kind: 'notice', view: expiredView(deps, typed, origin) };
  if (state.owner !== presser.userId) return { kind: 'notice', view: interactionNotice(FORM_NOT_YOURS_TEXT, 'Not your form') };
  // A delivery of the submission that succeeded is answered again (the request log replays its
  // result); any other submission of a form already used is refused.
  if (state.submittedBy !== undefined && state.submittedBy !== requestId) return { kind: 'notice', view: interactionNotice(FORM_SUBMITTED_TEXT, 'Already submitted') };
  const replayed = state.submittedBy === requestId;
  for (const name of state.fields) if (typed[name] !== undefined) state.values[name] = typed[name];
  // Checked and claimed in one turn: a second submission arriving meanwhile is refused above.
  const refused = replayed ? undefined : guarded(deps, state, typed, presser);
  if (refused) return refused;
  state.submittedBy = requestId;
  const args = submittedArgs(state, typed, emptiedIn(deps, state));
  const target = targetOf(state);
  const outcome = await deps.dispatch({ ...target, args }, presser, requestId, state.openedAt);
  if (outcome.view.tone !== 'error') return { kind: 'done', view: outcome.view, ...(outcome.invocation ? { invocation: outcome.invocation } : {}) };
  state.submittedBy = undefined;
  const option = outcome.refusedOption;
  const split = fieldRefusals(outcome, state, deps);
  if (option !== undefined && formKeys(deps, state).includes(option) && option in state.fixed) {
    // Where the platform closed the form, what was typed in it follows, so it is not lost.
    const view = outcome.view;
    const typedBack = changedTyped(deps, state, typed);
    const told = [...(view.intro ?? []), subjectChangedLine(deps, state), ...(typedBack.length > 0 ? [plainLine(FORM_TYPED_BELOW_TEXT)] : [])];
    return { kind: 'refused', view: { ...view, intro: told, sections: [...view.sections, ...typedBack] }, ...split };
  }
  if (option !== undefined && !state.fields.includes(option) && option in state.fixed) {
    const view = outcome.view;
    return { kind: 'refused', view: { ...view, intro: [...(view.intro ?? []), markedLine(outsideFormText(option))], sections: [...view.sections, ...typedSections(typed)] }, ...split };
  }
  const field = option !== undefined && state.fields.includes(option) ? option : undefined;
  const mayRetry = deps.room.closesOnSubmit && deps.dispatcher.mayRun(state.command, state.subcommand, presser);
  // Where the platform closed the form, what was changed in it follows: the button that opens it
  // again lasts as forms do, and a restart ends it, but the message keeps the text.
  const typedBack = changedTyped(deps, state, typed);
  if (!mayRetry) {
    const told = typedBack.length > 0 ? { intro: [...(outcome.view.intro ?? []), plainLine(FORM_TYPED_BELOW_TEXT)], sections: [...outcome.view.sections, ...typedBack] } : {};
    return { kind: 'refused', view: { ...outcome.view, ...told }, ...(field ? { field } : {}), ...split };
  }
  // The form again, starting from what was typed, since this platform closed it; with the fields
  // refused that it had no room for, so that what was refused can be corrected there.
  const swapped = bringInRefused(deps, state, outcome);
  const intro = [
    ...(outcome.view.intro ?? []),
    ...(swapped ? [plainLine(broughtInText(swapped.added.map(optionLabel), swapped.dropped.map(optionLabel)))] : []),
    ...(typedBack.length > 0 ? [plainLine(FORM_TYPED_KEPT_TEXT)] : []),
  ];
  return { kind: 'refused', view: { ...outcome.view, intro, sections: [...outcome.view.sections, ...typedBack], buttons: [reopenButton(state)] }, ...(field ? { field } : {}), ...split };
}

/**
 * A platform with room for fewer fields than the form has leaves some out (Discord's five). When
 * a refusal is about a field left out, the form reopened after it shows that field instead of the
 * last one shown that is not at fault, not required and still as it started (its value, left out,
 * stays as it was). Changes `state.fields`; says what came in for what, if anything did.
 */
function bringInRefused(deps: FormFlowDeps, state: FormState, outcome: Outcome): { added: string[]; dropped: string[] } | undefined {
  const leaf = deps.dispatcher.registry.resolve(state.command, state.subcommand);
  const formFields = leaf.leaf.form?.fields ?? [];
  const refused = [...new Set((outcome.refusals ?? []).flatMap((r) => (r.option === undefined ? [] : [r.option])))];
  const missing = refused.filter((name) => formFields.includes(name) && !state.fields.includes(name) && !(name in state.fixed));
  const required = (name: string) => leaf.leaf.options?.some((o) => o.name === name && o.required) === true;
  const untouched = (name: string) => (state.values[name] ?? '') === (state.start[name] ?? '');
  const spare = state.fields.filter((name) => !refused.includes(name) && !required(name) && untouched(name)).reverse();
  const added = missing.slice(0, spare.length);
  if (added.length === 0) return undefined;
  const dropped = spare.slice(0, added.length);
  state.fields = [...state.fields.filter((name) => !dropped.includes(name)), ...added].sort((a, b) => formFields.indexOf(a) - formFields.indexOf(b));
  return { added, dropped };
}

/** A refusal's lines as a view of their own, titled as the whole refusal is. */
const partView = (whole: View, intro: readonly Line[]): View => ({ title: whole.title, tone: 'error', intro: [...intro], sections: [], private: true });

/**
 * Each part of a refused submission under the field it is about (the dispatcher says which
 * option each part refused: several when the command gathered them, see checkAll), and the parts
 * about no field of the form apart: an option given with the command (which the form cannot
 * change: said so), one the form does not show, or none.
 */
export function fieldRefusals(outcome: Outcome, state: FormState, deps: FormFlowDeps): FieldRefusals {
  const byField = new Map<string, Line[]>();
  const general: Line[] = [];
  const outside = new Set<string>();
  const keys = formKeys(deps, state);
  for (const { option, view } of outcome.refusals ?? [{ view: outcome.view }]) {
    const lines = view.intro ?? [];
    if (option !== undefined && state.fields.includes(option)) {
      byField.set(option, [...(byField.get(option) ?? []), ...lines]);
      continue;
    }
    general.push(...lines);
    if (option !== undefined && option in state.fixed && !outside.has(option)) {
      outside.add(option);
      general.push(keys.includes(option) ? subjectChangedLine(deps, state) : markedLine(outsideFormText(option)));
    }
  }
  const fieldErrors = Object.fromEntries([...byField].map(([name, lines]) => [name, partView(outcome.view, lines)]));
  // What the form changes is gone or decided: a platform that can show this only under a field says it is not that field's fault.
  const aboutSubject = [...outside].some((option) => keys.includes(option));
  const whole = aboutSubject ? [plainLine(FORM_WIDE_TEXT), ...general] : general;
  return { fieldErrors, ...(general.length > 0 ? { general: partView(outcome.view, whole) } : {}) };
}
