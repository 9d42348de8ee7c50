// Open forms (modals), in memory: a modal's custom_id holds at most 100 characters, so the
// slash command's other options wait here, keyed by an id, until the modal is submitted. A form
// only has to outlive one person's typing, so it expires after a quiet spell instead of being
// stored; an expired form means "run the command again".
import { randomBytes } from 'node:crypto';
import type { RawOptionValue } from '../../core/command-spec.js';

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

export interface FormSessionOptions {
  ttlMs: number;
  maxSessions: number;
  now: () => number;
}

export type NewFormSession = Omit<FormSession, 'id' | 'expiresAt' | 'submittedBy'>;

export class FormSessions {
  // Insertion order is kept equal to expiry order (touch re-inserts), so pruning reads the front.
  private readonly sessions = new Map<string, FormSession>();

  constructor(private readonly options: FormSessionOptions) {}

  get size(): number {
    return this.sessions.size;
  }

  open(form: NewFormSession): FormSession {
    this.prune();
    let id = randomBytes(9).toString('base64url');
    while (this.sessions.has(id)) id = randomBytes(9).toString('base64url');
    const session: FormSession = { ...form, id, expiresAt: 0 };
    this.touch(session);
    return session;
  }

  /** The live form with this id, or undefined when unknown or expired. */
  find(id: string): FormSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.options.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Restarts the expiry clock after a use (a submission, a reopened form). */
  touch(session: FormSession): void {
    session.expiresAt = this.options.now() + this.options.ttlMs;
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
  }

  clear(): void {
    this.sessions.clear();
  }

  private prune(): void {
    const now = this.options.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt > now && this.sessions.size < this.options.maxSessions) break;
      this.sessions.delete(id);
    }
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
