// Digest subscriptions: one per channel, with its schedule, filters, change cursor and the
// next slot it is owed.
import type { Platform } from '../core/caller.js';
import type { DigestFilters } from '../core/digest/changes.js';
import type { ChannelKey, SubscribeRequest } from '../core/digest/service.js';
import type { EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

interface SubscriptionRow {
  id: number;
  platform: Platform;
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
  cursor: number;
  cursor_at: string;
  next_slot_at: string;
  paused_at: string | null;
  paused_reason: string | null;
}

export interface Subscription {
  id: number;
  channel: ChannelKey;
  schedule: string;
  cron: string;
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  /** Last revision id covered by a digest this channel received. */
  cursor: number;
  cursorAt: Date;
  nextSlotAt: Date;
  paused?: { at: Date; reason: string };
}

function toSubscription(row: SubscriptionRow): Subscription {
  const filters: DigestFilters = {};
  if (row.topic) filters.topic = row.topic;
  if (row.event_type) filters.eventType = row.event_type as EventType;
  if (row.actor_id !== null) filters.actorId = row.actor_id;
  if (row.actor_name) filters.actorName = row.actor_name;
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
  };
  if (row.paused_at) subscription.paused = { at: new Date(row.paused_at), reason: row.paused_reason ?? 'paused' };
  return subscription;
}

const CHANNEL = 'platform = ? AND workspace_id = ? AND channel_id = ?';
const channelArgs = (c: ChannelKey) => [c.platform, c.workspaceId, c.channelId];
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface UpsertSubscription extends SubscribeRequest {
  nextSlotAt: Date;
  /** The cursor a new subscription starts from: changes after it go into its first digest. */
  startCursor: number;
  now: Date;
}

export class SqliteSubscriptions {
  private readonly cache: StatementCache;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  /** Creates the channel's subscription, or replaces its settings and resumes it; keeps its cursor. */
  upsert(s: UpsertSubscription): { id: number; created: boolean } {
    const now = s.now.toISOString();
    const values = [
      s.schedule.text, s.schedule.cron, s.timezone, s.filters.topic ?? null, s.filters.eventType ?? null,
      s.filters.actorId ?? null, s.filters.actorName ?? null, s.skipEmpty ? 1 : 0, s.nextSlotAt.toISOString(),
    ];
    const existing = this.byChannel(s.channel);
    if (existing) {
      this.cache
        .get(
          `UPDATE digest_subscriptions SET schedule = ?, cron = ?, timezone = ?, topic = ?, event_type = ?, actor_id = ?,
             actor_name = ?, skip_empty = ?, next_slot_at = ?, paused_at = NULL, paused_reason = NULL,
             updated_at = ?, updated_by = ? WHERE id = ?`,
        )
        .run(...values, now, s.by, existing.id);
      return { id: existing.id, created: false };
    }
    const { lastInsertRowid } = this.cache
      .get(
        `INSERT INTO digest_subscriptions (schedule, cron, timezone, topic, event_type, actor_id, actor_name, skip_empty,
           next_slot_at, platform, workspace_id, channel_id, cursor, cursor_at, created_at, created_by, updated_at, updated_by)
         VALUES (${placeholders(18)})`,
      )
      .run(...values, ...channelArgs(s.channel), s.startCursor, now, now, s.by, now, s.by);
    return { id: Number(lastInsertRowid), created: true };
  }

  remove(channel: ChannelKey): boolean {
    return this.cache.get(`DELETE FROM digest_subscriptions WHERE ${CHANNEL}`).run(...channelArgs(channel)).changes > 0;
  }

  byChannel(channel: ChannelKey): Subscription | undefined {
    const row = this.cache.get(`SELECT * FROM digest_subscriptions WHERE ${CHANNEL}`).get(...channelArgs(channel));
    return row ? toSubscription(row as SubscriptionRow) : undefined;
  }

  byId(id: number): Subscription | undefined {
    const row = this.cache.get('SELECT * FROM digest_subscriptions WHERE id = ?').get(id);
    return row ? toSubscription(row as SubscriptionRow) : undefined;
  }

  inWorkspace(platform: Platform, workspaceId: string): Subscription[] {
    const rows = this.cache
      .get('SELECT * FROM digest_subscriptions WHERE platform = ? AND workspace_id = ? ORDER BY channel_id')
      .all(platform, workspaceId) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Active subscriptions of these platforms, for one scheduler task each. */
  active(platforms: readonly Platform[]): Subscription[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(`SELECT * FROM digest_subscriptions WHERE paused_at IS NULL AND platform IN (${placeholders(platforms.length)}) ORDER BY id`)
      .all(...platforms) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** Active subscriptions owed a slot at or before `now`. */
  due(platforms: readonly Platform[], now: Date): Subscription[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(
        `SELECT * FROM digest_subscriptions WHERE paused_at IS NULL AND platform IN (${placeholders(platforms.length)})
           AND next_slot_at <= ? ORDER BY next_slot_at, id`,
      )
      .all(...platforms, now.toISOString()) as SubscriptionRow[];
    return rows.map(toSubscription);
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

  pause(id: number, reason: string, at: Date): void {
    this.cache
      .get('UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ? AND paused_at IS NULL')
      .run(at.toISOString(), reason, id);
  }

  /** Changes whenever any subscription is added, removed, retimed, paused or resumed. */
  scheduleVersion(): number {
    return this.cache.get('SELECT version FROM digest_schedule_version WHERE id = 1').pluck().get() as number;
  }
}
