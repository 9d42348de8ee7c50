// Reads what changed between two change cursors (revision ids) for digests. Revisions never
// change once written, so the recent tail of the log is kept parsed in memory and extended as
// new revisions arrive: the thousands of subscriptions due at the same hour share the same few
// ranges, and each range is collapsed once and then only filtered per subscription.
import type { EntryInput } from '../core/domain.js';
import { actorIdsNamed } from '../core/entry-diff.js';
import {
  collapseRevisions,
  filtersKey,
  MAX_CREATED_RUNS,
  type ChangeSet,
  type CreatedEntries,
  type DigestFilters,
  type OversizedRange,
  type PriorState,
  type RevisionAction,
  type RevisionRecordRow,
} from '../core/digest/changes.js';
import { indexNewEntries, type NewEntries } from '../core/digest/new-entries.js';
import type { ChangeReader } from '../core/digest/store-port.js';
import type { EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { entrySnapshot } from './created-state.js';
import { ActorMergeHistory, firstAfter } from './digest-actors.js';
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
  /**
   * Ranges with more revisions than this are not parsed whole: only the revisions of actors and of
   * entries created before the range are (if they are as few), and the entries created are counted.
   */
  maxRevisions?: number;
  /** How many collapsed ranges to keep. */
  cacheSize?: number;
  /** Parsed revisions kept in memory at most; beyond it the tail starts again from the range asked. */
  maxTail?: number;
}

/** A revision as read, an entry's creation still as created read from the entry (see created-state). */
function parse(db: Db, r: RawRevision): RevisionRecordRow {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    snapshot: r.entity === 'entry' ? entrySnapshot(db, r.entity_id, r.snapshot) : (JSON.parse(r.snapshot) as unknown),
    ...(r.reason ? { reason: r.reason } : {}),
  };
}

/** An entry's revision whose entry was not created in (@from, @to]: a change of an entry that existed before the range. */
const ENTRY_NOT_CREATED_IN_RANGE = `NOT EXISTS (SELECT 1 FROM revisions c WHERE c.entity = 'entry' AND c.entity_id = r.entity_id AND c.action = 'create' AND c.id > @from AND c.id <= @to)`;
/** The same, or a revision of an actor. */
const NOT_CREATED_IN_RANGE = `(r.entity = 'actor' OR ${ENTRY_NOT_CREATED_IN_RANGE})`;

/** Entry changes the cached ranges may hold in all (about 1 KB each with their snapshots). */
const MAX_CACHED_ENTRIES = 100_000;
/** Ranges whose new entries are kept counted: small, and asked for by every card of a slot. */
const MAX_COUNTED_RANGES = 128;

export class SqliteDigestChanges implements ChangeReader {
  private readonly cache: StatementCache;
  private readonly merges: ActorMergeHistory;
  private readonly ranges = new Map<string, ChangeSet>();
  /** New entries counted per range (null: too large to list), apart from the ranges kept whole. */
  private readonly counted = new Map<string, NewEntries | null>();
  private readonly maxRevisions: number;
  private readonly cacheSize: number;
  private readonly maxTail: number;
  /** Parsed revisions with start < id <= end, ascending. */
  private tail: { start: number; end: number; rows: RevisionRecordRow[] } = { start: 0, end: 0, rows: [] };
  /** Each entry's state at `tail.start` (null: it did not exist yet), fetched when first needed. */
  private readonly baseStates = new Map<number, PriorState | null>();
  /** Current actor names; an actor revision arriving in the tail drops that actor's entry. */
  private readonly names = new Map<number, string>();
  /** Entry changes held by the cached ranges, to bound their memory. */
  private cachedEntries = 0;
  private lastUsed = 0;

  constructor(db: Db, options: ChangeReaderOptions = {}) {
    this.cache = new StatementCache(db);
    this.merges = new ActorMergeHistory(db);
    this.maxRevisions = options.maxRevisions ?? 20_000;
    this.cacheSize = options.cacheSize ?? 64;
    this.maxTail = Math.max(options.maxTail ?? 30_000, this.maxRevisions);
  }

