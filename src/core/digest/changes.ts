// What changed in the dossier between two cursors, collapsed to one item per entry: new,
// corrected, restored or removed. Built from the revision log, so the answer depends only on
// the cursor range and never on wall-clock windows.
import type { EntryInput } from '../domain.js';
import type { ActorKind, EventType } from '../vocabulary.js';
import { sameJson } from '../same-json.js';

export type RevisionAction = 'create' | 'edit' | 'remove' | 'restore' | 'merge';

/** One row of the revision log, as the store reads it. */
export interface RevisionRecordRow {
  id: number;
  entity: 'entry' | 'actor';
  entityId: number;
  action: RevisionAction;
  snapshot: unknown;
  reason?: string;
}

/** The state an entry had at the start of the range (its latest revision up to the cursor). */
export interface PriorState {
  snapshot: EntryInput;
  removed: boolean;
  /** The revision that wrote it. */
  revisionId: number;
}

/**
 * An entry's snapshot, written at `revisionId`, with its actors as they stand at the end of the
 * range: merges and unmerges since move links without writing entry revisions, and a digest
 * must neither report that as a correction nor miss an entry its actor filter now covers.
 */
export type FollowMerges = (snapshot: EntryInput, entryId: number, revisionId: number) => EntryInput;

export type EntryChangeKind = 'new' | 'corrected' | 'restored' | 'removed';

/** The order kinds appear in a digest. */
export const KIND_ORDER: readonly EntryChangeKind[] = ['new', 'corrected', 'restored', 'removed'];

export interface EntryChange {
  entryId: number;
  kind: EntryChangeKind;
  /** The entry's state at the end of the range. */
  after: EntryInput;
  /** Its state at the start of the range; absent for new entries. */
  before?: EntryInput;
  /** Top-level fields that differ between before and after. */
  changedFields: string[];
  /** Why it was removed, for removals. */
  reason?: string;
  /** Under a digest's filters: a correction took it out of what they cover (see filterChanges). */
  leftFilters?: true;
}

/** What a digest says of an actor created in its range (its name comes from `actorNames`). */
export interface NewActor {
  kind: ActorKind;
  title?: string;
}

/** An actor folded into another in the range: the entries that named it now name the other. */
export interface ActorMerge {
  fromId: number;
  intoId: number;
  /** An earlier merge taken back (/actors unmerge): `fromId` is separate from `intoId` again. */
  undone?: true;
}

export interface ChangeSet {
  fromCursor: number;
  toCursor: number;
  /** In digest order: by kind (KIND_ORDER), then newest first by date, then by id. */
  entries: EntryChange[];
  /** Actors created in the range and still actors at its end (not merged away), as they stand then. */
  newActors: ReadonlyMap<number, NewActor>;
  /** Actors merged in the range, in order. Merging moves links without entry revisions. */
  merges: readonly ActorMerge[];
  /** Current names of every actor the entries and merges mention. */
  actorNames: ReadonlyMap<number, string>;
  /** Where each actor a merge mentions stands at the end of the range: itself, or the live actor it was merged into. */
  currentActors: ReadonlyMap<number, number>;
  /**
   * Set when the range held more revisions than a digest can parse: `entries` then holds only the
   * changes of entries that existed before it (and `newActors`, `merges` those of actors), and the
   * entries it created are counted in the store instead.
   */
  oversized?: OversizedRange;
}

/** What a range too large to parse whole still tells a digest, read from the store by SQL. */
export interface OversizedRange {
  revisions: number;
  /** The entries created in the range and live at its end that match the filters, counted and named by id. */
  created: (filters: DigestFilters) => CreatedEntries;
  /**
   * Set when even the changes of the earlier entries were too many to parse: they are counted by
   * kind and named by id instead, whatever a digest's filters (`entries` is then empty).
   */
  earlier?: Readonly<Record<Exclude<EntryChangeKind, 'new'>, readonly number[]>>;
}

export interface CreatedEntries {
  byType: ReadonlyMap<EventType, number>;
  total: number;
  /** Runs of consecutive ids, ascending, as [first, last]: at most `MAX_CREATED_RUNS`. */
  runs: readonly (readonly [number, number])[];
  /** Runs left out past `MAX_CREATED_RUNS`: the named ones are then followed by `through`. */
  runsLeft: number;
  /** The highest id counted. */
  lastId?: number;
  /** The earliest first day (`YYYY-MM-DD`) of the entries counted, for a /timeline that shows them. */
  earliestDay?: string;
}

/** Runs of ids a digest names for the entries a range too large to parse created. */
export const MAX_CREATED_RUNS = 120;

export interface DigestFilters {
  topic?: string;
  eventType?: EventType;
  actorId?: number;
  /** The actor's name, for display. */
  actorName?: string;
  /** The name it was subscribed under, when that actor has since been merged into `actorId`. */
  actorWas?: string;
}

