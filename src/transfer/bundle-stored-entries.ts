// The stored entries a bundle's keys name, removed ones too, with who removed them, when and why:
// a merge says what becomes of an entry removed on one side and not the other (see bundle-removed).
import type { Db } from '../store/connection.js';
import { storedKey } from '../store/entry-keys.js';

/** Who removed an entry, when and why. */
export interface Removal {
  by: string;
  at: string;
  reason: string | null;
}

export interface KeyedEntry {
  id: number;
  /** Set when the entry is removed. */
  removed?: Removal;
}

/** The stored entry each key names, by key as stored (lower case), read for all the keys at once. */
export function storedEntriesByKey(db: Db, keys: readonly string[]): Map<string, KeyedEntry> {
  const rows = db
    .prepare('SELECT e.key, e.id, e.deleted_at, e.deleted_by, e.delete_reason FROM json_each(?) j JOIN entries e ON e.key = j.value')
    .all(JSON.stringify([...new Set(keys.map(storedKey))])) as { key: string; id: number; deleted_at: string | null; deleted_by: string | null; delete_reason: string | null }[];
  return new Map(rows.map((row) => [row.key, { id: row.id, ...(row.deleted_at !== null ? { removed: { by: row.deleted_by ?? 'unknown', at: row.deleted_at, reason: row.delete_reason } } : {}) }]));
}
