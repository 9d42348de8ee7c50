// Slot arithmetic and notes for stored subscriptions: their cron expressions were validated when they
// were subscribed (under the rules of the day: `stored` keeps an older expression's meaning), so
// they are parsed once and memoised.
import type { DigestContext } from '../core/digest/compose.js';
import { parseCron, type CronFields } from '../core/digest/cron.js';
import type { Delivery } from '../core/digest/delivery-log-port.js';
import { countRuns, latestRun, nextRun, type Schedule } from '../core/digest/schedule.js';
import type { Subscription } from '../core/digest/subscriptions-port.js';

const parsed = new Map<string, CronFields>();

function fieldsOf(cron: string): CronFields {
  let fields = parsed.get(cron);
  if (!fields) {
    fields = parseCron(cron, { stored: true });
    parsed.set(cron, fields);
  }
  return fields;
}

/** A stored subscription's schedule, to keep it when a subscribe gives none. */
export function storedSchedule(sub: Pick<Subscription, 'schedule' | 'cron'>): Schedule {
  return { text: sub.schedule, cron: sub.cron, fields: fieldsOf(sub.cron) };
}

/**
 * A slot delivered later than this after its time is late: a catch-up, saying so, when it fell
 * while the scheduling process was not scheduling (not running, or stalled between heartbeats).
 */
export const LATE_MS = 2 * 60_000;

/** A schedule that never runs again is parked far in the future rather than lost. */
const NEVER = new Date(Date.UTC(9999, 0, 1));

export function slotAfter(sub: Pick<Subscription, 'cron' | 'timezone'>, after: Date): Date {
  return nextRun({ fields: fieldsOf(sub.cron) }, sub.timezone, after) ?? NEVER;
}

/**
 * The slot to deliver when a subscription is due at `now`: the latest one since the slot it
 * was owed, and how many earlier ones it stands in for (downtime → one catch-up digest). Counted
 * exactly and cheaply: it runs in the heartbeat's sweep, before commands are answered.
 */
export function dueSlot(sub: Pick<Subscription, 'cron' | 'timezone' | 'nextSlotAt'>, now: Date): { slot: Date; missed: number } {
  const schedule = { fields: fieldsOf(sub.cron) };
  const slot = latestRun(schedule, sub.timezone, now, sub.nextSlotAt) ?? sub.nextSlotAt;
  const missed = slot.getTime() > sub.nextSlotAt.getTime() ? countRuns(schedule, sub.timezone, sub.nextSlotAt, slot) - 1 : 0;
  return { slot, missed };
}

/**
 * The scheduled digests a catch-up stands for: from the slot it was owed (when composed as it came
 * due; composed again later, the first slot after its period began) to the slot it is sent for.
 */
export function catchUpSlots(
  sub: Pick<Subscription, 'cron' | 'timezone'>,
  c: { slot: Date; missedSlots: number; periodFrom: Date; owedSlot?: Date },
): NonNullable<DigestContext['catchUp']> {
  const first = c.missedSlots === 0 ? c.slot : (c.owedSlot ?? slotAfter(sub, c.periodFrom));
  return { missedSlots: c.missedSlots, firstSlot: first <= c.slot ? first : c.slot, lastSlot: c.slot };
}

/** Rows read back at most when looking for the earliest digest whose changes are repeated. */
const REPEATS_LOOKBACK = 100;

const undelivered = (row: Delivery, sub: Subscription): row is Delivery & { status: 'unconfirmed' | 'failed' } =>
  row.cursorFrom === sub.cursor && (row.status === 'unconfirmed' || row.status === 'failed');

/**
 * The note a digest carries when the previous one's changes were not confirmed delivered. It names
 * the earliest digest since the cursor that did not arrive (a send-now that failed after it
 * repeats the same changes): its changes start there. `before` reads the log's row before a row.
 */
export function repeatsNote(sub: Subscription, previous: Delivery | undefined, before: (id: number) => Delivery | undefined): DigestContext['repeats'] {
  if (!previous || !undelivered(previous, sub)) return undefined;
  let earliest = previous;
  for (let read = 0; read < REPEATS_LOOKBACK; read++) {
    const row = before(earliest.id);
    if (!row || !undelivered(row, sub)) break;
    earliest = row;
  }
  return { slot: earliest.slot, status: earliest.status, ...(earliest.kind === 'manual' ? { sentNow: true as const } : {}) };
}

/**
 * The note a late scheduled digest carries (one whose slots fell while Sitrep was running, so no
 * catch-up): it waited for the previous digest, which was still being delivered at its slot,
 * and it may stand for several slots.
 */
export function delayNote(slot: Date, missedSlots: number, previous: Delivery | undefined): DigestContext['delayed'] {
  const waitedForPrevious = previous !== undefined && previous.createdAt <= slot && previous.updatedAt > slot;
  if (!waitedForPrevious && missedSlots === 0) return undefined;
  return { missedSlots, waitedForPrevious };
}
