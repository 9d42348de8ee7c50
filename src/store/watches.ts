// Personal watches, their people's cursors and the log of their direct messages (migration
// 0019's watchers, watches and watch_deliveries): the SQLite side of the WatchDeliveryStore port.
import type { PlatformName } from '../core/caller.js';
import type { View } from '../core/view.js';
import type { Watch, WatchDelivery, WatchDeliveryStore, Watcher, WatcherKey, WatchTarget } from '../core/watch/watch-port.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

interface WatchRow {
  id: number;
  kind: WatchTarget['kind'];
  target: string;
  label: string;
  created_at: string;
}

interface WatcherRow {
  platform: string;
  user_id: string;
  context: string;
  cursor: number;
  last_message_at: string | null;
  paused_at: string | null;
  paused_reason: string | null;
}

interface DeliveryRow {
  id: number;
  platform: string;
  user_id: string;
  status: WatchDelivery['status'];
  cursor_from: number;
  cursor_to: number;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  view: string | null;
  message_refs: string;
  sender: string;
  created_at: string;
}

/** The target column: an actor's id, `area:REF` or `name:KEY` for a place, a topic's slug. */
function targetText(target: WatchTarget): string {
  switch (target.kind) {
    case 'actor':
      return String(target.actorId);
    case 'place':
      return 'area' in target ? `area:${target.area}` : `name:${target.placeKey}`;
    case 'topic':
      return target.topic;
  }
}

function toTarget(kind: WatchTarget['kind'], text: string): WatchTarget {
  if (kind === 'actor') return { kind, actorId: Number(text) };
  if (kind === 'topic') return { kind, topic: text };
  return text.startsWith('area:') ? { kind, area: text.slice('area:'.length) } : { kind, placeKey: text.slice('name:'.length) };
}

/** What a watch follows, as one string: two watches with one key follow the same thing. */
const targetKey = (target: WatchTarget): string => `${target.kind}:${targetText(target)}`;

const toWatch = (row: WatchRow): Watch => ({ id: row.id, target: toTarget(row.kind, row.target), label: row.label, createdAt: new Date(row.created_at) });

function toWatcher(row: WatcherRow): Watcher {
  const watcher: Watcher = { platform: row.platform, userId: row.user_id, context: row.context, cursor: row.cursor };
  if (row.last_message_at) watcher.lastMessageAt = new Date(row.last_message_at);
  if (row.paused_at) watcher.paused = { at: new Date(row.paused_at), reason: row.paused_reason ?? '' };
  return watcher;
}

function toDelivery(row: DeliveryRow): WatchDelivery {
  const delivery: WatchDelivery = {
    id: row.id,
    watcher: { platform: row.platform, userId: row.user_id },
    status: row.status,
    cursorFrom: row.cursor_from,
    cursorTo: row.cursor_to,
    attempts: row.attempts,
    messageRefs: JSON.parse(row.message_refs) as string[],
    sender: row.sender,
    createdAt: new Date(row.created_at),
  };
  if (row.next_attempt_at) delivery.nextAttemptAt = new Date(row.next_attempt_at);
  if (row.last_error) delivery.lastError = row.last_error;
  if (row.view) delivery.view = JSON.parse(row.view) as View;
  return delivery;
}

const WATCHER_COLUMNS = 'platform, user_id, context, cursor, last_message_at, paused_at, paused_reason';
/** The change cursor of now: the newest revision id. */
/** Points kept per person in watch_boundaries (migration 0033). */
const KEPT_BOUNDARIES = 500;
const LATEST_CHANGE = '(SELECT coalesce(max(id), 0) FROM revisions)';
/** A watcher migration 0048 resumed and the watch runner has not told of yet: its reason kept, its pause lifted. */
const LIFTED_PAUSES = 'SELECT 1 FROM watchers WHERE paused_at IS NULL AND paused_reason IS NOT NULL LIMIT 1';
const DELIVERY_COLUMNS = 'id, platform, user_id, status, cursor_from, cursor_to, attempts, next_attempt_at, last_error, view, message_refs, sender, created_at';

export class SqliteWatches implements WatchDeliveryStore {
  private readonly cache: StatementCache;

