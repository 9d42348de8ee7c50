// When a digest waiting to retry is tried next, as a reply tells it. Clock times are shown to
// the minute, so a try under a minute away (08:00:35 at 08:00:20) would read as past: it is
// told in seconds instead, and one already due says so.
import { plural } from '../text.js';
import { formatInZone } from './zoned-time.js';

/** `Mon 6 Jul 2026 08:10 CEST`, `in 15 seconds` or `due now`; `at` prefixes a clock time. */
export function nextTryWords(retryAt: Date, zone: string, now: Date | undefined, at = ''): string {
  const ms = now ? retryAt.getTime() - now.getTime() : Number.POSITIVE_INFINITY;
  if (ms <= 0) return 'due now';
  if (ms < 60_000) return `in ${plural(Math.ceil(ms / 1000), 'second')}`;
  return `${at}${formatInZone(retryAt, zone)}`;
}
