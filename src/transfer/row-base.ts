// What a row correcting a stored entry is compared with: nothing (a row that does not say which
// revision it shows is laid over the entry as it stands), the entry as a revision both the file
// and the store hold left it (a three-way merge), or, for a row whose history shares no revision
// with the store's (a partner store's export or bundle), nothing either side can be told by: each
// field that differs is then a conflict, left as stored, unless the entry is unchanged here since
// it was created. Never laid over unnoticed.
import type { EntryInput } from '../core/domain.js';
import type { Db } from '../store/connection.js';
import { editorsSinceCreated, entryRevisionState, stampedRevisionState, type RevisionState } from '../store/entry-revision-reads.js';
import { correctedState, mergedState, unrelatedState, type ActorNames, type MergedState } from './corrections.js';
import { revisionName, type RowRevision } from './row-revision.js';
import type { RawRow, RowHistory } from './source-row.js';

export type RowBase =
  | { kind: 'none' }
  | { kind: 'revision'; revision: RevisionState }
  | { kind: 'unrelated'; why: string };

const NONE: RowBase = { kind: 'none' };

/** The base, and what is said of it: `note` always, `noteIfChanging` when the row changes the entry. */
export interface BaseOfRow {
  base: RowBase;
  note?: string;
  noteIfChanging?: string;
}

const unknownRevisionNote = (revision: number, entryId: number) =>
  `revision ${revision} is not one of entry #${entryId}'s (a file from another store?): the row's fields are laid over the entry as it stands`;

/**
 * For a row whose history shares no revision with the entry's here: an entry changed here since it
 * was created has changes of this store's that the row could undo unnoticed, so each field that
 * differs is a conflict; one unchanged since has none to lose, and takes the row's fields, noted.
 */
function unrelated(db: Db, entryId: number, whose: string): BaseOfRow {
  const editors = editorsSinceCreated(db, entryId);
  if (editors.length > 0) return { base: { kind: 'unrelated', why: `${whose}, and ${editedHere(editors)}` } };
  return { base: NONE, noteIfChanging: `${whose} (a file from another store?); entry #${entryId} is unchanged here since it was created, so it takes the row's fields` };
}

const IMPORT_EDITOR = 'import:';

/** How the entry was changed here since it was created: by imports of files only (named), or edited. */
function editedHere(editors: readonly string[]): string {
  const imports = editors.filter((editor) => editor.startsWith(IMPORT_EDITOR));
  if (imports.length < editors.length) return 'the entry was edited here since it was created';
  return `the entry was changed here since it was created only by importing ${imports.map((editor) => editor.slice(IMPORT_EDITOR.length)).join(', ')}`;
}

/** The base a row is compared with, and what is said of it. */
export function rowBase(db: Db, entryId: number, revision: RowRevision | undefined, history: RowHistory | undefined): BaseOfRow {
  if (history) {
    const shared = history.shared !== undefined ? entryRevisionState(db, entryId, history.shared) : undefined;
    return shared ? { base: { kind: 'revision', revision: shared } } : unrelated(db, entryId, 'the bundle and the store hold none of its revisions in common');
  }
  if (revision === undefined) return { base: NONE };
  if (revision.at === undefined) {
    // A number alone, as files written before gave it: trusted as this store's.
    const state = entryRevisionState(db, entryId, revision.id);
    return state ? { base: { kind: 'revision', revision: state } } : { base: NONE, note: unknownRevisionNote(revision.id, entryId) };
  }
  const state = stampedRevisionState(db, entryId, revision.id, revision.at);
  return state ? { base: { kind: 'revision', revision: state } } : unrelated(db, entryId, `the row's ${revisionName(revision)} is not this store's`);
}

/** The base's revision in this store, when the entry has changed since it: what a reply says the row is compared from. */
export const changedSince = (base: RowBase): number | undefined => (base.kind === 'revision' && base.revision.changedSince ? base.revision.id : undefined);

/** The entry after the row (`next`), the fields left as stored for a conflict, and the entry as the file has it (`fromFile`). */
export function mergeRow(base: RowBase, current: EntryInput, input: EntryInput, row: RawRow, names: ActorNames): MergedState & { fromFile: EntryInput } {
  if (base.kind === 'revision' && base.revision.changedSince) {
    const fromFile = correctedState(base.revision.state, input, row);
    return { ...mergedState(base.revision.state, current, fromFile, names), fromFile };
  }
  const fromFile = correctedState(current, input, row);
  if (base.kind === 'unrelated') return { ...unrelatedState(current, fromFile, names), fromFile };
  return { next: fromFile, conflicts: [], fromFile };
}
