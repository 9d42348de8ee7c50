// Reads an entry as one of its revisions left it, for an import whose rows say which revision
// they show (an export's `revision`, a bundle's shared history): the base of a three-way merge.
import type { EntryInput } from '../core/domain.js';
import type { Db } from './connection.js';

/** The entry's latest revision, as an export names the state it shows: one subquery per entry row. */
export const LATEST_ENTRY_REVISION = "(SELECT max(r.id) FROM revisions r WHERE r.entity = 'entry' AND r.entity_id = entries.id)";

export interface RevisionState {
  /** The entry as the revision snapshot it. */
  state: EntryInput;
  /** Whether the entry has changed since: later revisions of it exist. */
  changedSince: boolean;
}

/** The entry as revision `revisionId` left it; undefined when that is no revision of the entry. */
export function entryRevisionState(db: Db, entryId: number, revisionId: number): RevisionState | undefined {
  const snapshot = db.prepare("SELECT snapshot FROM revisions WHERE id = ? AND entity = 'entry' AND entity_id = ?").pluck().get(revisionId, entryId) as string | undefined;
  if (snapshot === undefined) return undefined;
  const later = db.prepare("SELECT EXISTS (SELECT 1 FROM revisions WHERE entity = 'entry' AND entity_id = ? AND id > ?)").pluck().get(entryId, revisionId) as number;
  return { state: JSON.parse(snapshot) as EntryInput, changedSince: later === 1 };
}

/** A revision as another copy of the store recorded it: its number, author and instant. */
export interface RevisionMark {
  id: number;
  changedBy: string;
  changedAt: string;
}

/**
 * Finds the latest of an entry's revisions, as a copy of the store recorded them, that the store
 * holds too (same number, author and instant): where the copy's history of the entry and the
 * store's part.
 */
export function sharedRevisionFinder(db: Db): (marks: readonly RevisionMark[]) => number | undefined {
  const held = db.prepare("SELECT 1 FROM revisions WHERE id = ? AND entity = 'entry' AND changed_by = ? AND changed_at = ?").pluck();
  return (marks) => [...marks].sort((a, b) => b.id - a.id).find((mark) => held.get(mark.id, mark.changedBy, mark.changedAt) !== undefined)?.id;
}
