// Writes accepted import rows in ONE transaction: an import killed half-way leaves the store as
// it was. The search index is paused during the load and rebuilt once for the new rows.
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import type { Db } from '../store/connection.js';
import { EntryWriter } from '../store/entry-writes.js';

export function writeImport(db: Db, inputs: EntryInput[], stamp: ChangeStamp, onProgress?: (done: number) => void): number[] {
  const writer = new EntryWriter(db, true);
  return db.transaction(() => {
    db.prepare("INSERT INTO settings (key, value) VALUES ('search_index_paused', 'import')").run();
    const ids: number[] = [];
    inputs.forEach((input, i) => {
      ids.push(writer.insert(input, stamp));
      if (i % 1000 === 0) onProgress?.(i);
    });
    if (ids.length > 0) {
      db.prepare(
        `INSERT INTO entry_search (rowid, title, summary, places, actors)
         SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id BETWEEN ? AND ?`,
      ).run(ids[0], ids.at(-1));
    }
    db.prepare("DELETE FROM settings WHERE key = 'search_index_paused'").run();
    onProgress?.(inputs.length);
    return ids;
  })();
}
