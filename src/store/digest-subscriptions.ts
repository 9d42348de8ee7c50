// Digest subscriptions: one per channel, with its schedule, filters, change cursor and the
// next slot it is owed.
import type { PlatformName } from '../core/caller.js';
import type { DigestFilters } from '../core/digest/changes.js';
import type { ChannelKey } from '../core/digest/service.js';
import type { DigestSubscriptions, Subscription, UpsertSubscription } from '../core/digest/subscriptions-port.js';
import type { EventType } from '../core/vocabulary.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';
import { queueNotice } from './review-posts.js';
import { StatementCache } from './statement-cache.js';

interface SubscriptionRow {
  id: number;
  platform: PlatformName;
  workspace_id: string;
  channel_id: string;
  schedule: string;
  cron: string;
  timezone: string;
  topic: string | null;
  event_type: string | null;
  actor_id: number | null;
  actor_name: string | null;
  skip_empty: number;
  card: number;
  cursor: number;
  cursor_at: string;
  next_slot_at: string;
  paused_at: string | null;
  paused_reason: string | null;
  context: string;
  /** From the actors table: the filtered actor's name now, and where it was merged, if it was. */
  actor_now: string | null;
  actor_merged_into: number | null;
}

/**
 * Every read joins the filtered actor, whose merges the filter follows. `s.*` first, so the
 * subscription's own columns keep their names.
 */
const SELECT = `SELECT s.*, a.name AS actor_now, a.merged_into_id AS actor_merged_into
  FROM digest_subscriptions s LEFT JOIN actors a ON a.id = s.actor_id`;

/** The live actor an actor was merged into, by id, with its name. */
type LiveActor = (mergedInto: number) => { id: number; name: string } | undefined;

/**
 * The actor filter as the actors stand now: a subscribed actor since merged into another is
 * followed to it (its entries and links went there), and is itself again once unmerged.
 */
function actorFilter(row: SubscriptionRow, live: LiveActor): Pick<DigestFilters, 'actorId' | 'actorName' | 'actorWas'> {
  if (row.actor_id === null) return {};
  const subscribedName = row.actor_now ?? row.actor_name ?? undefined;
  const holder = row.actor_merged_into === null ? undefined : live(row.actor_merged_into);
  if (!holder) return { actorId: row.actor_id, ...(subscribedName ? { actorName: subscribedName } : {}) };
  return { actorId: holder.id, actorName: holder.name, ...(subscribedName ? { actorWas: subscribedName } : {}) };
}

function toSubscription(row: SubscriptionRow, live: LiveActor): Subscription {
  const filters: DigestFilters = {};
  if (row.topic) filters.topic = row.topic;
  if (row.event_type) filters.eventType = row.event_type as EventType;
  Object.assign(filters, actorFilter(row, live));
  const subscription: Subscription = {
    id: row.id,
    channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
    schedule: row.schedule,
    cron: row.cron,
    timezone: row.timezone,
    filters,
    skipEmpty: row.skip_empty === 1,
    cursor: row.cursor,
    cursorAt: new Date(row.cursor_at),
    nextSlotAt: new Date(row.next_slot_at),
    context: row.context,
    card: row.card === 1,
  };
  if (row.paused_at) subscription.paused = { at: new Date(row.paused_at), reason: row.paused_reason ?? 'paused' };
  return subscription;
}

