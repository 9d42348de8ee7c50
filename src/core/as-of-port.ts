// Past views of the dossier, rebuilt from the revision log: what the store offers the as-of
// commands. An instant here is exclusive: a view "at" it holds every change written before it.
import type { EntryInput, EntrySummary } from './domain.js';
import type { Page, TimelineQuery } from './ports.js';

export interface StampedChange {
  at: string;
  by: string;
}

/** One entry as it stood at an instant. */
export interface EntryAt {
  id: number;
  /** As its latest revision then wrote it. */
  state: EntryInput;
  /**
   * As the dossier showed it then: actors where the merges written since that revision (and not
   * taken back by then) had moved them, places in their stored spelling.
   */
  shown: EntryInput;
  /** Set when the entry had been removed by then. */
  removed?: StampedChange & { reason: string };
  created: StampedChange;
  /** The last change written before the instant (the creation, if none since). */
  lastChange: StampedChange;
  /** Revisions written before the instant, and after it up to now. */
  revisionsBefore: number;
  revisionsAfter: number;
}

export interface PastViews {
  /** When the dossier's first entry was written (its earliest revision), if it has any. */
  firstEntryAt(): string | undefined;
  /** The timeline as it stood just before `before`: same filters, order and paging as the live one. */
  timeline(query: TimelineQuery, before: string): Page<EntrySummary>;
  /** The entry just before `before`; undefined when it did not exist yet (or never). */
  entryAt(id: number, before: string): EntryAt | undefined;
  /** When the entry was written first, if it exists at all. */
  entryCreatedAt(id: number): string | undefined;
  /** The names of actors, merged ones included (a snapshot keeps the ids of its time). */
  actorNames(ids: readonly number[]): Map<number, string>;
  /**
   * For each actor, the actor that holds its links just before `before` through the merges
   * written from `since` on (any time, without it) and not taken back by then; itself if none.
   */
  actorsFoldedInto(ids: readonly number[], since: string | undefined, before: string): Map<number, number>;
  /** The entry's revisions written from `since` up to just before `before`, oldest first. */
  revisionsBetween(id: number, since: string, before: string): PastRevision[];
  /** What a name found now under actor `actorId` stood for just before `before` (see ActorThen). */
  actorThen(actorId: number, name: string, before: string): ActorThen;
}

/**
 * An actor filter of a past view. A merge moves the merged actor's names to the actor kept, so
 * a name found now under one actor may have been another's own then.
 */
export interface ActorThen {
  /** The actor whose own name it is: the one found now, or one merged into it since. */
  own: number;
  /** The actor holding `own`'s links then: itself, or the actor it had been merged into by then. */
  holder: number;
  /** Actors merged into `holder` after the instant, which were still their own actors then. */
  mergedSince: number[];
  /** When `own` was added, if that was after the instant. */
  addedAfter?: string;
}

/** A revision as a past view tells of it; `respelled` are the places it re-spelled on every entry. */
export interface PastRevision extends StampedChange {
  action: 'create' | 'edit' | 'remove' | 'restore';
  reason: string;
  respelled: { from: string; to: string }[];
}
