// Reads an entry as one of its revisions left it, for an import whose rows say which revision
// they show (an export's `revision`, a bundle's shared history): the base of a three-way merge.
// Revision numbers are each store's own: two copies of a store number their later edits alike, so
// a revision from another store is told by its time (and author) too, and a revision a merge wrote
// by taking the other store's entry whole is known by the revision it took (see 0037).
import type { EntryInput } from '../core/domain.js';
import type { Db } from './connection.js';

/** The entry's latest revision, as an export names the state it shows (`27@2025-07-24T09:15:00.000Z`): one subquery per entry row. */
export const LATEST_ENTRY_REVISION =
  "(SELECT r.id || '@' || r.changed_at FROM revisions r WHERE r.entity = 'entry' AND r.entity_id = entries.id ORDER BY r.id DESC LIMIT 1)";

export interface RevisionState {
  /** The entry as the revision snapshot it. */
  state: EntryInput;
  /** Whether the entry has changed since: later revisions of it exist. */
  changedSince: boolean;
  /** The revision's number in this store. */
  id: number;
}

/** The entry as revision `revisionId` left it; undefined when that is no revision of the entry. */
export function entryRevisionState(db: Db, entryId: number, revisionId: number): RevisionState | undefined {
  const snapshot = db.prepare("SELECT snapshot FROM revisions WHERE id = ? AND entity = 'entry' AND entity_id = ?").pluck().get(revisionId, entryId) as string | undefined;
  if (snapshot === undefined) return undefined;
  const later = db.prepare("SELECT EXISTS (SELECT 1 FROM revisions WHERE entity = 'entry' AND entity_id = ? AND id > ?)").pluck().get(entryId, revisionId) as number;
  return { state: JSON.parse(snapshot) as EntryInput, changedSince: later === 1, id: revisionId };
}

/**
 * The entry as the revision numbered `revisionId` at `changedAt` left it: this store's, or the one
 * of another store that a merge took whole (a copy's export). Undefined when the store holds neither.
 */
export function stampedRevisionState(db: Db, entryId: number, revisionId: number, changedAt: string): RevisionState | undefined {
  const local = db
    .prepare(
      `SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?
         AND ((id = ? AND changed_at = ?) OR (taken_from_id = ? AND taken_from_at = ?))`,
    )
    .pluck()
    .get(entryId, revisionId, changedAt, revisionId, changedAt) as number | null;
  return local === null ? undefined : entryRevisionState(db, entryId, local);
}

/** Whether the entry has revisions after its first: changed in this store since it was created. */
export function editedSinceCreated(db: Db, entryId: number): boolean {
  return db.prepare("SELECT count(*) > 1 FROM revisions WHERE entity = 'entry' AND entity_id = ?").pluck().get(entryId) === 1;
}

/** A revision as another copy of the store recorded it: its number, author and instant. */
export interface RevisionMark {
  id: number;
  changedBy: string;
  changedAt: string;
}

/** A revision of a bundle's entry, with the revision of another store its merge took whole, if any. */
export interface BundleRevision extends RevisionMark {
  takenFrom?: RevisionMark;
}

/**
 * Finds the latest of an entry's revisions, as a copy of the store recorded them, that the store
 * holds too: the same revision (same number, author and instant), one the store's merge took
 * whole, one the copy's merge took whole from the store, or one both took from a third store.
 * Answers with the store's own number for it: where the copy's history of the entry and the
 * store's meet last.
 */
export function sharedRevisionFinder(db: Db): (revisions: readonly BundleRevision[]) => number | undefined {
  const same = db.prepare("SELECT id FROM revisions WHERE id = ? AND entity = 'entry' AND changed_by = ? AND changed_at = ?").pluck();
  const taken = db.prepare("SELECT max(id) FROM revisions WHERE taken_from_at = ? AND taken_from_id = ? AND taken_from_by = ? AND entity = 'entry'").pluck();
  const heldAs = (mark: RevisionMark): number[] =>
    [same.get(mark.id, mark.changedBy, mark.changedAt), taken.get(mark.changedAt, mark.id, mark.changedBy)].filter((id): id is number => typeof id === 'number');
  return (revisions) => {
    const held = revisions.flatMap((revision) => [...heldAs(revision), ...(revision.takenFrom ? heldAs(revision.takenFrom) : [])]);
    return held.length > 0 ? Math.max(...held) : undefined;
  };
}
