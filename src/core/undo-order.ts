// Which change /entry undo takes back: the latest not yet taken back. Undos are skipped with what
// they took back, so undo after undo steps further back through the history (an undo is never
// itself undone: that would redo).

export interface UndoableRevision {
  id: number;
  /** For an undo: the revision it took back. */
  undoes?: number | null;
}

/** The index of the latest change still standing, or undefined when only the creation (index 0) stands. */
export function latestStandingChange(revisions: readonly UndoableRevision[]): number | undefined {
  const takenBack = new Set<number>();
  for (let i = revisions.length - 1; i > 0; i--) {
    const revision = revisions[i]!;
    if (takenBack.has(revision.id)) continue;
    if (revision.undoes === undefined || revision.undoes === null) return i;
    takenBack.add(revision.undoes);
  }
  return undefined;
}
