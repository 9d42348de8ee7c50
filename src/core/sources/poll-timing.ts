// When a watched feed is checked again: at its interval after an answer, later after a failure
// (5 min × 2ⁿ, up to a day, and never sooner than the server asked), and not at all once it has
// failed 8 times in a row or for good. Feeds belong to other people's servers: Sitrep asks
// rarely, and less while they struggle.

const MINUTE = 60_000;

export const MIN_EVERY_MINUTES = 15;
export const MAX_EVERY_MINUTES = 24 * 60;
export const DEFAULT_EVERY_MINUTES = 30;
/** Consecutive failures after which a source is paused. */
export const MAX_FAILURES = 8;
const BACKOFF_BASE_MS = 5 * MINUTE;
const BACKOFF_CAP_MS = 24 * 60 * MINUTE;

/** `30m`, `1h`, `1h30m`, `90` (minutes): the minutes, or undefined when it is none of these. */
export function parseEveryMinutes(text: string): number | undefined {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (/^\d{1,5}$/.test(compact)) return Number(compact);
  const match = /^(?:(\d{1,3})h(?:ours?|rs?)?)?(?:(\d{1,5})m(?:in(?:utes?|s)?)?)?$/.exec(compact);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** `30 min`, `1 h`, `1 h 30 min`. */
export function formatEvery(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function nextCheckAfterAnswer(now: Date, everyMinutes: number): Date {
  return new Date(now.getTime() + everyMinutes * MINUTE);
}

/** How long to wait after the `failures`-th failure in a row (1 for the first). */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_CAP_MS);
}

export interface FailureTiming {
  failures: number;
  nextCheckAt: Date;
  /** Set when the source stops being checked: why, in a sentence. */
  pause?: string;
}

/**
 * After a failed check: the failures in a row now, when to try again (the back-off, but never
 * sooner than the source's interval or than the server's Retry-After), and whether to pause.
 */
export function afterFailure(
  now: Date,
  source: { failures: number; everyMinutes: number },
  failure: { error: string; permanent: boolean; retryAfterMs?: number },
): FailureTiming {
  const failures = source.failures + 1;
  const waitMs = Math.max(backoffMs(failures), source.everyMinutes * MINUTE, failure.retryAfterMs ?? 0);
  const timing: FailureTiming = { failures, nextCheckAt: new Date(now.getTime() + waitMs) };
  if (failure.permanent) timing.pause = `the feed failed in a way retrying will not fix: ${failure.error}`;
  else if (failures >= MAX_FAILURES) timing.pause = `${MAX_FAILURES} checks in a row failed, the last with: ${failure.error}`;
  return timing;
}
