// User-facing failures carry a stable code so adapters and tests can tell them apart from bugs.

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
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** Extra lines shown under the message, e.g. the closest known names. */
    readonly hints: string[] = [],
    /** The option refused, when one is at fault: a form shows the message under its field. */
    readonly option?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * Runs each of `checks`, and throws one refusal naming every UserError they threw, each with its
 * hints, the first leading (a form shows it under its field): fixing wrong values one refusal at
 * a time would take as many tries. Other errors are thrown as they come.
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
  if (first) throw others.length === 0 ? first : new UserError(first.code, first.message, [...first.hints, ...others.flatMap((error) => [error.message, ...error.hints])], first.option);
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