  /** The newest revision id: the cursor a digest taken now runs up to. */
  latestCursor(): number {
    return this.cache.get('SELECT coalesce(max(id), 0) FROM revisions').pluck().get() as number;
  }

  /** Everything that changed after `from` up to and including `to`. */
  between(from: number, to: number): ChangeSet {
    this.lastUsed = performance.now();
    const key = `${from}:${to}`;
    const cached = this.ranges.get(key);
    if (cached) {
      this.ranges.delete(key);
      this.ranges.set(key, cached);
      return cached;
    }
    const set = this.read(from, to);
    this.ranges.set(key, set);
    this.cachedEntries += set.entries.length;
    while (this.ranges.size > this.cacheSize || (this.cachedEntries > MAX_CACHED_ENTRIES && this.ranges.size > 1)) {
      const oldest = this.ranges.keys().next().value!;
      this.cachedEntries -= this.ranges.get(oldest)!.entries.length;
      this.ranges.delete(oldest);
    }
    return set;
  }

  liveSpans(entryIds: readonly number[], upTo: number): Map<number, [number, number | undefined][]> {
    const rows = this.cache
      .get(
        `SELECT r.entity_id, r.id, r.action FROM json_each(?) j JOIN revisions r ON r.entity = 'entry' AND r.entity_id = j.value AND r.id <= ?
         WHERE r.action IN ('create', 'restore', 'remove') ORDER BY r.entity_id, r.id`,
      )
      .all(JSON.stringify([...new Set(entryIds)]), upTo) as { entity_id: number; id: number; action: RevisionAction }[];
    const spans = new Map<number, [number, number | undefined][]>();
    for (const row of rows) {
      const own = spans.get(row.entity_id) ?? [];
      spans.set(row.entity_id, own);
      const open = own.at(-1);
      if (row.action === 'remove') {
        if (open && open[1] === undefined) open[1] = row.id;
      } else if (!open || open[1] !== undefined) own.push([row.id, undefined]);
    }
    return spans;
  }

  /**
   * A range's new entries, counted. A card also counts the previous digest's range, which no digest
   * composes now: read, it is counted and let go rather than kept whole beside the ranges in use.
   */
  newEntries(from: number, to: number): NewEntries | undefined {
    this.lastUsed = performance.now();
    const key = `${from}:${to}`;
    let index = this.counted.get(key);
    if (index === undefined) {
      const set = this.ranges.get(key) ?? (this.oversizedCount(from, to) === undefined ? this.read(from, to) : undefined);
      index = !set || set.oversized ? null : indexNewEntries(set);
      if (this.counted.size >= MAX_COUNTED_RANGES) this.counted.delete(this.counted.keys().next().value!);
      this.counted.set(key, index);
    }
    return index ?? undefined;
  }

  /** Drops everything cached, once digests have not been composed for `idleMs`: between bursts the memory is better given back. */
  releaseIfIdle(idleMs: number): boolean {
    if (this.lastUsed === 0 || performance.now() - this.lastUsed < idleMs) return false;
    this.ranges.clear();
    this.counted.clear();
    this.cachedEntries = 0;
    this.tail = { start: 0, end: 0, rows: [] };
    this.baseStates.clear();
    this.names.clear();
    this.lastUsed = 0;
    return true;
  }

  /** How many revisions the range holds when they are more than a digest parses; else undefined. */
  private oversizedCount(from: number, to: number): number | undefined {
    if (to - from <= this.maxRevisions) return undefined;
    const count = this.cache.get('SELECT count(*) FROM revisions WHERE id > ? AND id <= ?').pluck().get(from, to) as number;
    return count > this.maxRevisions ? count : undefined;
  }

