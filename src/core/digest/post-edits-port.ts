// What correcting posted messages needs from the store: the posts that showed entries (kept 14
// days, with their view and the state of each entry they showed), the edits a correction queued
// for them, and the entries' current state. The store implements it; a trigger on the revision
// log queues the edits, so every correction, from any process, reaches them.
import type { PlatformName } from '../caller.js';
import type { EntryInput } from '../domain.js';
import type { View } from '../view.js';
import type { DigestFilters } from './changes.js';

/** How long a posted message is redrawn when an entry it showed is corrected. */
export const EDITABLE_FOR_MS = 14 * 24 * 3600_000;

/**
 * The filters a digest part was composed under, as remembered with it. Its actor is the live one
 * the subscription's actor stood for then; a merge since may have folded it into another.
 */
export type RememberedFilters = Pick<DigestFilters, 'topic' | 'eventType' | 'actorId'> & {
  /**
   * Set for a redraw, never remembered: every actor the entries name that is now the filter's
   * actor (itself, or one merged into the same live actor), so a merge is not taken for the
   * actor taken off an entry.
   */
  actorIdsNow?: readonly number[];
};

/**
 * A posted view as remembered: a digest part keeps the filters it was composed under (renderers
 * never see them), so a redraw can say when a correction took an entry out of them.
 */
export type RememberedView = View & { digestFilters?: RememberedFilters };

export interface ShownPost {
  platform: PlatformName;
  channelId: string;
  /** The subscriber's or review channel's Caller.context, for the poster. */
  context: string;
  /** The zone the correction mark's day is written in. */
  zone: string;
  /** What the messages show, a picture only as `postedPicture` (an edit keeps the one the platform holds). */
  view: RememberedView;
  refs: string[];
  postedAt: Date;
}

/** Where a post shows an entry: its section of the view, or none (the correction is added at the end). */
export interface EntryPlace {
  entryId: number;
  section?: number;
}

export interface ShownEntry extends EntryPlace {
  /** The entry as the post showed it. */
  shown: EntryInput;
  removed: boolean;
  /** The revision it was shown as: the corrections since are those after it. */
  revisionId?: number;
  /** The post has been edited to show a correction of it: were it withdrawn, the post says so. */
  correctionDrawn?: true;
}

/** One revision of an entry, as a redraw reads its history. */
export interface EntryRevision {
  revisionId: number;
  state: EntryInput;
  removed: boolean;
  at: Date;
}

/** An entry as it stands now, from its latest revision. */
export interface EntryNow {
  state: EntryInput;
  removed: boolean;
  /** Why it was removed, for removals. */
  reason?: string;
  /** When its latest revision was written. */
  changedAt: Date;
  /**
   * Its revisions, newest first, back to the one the posts being redrawn showed it as: a
   * correction is dated by the last of them that changed what its mark shows, and one that came
   * and went since a post showed the entry is told as withdrawn. Absent: dated `changedAt`.
   */
  history?: readonly EntryRevision[];
}

export interface DueEdit extends ShownPost {
  postId: number;
  /** The latest correction that asked for this edit. */
  revisionId: number;
  attempts: number;
  /** Each with `correctionDrawn` as the post's last edit drew it. */
  entries: ShownEntry[];
  /** The hash of the view the post's last edit drew (DrawnPost); absent while it stands as posted. */
  drawnHash?: string;
}

/** What an edit drew in a post, kept for the next: a redraw of the same view is no edit. */
export interface DrawnPost {
  /** A hash of the view drawn, as stable JSON. */
  viewHash: string;
  /** The entries drawn under a mark (corrected, removed, restored or withdrawn). */
  marked: readonly number[];
}

export interface PostEditStore {
  /**
   * Remembers a post and the entries it shows, each as it stood at revision `asOf` (the digest's
   * cursor; now when absent). A post showing no entry is not kept.
   */
  remember(post: ShownPost, entries: readonly EntryPlace[], asOf?: number): void;
  /** Queued edits due by `now` on these platforms, oldest correction first. */
  due(platforms: readonly PlatformName[], now: Date, limit: number): DueEdit[];
  /**
   * The current state of these entries, by id, each with its history back to the earliest
   * revision `shown` names for it (all of it when none is named).
   */
  current(shown: readonly Pick<ShownEntry, 'entryId' | 'revisionId'>[]): Map<number, EntryNow>;
  /** The current names of these actors, by id. */
  actorNames(actorIds: readonly number[]): Map<number, string>;
  /** The live actor each of these actors now is, by id: itself, or the one its merges folded it into. */
  liveActors(actorIds: readonly number[]): Map<number, number>;
  /**
   * The edit drawn for `revisionId` is in place (a later correction keeps it queued), and the
   * post now shows `drawn`; absent, the post was left as its last edit drew it.
   */
  done(postId: number, revisionId: number, now: Date, drawn?: DrawnPost): void;
  /** The edit failed for now: tried again at `at`. */
  retryLater(postId: number, revisionId: number, error: string, at: Date, now: Date): void;
  /** The edit failed for good; the post is left as it is. */
  failed(postId: number, revisionId: number, error: string, now: Date): void;
  /** Forgets posts older than EDITABLE_FOR_MS; returns how many. */
  prune(now: Date): number;
}
