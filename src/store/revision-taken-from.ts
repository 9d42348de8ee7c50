// Records, on the revision a bundle merge just wrote for an entry, the other store's revision whose
// state it took whole (see 0037): the next merge between the two stores starts from there.
import type { Db } from './connection.js';
import type { RevisionMark } from './entry-revision-reads.js';

export function recordTakenFrom(db: Db, entryId: number, mark: RevisionMark): void {
  db.prepare(
    `UPDATE revisions SET taken_from_id = ?, taken_from_by = ?, taken_from_at = ?
     WHERE id = (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?)`,
  ).run(mark.id, mark.changedBy, mark.changedAt, entryId);
}
