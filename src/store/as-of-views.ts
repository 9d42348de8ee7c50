// The store's implementation of the core's PastViews port: timelines and entries as they stood
// at an instant, read from the revision log and its spans (migration 0012), never written.
import type { ActorThen, EntryAt, PastRevision, PastViews } from '../core/as-of-port.js';
import type { EntryInput } from '../core/domain.js';
import type { TimelineQuery } from '../core/ports.js';
import { actorThen } from './as-of-actor-then.js';
import { actorNamesOf, queryTimelineAsOf } from './as-of-timeline.js';
import { ShownState } from './as-of-shown.js';
import type { Db } from './connection.js';
import { entrySnapshot } from './created-state.js';
import { respellingsIn } from './entry-writes.js';
import { StatementCache } from './statement-cache.js';

interface RevisionRow {
  id: number;
  action: PastRevision['action'];
  snapshot: string;
  reason: string | null;
  changed_by: string;
  changed_at: string;
  /** The instant in the form spans and `before` use, to compare as text. */
  at: string;
}

export class SqlitePastViews implements PastViews {
  private readonly cache: StatementCache;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  firstEntryAt(): string | undefined {
    return (this.cache.get('SELECT min(valid_from) FROM entry_spans').pluck().get() as string | null) ?? undefined;
  }

  timeline(query: TimelineQuery, before: string) {
    return queryTimelineAsOf(this.cache, query, before);
  }

  private revisions(id: number): RevisionRow[] {
    return this.cache
      .get(
        `SELECT id, action, snapshot, reason, changed_by, changed_at, strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) AS at
         FROM revisions WHERE entity = 'entry' AND entity_id = ? ORDER BY id`,
      )
      .all(id) as RevisionRow[];
  }

  entryAt(id: number, before: string): EntryAt | undefined {
    const revisions = this.revisions(id);
    const written = revisions.filter((r) => r.at < before);
    const first = written[0];
    const last = written[written.length - 1];
    if (!first || !last) return undefined;
    const state = entrySnapshot(this.cache.db, id, last.snapshot);
    const entry: EntryAt = {
      id,
      state,
      shown: new ShownState(this.cache).shown(state, last.id, before),
      created: { at: first.changed_at, by: first.changed_by },
      lastChange: { at: last.changed_at, by: last.changed_by },
      revisionsBefore: written.length,
      revisionsAfter: revisions.length - written.length,
    };
    if (last.action === 'remove') entry.removed = { at: last.changed_at, by: last.changed_by, reason: last.reason ?? '' };
    return entry;
  }

  entryCreatedAt(id: number): string | undefined {
    return this.cache.get("SELECT changed_at FROM revisions WHERE entity = 'entry' AND entity_id = ? ORDER BY id LIMIT 1").pluck().get(id) as
      | string
      | undefined;
  }

  actorNames(ids: readonly number[]): Map<number, string> {
    return actorNamesOf(this.cache, ids);
  }

  actorsFoldedInto(ids: readonly number[], since: string | undefined, before: string): Map<number, number> {
    return new ShownState(this.cache).holders(ids, since ?? '', before);
  }

  actorThen(actorId: number, name: string, before: string): ActorThen {
    return actorThen(this.cache, actorId, name, before);
  }

  revisionsBetween(id: number, since: string, before: string): PastRevision[] {
    return this.revisions(id)
      .filter((r) => r.at >= since && r.at < before)
      .map((r) => ({ action: r.action, at: r.changed_at, by: r.changed_by, reason: r.reason ?? '', respelled: respellingsIn(r.reason) }));
  }
}