  constructor(private readonly db: Db) {
    this.cache = new StatementCache(db);
  }

  transaction<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work).immediate();
  }

  add(who: WatcherKey & { context: string }, target: WatchTarget, label: string, now: Date): Watch | undefined {
    return this.transaction(() => {
      const at = now.toISOString();
      this.cache
        .get(`INSERT INTO watchers (platform, user_id, context, cursor, created_at) VALUES (?, ?, ?, ${LATEST_CHANGE}, ?)
              ON CONFLICT DO UPDATE SET context = excluded.context`)
        .run(who.platform, who.userId, who.context, at);
      // A watch on an actor since merged into this one follows it already.
      if (this.watches(who).some((watch) => targetKey(watch.target) === targetKey(target))) return undefined;
      // A new watcher's watching starts where their cursor was just put.
      this.cache
        .get(
          `INSERT INTO watch_boundaries (platform, user_id, cursor) SELECT platform, user_id, cursor FROM watchers w WHERE platform = ? AND user_id = ?
           AND NOT EXISTS (SELECT 1 FROM watch_boundaries b WHERE b.platform = w.platform AND b.user_id = w.user_id)`,
        )
        .run(who.platform, who.userId);
      const row = this.cache
        .get('INSERT INTO watches (platform, user_id, kind, target, label, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id, kind, target, label, created_at')
        .get(who.platform, who.userId, target.kind, targetText(target), label, at) as WatchRow | undefined;
      return row ? toWatch(row) : undefined;
    });
  }

  watches(who: WatcherKey): Watch[] {
    return this.followedOnce(this.rows(who));
  }

  private rows(who: WatcherKey): WatchRow[] {
    return this.cache.get('SELECT id, kind, target, label, created_at FROM watches WHERE platform = ? AND user_id = ? ORDER BY id').all(who.platform, who.userId) as WatchRow[];
  }

  /**
   * One watch per thing followed: two watched actors since merged into one are one watch, the
   * one on the actor kept (else the first). The other's row stays, for an unmerge to part them again.
   */
  private followedOnce(rows: readonly WatchRow[]): Watch[] {
    const kept = new Map<string, { watch: Watch; direct: boolean }>();
    for (const row of rows) {
      const watch = this.followed(row);
      const direct = targetText(watch.target) === row.target;
      const first = kept.get(targetKey(watch.target));
      if (!first || (direct && !first.direct)) kept.set(targetKey(watch.target), { watch, direct });
    }
    return [...kept.values()].map((k) => k.watch).sort((a, b) => a.id - b.id);
  }

  /**
   * A watch as it is followed now: a watched actor since merged into another is followed there, as
   * its entries now name that one, and named as digests name it (`Tom Barrack (was T. Barrack)`);
   * one renamed since is named alike (`Ronald Dermer (was Ron Dermer)`).
   */
  private followed(row: WatchRow): Watch {
    const watch = toWatch(row);
    if (watch.target.kind !== 'actor') return watch;
    const watched = watch.target.actorId;
    const actorId = this.liveActorId(watched);
    const name = (id: number) => this.cache.get('SELECT name FROM actors WHERE id = ?').pluck().get(id) as string | undefined;
    const own = name(watched) ?? row.label;
    const label = actorId !== watched ? `${name(actorId) ?? own} (was ${own})` : own === row.label ? own : `${own} (was ${row.label})`;
    return { ...watch, target: { kind: 'actor', actorId }, label };
  }

  private liveActorId(actorId: number): number {
    let id = actorId;
    for (let step = 0; step < 20; step++) {
      const into = this.cache.get('SELECT merged_into_id FROM actors WHERE id = ?').pluck().get(id) as number | null | undefined;
      if (into === null || into === undefined) return id;
      id = into;
    }
    return id;
  }

  watcher(who: WatcherKey): Watcher | undefined {
    const row = this.cache.get(`SELECT ${WATCHER_COLUMNS} FROM watchers WHERE platform = ? AND user_id = ?`).get(who.platform, who.userId) as WatcherRow | undefined;
    return row ? toWatcher(row) : undefined;
  }

  stop(who: WatcherKey, ids?: readonly number[]): Watch[] {
    return this.transaction(() => {
      const stopped = this.watches(who).filter((w) => ids === undefined || ids.includes(w.id));
      // With a watch shown for two merged actors go both rows.
      const keys = new Set(stopped.map((watch) => targetKey(watch.target)));
      const remove = this.cache.get('DELETE FROM watches WHERE id = ?');
      for (const row of this.rows(who)) if (keys.has(targetKey(this.followed(row).target))) remove.run(row.id);
      // Nobody left to message: the person's cursor and message log go with their last watch.
      if (this.watches(who).length === 0) this.cache.get('DELETE FROM watchers WHERE platform = ? AND user_id = ?').run(who.platform, who.userId);
      return stopped;
    });
  }

  resume(who: WatcherKey): boolean {
    return this.transaction(() => {
      const result = this.cache
        .get(`UPDATE watchers SET paused_at = NULL, paused_reason = NULL, cursor = max(cursor, ${LATEST_CHANGE}) WHERE platform = ? AND user_id = ? AND paused_at IS NOT NULL`)
        .run(who.platform, who.userId);
      if (result.changes === 0) return false;
      // What changed while paused was never sent: their watching starts again from here.
      this.addBoundary(who, this.watcher(who)!.cursor);
      return true;
    });
  }

  boundaries(who: WatcherKey, upTo: number): number[] {
    return this.cache
      .get('SELECT cursor FROM watch_boundaries WHERE platform = ? AND user_id = ? AND cursor <= ? ORDER BY cursor')
      .pluck()
      .all(who.platform, who.userId, upTo) as number[];
  }

  private addBoundary(who: WatcherKey, cursor: number): void {
    this.cache.get('INSERT OR IGNORE INTO watch_boundaries (platform, user_id, cursor) VALUES (?, ?, ?)').run(who.platform, who.userId, cursor);
    this.cache
      .get(
        `DELETE FROM watch_boundaries WHERE platform = ? AND user_id = ? AND cursor < (
           SELECT cursor FROM watch_boundaries WHERE platform = ? AND user_id = ? ORDER BY cursor DESC LIMIT 1 OFFSET ${KEPT_BOUNDARIES - 1})`,
      )
      .run(who.platform, who.userId, who.platform, who.userId);
  }

  active(platforms: readonly PlatformName[]): { watcher: Watcher; watches: Watch[] }[] {
    if (platforms.length === 0) return [];
    const chosen = JSON.stringify(platforms);
    const rows = this.cache
      .get(`SELECT ${WATCHER_COLUMNS} FROM watchers WHERE paused_at IS NULL AND platform IN (SELECT value FROM json_each(?))`)
      .all(chosen) as WatcherRow[];
    // Every active watcher's watches in one read, not one read per watcher.
    const watchRows = this.cache
      .get(
        `SELECT w.platform, w.user_id, w.id, w.kind, w.target, w.label, w.created_at FROM watches w
         JOIN watchers p ON p.platform = w.platform AND p.user_id = w.user_id
         WHERE p.paused_at IS NULL AND p.platform IN (SELECT value FROM json_each(?)) ORDER BY w.id`,
      )
      .all(chosen) as (WatchRow & { platform: string; user_id: string })[];
    const byPerson = new Map<string, WatchRow[]>();
    for (const row of watchRows) {
      const key = `${row.platform}\u0000${row.user_id}`;
      const list = byPerson.get(key);
      if (list) list.push(row);
      else byPerson.set(key, [row]);
    }
    return rows.map((row) => {
      const watcher = toWatcher(row);
      return { watcher, watches: this.followedOnce(byPerson.get(`${watcher.platform}\u0000${watcher.userId}`) ?? []) };
    });
  }

  advanceCursor(who: WatcherKey, cursor: number): void {
    this.cache.get('UPDATE watchers SET cursor = max(cursor, ?) WHERE platform = ? AND user_id = ?').run(cursor, who.platform, who.userId);
  }

  /**
   * The watchers migration 0048 resumed (paused when a platform refused Sitrep itself) that no
   * start has told of yet, each once: their kept reasons are cleared as they are returned.
   */
  liftedPauses(): WatcherKey[] {
    // Read first: a store with none (every start but the first after the upgrade) is not written to.
    if (this.cache.get(LIFTED_PAUSES).pluck().get() === undefined) return [];
    return this.transaction(() =>
      (this.cache.get('UPDATE watchers SET paused_reason = NULL WHERE paused_at IS NULL AND paused_reason IS NOT NULL RETURNING platform, user_id').all() as Pick<WatcherRow, 'platform' | 'user_id'>[]).map(
        (row) => ({ platform: row.platform, userId: row.user_id }),
      ),
    );
  }

  pause(who: WatcherKey, reason: string, now: Date): void {
    this.cache.get('UPDATE watchers SET paused_at = ?, paused_reason = ? WHERE platform = ? AND user_id = ?').run(now.toISOString(), reason, who.platform, who.userId);
  }

  insertDelivery(who: WatcherKey, range: { from: number; to: number }, view: View, sender: string, now: Date): number {
    const at = now.toISOString();
    const result = this.cache
      .get(
        `INSERT INTO watch_deliveries (platform, user_id, status, cursor_from, cursor_to, view, sender, created_at, updated_at)
         VALUES (?, ?, 'sending', ?, ?, ?, ?, ?, ?)`,
      )
      .run(who.platform, who.userId, range.from, range.to, JSON.stringify(view), sender, at, at);
    return Number(result.lastInsertRowid);
  }

  delivery(id: number): WatchDelivery | undefined {
    const row = this.cache.get(`SELECT ${DELIVERY_COLUMNS} FROM watch_deliveries WHERE id = ?`).get(id) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  inFlight(who: WatcherKey): WatchDelivery | undefined {
    const row = this.cache
      .get(`SELECT ${DELIVERY_COLUMNS} FROM watch_deliveries WHERE platform = ? AND user_id = ? AND status IN ('sending', 'retrying')`)
      .get(who.platform, who.userId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  recordPosted(id: number, refs: readonly string[], now: Date): void {
    this.cache.get('UPDATE watch_deliveries SET message_refs = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(refs), now.toISOString(), id);
  }

  startAttempt(id: number, now: Date): void {
    this.cache
      .get("UPDATE watch_deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?")
      .run(now.toISOString(), id);
  }

  retryLater(id: number, error: string, at: Date, now: Date): void {
    this.cache
      .get("UPDATE watch_deliveries SET status = 'retrying', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'sending'")
      .run(error, at.toISOString(), now.toISOString(), id);
  }

  settle(id: number, status: 'delivered' | 'failed', now: Date, error?: string): boolean {
    return this.transaction(() => {
      const row = this.delivery(id);
      if (!row || (row.status !== 'sending' && row.status !== 'retrying')) return false;
      const at = now.toISOString();
      this.cache
        .get('UPDATE watch_deliveries SET status = ?, last_error = coalesce(?, last_error), next_attempt_at = NULL, view = NULL, updated_at = ? WHERE id = ?')
        .run(status, error ?? null, at, id);
      // Given up, the cursor stays: the next message carries these changes again.
      const cursor = status === 'delivered' ? row.cursorTo : 0;
      this.cache
        .get('UPDATE watchers SET cursor = max(cursor, ?), last_message_at = ? WHERE platform = ? AND user_id = ?')
        .run(cursor, at, row.watcher.platform, row.watcher.userId);
      if (status === 'delivered') this.addBoundary(row.watcher, row.cursorTo);
      // Each person's latest settled message is all the log needs to keep.
      this.cache
        .get("DELETE FROM watch_deliveries WHERE platform = ? AND user_id = ? AND status IN ('delivered', 'failed') AND id < ?")
        .run(row.watcher.platform, row.watcher.userId, id);
      return true;
    });
  }

  unsettled(platforms: readonly PlatformName[]): WatchDelivery[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(`SELECT ${DELIVERY_COLUMNS} FROM watch_deliveries WHERE status IN ('sending', 'retrying') AND platform IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(platforms)) as DeliveryRow[];
    return rows.map(toDelivery);
  }
}