/** The filters as one string: the digests with the same filters share what is counted and composed under them. */
export const filtersKey = (f: DigestFilters): string => `${f.topic ?? ''}|${f.eventType ?? ''}|${f.actorId ?? ''}`;

/** Snapshots are shared between ranges, so each pair is compared once. */
const diffs = new WeakMap<EntryInput, WeakMap<EntryInput, string[]>>();

/** Which top-level fields differ between two states, in a stable order. */
export function diffFields(before: EntryInput, after: EntryInput): string[] {
  let byAfter = diffs.get(before);
  if (!byAfter) {
    byAfter = new WeakMap();
    diffs.set(before, byAfter);
  }
  let fields = byAfter.get(after);
  if (!fields) {
    fields = compareFields(before, after);
    byAfter.set(after, fields);
  }
  return fields;
}

function compareFields(before: EntryInput, after: EntryInput): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof EntryInput>;
  // Tags are a set (the store keeps them sorted, snapshots as typed): order is no change; nor is
  // the order of a source's fields. No claims is the same said with an empty list or none (a
  // snapshot from before an entry had claims has no list at all).
  const comparable = (entry: EntryInput, key: keyof EntryInput) => (key === 'tags' ? [...entry.tags].sort() : key === 'claims' ? (entry.claims ?? []) : entry[key]);
  return [...keys].filter((k) => !sameJson(comparable(before, k), comparable(after, k))).sort();
}

interface Accumulated {
  first: RevisionAction;
  last: RevisionAction;
  snapshot: EntryInput;
  revisionId: number;
  reason?: string;
}

/**
 * Collapses the revisions of a range (ascending ids) into one change per entry. An entry
 * created and removed inside the range never reached a digest, so it is left out; an edit
 * undone inside the range is no change at all.
 */
export function collapseRevisions(
  rows: readonly RevisionRecordRow[],
  prior: ReadonlyMap<number, PriorState>,
  follow: FollowMerges = (snapshot) => snapshot,
): {
  entries: EntryChange[];
  newActors: Map<number, NewActor>;
  merges: ActorMerge[];
} {
  const byEntry = new Map<number, Accumulated>();
  const newActors = new Map<number, NewActor>();
  const merges: ActorMerge[] = [];
  const createdInRange = new Set<number>();
  for (const row of rows) {
    if (row.entity === 'actor') {
      if (row.action === 'create') createdInRange.add(row.entityId);
      const snapshot = row.snapshot as { kind?: ActorKind; title?: string; mergedInto?: unknown; separatedFrom?: unknown } | null;
      // Created in the range, then perhaps edited: the latest snapshot says what it is now.
      if ((row.action === 'create' || (row.action === 'edit' && newActors.has(row.entityId))) && snapshot?.kind) {
        newActors.set(row.entityId, { kind: snapshot.kind, ...(snapshot.title ? { title: snapshot.title } : {}) });
      }
      // The folded actor's own revision records where it went (the other side's does not).
      if (row.action === 'merge' && typeof snapshot?.mergedInto === 'number') {
        merges.push({ fromId: row.entityId, intoId: snapshot.mergedInto });
        newActors.delete(row.entityId);
      }
      // An unmerge cancels a merge in the same range; one from before the range is news itself.
      if (row.action === 'restore' && typeof snapshot?.separatedFrom === 'number') {
        const merged = merges.findIndex((m) => m.fromId === row.entityId && !m.undone);
        if (merged < 0) merges.push({ fromId: row.entityId, intoId: snapshot.separatedFrom, undone: true });
        else {
          merges.splice(merged, 1);
          if (createdInRange.has(row.entityId) && snapshot.kind) {
            newActors.set(row.entityId, { kind: snapshot.kind, ...(snapshot.title ? { title: snapshot.title } : {}) });
          }
        }
      }
      continue;
    }
    const seen = byEntry.get(row.entityId);
    const snapshot = row.snapshot as EntryInput;
    const reason = row.action === 'remove' ? row.reason : undefined;
    byEntry.set(row.entityId, {
      first: seen?.first ?? row.action,
      last: row.action,
      snapshot,
      revisionId: row.id,
      ...(reason ? { reason } : {}),
    });
  }
  const entries: EntryChange[] = [];
  for (const [entryId, acc] of byEntry) {
    const removedNow = acc.last === 'remove';
    const after = follow(acc.snapshot, entryId, acc.revisionId);
    if (acc.first === 'create') {
      if (!removedNow) entries.push({ entryId, kind: 'new', after, changedFields: [] });
      continue;
    }
    const prev = prior.get(entryId);
    const removedBefore = prev?.removed ?? false;
    if (removedBefore && removedNow) continue;
    // Both sides as the actors stand now, so a merge or unmerge since is no change to the entry.
    const before = prev ? follow(prev.snapshot, entryId, prev.revisionId) : undefined;
    const changedFields = before ? diffFields(before, after) : [];
    let kind: EntryChangeKind;
    if (removedNow) kind = 'removed';
    else if (removedBefore) kind = 'restored';
    else if (changedFields.length > 0 || !before) kind = 'corrected';
    else continue;
    entries.push({
      entryId,
      kind,
      after,
      ...(before ? { before } : {}),
      changedFields,
      ...(removedNow && acc.reason ? { reason: acc.reason } : {}),
    });
  }
  return { entries: sortForDigest(entries), newActors, merges };
}

