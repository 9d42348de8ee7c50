// Everything people read about buttons and forms, the same on every platform.
import { plainLine, span, type Line, type Span, type View } from '../view.js';
import { INTERACTION_LIFETIME_MS } from './memory.js';
import { wordList } from '../text.js';
import { askAdminText } from '../admin-entry.js';
import type { Caller } from '../caller.js';
import { markedLine } from '../error-views.js';
import { authorLabel } from '../author-label.js';

const lifetime = `${INTERACTION_LIFETIME_MS / 60_000} minutes`;

export const NOT_YOURS_TEXT = 'Only the person who ran the command can use these buttons. Run the command yourself to get your own copy.';
export const ADMINS_ONLY_TEXT = 'Only Sitrep admins can use this button.';
const EXPIRED_WHY = `These buttons have expired: they last ${lifetime} after their last use, and a restart of Sitrep clears them.`;
export const EXPIRED_TEXT = `${EXPIRED_WHY} Run the command again.`;
/**
 * Part buttons of an answer no button runs again (its command may have changed the dossier):
 * running the command again would repeat what it did, so the notice never advises it.
 */
export const PARTS_EXPIRED_TEXT = `${EXPIRED_WHY} They paged through the answer of a command that changes things, which no button runs again: running it again would repeat the change.`;

/** Where to see the result instead: `lookUp` (`/entry show id:12`), else any command that only shows things. */
export function partsLookUpLine(lookUp: Span | undefined): Line {
  if (lookUp) return [span.plain('See the result as it is now: '), lookUp, span.plain('.')];
  return [span.plain('See the result with a command that only shows things ('), span.command('help'), span.plain(' lists them).')];
}
export const BROKEN_BUTTON_TEXT = 'Sitrep cannot read this button. Run the command again.';
export const UNKNOWN_BUTTON_TEXT = 'Sitrep does not know this button. Run the command again.';
export const NOTHING_THERE_TEXT = 'There is no page in that direction.';
const FORM_EXPIRED_WHY = `forms last ${lifetime} after their last use, and a restart of Sitrep clears them.`;
export const FORM_EXPIRED_TEXT = `This form is no longer open: ${FORM_EXPIRED_WHY} Run the command again.`;

/**
 * A form a button opened (a card's Edit) that is no longer open: no command was typed to run
 * again, so it says to press the button again, on the card or on a fresh one `fresh` shows.
 */
export function buttonFormExpiredLine(title: string | undefined, fresh: Span | undefined): Line {
  const which = title ? `This form (${title})` : 'This form';
  const where = fresh ? [span.plain(', on the card or on a fresh one from '), fresh] : [];
  return [span.plain(`${which} is no longer open: ${FORM_EXPIRED_WHY} Press the button that opened it again`), ...where, span.plain('.')];
}
export const FORM_SUBMITTED_TEXT = 'This form was already submitted. Run the command again to make another change.';
export const FORM_NOT_YOURS_TEXT = 'Only the person who opened this form can use it.';
export const FORM_TYPED_TEXT = 'What you typed is below, to copy into the new form.';
/** Where the platform keeps a form open after a notice (Slack's modal): what was typed is still in it. */
export const FORM_TYPED_STILL_TEXT = 'What you typed is still in this form, to copy into the new one.';
/** An Edit and resubmit button whose form is gone: what was typed is in the refusal it is under. */
export const FORM_REOPEN_EXPIRED_TEXT = `This form is no longer open: ${FORM_EXPIRED_WHY} What you typed is in the message this button is under, to copy: run the command again and paste it into the new form.`;
export const REOPEN_LABEL = 'Edit and resubmit';
/** Worded in full: a screen reader reads an arrow sign by its Unicode name. */
export const PREVIOUS_LABEL = 'Previous page';
export const NEXT_LABEL = 'Next page';
/** The same buttons stepping through the parts of one answer a platform split (see navigation.ts). */
export const PREVIOUS_PART_LABEL = 'Previous part';
export const NEXT_PART_LABEL = 'Next part';

