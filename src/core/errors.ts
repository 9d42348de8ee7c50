// User-facing failures carry a stable code so adapters and tests can tell them apart from bugs.
import { lineToPlainText, type Line } from './view.js';

export type UserErrorCode =
  | 'unknown-command'
  | 'unknown-subcommand'
  | 'unknown-option'
  | 'invalid-option'
  | 'missing-option'
  | 'syntax'
  | 'not-found'
  | 'forbidden'
  | 'conflict';

/** Bad input, not allowed or not found: becomes a short private reply, never a crash. */
export class UserError extends Error {
  /**
   * The message as a line of the reply, when it names what only spans can show (a channel, which
   * a platform shows by name); `message` is then its plain text, for logs and form fields.
   */
  readonly line?: Line;

  /** `message`: text whose backticks mark option names and values, or a line of spans shown as it is. */
  constructor(
    readonly code: UserErrorCode,
    message: string | Line,
    /** Extra lines shown under the message, e.g. the closest known names. */
    readonly hints: string[] = [],
    /** The option refused, when one is at fault: a form shows the message under its field. */
    readonly option?: string,
    /**
     * The refusals checkAll gathered into this one, in order, each with its own option and hints
     * (a form shows each under its own field); absent for a single refusal.
     */
    readonly gathered?: readonly UserError[],
  ) {
    super(typeof message === 'string' ? message : lineToPlainText(message));
    this.name = 'UserError';
    if (typeof message !== 'string') this.line = message;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * Runs each of `checks`, and throws one refusal naming every UserError they threw, each with its
 * hints, the first leading: fixing wrong values one refusal at a time would take as many tries.
 * The refusal keeps each of them (`gathered`), so a form shows each under its own field. Other
 * errors are thrown as they come.
 */
export function checkAll(checks: readonly (() => void)[]): void {
  const refused: UserError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refused.push(error);
    }
  }
  const [first, ...others] = refused;
  if (!first) return;
  if (others.length === 0) throw first;
  const hints = [...first.hints, ...others.flatMap((error) => [error.message, ...error.hints])];
  throw new UserError(first.code, first.line ?? first.message, hints, first.option, refused.flatMap((error) => error.gathered ?? [error]));
}

/**
 * SQLite's "database is busy" or "locked": another connection (an import, another bot process)
 * held the write lock past the busy timeout. Recognised by the error's code, so the core needs
 * no SQLite import. The command's transaction was rolled back: nothing was written.
 */
export function isStoreBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * SQLite could not write the store's file: its disk is full (SQLITE_FULL), or writing it failed
 * (SQLITE_IOERR_…, which a full disk also gives when the WAL's index cannot grow). Recognised by
 * the error's code, as isStoreBusy; the write's transaction was rolled back: nothing was saved.
 */
export function storeDiskFault(error: unknown): 'full' | 'io' | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'SQLITE_FULL') return 'full';
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return 'io';
  return undefined;
}