/** `YYYYMMDD` of the first day a partial date covers, as a number, for sorting. */
function dayKey(entry: EntryInput): number {
  return entry.start.year * 10_000 + (entry.start.month ?? 1) * 100 + (entry.start.day ?? 1);
}

/** Sorted once per range, so each subscription's filtered list is already in digest order. */
export function sortForDigest(entries: EntryChange[]): EntryChange[] {
  const keyed = entries.map((change) => ({ change, kind: KIND_ORDER.indexOf(change.kind), day: dayKey(change.after) }));
  keyed.sort((a, b) => a.kind - b.kind || b.day - a.day || b.change.entryId - a.change.entryId);
  return keyed.map((k) => k.change);
}

/** Whether a digest with these filters covers the entry in this state. */
export function matchesFilters(entry: EntryInput, filters: DigestFilters): boolean {
  if (filters.topic && entry.topic !== filters.topic) return false;
  if (filters.eventType && entry.eventType !== filters.eventType) return false;
  if (filters.actorId !== undefined && !entry.actors.some((a) => a.actorId === filters.actorId)) return false;
  return true;
}

/** A range's changes filed by the topics, types and actors of their states before and after, in digest order. */
interface ChangeIndex {
  byTopic: Map<string, EntryChange[]>;
  byType: Map<EventType, EntryChange[]>;
  byActor: Map<number, EntryChange[]>;
}

/** Built once per range's changes: the hundreds of subscriptions over a range each filter it. */
const indexes = new WeakMap<readonly EntryChange[], ChangeIndex>();

function file<K>(map: Map<K, EntryChange[]>, key: K, change: EntryChange): void {
  const list = map.get(key);
  if (!list) map.set(key, [change]);
  else if (list.at(-1) !== change) list.push(change);
}

function indexChanges(entries: readonly EntryChange[]): ChangeIndex {
  let index = indexes.get(entries);
  if (index) return index;
  index = { byTopic: new Map(), byType: new Map(), byActor: new Map() };
  for (const change of entries) {
    for (const state of change.before ? [change.after, change.before] : [change.after]) {
      file(index.byTopic, state.topic, change);
      file(index.byType, state.eventType, change);
      for (const { actorId } of state.actors) file(index.byActor, actorId, change);
    }
  }
  indexes.set(entries, index);
  return index;
}

/**
 * The changes a subscription sees, as its channel saw the entries: those whose state before or
 * after matches its filters. An entry a correction brings under the filters is new to the channel
 * (it never showed it); one a correction takes out of them is a correction that says so; one that
 * stood outside them at the start of the range and is removed, or restored outside them, is none
 * of the channel's news.
 */
export function filterChanges(entries: readonly EntryChange[], filters: DigestFilters): EntryChange[] {
  if (!filters.topic && !filters.eventType && filters.actorId === undefined) return [...entries];
  // Only the changes filed under one of the filters can match them all.
  const index = indexChanges(entries);
  const filed = (filters.actorId !== undefined ? index.byActor.get(filters.actorId) : filters.topic ? index.byTopic.get(filters.topic) : index.byType.get(filters.eventType!)) ?? [];
  const seen: EntryChange[] = [];
  let entered = false;
  for (const change of filed) {
    const shown = asFiltered(change, filters);
    if (!shown) continue;
    if (shown.kind !== change.kind) entered = true;
    seen.push(shown);
  }
  // Filed in digest order; an entry now new there moves up to the new entries.
  return entered ? sortForDigest(seen) : seen;
}

/**
 * The change as someone shown only the entries `covers` holds is told it, or undefined when it is
 * none of theirs: an entry a correction brings under it is new to them (they never saw it), one
 * it takes away is still a change they saw, and one outside it at the start of the range that is
 * removed, or restored outside it, is nothing to them.
 */
export function asCovered(change: EntryChange, covers: (state: EntryInput) => boolean): EntryChange | undefined {
  const now = covers(change.after);
  const was = change.before !== undefined && covers(change.before);
  if (now && (was || !change.before)) return change;
  if (now) return change.kind === 'removed' ? undefined : { entryId: change.entryId, kind: 'new', after: change.after, changedFields: [] };
  if (!was || change.kind === 'restored') return undefined;
  return change;
}

/** The change as a digest with these filters reports it, or undefined if that digest leaves it out. */
export function asFiltered(change: EntryChange, filters: DigestFilters): EntryChange | undefined {
  const seen = asCovered(change, (state) => matchesFilters(state, filters));
  return seen?.kind === 'corrected' && !matchesFilters(change.after, filters) ? { ...seen, leftFilters: true } : seen;
}
