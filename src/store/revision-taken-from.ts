// Records, on the revision a merge just wrote for an entry, the other store's revision it merged
// with no conflict, and whether the entry is now as that revision left it (see 0037): the next
// merge between the two stores starts from there.
import type { Db } from './connection.js';
import type { RevisionTaken } from './entry-revision-reads.js';

export function recordTakenFrom(db: Db, entryId: number, taken: RevisionTaken): void {
  db.prepare(
    `UPDATE revisions SET taken_from_id = ?, taken_from_by = ?, taken_from_at = ?, taken_whole = ?
     WHERE id = (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?)`,
  ).run(taken.mark.id, taken.mark.changedBy, taken.mark.changedAt, taken.whole ? 1 : 0, entryId);
}
