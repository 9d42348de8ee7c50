// The delivery log: one row per subscription and slot. The intent is recorded before anything
// is posted, each posted part's message references right after it is posted, and the outcome
// last — so a restart knows exactly what reached the channel. The composed parts are stored
// only when a retry has to wait for them.
import type { PlatformName } from '../core/caller.js';
import type { CardFigures } from '../core/digest/card.js';
import type { Delivery, DeliveryIntent, DeliveryLog, SettledRange } from '../core/digest/delivery-log-port.js';
import type { DeliveryKind, DeliveryStatus } from '../core/digest/service.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

interface DeliveryRow {
  id: number;
  subscription_id: number;
  slot: string;
  kind: DeliveryKind;
  missed_slots: number;
  status: DeliveryStatus;
  cursor_from: number;
  cursor_to: number;
  period_from: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  pending_parts: string | null;
  parts_total: number;
  message_refs: string;
  partial_refs: string;
  notes: string;
  sender: string;
  created_at: string;
  updated_at: string;
}

function toDelivery(row: DeliveryRow): Delivery {
  const delivery: Delivery = {
    id: row.id,
    subscriptionId: row.subscription_id,
    slot: new Date(row.slot),
    kind: row.kind,
    missedSlots: row.missed_slots,
    status: row.status,
    cursorFrom: row.cursor_from,
    cursorTo: row.cursor_to,
    periodFrom: new Date(row.period_from),
    attempts: row.attempts,
    partsTotal: row.parts_total,
    messageRefs: JSON.parse(row.message_refs) as string[][],
    partialRefs: JSON.parse(row.partial_refs) as string[],
    notes: JSON.parse(row.notes) as string[],
    sender: row.sender,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  if (row.next_attempt_at) delivery.nextAttemptAt = new Date(row.next_attempt_at);
  if (row.last_error) delivery.lastError = row.last_error;
  if (row.pending_parts) delivery.parts = JSON.parse(row.pending_parts) as View[];
  return delivery;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const SETTLED = 'pending_parts = NULL, next_attempt_at = NULL';

export class SqliteDeliveries implements DeliveryLog {
  private readonly cache: StatementCache;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  /** Records the intent to deliver a slot (or that it was skipped); fails if the slot has a row. */
  insert(intent: DeliveryIntent): number {
    const now = intent.now.toISOString();
    const sending = intent.status === 'sending';
    const { lastInsertRowid } = this.cache
      .get(
        `INSERT INTO digest_deliveries (subscription_id, slot, kind, missed_slots, status, cursor_from, cursor_to, period_from,
           attempts, parts_total, sender, created_at, updated_at)
         VALUES (${placeholders(13)})`,
      )
      .run(
        intent.subscriptionId, intent.slot.toISOString(), intent.kind, intent.missedSlots, intent.status, intent.cursorFrom,
        intent.cursorTo, intent.periodFrom.toISOString(), sending ? 1 : 0, intent.partsTotal, intent.sender, now, now,
      );
    return Number(lastInsertRowid);
  }

  /**
   * Deletes settled rows created before `before`, except each subscription's latest (the next
   * digest reads it to say what it repeats). Slots that old are behind every subscription's
   * next slot, so nothing can be delivered twice for lack of its row. Returns how many went.
   */
  prune(before: Date): number {
    return this.cache
      .get(
        `DELETE FROM digest_deliveries WHERE created_at < ? AND status IN ('delivered', 'skipped', 'failed', 'unconfirmed')
           AND id NOT IN (SELECT max(id) FROM digest_deliveries GROUP BY subscription_id)`,
      )
      .run(before.toISOString()).changes;
  }

  get(id: number): Delivery | undefined {
    const row = this.cache.get('SELECT * FROM digest_deliveries WHERE id = ?').get(id);
    return row ? toDelivery(row as DeliveryRow) : undefined;
  }

  hasSlot(subscriptionId: number, slot: Date): boolean {
    return this.cache.get('SELECT 1 FROM digest_deliveries WHERE subscription_id = ? AND slot = ?').get(subscriptionId, slot.toISOString()) !== undefined;
  }

  /** The subscription's digest that is sending or waiting to retry, if any. */
  inFlight(subscriptionId: number): Delivery | undefined {
    const row = this.cache
      .get("SELECT * FROM digest_deliveries WHERE subscription_id = ? AND status IN ('sending', 'retrying')")
      .get(subscriptionId);
    return row ? toDelivery(row as DeliveryRow) : undefined;
  }

  latest(subscriptionId: number): Delivery | undefined {
    const row = this.cache.get('SELECT * FROM digest_deliveries WHERE subscription_id = ? ORDER BY id DESC LIMIT 1').get(subscriptionId);
    return row ? toDelivery(row as DeliveryRow) : undefined;
  }

  before(id: number): Delivery | undefined {
    const row = this.cache
      .get('SELECT * FROM digest_deliveries WHERE subscription_id = (SELECT subscription_id FROM digest_deliveries WHERE id = ?) AND id < ? ORDER BY id DESC LIMIT 1')
      .get(id, id);
    return row ? toDelivery(row as DeliveryRow) : undefined;
  }

  settledEndingAt(subscriptionId: number, cursor: number): SettledRange | undefined {
    const row = this.cache
      .get(
        `SELECT id, cursor_from AS cursorFrom, cursor_to AS cursorTo, card_figures AS figures FROM digest_deliveries
         WHERE subscription_id = ? AND cursor_to = ? AND status IN ('delivered', 'skipped') ORDER BY id DESC LIMIT 1`,
      )
      .get(subscriptionId, cursor) as { id: number; cursorFrom: number; cursorTo: number; figures: string | null } | undefined;
    if (!row) return undefined;
    const { figures, ...range } = row;
    return figures ? { ...range, cardFigures: JSON.parse(figures) as CardFigures } : range;
  }

  boundaries(subscriptionId: number, upTo: number): number[] {
    return this.cache
      .get(
        `SELECT at FROM (
           SELECT min(cursor_from) AS at FROM digest_deliveries WHERE subscription_id = ?
           UNION SELECT cursor_to FROM digest_deliveries WHERE subscription_id = ? AND status IN ('delivered', 'skipped', 'unconfirmed')
         ) WHERE at IS NOT NULL AND at <= ? ORDER BY at`,
      )
      .pluck()
      .all(subscriptionId, subscriptionId, upTo) as number[];
  }

  hasSettled(subscriptionId: number): boolean {
    return this.cache.get(`SELECT 1 FROM digest_deliveries WHERE subscription_id = ? AND status IN ('delivered', 'skipped') LIMIT 1`).get(subscriptionId) !== undefined;
  }

  recordCardFigures(id: number, figures: CardFigures): void {
    this.cache.get('UPDATE digest_deliveries SET card_figures = ? WHERE id = ?').run(JSON.stringify(figures), id);
  }

  forSubscription(subscriptionId: number): Delivery[] {
    const rows = this.cache.get('SELECT * FROM digest_deliveries WHERE subscription_id = ? ORDER BY id').all(subscriptionId);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  /** Marks another attempt as started. */
  startAttempt(id: number, now: Date): void {
    this.cache
      .get("UPDATE digest_deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?")
      .run(now.toISOString(), id);
  }

  /** Records one posted part's message references, right after the platform accepted it. */
  recordPart(id: number, refs: readonly string[], now: Date): void {
    this.cache
      .get("UPDATE digest_deliveries SET message_refs = json_insert(message_refs, '$[#]', json(?)), partial_refs = '[]', updated_at = ? WHERE id = ?")
      .run(JSON.stringify(refs), now.toISOString(), id);
  }

  /** Records the messages of a part that did arrive before posting the rest of it failed. */
  recordPartial(id: number, refs: readonly string[], now: Date): void {
    this.cache.get('UPDATE digest_deliveries SET partial_refs = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(refs), now.toISOString(), id);
  }

  /** Adds a sentence to the row's notes. */
  note(id: number, text: string, now: Date): void {
    this.cache
      .get("UPDATE digest_deliveries SET notes = json_insert(notes, '$[#]', ?), updated_at = ? WHERE id = ?")
      .run(text, now.toISOString(), id);
  }

  /** Settles the row; returns false if it was settled already (by another process). */
  settle(id: number, status: 'delivered' | 'skipped' | 'failed' | 'unconfirmed', now: Date, error?: string): boolean {
    return (
      this.cache
        .get(
          `UPDATE digest_deliveries SET status = ?, last_error = coalesce(?, last_error), ${SETTLED}, updated_at = ?
           WHERE id = ? AND status IN ('sending', 'retrying', 'unconfirmed')`,
        )
        .run(status, error ?? null, now.toISOString(), id).changes > 0
    );
  }

  /** Parks the row until `at`, with the parts a later attempt (maybe another process's) will post. */
  retryLater(id: number, error: string, at: Date, now: Date, parts: readonly View[]): void {
    this.cache
      .get(
        `UPDATE digest_deliveries SET status = 'retrying', last_error = ?, next_attempt_at = ?, updated_at = ?,
           pending_parts = coalesce(pending_parts, ?) WHERE id = ?`,
      )
      .run(error, at.toISOString(), now.toISOString(), JSON.stringify(parts), id);
  }

  /** Replaces the parts of a row waiting to retry, none of them posted yet; false if it is not such a row. */
  replaceParts(id: number, parts: readonly View[], now: Date): boolean {
    return (
      this.cache
        .get(
          `UPDATE digest_deliveries SET pending_parts = ?, parts_total = ?, updated_at = ?
           WHERE id = ? AND status = 'retrying' AND message_refs = '[]' AND partial_refs = '[]'`,
        )
        .run(JSON.stringify(parts), parts.length, now.toISOString(), id).changes > 0
    );
  }

  /** Rows waiting to retry whose time has come, on these platforms. */
  dueRetries(platforms: readonly PlatformName[], now: Date): Delivery[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(
        `SELECT d.* FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id
         WHERE d.status = 'retrying' AND d.next_attempt_at <= ? AND s.platform IN (${placeholders(platforms.length)})
         ORDER BY d.next_attempt_at`,
      )
      .all(now.toISOString(), ...platforms) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /**
   * Rows another process left `sending` on these platforms: those of the lease holder we took
   * over from, and any untouched since `staleBefore` (a send-now in a process that died).
   */
  interrupted(platforms: readonly PlatformName[], self: string, previousHolder: string | undefined, staleBefore: Date): Delivery[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(
        `SELECT d.* FROM digest_deliveries d JOIN digest_subscriptions s ON s.id = d.subscription_id
         WHERE d.status = 'sending' AND d.sender <> ? AND (d.sender = ? OR d.updated_at < ?)
           AND s.platform IN (${placeholders(platforms.length)})`,
      )
      .all(self, previousHolder ?? null, staleBefore.toISOString(), ...platforms) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** The latest row of each subscription, for `/digest list`. */
  latestFor(subscriptionIds: readonly number[]): Map<number, Delivery> {
    const rows = this.cache
      .get(
        `SELECT d.* FROM json_each(?) j JOIN digest_deliveries d
           ON d.id = (SELECT max(id) FROM digest_deliveries WHERE subscription_id = j.value)`,
      )
      .all(JSON.stringify(subscriptionIds)) as DeliveryRow[];
    return new Map(rows.map((r) => [r.subscription_id, toDelivery(r)]));
  }
}