  private read(from: number, to: number): ChangeSet {
    const empty = { fromCursor: from, toCursor: to, entries: [], newActors: new Map(), merges: [], actorNames: new Map<number, string>(), currentActors: new Map<number, number>() };
    if (to <= from) return empty;
    const oversized = this.oversizedCount(from, to);
    if (oversized !== undefined) return this.readOversized(from, to, oversized);
    this.cover(from, to);
    const rows = this.tail.rows.slice(firstAfter(this.tail.rows, from), firstAfter(this.tail.rows, to));
    return this.collapse(rows, this.priorStates(rows, from), from, to);
  }

  /**
   * A range too large to parse whole: a mass import's new entries are counted in SQL, while the
   * few changes of entries that existed before it (and of actors) are parsed and listed as usual.
   */
  private readOversized(from: number, to: number, revisions: number): ChangeSet {
    const counts = this.cache.get(`SELECT r.entity, count(*) AS n FROM revisions r WHERE r.id > @from AND r.id <= @to AND ${NOT_CREATED_IN_RANGE} GROUP BY r.entity`).all({ from, to }) as {
      entity: 'entry' | 'actor';
      n: number;
    }[];
    const count = (entity: 'entry' | 'actor') => counts.find((c) => c.entity === entity)?.n ?? 0;
    const whole = count('entry') + count('actor') <= this.maxRevisions;
    const entities = whole ? "('entry', 'actor')" : count('actor') <= this.maxRevisions ? "('actor')" : '()';
    const rows = this.loaded(
      (
        this.cache
          .get(`SELECT r.id, r.entity, r.entity_id, r.action, r.snapshot, r.reason FROM revisions r WHERE r.id > @from AND r.id <= @to AND r.entity IN ${entities} AND ${NOT_CREATED_IN_RANGE} ORDER BY r.id`)
          .all({ from, to }) as RawRevision[]
      ).map((r) => parse(this.cache.db, r)),
    );
    const changedEntries = [...new Set(rows.filter((r) => r.entity === 'entry').map((r) => r.entityId))];
    const prior = new Map<number, PriorState>();
    for (const [id, state] of this.statesAt(changedEntries, from)) if (state) prior.set(id, state);
    const set = this.collapse(rows, prior, from, to);
    const byFilters = new Map<string, CreatedEntries>();
    const created = (filters: DigestFilters) => {
      const key = filtersKey(filters);
      let found = byFilters.get(key);
      if (!found) byFilters.set(key, (found = this.createdEntries(from, to, filters)));
      return found;
    };
    const range: OversizedRange = { revisions, created, ...(whole ? {} : { earlier: this.earlierByKind(from, to) }) };
    return { ...set, oversized: range };
  }

