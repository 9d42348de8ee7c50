// Everything people read about buttons and forms, the same on every platform.
import { plainLine, type View } from '../view.js';
import { INTERACTION_LIFETIME_MS } from './memory.js';

const lifetime = `${INTERACTION_LIFETIME_MS / 60_000} minutes`;

export const NOT_YOURS_TEXT = 'Only the person who ran the command can use these buttons. Run the command yourself to get your own copy.';
export const ADMINS_ONLY_TEXT = 'Only Sitrep admins can use this button. Ask an admin to add you to SITREP_ADMINS.';
export const EXPIRED_TEXT = `These buttons have expired: they last ${lifetime} after their last use, and a restart of Sitrep clears them. Run the command again.`;
export const BROKEN_BUTTON_TEXT = 'Sitrep cannot read this button. Run the command again.';
export const UNKNOWN_BUTTON_TEXT = 'Sitrep does not know this button. Run the command again.';
export const NOTHING_THERE_TEXT = 'There is no page in that direction.';
export const FORM_EXPIRED_TEXT = `This form is no longer open: forms last ${lifetime} after their last use, and a restart of Sitrep clears them. Run the command again.`;
export const FORM_SUBMITTED_TEXT = 'This form was already submitted. Run the command again to make another change.';
export const FORM_NOT_YOURS_TEXT = 'Only the person who opened this form can use it.';
export const FORM_TYPED_TEXT = 'What you typed is below, to copy into the new form.';
export const REOPEN_LABEL = 'Edit and resubmit';
export const PREVIOUS_LABEL = '◀ Previous';
export const NEXT_LABEL = 'Next ▶';

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
/** Where a platform closed the form: what was typed in it, given back so it is not lost. */
export const FORM_TYPED_BELOW_TEXT = 'What you typed in the form is below, to copy.';

/** The refused option came with the command, not the form: resubmitting cannot fix it. */
export function outsideFormText(option: string): string {
  return `\`${option}\` came with the command, not the form: run the command again with it corrected. What you typed in the form is below, to copy.`;
}

/** The form reopened after a refusal shows the refused fields it had no room for, in place of others left as they were. */
export function broughtInText(added: readonly string[], dropped: readonly string[]): string {
  return `${REOPEN_LABEL} opens the form with ${added.join(', ')} in place of ${dropped.join(', ')} (left as ${dropped.length === 1 ? 'it was' : 'they were'}).`;
}
