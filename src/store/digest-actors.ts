// Actor merges and unmerges as digests read them. An entry's revision snapshots name actors as
// they stood when written, but a merge moves entry links without writing entry revisions, and
// an unmerge moves them back. A digest compares, filters and shows entries as the actors stand
// at the end of its range, so each snapshot is replayed through the merges and unmerges written
// after it (the digest-side counterpart of sqlite-editor's withMergesFollowed, which also knows
// unmerges). Merges are rare: every one is kept in memory once read.
import type { EntryInput } from '../core/domain.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

type ActorLink = EntryInput['actors'][number];
type Link = [entryId: number, role: string, position: number];

type MergeEvent =
  | { id: number; kind: 'merge'; fromId: number; intoId: number }
  | {
      id: number;
      kind: 'unmerge';
      actorId: number;
      holderId: number;
      /** Per entry, the roles whose links went back (moved) or were given back alongside (shared). */
      moved: ReadonlyMap<number, readonly string[]>;
      shared: ReadonlyMap<number, readonly string[]>;
    };

interface RawEvent {
  id: number;
  entity_id: number;
  action: 'merge' | 'restore';
  snapshot: string;
}

/** Only the fields of the merge and restore snapshots that say where links went. */
interface EventSnapshot {
  mergedInto?: unknown;
  separatedFrom?: unknown;
  movedLinks?: Link[];
  sharedLinks?: Link[];
}

function rolesByEntry(links: readonly Link[] | undefined): Map<number, string[]> {
  const byEntry = new Map<number, string[]>();
  for (const [entryId, role] of links ?? []) byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), role]);
  return byEntry;
}

/** Index of the first item with id > `id`, in items sorted by id (revision rows, merge events). */
export function firstAfter(items: readonly { id: number }[], id: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A merge moves the folded actor's links to the kept one; a role the kept one had already is dropped. */
function applyMerge(actors: readonly ActorLink[], fromId: number, intoId: number): readonly ActorLink[] {
  if (!actors.some((a) => a.actorId === fromId)) return actors;
  const roles = new Set(actors.filter((a) => a.actorId === intoId).map((a) => a.role));
  const result: ActorLink[] = [];
  for (const link of actors) {
    if (link.actorId !== fromId) result.push(link);
    else if (!roles.has(link.role)) {
      roles.add(link.role);
      result.push({ ...link, actorId: intoId });
    }
  }
  return result;
}

/** An unmerge gives the separated actor back the links it had, where the holder still has them. */
function applyUnmerge(actors: readonly ActorLink[], entryId: number, event: Extract<MergeEvent, { kind: 'unmerge' }>): readonly ActorLink[] {
  const moved = event.moved.get(entryId) ?? [];
  const shared = event.shared.get(entryId) ?? [];
  if (moved.length + shared.length === 0) return actors;
  const has = (role: string) => actors.some((a) => a.actorId === event.actorId && a.role === role);
  let changed = false;
  const result: ActorLink[] = [];
  for (const link of actors) {
    const back = link.actorId === event.holderId && !has(link.role);
    if (back && moved.includes(link.role)) result.push({ ...link, actorId: event.actorId });
    else if (back && shared.includes(link.role)) result.push(link, { ...link, actorId: event.actorId });
    else result.push(link);
    changed ||= back && (moved.includes(link.role) || shared.includes(link.role));
  }
  return changed ? result : actors;
}

export class ActorMergeHistory {
  private readonly cache: StatementCache;
  private readonly events: MergeEvent[] = [];
  /** Per actor, the links its latest merge moved: an unmerge's snapshot does not repeat them. */
  private readonly lastMerge = new Map<number, { moved: Map<number, string[]>; shared: Map<number, string[]> }>();
  private loadedUpTo = 0;
  /** Followed snapshots, so a snapshot shared by many ranges stays one object (diffs and sections are cached by identity). */
  private readonly followed = new WeakMap<EntryInput, { end: number; result: EntryInput }>();

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  /**
   * The snapshot of an entry written at revision `writtenAt`, with its actors as they stand at
   * revision `upTo`: the same object when no merge since concerns it.
   */
  follow(snapshot: EntryInput, entryId: number, writtenAt: number, upTo: number): EntryInput {
    this.cover(upTo);
    const start = firstAfter(this.events, writtenAt);
    const end = firstAfter(this.events, upTo);
    if (start >= end || snapshot.actors.length === 0) return snapshot;
    const known = this.followed.get(snapshot);
    if (known && known.end === end) return known.result;
    let actors: readonly ActorLink[] = snapshot.actors;
    for (let i = start; i < end; i++) {
      const event = this.events[i]!;
      actors = event.kind === 'merge' ? applyMerge(actors, event.fromId, event.intoId) : applyUnmerge(actors, entryId, event);
    }
    const result = actors === snapshot.actors ? snapshot : { ...snapshot, actors: [...actors] };
    this.followed.set(snapshot, { end, result });
    return result;
  }

  /** The live actor holding `actorId`'s names and links at revision `upTo` (itself unless merged away). */
  liveAt(actorId: number, upTo: number): number {
    this.cover(upTo);
    // The chain of actors it went through: an unmerge of one of them takes the chain back to it.
    const path = [actorId];
    for (const event of this.events) {
      if (event.id > upTo) break;
      if (event.kind === 'merge' && event.fromId === path.at(-1)) path.push(event.intoId);
      if (event.kind === 'unmerge' && path.at(-1) === event.holderId) {
        const at = path.indexOf(event.actorId);
        if (at >= 0) path.length = at + 1;
      }
    }
    return path.at(-1)!;
  }

  /** Reads the merges and unmerges written up to `upTo` that are not read yet. */
  private cover(upTo: number): void {
    if (upTo <= this.loadedUpTo) return;
    // The first read goes through the entity index; later ones read only the new id range.
    const sql =
      this.loadedUpTo === 0
        ? `SELECT id, entity_id, action, snapshot FROM revisions
           WHERE entity = 'actor' AND action IN ('merge', 'restore') AND id <= ? ORDER BY id`
        : `SELECT id, entity_id, action, snapshot FROM revisions
           WHERE id > ? AND id <= ? AND +entity = 'actor' AND action IN ('merge', 'restore') ORDER BY id`;
    const args = this.loadedUpTo === 0 ? [upTo] : [this.loadedUpTo, upTo];
    for (const row of this.cache.get(sql).all(...args) as RawEvent[]) this.add(row);
    this.loadedUpTo = upTo;
  }

  private add(row: RawEvent): void {
    const snapshot = JSON.parse(row.snapshot) as EventSnapshot;
    // The folded actor's revision records where it went; the kept actor's says nothing of links.
    if (row.action === 'merge' && typeof snapshot.mergedInto === 'number') {
      this.events.push({ id: row.id, kind: 'merge', fromId: row.entity_id, intoId: snapshot.mergedInto });
      this.lastMerge.set(row.entity_id, { moved: rolesByEntry(snapshot.movedLinks), shared: rolesByEntry(snapshot.sharedLinks) });
    }
    if (row.action === 'restore' && typeof snapshot.separatedFrom === 'number') {
      const merge = this.lastMerge.get(row.entity_id);
      this.events.push({
        id: row.id,
        kind: 'unmerge',
        actorId: row.entity_id,
        holderId: snapshot.separatedFrom,
        moved: merge?.moved ?? new Map(),
        shared: merge?.shared ?? new Map(),
      });
    }
  }
}