  /**
   * The entries created in (from, to] and live at `to` that match the filters, by type and in runs
   * of ids. Their topic, type and actors are read as they stand now, as digest cards count them.
   */
  private createdEntries(from: number, to: number, filters: DigestFilters): CreatedEntries {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.topic !== undefined) (where.push('e.topic = ?'), params.push(filters.topic));
    if (filters.eventType !== undefined) (where.push('e.event_type = ?'), params.push(filters.eventType));
    if (filters.actorId !== undefined) (where.push('e.id IN (SELECT entry_id FROM entry_actors WHERE actor_id = ?)'), params.push(filters.actorId));
    // The range's revisions first, by id (as the cards' count of a range reads them).
    const sql = `SELECT e.id, e.event_type, e.day_from FROM revisions r CROSS JOIN entries e ON e.id = r.entity_id
      WHERE r.id > ? AND r.id <= ? AND +r.entity = 'entry' AND r.action = 'create'
        AND (SELECT x.action FROM revisions x WHERE x.entity = 'entry' AND x.entity_id = r.entity_id AND x.id <= ? ORDER BY x.id DESC LIMIT 1) <> 'remove'
        ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY e.id`;
    const byType = new Map<EventType, number>();
    const runs: [number, number][] = [];
    let total = 0;
    let runsLeft = 0;
    let lastId: number | undefined;
    let earliestDay: string | undefined;
    for (const [id, type, day] of this.cache.get(sql).raw().iterate(from, to, to, ...params) as Iterable<[number, EventType, string | null]>) {
      total += 1;
      byType.set(type, (byType.get(type) ?? 0) + 1);
      if (day !== null && (earliestDay === undefined || day < earliestDay)) earliestDay = day;
      const continues = lastId !== undefined && id === lastId + 1;
      lastId = id;
      // A run goes on in the last one named, unless runs are only counted by now.
      if (continues && runsLeft === 0) runs.at(-1)![1] = id;
      else if (continues) continue;
      else if (runs.length < MAX_CREATED_RUNS) runs.push([id, id]);
      else runsLeft += 1;
    }
    return { byType, total, runs, runsLeft, ...(lastId !== undefined ? { lastId } : {}), ...(earliestDay !== undefined ? { earliestDay } : {}) };
  }

  /**
   * The entries created before (from, to] and changed in it, by kind, from the actions of their
   * latest revisions alone: an edit undone within the range still counts as a correction here.
   */
  private earlierByKind(from: number, to: number): NonNullable<OversizedRange['earlier']> {
    const latest = (bound: string) => `(SELECT x.action FROM revisions x WHERE x.entity = 'entry' AND x.entity_id = t.entity_id AND x.id <= ${bound} ORDER BY x.id DESC LIMIT 1)`;
    const rows = this.cache
      .get(
        `SELECT t.entity_id, ${latest('@from')} AS before, ${latest('@to')} AS after
         FROM (SELECT DISTINCT r.entity_id FROM revisions r WHERE r.id > @from AND r.id <= @to AND r.entity = 'entry' AND ${ENTRY_NOT_CREATED_IN_RANGE}) t
         ORDER BY t.entity_id`,
      )
      .raw()
      .all({ from, to }) as [number, RevisionAction | null, RevisionAction][];
    const kinds = { corrected: [] as number[], restored: [] as number[], removed: [] as number[] };
    for (const [id, before, after] of rows) {
      const removedBefore = before === 'remove';
      const removedNow = after === 'remove';
      if (removedBefore && removedNow) continue;
      (removedNow ? kinds.removed : removedBefore ? kinds.restored : kinds.corrected).push(id);
    }
    return kinds;
  }

  /** The changes of parsed revisions of (from, to], given the entries' states at `from`. */
  private collapse(rows: readonly RevisionRecordRow[], prior: ReadonlyMap<number, PriorState>, from: number, to: number): ChangeSet {
    const follow = (snapshot: EntryInput, entryId: number, revisionId: number) => this.merges.follow(snapshot, entryId, revisionId, to);
    const { entries, newActors, merges } = collapseRevisions(rows, prior, follow);
    const actorIds = new Set<number>(newActors.keys());
    for (const e of entries) for (const state of [e.after, e.before]) if (state) actorIdsNamed(state).forEach((id) => actorIds.add(id));
    const currentActors = new Map<number, number>();
    for (const merge of merges) {
      for (const id of [merge.fromId, merge.intoId]) currentActors.set(id, this.merges.liveAt(id, to));
      actorIds.add(merge.fromId).add(merge.intoId);
    }
    return { fromCursor: from, toCursor: to, entries, newActors, merges, actorNames: this.actorNames([...actorIds]), currentActors };
  }

  /** Makes the parsed tail cover (from, to], loading only what it lacks. */
  private cover(from: number, to: number): void {
    const load = (after: number, upTo: number) =>
      this.loaded(
        (this.cache.get('SELECT id, entity, entity_id, action, snapshot, reason FROM revisions WHERE id > ? AND id <= ? ORDER BY id').all(after, upTo) as RawRevision[]).map((r) => parse(this.cache.db, r)),
      );
    const tail = this.tail;
    if (tail.end === 0 || tail.end - from > this.maxTail) {
      this.tail = { start: from, end: to, rows: load(from, to) };
      this.baseStates.clear();
      return;
    }
    if (from < tail.start) {
      tail.rows = [...load(from, tail.start), ...tail.rows];
      tail.start = from;
      this.baseStates.clear();
    }
    if (to > tail.end) {
      tail.rows = tail.rows.concat(load(tail.end, to));
      tail.end = to;
    }
    if (tail.rows.length > this.maxTail) {
      // Forget the oldest revisions; ranges reaching back that far load them again.
      tail.rows = tail.rows.slice(tail.rows.length - this.maxTail);
      tail.start = tail.rows[0]!.id - 1;
      this.baseStates.clear();
    }
  }

  /** The state at `from` of each entry changed, but not created, in the range. */
  private priorStates(rows: readonly RevisionRecordRow[], from: number): Map<number, PriorState> {
    const createdInRange = new Set<number>();
    const changed = new Set<number>();
    for (const r of rows) {
      if (r.entity !== 'entry') continue;
      if (r.action === 'create') createdInRange.add(r.entityId);
      else if (!createdInRange.has(r.entityId)) changed.add(r.entityId);
    }
    const prior = new Map<number, PriorState>();
    const needBase: number[] = [];
    // The latest revision at or before `from` that the tail holds, entry by entry.
    const inTail = new Map<number, RevisionRecordRow>();
    const end = firstAfter(this.tail.rows, from);
    for (let i = 0; i < end; i++) {
      const r = this.tail.rows[i]!;
      if (r.entity === 'entry' && changed.has(r.entityId)) inTail.set(r.entityId, r);
    }
    for (const id of changed) {
      const row = inTail.get(id);
      if (row) prior.set(id, { snapshot: row.snapshot as EntryInput, removed: row.action === 'remove', revisionId: row.id });
      else if (!this.baseStates.has(id)) needBase.push(id);
    }
    if (needBase.length > 0) for (const [id, state] of this.statesAt(needBase, this.tail.start)) this.baseStates.set(id, state);
    for (const id of changed) {
      if (prior.has(id)) continue;
      const base = this.baseStates.get(id);
      if (base) prior.set(id, base);
    }
    return prior;
  }

  /** Each entry's state at cursor `at` (null: it did not exist yet). */
  private statesAt(ids: readonly number[], at: number): Map<number, PriorState | null> {
    const states = new Map<number, PriorState | null>(ids.map((id) => [id, null]));
    if (ids.length === 0) return states;
    const found = this.cache
      .get(
        `SELECT r.id, r.entity_id, r.action, r.snapshot FROM json_each(?) j JOIN revisions r ON r.id =
           (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = j.value AND id <= ?)`,
      )
      .all(JSON.stringify(ids), at) as { id: number; entity_id: number; action: RevisionAction; snapshot: string }[];
    for (const row of found) {
      states.set(row.entity_id, { snapshot: entrySnapshot(this.cache.db, row.entity_id, row.snapshot), removed: row.action === 'remove', revisionId: row.id });
    }
    return states;
  }

  private actorNames(ids: number[]): Map<number, string> {
    const missing = ids.filter((id) => !this.names.has(id));
    if (missing.length > 0) {
      const rows = this.cache
        .get('SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(missing)) as { id: number; name: string }[];
      if (this.names.size + rows.length > 50_000) this.names.clear();
      for (const row of rows) this.names.set(row.id, row.name);
    }
    const result = new Map<number, string>();
    for (const id of ids) {
      const name = this.names.get(id);
      if (name !== undefined) result.set(id, name);
    }
    return result;
  }

  /** Revisions read from the log: an actor changed by one may have a new name. */
  private loaded(rows: RevisionRecordRow[]): RevisionRecordRow[] {
    for (const row of rows) if (row.entity === 'actor') this.names.delete(row.entityId);
    return rows;
  }
}
