// A check Sitrep could not finish for its own reasons: the feed was fetched, but the machine was
// too busy to read it (its feed reader did not start in time). It is recorded, so /sources why
// shows it, but never held against the feed: no failure in a row, no back-off, no pause.
import type { InstantWriter } from '../past-instant.js';
import type { CheckRecord, WatchedSource } from './watched-source.js';

/** The error such a check's row keeps: /sources why tells the check apart by it. */
export const SITREP_BUSY = 'Sitrep was too busy to read it; the feed is not at fault.';

export const isSitrepBusy = (record: Pick<CheckRecord, 'result' | 'error'>): boolean => record.result === 'failed' && record.error === SITREP_BUSY;

/**
 * When a feed Sitrep was too busy to read is checked again: at its interval, or sooner when a
 * check was due sooner already (a check by hand before the scheduled one).
 */
export function nextCheckAfterBusy(now: Date, source: Pick<WatchedSource, 'everyMinutes' | 'nextCheckAt'>): Date {
  const interval = now.getTime() + source.everyMinutes * 60_000;
  const scheduled = source.nextCheckAt.getTime();
  return new Date(scheduled > now.getTime() ? Math.min(scheduled, interval) : interval);
}

/** `not read: Sitrep was too busy to read it; the feed is not at fault — the next check is at 12:30 UTC.` */
export function busySummary(record: Pick<CheckRecord, 'nextCheckAt'>, when: InstantWriter): string {
  const next = record.nextCheckAt ? ` — the next check is at ${when(record.nextCheckAt)}.` : '';
  return `not read: ${next ? SITREP_BUSY.replace(/\.$/, next) : SITREP_BUSY}`;
}
