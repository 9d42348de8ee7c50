// A list field of an entry (tags, claims, sources) that both the store and the file changed since
// a revision both hold, merged item by item rather than as one value: an item added on either side
// is kept, one taken away on one side and left as it was on the other is taken away, and one
// changed on one side only takes that change. Only an item the two changed each its own way (or
// one changed while the other took it away) is in conflict: it stays as stored.

/** How items of a list are told apart, compared and, changed on both sides, merged. */
export interface ListItems<T> {
  /** What stays the same when the item is edited (a claim's actor, stance, day and source). */
  identity(item: T): string;
  same(a: T, b: T): boolean;
  /** Both sides' changes of one item, when they touch different parts of it; undefined when they cannot be told apart. */
  mergeItem?(base: T, stored: T, fromFile: T): T | undefined;
}

/** One item the two sides changed each its own way; absent where that side took it away. */
export interface ItemConflict<T> {
  base?: T;
  stored?: T;
  fromFile?: T;
}

export interface ListMerge<T> {
  /** The store's items with the file's changes laid in; each item in conflict as stored. */
  merged: T[];
  conflicts: ItemConflict<T>[];
}

/** Items by identity; a second item with an identity already seen is told apart by its count. */
function byIdentity<T>(items: readonly T[], how: ListItems<T>): Map<string, T> {
  const counts = new Map<string, number>();
  const keyed = new Map<string, T>();
  for (const item of items) {
    const identity = how.identity(item);
    const n = counts.get(identity) ?? 0;
    counts.set(identity, n + 1);
    keyed.set(`${identity}\u0000${n}`, item);
  }
  return keyed;
}

/** A three-way merge of a list: `base` as the shared revision left it, `stored` as it is here, `fromFile` as the file has it. */
export function mergeLists<T>(base: readonly T[], stored: readonly T[], fromFile: readonly T[], how: ListItems<T>): ListMerge<T> {
  const [was, here, there] = [byIdentity(base, how), byIdentity(stored, how), byIdentity(fromFile, how)];
  const merged: T[] = [];
  const conflicts: ItemConflict<T>[] = [];
  const conflict = (key: string, kept?: T) => {
    const [b, s, f] = [was.get(key), here.get(key), there.get(key)];
    conflicts.push({ ...(b !== undefined ? { base: b } : {}), ...(s !== undefined ? { stored: s } : {}), ...(f !== undefined ? { fromFile: f } : {}) });
    if (kept !== undefined) merged.push(kept);
  };
  for (const [key, s] of here) {
    const [b, f] = [was.get(key), there.get(key)];
    if (f !== undefined) {
      if (how.same(s, f) || (b !== undefined && how.same(f, b))) merged.push(s);
      else if (b !== undefined && how.same(s, b)) merged.push(f);
      else {
        const both = b !== undefined ? how.mergeItem?.(b, s, f) : undefined;
        if (both !== undefined) merged.push(both);
        else conflict(key, s);
      }
    } else if (b === undefined) merged.push(s); // added here
    else if (!how.same(s, b)) conflict(key, s); // changed here, taken away in the file
    // else: taken away in the file, untouched here
  }
  for (const [key, f] of there) {
    if (here.has(key)) continue;
    const b = was.get(key);
    if (b === undefined) merged.push(f); // added in the file
    else if (!how.same(f, b)) conflict(key); // changed in the file, taken away here
    // else: taken away here, untouched in the file
  }
  return { merged, conflicts };
}

/**
 * A record's keys merged one by one (a source's grade changed here, its attribution there);
 * undefined when a key was changed on both sides to different values.
 */
export function mergeKeys<K extends string>(base: Partial<Record<K, string>>, stored: Partial<Record<K, string>>, fromFile: Partial<Record<K, string>>, keys: readonly K[]): Partial<Record<K, string>> | undefined {
  const merged: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const [before, kept, given] = [base[key], stored[key], fromFile[key]];
    if (given !== before && kept !== before && given !== kept) return undefined;
    const value = given !== before ? given : kept;
    if (value) merged[key] = value;
  }
  return merged;
}
