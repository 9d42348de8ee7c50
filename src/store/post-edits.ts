// Posts that showed entries and the edits corrections owe them (migration post_edits): a post is
// kept with its view (stored once for every post showing the same) and the revision each entry
// was shown as; the trigger on `revisions` queues one edit per post an entry's correction
// reaches; the runner settles each edit for the correction it drew, and the post keeps what that
// edit drew (migration 0042) for the next.
import { createHash } from 'node:crypto';
import type { PlatformName } from '../core/caller.js';
import type { EntryInput } from '../core/domain.js';
import { EDITABLE_FOR_MS, type DrawnPost, type DueEdit, type EntryNow, type EntryPlace, type EntryRevision, type PostEditStore, type ShownEntry, type ShownPost } from '../core/digest/post-edits-port.js';
import type { View } from '../core/view.js';
import { liveActorsOf } from './actor-merges.js';
import type { Db } from './connection.js';
import { entrySnapshot } from './created-state.js';
import { StatementCache } from './statement-cache.js';

interface DueRow {
  post_id: number;
  revision_id: number;
  attempts: number;
  platform: string;
  channel_id: string;
  context: string;
  zone: string;
  view: string;
  message_refs: string;
  posted_at: string;
  drawn_hash: string | null;
}

interface ShownRow {
  post_id: number;
  entry_id: number;
  section: number | null;
  revision_id: number;
  shown: string;
  removed: number;
  correction_drawn: number;
}

interface HistoryRow {
  id: number;
  entity_id: number;
  action: string;
  snapshot: string;
  reason: string | null;
  changed_at: string;
}

/** Past every revision id: "as the entry stands now". */
const LATEST = Number.MAX_SAFE_INTEGER;

export class SqlitePostEdits implements PostEditStore {
  private readonly cache: StatementCache;

  constructor(private readonly db: Db) {
    this.cache = new StatementCache(db);
  }

