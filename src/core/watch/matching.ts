// Which changes a person's watches cover: an entry involves a watched actor when the actor is on
// it, a watched topic when it is the entry's, a watched place when one of its places lies within
// the watched area (a watch on Syria covers Sweida) or, for a place the gazetteer does not know,
// is that place. Either side of a correction counts, so an entry moved away is still reported, and
// one moved under a watch is reported as new.
import { asCovered, type EntryChange } from '../digest/changes.js';
import type { EntryInput } from '../domain.js';
import { areasOf } from '../places/gazetteer-port.js';
import type { PlaceDirectory } from '../places/place-port.js';
import { foldKey } from '../text.js';
import type { Watch, WatchTarget } from './watch-port.js';

/** The areas each stored place lies in, and its key, looked up once per round of deliveries. */
export class PlaceAreas {
  private readonly known = new Map<string, { areas: readonly string[]; key: string }>();

  constructor(private readonly places: PlaceDirectory) {}

  of(name: string): readonly string[] {
    return this.lookUp(name).areas;
  }

  /** The key a watch on a place not located holds: the stored place's own, else the folded name. */
  keyOf(name: string): string {
    return this.lookUp(name).key;
  }

  private lookUp(name: string): { areas: readonly string[]; key: string } {
    let known = this.known.get(name);
    if (!known) {
      const stored = this.places.stored(name);
      const place = stored?.location === 'located' && stored.ref ? this.places.gazetteer.byRef(stored.ref) : undefined;
      known = { areas: place ? areasOf(place) : [], key: stored?.key ?? foldKey(name) };
      this.known.set(name, known);
    }
    return known;
  }
}

function involves(entry: EntryInput, target: WatchTarget, areas: PlaceAreas): boolean {
  switch (target.kind) {
    case 'actor':
      return entry.actors.some((a) => a.actorId === target.actorId);
    case 'topic':
      return entry.topic === target.topic;
    case 'place':
      return 'area' in target ? entry.places.some((p) => areas.of(p).includes(target.area)) : entry.places.some((p) => areas.keyOf(p) === target.placeKey);
  }
}

/** A change as a watcher is told it, with the watches it is theirs by. */
export interface WatchedChange extends EntryChange {
  /** The labels of the watches that cover the entry as it stands (as it stood, for one now outside them all). */
  watchedBy: string[];
  /** A correction took the entry out of every watch: later changes to it are not sent. */
  leftWatches?: true;
}

/**
 * The changes any of the watches covers, in the order given, as the watcher is told them: an
 * entry a correction brings under a watch (an actor added, a retyped topic) is new to them, and
 * one it takes out of them all is a correction that says so.
 */
export function watchedChanges(changes: readonly EntryChange[], watches: readonly Watch[], areas: PlaceAreas): WatchedChange[] {
  if (watches.length === 0) return [];
  const covered = (state: EntryInput) => watches.some((w) => involves(state, w.target, areas));
  const labels = (state: EntryInput) => watches.filter((w) => involves(state, w.target, areas)).map((w) => w.label);
  return changes.flatMap((change) => {
    const told = asCovered(change, covered);
    if (!told) return [];
    const now = labels(told.after);
    if (now.length > 0 || !told.before) return [{ ...told, watchedBy: now }];
    return [{ ...told, watchedBy: labels(told.before), ...(told.kind === 'corrected' ? { leftWatches: true as const } : {}) }];
  });
}
