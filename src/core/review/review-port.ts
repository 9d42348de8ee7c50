// What the review queue needs from the store: candidates and their decisions, the review channel
// of each platform, and the posts made there. A decision and the entry it creates are written
// in one transaction, guarded by the candidate's state, so pressing Approve twice (or on two
// platforms) makes one entry.
import type { PlatformName } from '../caller.js';
import type { ChangeStamp, ClaimInput, EntryInput, SourceRecord } from '../domain.js';
import type { Page } from '../ports.js';
import type { View } from '../view.js';
import type { Candidate } from './candidate.js';

export interface ChannelRef {
  platform: PlatformName;
  workspaceId: string;
  channelId: string;
  /** The Caller.context of the admin who set the channel, for the poster ('' when none). */
  context: string;
}

export interface ReviewChannel extends ChannelRef {
  setBy: string;
  setAt: Date;
}

/** The order a list of candidates waiting is in: the latest proposed first, or the oldest (a backlog worked as it came). */
export type PendingOrder = 'newest' | 'oldest';

/**
 * Which candidates waiting a list shows: those of `topic`, those an item of source `sourceId`
 * proposed; and in which `order` (the latest proposed first when not given).
 */
export interface PendingFilter {
  topic?: string;
  sourceId?: number;
  order?: PendingOrder;
}

/** `decided`: someone decided first; nothing was written. */
export type DecisionResult = { kind: 'done'; candidate: Candidate } | { kind: 'decided'; candidate: Candidate };

/** `unchanged`: it was not rejected (waiting already, or approved); nothing was written. */
export type ReopenResult = { kind: 'done'; candidate: Candidate } | { kind: 'unchanged'; candidate: Candidate };

/**
 * A post claimed for sending: no other process will send it. `claim` tells this claim from a
 * later one of the same post; `delivered` are the messages of it an earlier attempt posted.
 * `retryOf` is set when an earlier claim of it failed: when it was queued (its first message
 * may have arrived then). `failingSince`: when the failures of it in a row began, if it has failed.
 */
export type ClaimedPost = ChannelRef & { id: number; claim: number; delivered: string[]; retryOf?: Date; failingSince?: Date } & (
    | { kind: 'card'; candidate: Candidate }
    | { kind: 'notice'; view: View }
  );

/**
 * How long after another feed's report joins a story its posted cards are drawn again to list
 * it: the reports of a wire story arrive over one cycle of checks, and are listed in one edit.
 */
export const JOINED_REPORT_REDRAW_MS = 5 * 60_000;

/** The messages one channel's card of a candidate went out as. */
export interface PostedCard extends ChannelRef {
  postId: number;
  refs: string[];
}

/** A posted card to draw again: its pending candidate revised since, or its decision still to show. */
export interface RedrawnCard extends PostedCard {
  candidate: Candidate;
  /** Since when its edits fail for now, if they do. */
  failingSince?: Date;
}

/** A card that may not be in its review channel: cut off mid-post (never posted twice), or given up (`failed`: the last error). */
export interface UnconfirmedCard {
  candidateId: number;
  platform: PlatformName;
  failed?: string;
}

/**
 * A review channel where cards of candidates still waiting were given up (the platform refused
 * them for good, or they failed for a day): those candidates have no card there.
 */
export interface FailingChannel {
  channel: ReviewChannel;
  /** The latest failure, as the poster said it. */
  error: string;
  /** Cards of candidates still waiting that were given up there. */
  cards: number;
}

/** Which waiting candidates /review clear rejects: those published before a day in a time zone (of a topic, proposed by an item of source `sourceId`, if given). */
export interface WaitingBefore {
  topic?: string;
  sourceId?: number;
  /** The day's first instant in the zone, ISO: a candidate published (or proposed) before it goes. */
  before: string;
  /** The day, `YYYY-MM-DD`: a candidate its feed dated by the day alone goes when that day is earlier. */
  beforeDay: string;
}