  remember(post: ShownPost, entries: readonly EntryPlace[], asOf = LATEST): void {
    if (entries.length === 0) return;
    const expires = new Date(post.postedAt.getTime() + EDITABLE_FOR_MS);
    const view = JSON.stringify(post.view);
    const hash = createHash('sha256').update(view).digest('base64url');
    this.db.transaction(() => {
      this.cache.get('INSERT INTO shown_views (hash, view) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, view);
      const { lastInsertRowid } = this.cache
        .get(
          `INSERT INTO shown_posts (platform, channel_id, context, zone, view_id, message_refs, posted_at, expires_at)
           VALUES (?, ?, ?, ?, (SELECT id FROM shown_views WHERE hash = ?), ?, ?, ?)`,
        )
        .run(post.platform, post.channelId, post.context, post.zone, hash, JSON.stringify(post.refs), post.postedAt.toISOString(), expires.toISOString());
      // Each entry as it stood at `asOf`: its latest revision up to it.
      this.cache
        .get(
          `INSERT INTO shown_entries (entry_id, post_id, section, revision_id)
           SELECT j.entry_id, ?, j.section, (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = j.entry_id AND id <= ?) AS revision_id
           FROM (SELECT json_extract(value, '$.entryId') AS entry_id, json_extract(value, '$.section') AS section FROM json_each(?)) j
           WHERE revision_id IS NOT NULL ON CONFLICT DO NOTHING`,
        )
        .run(Number(lastInsertRowid), asOf, JSON.stringify(entries));
    })();
  }

  due(platforms: readonly PlatformName[], now: Date, limit: number): DueEdit[] {
    if (platforms.length === 0) return [];
    const rows = this.cache
      .get(
        `SELECT e.post_id, e.revision_id, e.attempts, p.platform, p.channel_id, p.context, p.zone, v.view, p.message_refs, p.posted_at, p.drawn_hash
         FROM post_edits e JOIN shown_posts p ON p.id = e.post_id JOIN shown_views v ON v.id = p.view_id
         WHERE e.status = 'queued' AND e.platform IN (SELECT value FROM json_each(?)) AND e.next_attempt_at <= ?
         ORDER BY e.revision_id, e.post_id LIMIT ?`,
      )
      .all(JSON.stringify(platforms), now.toISOString(), limit) as DueRow[];
    if (rows.length === 0) return [];
    const shown = this.cache
      .get(
        `SELECT s.post_id, s.entry_id, s.section, s.revision_id, r.snapshot AS shown, r.action = 'remove' AS removed, s.correction_drawn
         FROM shown_entries s JOIN revisions r ON r.id = s.revision_id WHERE s.post_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(rows.map((r) => r.post_id))) as ShownRow[];
    const byPost = new Map<number, ShownEntry[]>();
    for (const row of shown) {
      const entry: ShownEntry = { entryId: row.entry_id, shown: entrySnapshot(this.cache.db, row.entry_id, row.shown), removed: row.removed === 1, revisionId: row.revision_id };
      if (row.section !== null) entry.section = row.section;
      if (row.correction_drawn === 1) entry.correctionDrawn = true;
      byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), entry]);
    }
    return rows.map((row) => ({
      ...(row.drawn_hash !== null ? { drawnHash: row.drawn_hash } : {}),
      postId: row.post_id,
      revisionId: row.revision_id,
      attempts: row.attempts,
      platform: row.platform,
      channelId: row.channel_id,
      context: row.context,
      zone: row.zone,
      view: JSON.parse(row.view) as View,
      refs: JSON.parse(row.message_refs) as string[],
      postedAt: new Date(row.posted_at),
      entries: byPost.get(row.post_id) ?? [],
    }));
  }

  current(shown: readonly Pick<ShownEntry, 'entryId' | 'revisionId'>[]): Map<number, EntryNow> {
    // Each entry's history from the earliest revision a post showed it as.
    const from = new Map<number, number>();
    for (const { entryId, revisionId } of shown) from.set(entryId, Math.min(from.get(entryId) ?? Number.MAX_SAFE_INTEGER, revisionId ?? 0));
    const rows = this.cache
      .get(
        `SELECT r.id, r.entity_id, r.action, r.snapshot, r.reason, r.changed_at FROM json_each(?) j
         JOIN revisions r ON r.entity = 'entry' AND r.entity_id = json_extract(j.value, '$[0]') AND r.id >= json_extract(j.value, '$[1]')
         ORDER BY r.entity_id, r.id DESC`,
      )
      .all(JSON.stringify([...from])) as HistoryRow[];
    const current = new Map<number, EntryNow>();
    for (const row of rows) {
      const revision: EntryRevision = { revisionId: row.id, state: entrySnapshot(this.cache.db, row.entity_id, row.snapshot), removed: row.action === 'remove', at: new Date(row.changed_at) };
      const now = current.get(row.entity_id);
      if (now) {
        (now.history as EntryRevision[]).push(revision);
        continue;
      }
      const latest: EntryNow = { state: revision.state, removed: revision.removed, changedAt: revision.at, history: [revision] };
      if (revision.removed && row.reason) latest.reason = row.reason;
      current.set(row.entity_id, latest);
    }
    return current;
  }

  actorNames(actorIds: readonly number[]): Map<number, string> {
    const rows = this.cache.get('SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(actorIds)) as { id: number; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  liveActors(actorIds: readonly number[]): Map<number, number> {
    return liveActorsOf(this.db, actorIds);
  }

  done(postId: number, revisionId: number, now: Date, drawn?: DrawnPost): void {
    this.db.transaction(() => {
      this.cache
        .get("UPDATE post_edits SET status = 'done', attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE post_id = ? AND revision_id = ?")
        .run(now.toISOString(), postId, revisionId);
      if (!drawn) return;
      this.cache.get('UPDATE shown_posts SET drawn_hash = ? WHERE id = ?').run(drawn.viewHash, postId);
      this.cache
        .get('UPDATE shown_entries SET correction_drawn = entry_id IN (SELECT value FROM json_each(?)) WHERE post_id = ?')
        .run(JSON.stringify(drawn.marked), postId);
    })();
  }

  retryLater(postId: number, revisionId: number, error: string, at: Date, now: Date): void {
    this.cache
      .get('UPDATE post_edits SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE post_id = ? AND revision_id = ?')
      .run(at.toISOString(), error, now.toISOString(), postId, revisionId);
  }

  failed(postId: number, revisionId: number, error: string, now: Date): void {
    this.cache
      .get("UPDATE post_edits SET status = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE post_id = ? AND revision_id = ?")
      .run(error, now.toISOString(), postId, revisionId);
  }

  prune(now: Date): number {
    return this.db.transaction(() => {
      const pruned = this.cache.get('DELETE FROM shown_posts WHERE expires_at <= ?').run(now.toISOString()).changes;
      if (pruned > 0) this.cache.get('DELETE FROM shown_views WHERE NOT EXISTS (SELECT 1 FROM shown_posts WHERE view_id = shown_views.id)').run();
      return pruned;
    })();
  }
}
