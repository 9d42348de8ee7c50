// Open forms (modals), in memory: a modal's custom_id holds at most 100 characters, so the
// slash command's other options wait here, keyed by an id, until the modal is submitted. A form
// only has to outlive one person's typing, so it expires after a quiet spell instead of being
// stored; an expired form means "run the command again".
import type { RawOptionValue } from '../../core/command-spec.js';
import { ExpiringSessions, type ExpiringSessionOptions } from './expiring-sessions.js';

export interface FormSession {
  readonly id: string;
  /** Only this user may submit or reopen the form. */
  readonly ownerId: string;
  readonly command: string;
  readonly subcommand?: string;
  /** The slash command's options that are not inputs of the form, typed as Discord sent them. */
  readonly fixed: Readonly<Record<string, RawOptionValue>>;
  /** What the inputs hold: pre-filled from the slash command, then the last submission. */
  values: Record<string, string>;
  /** The interaction id of the submission that succeeded; the form is used up after it. */
  submittedBy?: string;
  expiresAt: number;
}

export type FormSessionOptions = ExpiringSessionOptions;

export type NewFormSession = Omit<FormSession, 'id' | 'expiresAt' | 'submittedBy'>;

export class FormSessions extends ExpiringSessions<FormSession> {
  constructor(options: FormSessionOptions) {
    super(options, 9);
  }

  open(form: NewFormSession): FormSession {
    return this.add((id) => ({ ...form, id, expiresAt: 0 }));
  }
}

const SUBMIT_ID = /^sitrep:form:([A-Za-z0-9_-]+)$/;
const REOPEN_ID = /^sitrep:form:([A-Za-z0-9_-]+):reopen$/;

/** The modal's custom_id (at most 37 characters). */
export const formModalId = (session: FormSession): string => `sitrep:form:${session.id}`;
/** The custom_id of the button that reopens a form after a refused submission. */
export const formReopenId = (session: FormSession): string => `sitrep:form:${session.id}:reopen`;

export const parseFormModalId = (customId: string): string | undefined => SUBMIT_ID.exec(customId)?.[1];
export const parseFormReopenId = (customId: string): string | undefined => REOPEN_ID.exec(customId)?.[1];
