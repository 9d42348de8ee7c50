// Reads an entry as one of its revisions left it, for an import whose rows say which revision
// they show (an export's `revision`, a bundle's shared history): the base of a three-way merge.
// Revision numbers are each store's own: two copies of a store number their later edits alike, so
// a revision from another store is told by its time (and author) too, and a revision a merge wrote
// from the other store's entry is known by the revision it merged (see 0037). Times are compared as
// the instants they name.
import type { EntryInput } from '../core/domain.js';
import type { Db } from './connection.js';
import { entrySnapshot, entrySnapshotText } from './created-state.js';

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
  return { state: entrySnapshot(db, entryId, snapshot), changedSince: later === 1, id: revisionId };
}

/**
 * The entry as the revision numbered `revisionId` at `changedAt` left it: this store's, or the one
 * of another store that a merge took whole (a copy's export). Undefined when the store holds
 * neither. A time without a fraction of a second (a spreadsheet's) names the revision of that second.
 */
export function stampedRevisionState(db: Db, entryId: number, revisionId: number, changedAt: string): RevisionState | undefined {
  const INSTANT = instantIn(changedAt.includes('.') ? '%Y-%m-%dT%H:%M:%fZ' : '%Y-%m-%dT%H:%M:%SZ');
  const local = db
    .prepare(
      `SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?
         AND ((id = ? AND ${INSTANT('changed_at')} = ${INSTANT('?')}) OR (taken_from_id = ? AND ${INSTANT('taken_from_at')} = ${INSTANT('?')} AND ${WHOLE}))`,
    )
    .pluck()
    .get(entryId, revisionId, changedAt, revisionId, changedAt) as number | null;
  return local === null ? undefined : entryRevisionState(db, entryId, local);
}

/** A time as the instant it names, to the precision of `format`, for comparing times written otherwise. */
const instantIn = (format: string) => (time: string) => `strftime('${format}', ${time})`;

/** A merge's revision that is the other store's as it stands (those recorded before partial merges were all whole). */
const WHOLE = 'coalesce(taken_whole, 1) = 1';

/** Who changed the entry since it was created (its revisions after the first), each once, earliest first: none when unchanged. */
export function editorsSinceCreated(db: Db, entryId: number): string[] {
  return db
    .prepare(
      `SELECT changed_by FROM revisions WHERE entity = 'entry' AND entity_id = ?
         AND id > (SELECT min(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?)
       GROUP BY changed_by ORDER BY min(id)`,
    )
    .pluck()
    .all(entryId, entryId) as string[];
}

/** A revision as another copy of the store recorded it: its number, author and instant. */
export interface RevisionMark {
  id: number;
  changedBy: string;
  changedAt: string;
}

/** The revision of another store a merge took every change of, and whether the entry was then as it left it. */
export interface RevisionTaken {
  mark: RevisionMark;
  whole: boolean;
}

/** A revision of a bundle's entry, with the revision of another store its merge took, if any. */
export interface BundleRevision extends RevisionMark {
  takenFrom?: RevisionTaken;
}

/**
 * Finds the latest of an entry's revisions, as a copy of the store recorded them, that the store
 * holds too: the same revision (same number, author and instant), one the store's merge took, one
 * the copy's merge took from the store, or one both took from a third store. Answers with the
 * store's own number for it: where the copy's history of the entry and the store's meet last.
 *
 * A merge that kept changes of this store's beside the copy's revision holds that revision and
 * those changes: it is where the two meet only once the copy holds those changes too (it holds
 * this store's revision before the merge, or a later one). Until then they meet where they did
 * before, so that a field changed here before the merge is not taken for one the copy changed.
 */
export function sharedRevisionFinder(db: Db): (revisions: readonly BundleRevision[]) => number | undefined {
  const same = db.prepare("SELECT id FROM revisions WHERE id = ? AND entity = 'entry' AND changed_by = ? AND changed_at = ?").pluck();
  const taken = db.prepare(
    `SELECT id, ${WHOLE} AS whole FROM revisions WHERE taken_from_at = ? AND taken_from_id = ? AND taken_from_by = ? AND entity = 'entry' ORDER BY id DESC LIMIT 1`,
  );
  const before = db
    .prepare("SELECT max(p.id) FROM revisions r JOIN revisions p ON p.entity = r.entity AND p.entity_id = r.entity_id AND p.id < r.id WHERE r.id = ?")
    .pluck();
  return (revisions) => {
    const marks = revisions.flatMap((revision) => (revision.takenFrom ? [revision, revision.takenFrom.mark] : [revision]));
    const sameIds = marks.map((mark) => same.get(mark.id, mark.changedBy, mark.changedAt)).filter((id): id is number => typeof id === 'number');
    const takes = marks.map((mark) => taken.get(mark.changedAt, mark.id, mark.changedBy) as { id: number; whole: number } | undefined).filter((take) => take !== undefined);
    const copyHoldsSince = (revisionId: number) => sameIds.some((id) => id >= revisionId);
    const meets = takes.filter((take) => take.whole === 1 || copyHoldsSince((before.get(take.id) as number | null) ?? 0)).map((take) => take.id);
    const held = [...sameIds, ...meets];
    return held.length > 0 ? Math.max(...held) : undefined;
  };
}

/** One of an entry's revisions as an import compares a row with it: the state it left (JSON), who wrote it and when. */
export interface PastRevision {
  id: number;
  snapshot: string;
  changedBy: string;
  changedAt: string;
}

/**
 * Every revision of each of `entryIds`, newest first, by entry: one query for them all (an
 * import reads them for the rows that would correct their entries, a batch at a time).
 */
export function revisionsOfEntries(db: Db, entryIds: readonly number[]): Map<number, PastRevision[]> {
  const rows = db
    .prepare(
      // CROSS JOIN keeps the ids outermost: each is looked up in the index; the other way round, every entry revision is read.
      `SELECT r.entity_id, r.id, r.snapshot, r.changed_by, r.changed_at FROM json_each(?) j
       CROSS JOIN revisions r ON r.entity = 'entry' AND r.entity_id = j.value ORDER BY r.entity_id, r.id DESC`,
    )
    .raw()
    .all(JSON.stringify(entryIds)) as [number, number, string, string, string][];
  const byEntry = new Map<number, PastRevision[]>();
  for (const [entryId, id, snapshot, changedBy, changedAt] of rows) {
    const revisions = byEntry.get(entryId);
    const revision = { id, snapshot: entrySnapshotText(db, entryId, snapshot), changedBy, changedAt };
    if (revisions) revisions.push(revision);
    else byEntry.set(entryId, [revision]);
  }
  return byEntry;
}