const CHANNEL = 'platform = ? AND workspace_id = ? AND channel_id = ?';
const channelArgs = (c: ChannelKey) => [c.platform, c.workspaceId, c.channelId];
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class SqliteSubscriptions implements DigestSubscriptions {
  private readonly cache: StatementCache;
  private readonly toSubscription = (row: unknown): Subscription => toSubscription(row as SubscriptionRow, this.liveActor);

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  /** Follows merged_into_id to the actor that is not merged (the bound only guards against a corrupt cycle). */
  private readonly liveActor: LiveActor = (mergedInto) => {
    const step = this.cache.get('SELECT id, name, merged_into_id FROM actors WHERE id = ?');
    let id = mergedInto;
    for (let hop = 0; hop < 64; hop++) {
      const row = step.get(id) as { id: number; name: string; merged_into_id: number | null } | undefined;
      if (!row) return undefined;
      if (row.merged_into_id === null) return { id: row.id, name: row.name };
      id = row.merged_into_id;
    }
    return undefined;
  };

  /** Creates the channel's subscription, or replaces its settings and resumes it; keeps its cursor. */
  upsert(s: UpsertSubscription): { id: number; created: boolean } {
    const now = s.now.toISOString();
    const values = [
      s.schedule.text, s.schedule.cron, s.timezone, s.filters.topic ?? null, s.filters.eventType ?? null,
      s.filters.actorId ?? null, s.filters.actorName ?? null, s.skipEmpty ? 1 : 0, s.nextSlotAt.toISOString(), s.context ?? '', s.card ? 1 : 0,
    ];
    const existing = this.byChannel(s.channel);
    if (existing) {
      // A kept actor filter keeps the columns as subscribed: the filters read back follow merges.
      const actor = s.keepActor ? 'actor_id = actor_id, actor_name = actor_name' : 'actor_id = ?, actor_name = ?';
      const kept = s.keepActor ? values.filter((_, i) => i !== 5 && i !== 6) : values;
      this.cache
        .get(
          `UPDATE digest_subscriptions SET schedule = ?, cron = ?, timezone = ?, topic = ?, event_type = ?, ${actor},
             skip_empty = ?, next_slot_at = ?, context = ?, card = ?, paused_at = NULL, paused_reason = NULL,
             updated_at = ?, updated_by = ? WHERE id = ?`,
        )
        .run(...kept, now, s.by, existing.id);
      return { id: existing.id, created: false };
    }
    const { lastInsertRowid } = this.cache
      .get(
        `INSERT INTO digest_subscriptions (schedule, cron, timezone, topic, event_type, actor_id, actor_name, skip_empty,
           next_slot_at, context, card, platform, workspace_id, channel_id, cursor, cursor_at, created_at, created_by, updated_at, updated_by)
         VALUES (${placeholders(20)})`,
      )
      .run(...values, ...channelArgs(s.channel), s.startCursor, now, now, s.by, now, s.by);
    return { id: Number(lastInsertRowid), created: true };
  }

  remove(channel: ChannelKey): boolean {
    return this.cache.get(`DELETE FROM digest_subscriptions WHERE ${CHANNEL}`).run(...channelArgs(channel)).changes > 0;
  }

  byChannel(channel: ChannelKey): Subscription | undefined {
    const row = this.cache.get(`${SELECT} WHERE ${CHANNEL}`).get(...channelArgs(channel));
    return row ? this.toSubscription(row) : undefined;
  }

  byId(id: number): Subscription | undefined {
    const row = this.cache.get(`${SELECT} WHERE s.id = ?`).get(id);
    return row ? this.toSubscription(row) : undefined;
  }

  inWorkspace(platform: PlatformName, workspaceId: string): Subscription[] {
    const rows = this.cache
      .get(`${SELECT} WHERE s.platform = ? AND s.workspace_id = ? ORDER BY s.channel_id`)
      .all(platform, workspaceId);
    return rows.map(this.toSubscription);
  }

  /** Active subscriptions of these platforms, for one scheduler task each. */
  active(platforms: readonly PlatformName[]): Subscription[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(`${SELECT} WHERE s.paused_at IS NULL AND s.platform IN (${placeholders(platforms.length)}) ORDER BY s.id`)
      .all(...platforms);
    return rows.map(this.toSubscription);
  }

  /** Active subscriptions owed a slot at or before `now`. */
  due(platforms: readonly PlatformName[], now: Date): Subscription[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(
        `${SELECT} WHERE s.paused_at IS NULL AND s.platform IN (${placeholders(platforms.length)})
           AND s.next_slot_at <= ? ORDER BY s.next_slot_at, s.id`,
      )
      .all(...platforms, now.toISOString());
    return rows.map(this.toSubscription);
  }

  setNextSlot(id: number, at: Date): void {
    this.cache.get('UPDATE digest_subscriptions SET next_slot_at = ? WHERE id = ?').run(at.toISOString(), id);
  }

  /** Moves the cursor forward (never back) once a digest covering up to `cursor` is done. */
  advanceCursor(id: number, cursor: number, at: Date): void {
    this.cache
      .get('UPDATE digest_subscriptions SET cursor = ?, cursor_at = ? WHERE id = ? AND cursor <= ?')
      .run(cursor, at.toISOString(), id, cursor);
  }

  pause(id: number, reason: string, at: Date, notice?: View): void {
    const paused = this.cache
      .get('UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL')
      .run(at.toISOString(), reason, id);
    if (paused.changes > 0 && notice) {
      const platform = this.cache.get('SELECT platform FROM digest_subscriptions WHERE id = ?').pluck().get(id) as PlatformName;
      queueNotice(this.cache, notice, at, platform);
    }
  }

  /** Changes whenever any subscription is added, removed, retimed, paused or resumed. */
  scheduleVersion(): number {
    return this.cache.get('SELECT version FROM digest_schedule_version WHERE id = 1').pluck().get() as number;
  }
}
