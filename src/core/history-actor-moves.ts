// /entry history tells an actor merge or unmerge apart from the entry's own edits: an edit is
// shown against the entry as it stood when it was made (merges since the revision before already
// applied), and an unmerge that left the entry's links where an edit had put them says so.
import type { PastViews } from './as-of-port.js';
import type { EntryInput } from './domain.js';
import type { EntryActorMove, RevisionRecord } from './editor-port.js';
import { sameJson } from './same-json.js';

/** The instant as the past views bound it (exclusive), and the bound that holds it. */
const boundAt = (iso: string) => new Date(iso).toISOString();
const boundJustAfter = (iso: string) => new Date(new Date(iso).getTime() + 1).toISOString();

const between = (id: number, after: { id: number }, before: { id: number }) => id > after.id && id < before.id;

/**
 * The state `revisions[index]` was made from: the revision before it, with the actor merges and
 * unmerges written between the two applied. Without any, or when the two revisions share their
 * instant with the moves (so the past views cannot tell them apart), the revision before as written.
 */
export function stateEditedFrom(entryId: number, revisions: readonly RevisionRecord[], index: number, moves: readonly EntryActorMove[], past: PastViews): EntryInput | undefined {
  const previous = revisions[index - 1];
  const revision = revisions[index]!;
  if (!previous) return undefined;
  if (!moves.some((move) => between(move.revisionId, previous, revision))) return previous.state;
  const then = past.entryAt(entryId, boundAt(revision.changedAt));
  return then !== undefined && then.revisionsBefore === index ? then.shown : previous.state;
}

/**
 * Whether an unmerge left the entry's actors as they were: the entry's actors were edited after
 * a merge it takes back, so the links stayed where that edit put them.
 */
export function unmergeLeftActors(entryId: number, move: EntryActorMove, revisions: readonly RevisionRecord[], moves: readonly EntryActorMove[], past: PastViews): boolean {
  if (move.kind !== 'unmerge') return false;
  const editedSinceMerge = moves.some(
    (merge) => merge.kind === 'merge' && merge.revisionId < move.revisionId
      && revisions.some((r) => between(r.id, { id: merge.revisionId }, { id: move.revisionId }) && r.changedFields.includes('actors')),
  );
  if (!editedSinceMerge) return false;
  const before = past.entryAt(entryId, boundAt(move.changedAt));
  const after = past.entryAt(entryId, boundJustAfter(move.changedAt));
  return before !== undefined && after !== undefined && before.revisionsBefore === after.revisionsBefore && sameJson(before.shown.actors, after.shown.actors);
}
