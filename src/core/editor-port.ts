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
  /** The entry as this revision left it. */
  state: EntryInput;
}

/**
 * A merge or unmerge of actors that changed which actors an entry names. Recorded as a revision
 * of the actor, not of the entry: /entry undo never takes it back (only /actors unmerge does),
 * and digests report it once, as a merge.
 */
export interface EntryActorMove {
  /** The actor revision that recorded it. */
  revisionId: number;
  kind: 'merge' | 'unmerge';
  /** The actor folded away, or brought back. */
  actor: string;
  /** The actor it was folded into, or separated from. */
  other: string;
  /** An unmerge that left the entry's actors as an edit since the merge had put them: it changed nothing here. */
  leftAsItWas?: true;
  changedBy: string;
  changedAt: string;
}

/**
 * A place spelled anew: places are shared by their folded key, so an edit naming `Baghdad` where
 * `baghdad` is stored re-spells it on every entry that shows it.
 */
export interface PlaceRespelling {
  from: string;
  to: string;
  /** The entries that show the place (removed ones too), by id. */
  entryIds: number[];
}

export interface EntryEdit {
  /** Names of the changed fields. */
  changedFields: string[];
  respelledPlaces: PlaceRespelling[];
}

/**
 * An undo meant for one change, when another is the latest still standing (someone changed the
 * entry since it was looked at): nothing was taken back. Carries that latest change.
 */
export class NotLatestChange extends Error {
  constructor(readonly latest: RevisionRecord) {
    super(`r${latest.id} is the latest change`);
  }
}

export interface DossierEditor {
  /** The live entry's editable state; throws not-found for unknown or removed entries. */
  entryState(id: number): EntryInput;
  addEntry(input: EntryInput, stamp: ChangeStamp): number;
  /**
   * A place given with another spelling of a stored one (same key) is re-spelled on every entry:
   * the edit's revision says so, and undoing it spells the place back.
   */
  editEntry(id: number, patch: EntryPatch, stamp: ChangeStamp): EntryEdit;
  removeEntry(id: number, reason: string, stamp: ChangeStamp): void;
  /**
   * Takes back the latest change not yet undone (so undo after undo steps further back); returns
   * the undo's revision. With `expected` (a revision id), only when that is the change it would
   * take back: otherwise nothing is written and it throws NotLatestChange.
   */
  undoEntry(id: number, stamp: ChangeStamp, expected?: number): RevisionRecord;
  entryHistory(id: number): RevisionRecord[];
  /** The merges and unmerges that moved the entry's actor links, oldest first. */
  entryActorMoves(id: number): EntryActorMove[];
  addActor(input: ActorInput, stamp: ChangeStamp): number;
  /** Returns the names of the changed fields. */
  editActor(actorId: number, patch: ActorPatch, stamp: ChangeStamp): string[];
  addAlias(actorId: number, alias: string, stamp: ChangeStamp): void;
  removeAlias(actorId: number, alias: string, stamp: ChangeStamp): void;
  /**
   * Gives the actor a new name, recorded as an edit of its name (and aliases). The old name stays
   * an alias unless `keepOld` is false; a name of another actor is refused, and one of this
   * actor's own aliases swaps places with the name.
   */
  renameActor(actorId: number, newName: string, keepOld: boolean, stamp: ChangeStamp): ActorRename;
  /** Folds one actor into another; returns how many entry links moved. */
  mergeActors(fromId: number, intoId: number, stamp: ChangeStamp): { links: number };
  /**
   * Takes back the merge of the actor folded away under `name`; throws not-found when no merged
   * actor had that name. `as` is a name for it to come back under instead of its own. Returns the
   * actor back (under the name it now has, and the one it had when that differs), the one it came
   * out of, the links it got back, and the names it had that other actors have taken since (they
   * stay theirs).
   */
  unmergeActor(name: string, stamp: ChangeStamp, as?: string): { actorId: number; name: string; renamedFrom?: string; fromId: number; links: number; held: HeldName[] };
}

/** A name an unmerged actor had that another actor holds now, so it did not come back. */
export interface HeldName {
  name: string;
  heldBy: string;
  /** It is the other actor's own name, not an alias. */
  itsName: boolean;
}

/** What a rename did, for its reply. */
export interface ActorRename {
  from: string;
  to: string;
  /**
   * What became of the old name: an alias, dropped, or gone into the new one (the same name
   * spelled anew, `Ahmed Al-Sharaa` as `Ahmed al-Sharaa`, is one name and cannot be both).
   */
  oldName: 'alias' | 'dropped' | 'respelled';
  /** The new name was one of the actor's aliases. */
  wasAlias: boolean;
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
