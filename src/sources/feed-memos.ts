// What each source's last check read of its feed, kept between checks in typed arrays (16 bytes
// an item): the fingerprint of each item's text, the row the source holds it as, and the
// fingerprint of that row's key and digest then. Lost with the thread: a feed is then read whole.

/** Numbers kept per item: text fingerprint (high, low), row id, key fingerprint. */
export const ENTRY_SIZE = 4;

export interface SourceMemo {
  /** The fingerprint of what the items' reading depends on besides their text (the address, the tags around them). */
  contextHigh: number;
  contextLow: number;
  /** The items, ENTRY_SIZE numbers each, in the order of their text fingerprints. */
  entries: Uint32Array;
}

export class FeedMemos {
  readonly #bySource = new Map<number, SourceMemo>();

  get(source: number): SourceMemo | undefined {
    return this.#bySource.get(source);
  }

  set(source: number, memo: SourceMemo): void {
    this.#bySource.set(source, memo);
  }

  forget(source: number): void {
    this.#bySource.delete(source);
  }
}

/** The index of the item whose text has the fingerprint `high`, `low`, or -1. */
export function findEntry(memo: SourceMemo, high: number, low: number): number {
  const { entries } = memo;
  let from = 0;
  let to = entries.length / ENTRY_SIZE;
  while (from < to) {
    const middle = (from + to) >>> 1;
    const h = entries[middle * ENTRY_SIZE]!;
    const l = entries[middle * ENTRY_SIZE + 1]!;
    if (h === high && l === low) return middle;
    if (h < high || (h === high && l < low)) from = middle + 1;
    else to = middle;
  }
  return -1;
}

/** The entries (ENTRY_SIZE numbers each, in any order) sorted by their text fingerprints. */
export function sortedEntries(entries: readonly number[]): Uint32Array {
  const count = entries.length / ENTRY_SIZE;
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => entries[a * ENTRY_SIZE]! - entries[b * ENTRY_SIZE]! || entries[a * ENTRY_SIZE + 1]! - entries[b * ENTRY_SIZE + 1]!);
  const sorted = new Uint32Array(entries.length);
  order.forEach((from, to) => {
    for (let part = 0; part < ENTRY_SIZE; part++) sorted[to * ENTRY_SIZE + part] = entries[from * ENTRY_SIZE + part]!;
  });
  return sorted;
}
