// Reads what changed between two change cursors (revision ids) for digests. Many
// subscriptions share a range — every daily 08:00 digest starts where yesterday's ended — so
// the last few ranges are kept parsed and each subscription only filters them.
import type { EntryInput } from '../core/domain.js';
import {
  collapseRevisions,
  type ChangeSet,
  type PriorState,
  type RevisionAction,
  type RevisionRecordRow,
} from '../core/digest/changes.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

interface RawRevision {
  id: number;
  entity: 'entry' | 'actor';
  entity_id: number;
  action: RevisionAction;
  snapshot: string;
  reason: string | null;
}

export interface ChangeReaderOptions {
  /** Ranges with more revisions than this are reported as too large to summarise. */
  maxRevisions?: number;
  /** How many parsed ranges to keep. */
  cacheSize?: number;
}

export class SqliteDigestChanges {
  private readonly cache: StatementCache;
  private readonly ranges = new Map<string, ChangeSet>();
  private readonly maxRevisions: number;
  private readonly cacheSize: number;

  constructor(db: Db, options: ChangeReaderOptions = {}) {
    this.cache = new StatementCache(db);
    this.maxRevisions = options.maxRevisions ?? 20_000;
    this.cacheSize = options.cacheSize ?? 16;
  }

  /** The newest revision id: the cursor a digest taken now runs up to. */
  latestCursor(): number {
    return this.cache.get('SELECT coalesce(max(id), 0) FROM revisions').pluck().get() as number;
  }

  /** Everything that changed after `from` up to and including `to`. */
  between(from: number, to: number): ChangeSet {
    const key = `${from}:${to}`;
    const cached = this.ranges.get(key);
    if (cached) {
      this.ranges.delete(key);
      this.ranges.set(key, cached);
      return cached;
    }
    const set = this.read(from, to);
    this.ranges.set(key, set);
    if (this.ranges.size > this.cacheSize) this.ranges.delete(this.ranges.keys().next().value!);
    return set;
  }

  private read(from: number, to: number): ChangeSet {
    const empty = { fromCursor: from, toCursor: to, entries: [], newActorIds: new Set<number>(), actorNames: new Map<number, string>() };
    if (to <= from) return empty;
    const count = this.cache.get('SELECT count(*) FROM revisions WHERE id > ? AND id <= ?').pluck().get(from, to) as number;
    if (count > this.maxRevisions) return { ...empty, oversized: { revisions: count } };
    const raw = this.cache
      .get('SELECT id, entity, entity_id, action, snapshot, reason FROM revisions WHERE id > ? AND id <= ? ORDER BY id')
      .all(from, to) as RawRevision[];
    const rows: RevisionRecordRow[] = raw.map((r) => ({
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      snapshot: JSON.parse(r.snapshot) as unknown,
      ...(r.reason ? { reason: r.reason } : {}),
    }));
    const { entries, newActorIds } = collapseRevisions(rows, this.priorStates(rows, from));
    const actorIds = new Set<number>();
    for (const e of entries) for (const state of [e.after, e.before]) state?.actors.forEach((a) => actorIds.add(a.actorId));
    return { fromCursor: from, toCursor: to, entries, newActorIds, actorNames: this.actorNames([...actorIds]) };
  }

  /** The state at `from` of each entry changed, but not created, in the range. */
  private priorStates(rows: readonly RevisionRecordRow[], from: number): Map<number, PriorState> {
    const createdInRange = new Set(rows.filter((r) => r.entity === 'entry' && r.action === 'create').map((r) => r.entityId));
    const ids = [...new Set(rows.filter((r) => r.entity === 'entry' && !createdInRange.has(r.entityId)).map((r) => r.entityId))];
    const prior = new Map<number, PriorState>();
    if (ids.length === 0) return prior;
    const found = this.cache
      .get(
        `SELECT r.entity_id, r.action, r.snapshot FROM json_each(?) j JOIN revisions r ON r.id =
           (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = j.value AND id <= ?)`,
      )
      .all(JSON.stringify(ids), from) as { entity_id: number; action: RevisionAction; snapshot: string }[];
    for (const row of found) {
      prior.set(row.entity_id, { snapshot: JSON.parse(row.snapshot) as EntryInput, removed: row.action === 'remove' });
    }
    return prior;
  }

  private actorNames(ids: number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    const rows = this.cache
      .get('SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { id: number; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
