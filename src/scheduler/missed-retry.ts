// A digest waiting to retry whose try Sitrep missed (it was stopped, or suspended, at that time):
// the limits a retry is scheduled under still hold when Sitrep is back. Within them it is tried
// at once; past them it is given up, and the channel's next digest carries its changes.
import type { Delivery } from '../core/digest/delivery-log-port.js';
import type { Subscription } from '../core/digest/subscriptions-port.js';
import { refusalOnly } from '../core/app-faults.js';
import { slotAfter } from './slots.js';

/**
 * Why `row` is given up at `now`, or undefined while it may still be tried. A retry is scheduled
 * only before the channel's next slot (see DigestDeliverer.nextAttemptAt), so a slot falling
 * between the missed try and now means the next digest is due and carries its changes. A slot
 * moved before the try by a change of schedule is no such slot: it waits for the try.
 */
export function missedRetryGivenUp(row: Delivery, sub: Subscription | undefined, now: Date, giveUpAfterMs: number): string | undefined {
  if (row.status !== 'retrying' || !row.nextAttemptAt || row.nextAttemptAt > now) return undefined;
  const missed = `${row.lastError ? refusalOnly(row.lastError) : 'refused by the platform'}; given up: Sitrep was not running when it was due to be tried again`;
  if (now.getTime() >= row.createdAt.getTime() + giveUpAfterMs) return `${missed}, and its time for retries ran out`;
  const nextDigest = sub && !sub.paused ? slotAfter(sub, row.nextAttemptAt) : undefined;
  if (nextDigest && nextDigest <= now) return `${missed}, and the next digest was due`;
  return undefined;
}
