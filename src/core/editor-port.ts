// What admin commands need from the store to change the dossier. Every method writes the change
// and its revision in one transaction and returns what a reply needs.
import type { ActorInput, ChangeStamp, EntryInput } from './domain.js';
import type { ActorKind } from './vocabulary.js';

export type EntryPatch = Partial<EntryInput>;

export interface RevisionRecord {
  id: number;
  action: 'create' | 'edit' | 'remove' | 'restore' | 'merge';
  changedBy: string;
  changedAt: string;
  /** Field names this revision changed (empty for create). */
  changedFields: string[];
  reason?: string;
  /** For an undo: the revision it took back. */
  undoes?: number;
}

export interface DossierEditor {
  /** The live entry's editable state; throws not-found for unknown or removed entries. */
  entryState(id: number): EntryInput;
  addEntry(input: EntryInput, stamp: ChangeStamp): number;
  editEntry(id: number, patch: EntryPatch, stamp: ChangeStamp): string[];
  removeEntry(id: number, reason: string, stamp: ChangeStamp): void;
  /** Takes back the latest change not yet undone (so undo after undo steps further back); returns the undo's revision. */
  undoEntry(id: number, stamp: ChangeStamp): RevisionRecord;
  entryHistory(id: number): RevisionRecord[];
  addActor(input: ActorInput, stamp: ChangeStamp): number;
  /** Returns the names of the changed fields. */
  editActor(actorId: number, patch: ActorPatch, stamp: ChangeStamp): string[];
  addAlias(actorId: number, alias: string, stamp: ChangeStamp): void;
  removeAlias(actorId: number, alias: string, stamp: ChangeStamp): void;
  /** Folds one actor into another; returns how many entry links moved. */
  mergeActors(fromId: number, intoId: number, stamp: ChangeStamp): { links: number };
  /**
   * Takes back the merge of the actor folded away under `name`; throws not-found when no merged
   * actor had that name. Returns the actor back, the one it came out of, and the links it got back.
   */
  unmergeActor(name: string, stamp: ChangeStamp): { actorId: number; name: string; fromId: number; links: number };
}

export interface ActorPatch {
  kind?: ActorKind;
  /** Empty string clears the title. */
  title?: string;
  /** null clears the affiliation. */
  affiliationId?: number | null;
  /** Replaces every alias. */
  aliases?: string[];
}