/** Where a Previous or Next button leads: a part of this answer, or a page of results. */
export interface StepTarget {
  unit: 'part' | 'page';
  /** The part or page it shows, counted from 1. */
  number: number;
  /** How many parts or pages there are; for pages counted only up to a cap, at least that many. */
  of: number;
  atLeast?: boolean;
}

/**
 * `Next page (2 of 6)`, `Previous part (1 of 3)`: the button says where it leads, as the line
 * under the answer counts (`Page 1 of 6`, `Part 2 of 3`). Of a count known only to be at least
 * `of`, it says so, or gives the number alone past it: never a total that may be wrong.
 */
export function stepLabel(direction: 'previous' | 'next', target: StepTarget): string {
  const [previous, next] = target.unit === 'page' ? [PREVIOUS_LABEL, NEXT_LABEL] : [PREVIOUS_PART_LABEL, NEXT_PART_LABEL];
  const label = direction === 'previous' ? previous : next;
  if (!target.atLeast) return `${label} (${target.number} of ${target.of})`;
  return target.number <= target.of ? `${label} (${target.number} of at least ${target.of})` : `${label} (${target.number})`;
}

/** An admin's button pressed by someone else: with the entry of theirs that would let them, to copy. */
export function adminsOnlyNotice(presser: Caller): View {
  const notice = interactionNotice(ADMINS_ONLY_TEXT);
  return { ...notice, intro: [[span.plain(`${ADMINS_ONLY_TEXT} `), ...markedLine(askAdminText(presser))]] };
}

/** A short private notice about a button or a form; the message it came from stays as it is. */
export function interactionNotice(text: string, title = 'Cannot use this button'): View {
  return { title, tone: 'error', intro: [plainLine(text)], sections: [], private: true };
}

export function partGoneNote(requested: number, shown: number): string {
  return `Part ${requested} no longer exists: this answer is shorter than when these buttons were drawn. This is the last part, part ${shown}.`;
}

/** What a form is about (a candidate, an entry) changed since it opened: decided, removed. */
export const FORM_SUBJECT_CHANGED_TEXT = 'Nothing was written: this form was opened before that.';
export const FORM_SUBJECT_NOW_TEXT = 'See it as it is now: ';
/** Leads such a refusal where a platform shows it under a field (Slack): no field is at fault. */
export const FORM_WIDE_TEXT = 'About the whole form, not this field:';
/** Where a platform closed the form: what was typed in it, given back so it is not lost. */
export const FORM_TYPED_BELOW_TEXT = 'What you typed in the form is below, to copy.';
/** A refused form the platform closed, with a button to open it again: the button lasts as forms do, the text below for good. */
export const FORM_TYPED_KEPT_TEXT = `What you typed in the form is below, to copy: ${REOPEN_LABEL} lasts ${lifetime}, and a restart of Sitrep ends it.`;

/** A form that starts from its record's values, whose record can no longer be changed through it (decided, removed). */
export const FORM_CLOSED_SUBJECT_TEXT = 'This form does not open: what it would change can no longer be changed through it (decided, or removed).';
export const AS_IT_STANDS_TEXT = 'As it stands now:';

/** A form submitted with nothing changed, for a command that needs a change. */
export function formUnchangedText(closed: boolean): string {
  const retry = closed ? `press ${REOPEN_LABEL} and change at least one field` : 'change at least one field and submit again, or close the form';
  return `Nothing was changed in the form, so nothing was written: every field still held what it started with. To make a change, ${retry}.`;
}
export const FORM_UNCHANGED_TITLE = 'Nothing changed';

/** Fields someone else changed since the form opened, which the submission would have replaced. */
export const FORM_CHANGED_TITLE = 'Changed since the form opened';

/** Who changed a field last and when (on the reader's clock), where known. */
export interface ChangeAuthor {
  by?: string;
  at?: string;
}

/** A field changed since a form opened, by its label. */
export interface ChangedField extends ChangeAuthor {
  label: string;
}

