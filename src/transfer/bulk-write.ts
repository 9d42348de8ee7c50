// Writes accepted import rows in ONE transaction: an import killed half-way leaves the store as
// it was. The triggers that keep the search index, the actor-pair counts, the as-of spans and
// the entries' areas are dropped for the load (see bulk-triggers), and all four brought up to
// date once, set-based, for the new rows (and the search index compacted after a large load).
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import type { Db } from '../store/connection.js';
import { dropSecondaryIndexes } from '../store/bulk-indexes.js';
import { fillSpansAndAreas } from '../store/bulk-spans.js';
import { dropEntryInsertTriggers } from '../store/bulk-triggers.js';
import { EntryWriter } from '../store/entry-writes.js';
import { compactSearchIndex, indexEntriesForSearch } from '../store/search-index.js';

/** A page cache large enough for the indexes a bulk load touches (the default is 2 MiB). */
const BULK_CACHE_KIB = 128 * 1024;

/** Loads of at least this share of what is stored rebuild the indexes (see bulk-indexes). */
const REBUILD_INDEXES_FROM = 0.25;

/** A new entry to load, with the key its row gives (a new one otherwise). */
export interface LoadedEntry {
  input: EntryInput;
  key?: string;
}

export function writeImport(db: Db, entries: readonly LoadedEntry[], stamp: ChangeStamp, onProgress?: (done: number) => void): number[] {
  const writer = new EntryWriter(db, true);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return load(db, writer, entries, stamp, onProgress);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

function load(db: Db, writer: EntryWriter, inputs: readonly LoadedEntry[], stamp: ChangeStamp, onProgress?: (done: number) => void): number[] {
  return db.transaction(() => {
    const triggers = dropEntryInsertTriggers(db);
    const stored = db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
    const dropped = inputs.length >= REBUILD_INDEXES_FROM * stored ? dropSecondaryIndexes(db) : [];
    const ids: number[] = [];
    inputs.forEach(({ input, key }, i) => {
      // Rows done so far: the whole count comes once the indexes are built too.
      onProgress?.(i);
      ids.push(writer.insert(input, stamp, key));
    });
    if (ids.length > 0) fillSpansAndAreas(db, ids[0]!, ids.at(-1)!, stamp.at);
    for (const sql of dropped) db.exec(sql);
    if (ids.length > 0) {
      indexEntriesForSearch(db, ids[0]!, ids.at(-1)!);
      // A load this large against the store leaves the search index in many large b-trees.
      if (dropped.length > 0) compactSearchIndex(db);
      // Imported entries are live: each pair of distinct actors on one entry counts once.
      db.prepare(
        `INSERT INTO actor_pairs (actor_id, other_id, shared)
         SELECT a.actor_id, b.actor_id, count(DISTINCT a.entry_id) FROM entry_actors a
         JOIN entry_actors b ON b.entry_id = a.entry_id AND b.actor_id <> a.actor_id
         WHERE a.entry_id BETWEEN ? AND ?
         GROUP BY a.actor_id, b.actor_id
         ON CONFLICT (actor_id, other_id) DO UPDATE SET shared = shared + excluded.shared`,
      ).run(ids[0], ids.at(-1));
    }
    for (const sql of triggers) db.exec(sql);
    onProgress?.(inputs.length);
    return ids;
  })();
}
