// Personal watches: what a person follows (an actor, a place, a topic), where their direct
// messages stand (a cursor over the revision log, like a digest subscription's), and the log of
// those messages. The store implements it (src/store/watches.ts).
import type { PlatformName } from '../caller.js';
import type { View } from '../view.js';

export type WatchKind = 'actor' | 'place' | 'topic';

/**
 * What a watch follows. A place is a located area (`country:SY`: every entry at a place within
 * it) or, for a place the gazetteer does not know, the stored place's folded name.
 */
export type WatchTarget =
  | { kind: 'actor'; actorId: number }
  | { kind: 'place'; area: string }
  | { kind: 'place'; placeKey: string }
  | { kind: 'topic'; topic: string };

export interface Watch {
  id: number;
  target: WatchTarget;
  /** The name as the person typed it resolved (`Ron Dermer`, `Syria`, `syria-israel`). */
  label: string;
  createdAt: Date;
}

/** One person on one platform. */
export interface WatcherKey {
  platform: PlatformName;
  userId: string;
}

export interface Watcher extends WatcherKey {
  /** Caller.context, for the platform to answer as it answered them. */
  context: string;
  cursor: number;
  /** When their last message was settled (delivered, or given up): the next waits 10 minutes after it. */
  lastMessageAt?: Date;
  paused?: { at: Date; reason: string };
}

/** A direct message as the log records it. */
export interface WatchDelivery {
  id: number;
  watcher: WatcherKey;
  status: 'sending' | 'retrying' | 'delivered' | 'failed';
  cursorFrom: number;
  cursorTo: number;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  /** The message as composed when the intent was recorded; kept until it is settled. */
  view?: View;
  /** Platform messages already posted (a long view takes several), in order. */
  messageRefs: string[];
  sender: string;
  createdAt: Date;
}

/** What /watch needs: a person's own watches. */
export interface WatchList {
  /** Adds a watch (their messages start from the latest change if it is their first); undefined when they have it already. */
  add(who: WatcherKey & { context: string }, target: WatchTarget, label: string, now: Date): Watch | undefined;
  watches(who: WatcherKey): Watch[];
  watcher(who: WatcherKey): Watcher | undefined;
  /** Stops the watches with these ids (all of theirs when undefined); returns those stopped. */
  stop(who: WatcherKey, ids?: readonly number[]): Watch[];
  /** Delivers again from the latest change on (what changed while paused is not sent); false if not paused. */
  resume(who: WatcherKey): boolean;
}

/** What the runner needs besides: the people to message and the log of their messages. */
export interface WatchDeliveryStore extends WatchList {
  /** Watchers not paused on these platforms, with their watches. */
  active(platforms: readonly PlatformName[]): { watcher: Watcher; watches: Watch[] }[];
  advanceCursor(who: WatcherKey, cursor: number): void;
  /**
   * The cursors up to `upTo` where this person's messages looked at the dossier: where their
   * watching started or resumed, and each delivered message's end, ascending (the latest 500).
   */
  boundaries(who: WatcherKey, upTo: number): number[];
  pause(who: WatcherKey, reason: string, now: Date): void;
  /** Records the intent: the message, its range and the process sending it. */
  insertDelivery(who: WatcherKey, range: { from: number; to: number }, view: View, sender: string, now: Date): number;
  delivery(id: number): WatchDelivery | undefined;
  inFlight(who: WatcherKey): WatchDelivery | undefined;
  /** Messages posted so far, recorded right after the platform accepted them. */
  recordPosted(id: number, refs: readonly string[], now: Date): void;
  startAttempt(id: number, now: Date): void;
  retryLater(id: number, error: string, at: Date, now: Date): void;
  /** Settles the row and stamps the watcher's last message; a delivered one moves their cursor. False if settled already. */
  settle(id: number, status: 'delivered' | 'failed', now: Date, error?: string): boolean;
  /** Rows on these platforms still to send: waiting to retry, or left sending by another process. */
  unsettled(platforms: readonly PlatformName[]): WatchDelivery[];
  transaction<T>(work: () => T): T;
}
