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

/**
 * The changes any of the watches covers, in the order given, as the watcher is told them: an
 * entry a correction brings under a watch (an actor added, a retyped topic) is new to them.
 */
export function watchedChanges(changes: readonly EntryChange[], watches: readonly Watch[], areas: PlaceAreas): EntryChange[] {
  if (watches.length === 0) return [];
  const covered = (state: EntryInput) => watches.some((w) => involves(state, w.target, areas));
  return changes.map((change) => asCovered(change, covered)).filter((change): change is EntryChange => change !== undefined);
}