export interface ReviewStore {
  /** The candidate; an approved one with the entry it became or was attached to, as the dossier holds it (`recorded`). */
  candidate(id: number): Candidate | undefined;
  /** Pending candidates (of a topic, or proposed by one source's item), the latest proposed first unless `filter.order` is `oldest`. */
  pending(filter: PendingFilter, limit: number, offset: number): Page<Candidate>;
  /**
   * Adds the entry through the same writer as /entry add (its revision says it came from the
   * queue: `note`) and marks the candidate approved, if it is still pending.
   */
  approve(id: number, input: EntryInput, stamp: ChangeStamp, note: string): DecisionResult;
  reject(id: number, reason: string | undefined, stamp: ChangeStamp): DecisionResult;
  /**
   * Adds `sources` to a live entry as an edit with its revision (saying where they came from:
   * `note`) and marks the candidate approved as attached to that entry, if it is still pending.
   * Throws when the entry cites every one of them already. A candidate approved as (or attached
   * to) that entry has the reports that came after its decision added, and stays as decided.
   * `claims` (a party's own account the item gives) are added in the same edit, but for a party
   * the entry records with that stance already.
   */
  attach(id: number, entryId: number, sources: readonly SourceRecord[], stamp: ChangeStamp, note: string, claims?: readonly ClaimInput[]): DecisionResult;
  /**
   * Puts a rejected candidate back to waiting for review, if it is still rejected: its cards are
   * drawn again (posted ones, from `at`) or queued where it has none, with their buttons.
   */
  reopen(id: number, at: Date): ReopenResult;
  /** The oldest live entry citing one of these links (under any of their http/https, trailing-slash forms). */
  citing(links: readonly string[]): number | undefined;
  /** The pending candidates published (or, undated, proposed) before `filter`'s day, of its topic and source if given, by number. */
  waitingBefore(filter: WaitingBefore): number[];
  /** Rejects every pending candidate waitingBefore `filter` names; returns them. */
  rejectWaiting(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp): Candidate[];
  /** The same, only if `accepts` the set waiting, read in the same write; else rejects nothing and returns that set. */
  rejectWaitingIf(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp, accepts: (ids: readonly number[]) => boolean): Candidate[] | { changed: number[] };
  setChannel(channel: ChannelRef, stamp: ChangeStamp): void;
  channels(): ReviewChannel[];
  /**
   * Queues again the cards given up in `channel` whose candidates still wait (their messages
   * posted so far are not posted again), named with the channel's `context`; returns how many.
   */
  requeueFailedCards(channel: ChannelRef, now: Date): number;
  /** Pending candidates whose card is not in `channel` yet (none, or one queued or given up there). */
  uncardedCount(channel: ChannelRef): number;
  /** The review channels where cards of candidates still waiting were given up, with how many and the latest failure. */
  failingChannels(): FailingChannel[];
  /** Queues a card in each review channel for pending candidates that have none there yet, oldest first. */
  queueCards(limit: number, now: Date): void;
  /**
   * Settles posts left `sending` since before `staleBefore` (their process stopped): one never
   * handed to the platform is queued again; one that was is `unconfirmed`, never sent again.
   */
  abandonStale(staleBefore: Date): number;
  /** Claims queued posts for these platforms, oldest first; a card whose candidate was decided meanwhile is skipped. */
  claim(platforms: readonly PlatformName[], sender: string, now: Date, limit: number): ClaimedPost[];
  /**
   * Records that the post is being handed to the platform, if this claim still holds it (false
   * when the post was settled meanwhile and claimed again: it must not be sent).
   */
  handOver(post: Pick<ClaimedPost, 'id' | 'claim'>, now: Date): boolean;
  /** All the post's messages are in the channel: `refs`, every one of them. */
  posted(id: number, refs: readonly string[], now: Date): void;
  /**
   * `retryAt`: queued again, claimed no sooner than then; without it, failed for good.
   * `delivered` are the messages of it in the channel so far, which a retry does not post again.
   */
  failed(id: number, error: string, retryAt: Date | undefined, now: Date, delivered: readonly string[]): void;
  /** Puts back claimed posts that were not tried (not counted as an attempt), claimed no sooner than `retryAt`. */
  release(posts: readonly Pick<ClaimedPost, 'id' | 'claim'>[], retryAt: Date, now: Date): void;
  /** Runs `work`, calls of this store, as one transaction: all of its writes are made, or none. */
  inOneWrite<T>(work: () => T): T;
  /** Pending candidates among `ids` whose card in a review channel is unconfirmed. */
  unconfirmedCards(ids: readonly number[]): UnconfirmedCard[];
  /** Posted cards due to be drawn again by `now` (a feed revised their item or a report, a report joined, a decision not yet shown), soonest first. */
  redrawnCards(platforms: readonly PlatformName[], limit: number, now: Date): RedrawnCard[];
  /** The card's messages show the candidate's `revision` (or its decision) now, or its edits were given up; due again if revised since. */
  redrawn(postId: number, revision: number, now: Date): void;
  /** An edit of the card failed for now: it is drawn again at `at`. */
  redrawLater(postId: number, at: Date, now: Date): void;
  /** The messages a candidate's card went out as, per channel (to replace them once decided). */
  cardMessages(candidateId: number): PostedCard[];
}