const byWhom = (author: ChangeAuthor) => (author.by === undefined ? '' : ` by ${authorLabel(author.by)}${author.at === undefined ? '' : ` at ${author.at}`}`);
const sinceOpened = (openedAt: string | undefined) => (openedAt ? `since this form opened at ${openedAt}` : 'since this form opened');

/** `Title was changed by maya (Slack) at 2025-08-01 14:05 UTC since this form opened at 2025-08-01 14:02 UTC`. */
function changedSinceText(fields: readonly ChangedField[], openedAt: string | undefined): string {
  const [only] = fields;
  if (fields.length === 1 && only) return `${only.label} was changed${byWhom(only)} ${sinceOpened(openedAt)}`;
  const named = fields.filter((field) => field.by !== undefined);
  const who = named.length === 0 ? '' : ` (${named.map((field) => `${field.label}${byWhom(field)}`).join('; ')})`;
  return `${wordList(fields.map((field) => field.label))} were changed ${sinceOpened(openedAt)}${who}`;
}

export function changedMeanwhileText(fields: readonly ChangedField[], openedAt: string | undefined): string {
  return `Nothing was written: ${changedSinceText(fields, openedAt)}, and what you typed would have replaced ${fields.length === 1 ? 'that change' : 'those changes'} unseen.`;
}

/** How to apply what was typed anyway, once its author has seen the value it replaces. */
export function changedApplyText(closed: boolean): string {
  return closed
    ? `To apply yours anyway, press ${REOPEN_LABEL}: the form opens with what you typed, and submitting it replaces the value now stored. Or open the form afresh with `
    : 'To apply yours anyway, submit the form again: it replaces the value now stored. Or open the form afresh with ';
}

/** Under one field of a form kept open: it changed meanwhile (by whom, when), what it holds now, and what submitting again does. */
export function changedFieldText(now: string, openedAt: string | undefined, author: ChangeAuthor = {}): string {
  return `Nothing was written: this field was changed${byWhom(author)} ${sinceOpened(openedAt)}, and now reads ${now === '' ? '(empty)' : `“${now}”`}. Submit again to replace that with what is in this field, or close the form.`;
}

export const changedNowHeading = (label: string) => `${label}, as stored now`;

/** The refused option came with the command, not the form: resubmitting cannot fix it. */
export function outsideFormText(option: string): string {
  return `\`${option}\` came with the command, not the form: run the command again with it corrected. What you typed in the form is below, to copy.`;
}

/** The form reopened after a refusal shows the refused fields it had no room for, in place of others left as they were. */
export function broughtInText(added: readonly string[], dropped: readonly string[]): string {
  return `${REOPEN_LABEL} opens the form with ${added.join(', ')} in place of ${dropped.join(', ')} (left as ${dropped.length === 1 ? 'it was' : 'they were'}).`;
}

/**
 * The part of a record a form's fields address by position (source 1) is another one now: what it
 * was when the form opened, what is there now, and what the submission would have changed.
 */
export function partMovedText(part: { noun: string; position: number }, of: string, was: string, is: string, openedAt: string | undefined): string {
  const label = `${part.noun} ${part.position} of ${of}`;
  const since = openedAt ? ` at ${openedAt}` : '';
  const opened = was === '' ? `${of} had no ${part.noun} ${part.position} when this form opened${since}` : `${label} was ${was} when this form opened${since}`;
  const went = was === '' ? `${is} was added since` : is === '' ? `it was removed since, and ${of} has no ${part.noun} ${part.position} now` : `it was removed or moved since: ${label} is ${is} now`;
  const instead = is === '' ? 'what you typed would have added one' : `what you typed would have changed ${is}`;
  return `Nothing was written: ${opened}; ${went}, and ${instead}.`;
}

/** How to go on after partMovedText: the same fields, submitted again, change the part at that position now. */
export function partAgainText(part: { noun: string; position: number }, is: string, closed: boolean): string {
  const target = is === '' ? `a new ${part.noun} ${part.position}` : is;
  const how = closed ? `press ${REOPEN_LABEL} and submit` : 'submit the form again';
  return `To put what you typed on ${target} instead, ${how}. Or open the form afresh with `;
}
