// When a watched feed is checked again: at its interval after an answer, later after a failure
// (5 min × 2ⁿ, up to a day, and never sooner than the server asked), and not at all once it has
// failed 8 times in a row or for good. Feeds belong to other people's servers: Sitrep asks
// rarely, and less while they struggle. The time a server asked to be left alone until
// (Retry-After) is kept in the failure's error, in UTC, where a check by hand finds it too; a
// reply rewrites it on its reader's clock (retryAfterOnClock).
import type { InstantWriter } from '../past-instant.js';

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
 * A 404: the server has no feed at the address now, which a site being deployed or moved answers
 * for a while; the fetcher counts it as a failure retried with the back-off (410 Gone is the feed
 * gone), and the check's reply says so.
 */
export const isNotFound = (error: string | undefined): boolean => error !== undefined && /\(HTTP 404\)/.test(error);


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

/** `2025-07-20 18:00` in the words a failure's error keeps its Retry-After in. */
const RETRY_AFTER_WORDS = /asked Sitrep to wait until (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC \(Retry-After\)/;
/** Every such time in a text: a pause's reason quotes the error that paused the source. */
const EVERY_RETRY_AFTER = new RegExp(RETRY_AFTER_WORDS.source, 'g');

const storedInstant = (day: string, time: string) => new Date(`${day}T${time}:00Z`);

/**
 * The instant a server asked to be left alone until, `retryAfterMs` after `at`: to the second
 * (as the header gives it; a fetch's few milliseconds are not a second more), then up to the
 * next whole minute, so that the minute a reply names is never before the time asked. Undefined
 * without a wait still to come.
 */
export function retryAfterInstant(at: Date, retryAfterMs: number | undefined): Date | undefined {
  if (retryAfterMs === undefined || retryAfterMs <= 0) return undefined;
  const second = Math.round((at.getTime() + retryAfterMs) / 1000) * 1000;
  const until = new Date(Math.ceil(second / MINUTE) * MINUTE);
  return until.getTime() > at.getTime() ? until : undefined;
}

/**
 * A failure's error with the time the server asked to wait until (Retry-After), which
 * retryAfterUntil() reads back from the error kept with the source: the store keeps no other
 * trace of it than the next check's time, which a back-off, /sources resume or /sources edit
 * may move.
 */
export function withRetryAfter(error: string, until: Date): string {
  const text = `${until.toISOString().slice(0, 10)} ${until.toISOString().slice(11, 16)} UTC`;
  return `${/[.!?]$/.test(error) ? error : `${error}.`} It asked Sitrep to wait until ${text} (Retry-After).`;
}

/** The time the server asked to be left alone until, as withRetryAfter() wrote it into the error; undefined when it named none. */
export function retryAfterUntil(error: string | undefined): Date | undefined {
  const match = error === undefined ? null : RETRY_AFTER_WORDS.exec(error);
  if (!match) return undefined;
  const until = storedInstant(match[1]!, match[2]!);
  return Number.isNaN(until.getTime()) ? undefined : until;
}

/**
 * A stored error (or a pause's reason quoting one) as its reader sees it: the time the server
 * asked to wait until, kept in UTC, written by `when` on the reader's clock (`2025-07-20 21:00
 * Asia/Beirut`). The store keeps the UTC words, which waitAskedUntil() reads back.
 */
export function retryAfterOnClock(text: string, when: InstantWriter): string {
  return text.replace(EVERY_RETRY_AFTER, (words, day: string, time: string) => {
    const until = storedInstant(day, time);
    return Number.isNaN(until.getTime()) ? words : `asked Sitrep to wait until ${when(until)} (Retry-After)`;
  });
}

/**
 * Until when a source may not be asked for its feed, when its last check failed with the
 * server asking Sitrep to wait (Retry-After) and that time is still to come; undefined otherwise.
 * A successful check clears the error, and with it the wait.
 */
export function waitAskedUntil(source: { lastError?: string }, now: Date): Date | undefined {
  const until = retryAfterUntil(source.lastError);
  return until && until.getTime() > now.getTime() ? until : undefined;
}
