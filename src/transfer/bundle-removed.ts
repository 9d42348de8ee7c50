// A merge never carries a removal across, either way: removing an entry is a decision of the store
// that made it. What the import says of an entry removed on one side: where it stays live, who
// removed it on the other side and why, and the command that does the same here; where it is
// removed here, whether the bundle changed it since the last revision both stores hold (only then
// is restoring it worth a thought).
import { instantText } from '../core/instant-text.js';
import type { KeyedEntry, Removal } from './bundle-stored-entries.js';

/** A bundle entry, removed in the bundle or here, as its merge meets it. */
export interface RemovedOnOneSide {
  key: string;
  /** The entry's number in the bundle's store. */
  bundleId: number;
  /** Set when the bundle's entry is removed. */
  removedThere?: Removal;
  /** The stored entry with its key, if any. */
  here?: KeyedEntry;
  /** This store's number for the last revision of the entry both stores hold, if any. */
  shared?: number;
  /** Whether this store holds the bundle's latest revision of the entry: the bundle changed nothing since. */
  latestHeld: () => boolean;
}

/** `by console:op at 2026-12-06 08:10 UTC: “duplicate of #8”`. */
const removal = (r: Removal) => `by ${r.by} at ${instantText(r.at)}${r.reason ? `: “${r.reason}”` : ' (no reason given)'}`;

/** The reason option of a command repeating the removal: the bundle's reason where it can be typed as given. */
const reasonOption = (reason: string | null) => (reason && !reason.includes('"') ? `reason:"${reason}"` : 'reason:…');

function removedInBundle(entry: RemovedOnOneSide, there: Removal): string {
  const { here } = entry;
  if (!here) return `entry #${entry.bundleId} of the bundle (key ${entry.key}) is removed there, ${removal(there)}: not added here`;
  if (here.removed) return `entry #${here.id} (same key) is removed here too: left as it is`;
  if (entry.latestHeld()) return `entry #${here.id} (same key) was restored here after the removal the bundle shows: kept live`;
  return `entry #${here.id} (same key) is removed in the bundle, ${removal(there)}, but stays live here: to remove it here too, /entry remove id:${here.id} ${reasonOption(there.reason)}`;
}

function removedHere(entry: RemovedOnOneSide, id: number, here: Removal): string {
  if (entry.latestHeld()) return `entry #${id} (same key) is removed here, and the bundle's copy is unchanged since revision ${entry.shared}, which both stores hold: left removed`;
  const restore = `restore it with /entry undo id:${id} and import the bundle again`;
  if (entry.shared !== undefined) return `entry #${id} (same key) is removed here, ${removal(here)}, but the bundle changed it after revision ${entry.shared}, which both stores hold: to take its changes, ${restore}`;
  return `entry #${id} (same key) is removed here, ${removal(here)}; the bundle's copy shares no revision with this store's: to take it, ${restore}`;
}

/** Why a bundle entry removed on either side is not merged; undefined when it is live on both. */
export function removedReason(entry: RemovedOnOneSide): string | undefined {
  if (entry.removedThere) return removedInBundle(entry, entry.removedThere);
  if (entry.here?.removed) return removedHere(entry, entry.here.id, entry.here.removed);
  return undefined;
}
