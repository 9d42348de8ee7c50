// The floor beside bench:import's write: the same accepted rows written into a fresh store by
// plain prepared inserts (entries, links, sources, tags and a creation revision each), with no
// trigger and the secondary indexes built once at the end, then the search index filled once.
// No as-of spans, entry areas nor actor pairs: what any write of these rows costs at least.
import { statSync } from 'node:fs';
import type { ChangeStamp } from '../src/core/domain.js';
import type { Db } from '../src/store/connection.js';
import { dropSecondaryIndexes } from '../src/store/bulk-indexes.js';
import { dropEntryInsertTriggers } from '../src/store/bulk-triggers.js';
import { EntryWriter } from '../src/store/entry-writes.js';
import { indexEntriesForSearch } from '../src/store/search-index.js';
import type { LoadedEntry } from '../src/transfer/bulk-write.js';

export function writeFloor(db: Db, entries: readonly LoadedEntry[], stamp: ChangeStamp): void {
  db.transaction(() => {
    const triggers = dropEntryInsertTriggers(db);
    const indexes = dropSecondaryIndexes(db);
    const writer = new EntryWriter(db, true);
    const ids = entries.map(({ input, key }) => writer.insert(input, stamp, key));
    for (const sql of indexes) db.exec(sql);
    if (ids.length > 0) indexEntriesForSearch(db, ids[0]!, ids.at(-1)!);
    for (const sql of triggers) db.exec(sql);
  })();
}

/** The store file's size with everything checkpointed into it (the WAL emptied). */
export function storedBytes(db: Db, path: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(path).size;
}
