// A row without `revision` (a data set's weekly file) is laid over its entry as it stands. One that
// gives the entry exactly as an earlier revision of it left it, the entry changed since, is most
// likely an older file read again (last week's after this week's): written, it would silently undo
// the newer changes, so it is skipped unless the import is told to write it (--overwrite-newer).
// Only a match of every field the row gives counts; any other difference is a correction. The past
// states are read only for rows that would correct their entry, a batch of entries per query.
import { authorLabel } from '../core/author-label.js';
import type { EntryInput } from '../core/domain.js';
import type { Db } from '../store/connection.js';
import { revisionsOfEntries, type PastRevision } from '../store/entry-revision-reads.js';
import { describeChanges, leavesAsIs, type FieldChange } from './corrections.js';
import type { RawRow } from './source-row.js';

/** The option that writes such rows anyway. */
export const OVERWRITE_NEWER = '--overwrite-newer';

/** A row that would correct its entry, as it is compared with the entry's past states. */
export interface OlderCandidate {
  entryId: number;
  /** The row as /entry add reads it, and as the file gives it (which fields it gives). */
  input: EntryInput;
  row: RawRow;
}

/** A revision as the report names it. */
interface RevisionStamp {
  id: number;
  changedBy: string;
  changedAt: string;
}

export interface OlderState {
  /** The latest revision before the entry's latest that left it as the row gives it. */
  was: RevisionStamp;
  /** The entry's latest revision: the change the row would undo, or the last of them. */
  latest: RevisionStamp;
}

/** Entries whose revisions one query reads. */
const BATCH = 500;

const stampOf = ({ id, changedBy, changedAt }: PastRevision): RevisionStamp => ({ id, changedBy, changedAt });

/** The earlier state the row gives, of revisions newest first; never the latest, which is the entry as it stands. */
function olderStateOf(candidate: OlderCandidate, revisions: readonly PastRevision[] | undefined): OlderState | undefined {
  if (!revisions || revisions.length < 2) return undefined;
  const was = revisions.slice(1).find((revision) => leavesAsIs(JSON.parse(revision.snapshot) as EntryInput, candidate.input, candidate.row));
  return was ? { was: stampOf(was), latest: stampOf(revisions[0]!) } : undefined;
}

/** For each candidate, in order, the earlier state of its entry it gives, if any. */
export function olderStates(db: Db, candidates: readonly OlderCandidate[]): (OlderState | undefined)[] {
  const found: (OlderState | undefined)[] = [];
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    const revisions = revisionsOfEntries(db, batch.map((c) => c.entryId));
    for (const candidate of batch) found.push(olderStateOf(candidate, revisions.get(candidate.entryId)));
  }
  return found;
}

/** `import of week-27.csv, 2025-07-03`: who wrote a revision, and on which day (UTC, as revisions are stamped). */
function writtenBy({ changedBy, changedAt }: RevisionStamp): string {
  const who = changedBy.startsWith('import:') ? `import of ${changedBy.slice('import:'.length)}` : authorLabel(changedBy);
  return `${who}, ${changedAt.slice(0, 10)}`;
}

/** Why such a row is skipped, with what writing it would set back. */
export function olderStateReason(entryId: number, older: OlderState, changes: readonly FieldChange[]): string {
  const { was, latest } = older;
  return (
    `entry #${entryId} is as this row says at revision ${was.id} (${writtenBy(was)}); it changed since (revision ${latest.id}, ${writtenBy(latest)}): ` +
    `kept as it stands, not set back (${describeChanges(changes)})`
  );
}

/** Said once after the rows so skipped: how to write them on purpose. */
export function olderStatesLine(count: number, dryRun: boolean): string {
  const rows = count === 1 ? '1 row gives its entry as an earlier revision left it' : `${count} rows give their entries as earlier revisions left them`;
  const again = dryRun ? 'import it' : 'import it again';
  return `${rows}, changed since: skipped, so an older file does not undo newer changes. If the file is meant to set ${count === 1 ? 'it' : 'them'} back, ${again} with ${OVERWRITE_NEWER}.`;
}
