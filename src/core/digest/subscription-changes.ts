// The changes one subscription's digest (or one watcher's message) reports over a range. A range
// is collapsed once for every reader sharing it, from the state the dossier was in at its start;
// what only the reader can say is which entries it was ever shown. An entry restored in the range
// that stood live at none of the cursors where the reader's digests looked (added and removed
// within one period) never reached it: it is new there, not "restored".
import { sortForDigest, type ChangeSet, type EntryChange } from './changes.js';
import type { ChangeReader, DigestStore } from './store-port.js';

type Store = Pick<DigestStore, 'changes' | 'deliveries'>;
type Changes = Pick<ChangeReader, 'between' | 'liveSpans'>;

/** Sets with restorations reported as new, per range and entries, shared by the channels alike. */
const derived = new WeakMap<ChangeSet, Map<string, ChangeSet>>();
/** Each range's restorations, found once for the thousands of subscriptions composed over it. */
const restorations = new WeakMap<ChangeSet, number[]>();

/** What subscription `subscriptionId`'s digest over (from, to] reports. */
export function subscriptionChanges(store: Store, subscriptionId: number, from: number, to: number): ChangeSet {
  return changesAsSeen(store.changes, from, to, (upTo) => store.deliveries.boundaries(subscriptionId, upTo));
}

/** What a reader is told over (from, to]: `looked(upTo)` gives the cursors where it looked before, ascending. */
export function changesAsSeen(changes: Changes, from: number, to: number, looked: (upTo: number) => number[]): ChangeSet {
  const set = changes.between(from, to);
  const unseen = unseenRestorations(changes, set, from, looked);
  return unseen.length === 0 ? set : restoredAsNew(set, unseen);
}

/**
 * The entries restored in the range that the reader never had live. Where its log no longer
 * reaches back to an entry's creation, the entry may have been shown: it stays restored.
 */
function unseenRestorations(changes: Changes, set: ChangeSet, from: number, lookedAt: (upTo: number) => number[]): number[] {
  let restored = restorations.get(set);
  if (!restored) restorations.set(set, (restored = set.entries.filter((e) => e.kind === 'restored').map((e) => e.entryId)));
  if (restored.length === 0) return [];
  const looked = lookedAt(from);
  const earliest = looked[0] ?? from;
  const spans = changes.liveSpans(restored, from);
  return restored.filter((entryId) => {
    const live = spans.get(entryId) ?? [];
    if (live.length === 0 || live[0]![0] <= earliest) return false;
    return !live.some(([start, end]) => looked.some((at) => at >= start && (end === undefined || at < end)));
  });
}

function restoredAsNew(set: ChangeSet, unseen: readonly number[]): ChangeSet {
  const key = unseen.join(',');
  let bySet = derived.get(set);
  if (!bySet) derived.set(set, (bySet = new Map()));
  let shown = bySet.get(key);
  if (!shown) {
    const ids = new Set(unseen);
    const entries = set.entries.map((e): EntryChange => (ids.has(e.entryId) ? { entryId: e.entryId, kind: 'new', after: e.after, changedFields: [] } : e));
    shown = { ...set, entries: sortForDigest(entries) };
    bySet.set(key, shown);
  }
  return shown;
}
