// What admin commands need from the store to change the dossier. Every method writes the change
// and its revision in one transaction and returns what a reply needs.
import type { ActorInput, ChangeStamp, EntryInput } from './domain.js';

export type EntryPatch = Partial<EntryInput>;

export interface RevisionRecord {
  id: number;
  action: 'create' | 'edit' | 'remove' | 'restore' | 'merge';
  changedBy: string;
  changedAt: string;
  /** Field names this revision changed (empty for create). */
  changedFields: string[];
  reason?: string;
}

export interface DossierEditor {
  addEntry(input: EntryInput, stamp: ChangeStamp): number;
  editEntry(id: number, patch: EntryPatch, stamp: ChangeStamp): string[];
  removeEntry(id: number, reason: string, stamp: ChangeStamp): void;
  /** Reverts the latest change; returns what the undo did. */
  undoEntry(id: number, stamp: ChangeStamp): RevisionRecord;
  entryHistory(id: number): RevisionRecord[];
  addActor(input: ActorInput, stamp: ChangeStamp): number;
}
