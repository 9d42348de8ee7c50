// What the digest scheduler needs from the delivery log: one row per subscription and slot,
// recording the intent before anything is posted, each posted part right after it is posted and
// the outcome last, so a restart knows exactly what reached the channel. The store implements it.
import type { CardFigures, PreviousRange } from './card.js';
import type { PlatformName } from '../caller.js';
import type { View } from '../view.js';
import type { DeliveryKind, DeliveryStatus } from './service.js';

export interface Delivery {
  id: number;
  subscriptionId: number;
  slot: Date;
  kind: DeliveryKind;
  missedSlots: number;
  status: DeliveryStatus;
  cursorFrom: number;
  cursorTo: number;
  periodFrom: Date;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  /** Every part of the digest as composed at intent time, kept while it waits to retry. */
  parts?: View[];
  partsTotal: number;
  /** References of the parts already posted, one array per part, in order. */
  messageRefs: string[][];
  /** Messages of the next part that a failed attempt did post (a part may take several). */
  partialRefs: string[];
  /** What happened while posting that status and attempts do not say (a late answer), oldest first. */
  notes: string[];
  sender: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SettledRange extends PreviousRange {
  id: number;
}

export interface DeliveryIntent {
  subscriptionId: number;
  slot: Date;
  kind: DeliveryKind;
  missedSlots: number;
  status: 'sending' | 'skipped';
  cursorFrom: number;
  cursorTo: number;
  periodFrom: Date;
  partsTotal: number;
  sender: string;
  now: Date;
}

export interface DeliveryLog {
  /** Records the intent to deliver a slot (or that it was skipped); fails if the slot has a row. */
  insert(intent: DeliveryIntent): number;
  /** Deletes settled rows created before `before`, except each subscription's latest; returns how many. */
  prune(before: Date): number;
  get(id: number): Delivery | undefined;
  hasSlot(subscriptionId: number, slot: Date): boolean;
  /** The subscription's digest that is sending or waiting to retry, if any. */
  inFlight(subscriptionId: number): Delivery | undefined;
  latest(subscriptionId: number): Delivery | undefined;
  /** The same subscription's row recorded before this one, if any. */
  before(id: number): Delivery | undefined;
  /** The subscription's latest digest delivered (or skipped as empty) whose range ended at `cursor`: that range, with its card's figures. */
  settledEndingAt(subscriptionId: number, cursor: number): SettledRange | undefined;
  /**
   * The cursors at which the subscription's digests saw the dossier, up to `upTo`, ascending: the
   * start of the earliest range the log still holds, and the end of each range delivered, skipped
   * as empty or perhaps delivered (unconfirmed).
   */
  boundaries(subscriptionId: number, upTo: number): number[];
  /** Whether the subscription has had a digest delivered (or skipped as empty): false before its first. */
  hasSettled(subscriptionId: number): boolean;
  /** Records what the digest's card counted for its range. */
  recordCardFigures(id: number, figures: CardFigures): void;
  /** The latest row of each of these subscriptions, by subscription id. */
  latestFor(subscriptionIds: readonly number[]): Map<number, Delivery>;
  /** Marks another attempt as started. */
  startAttempt(id: number, now: Date): void;
  /** Records one posted part's message references, right after the platform accepted it. */
  recordPart(id: number, refs: readonly string[], now: Date): void;
  /** Records the messages of a part that did arrive before posting the rest of it failed. */
  recordPartial(id: number, refs: readonly string[], now: Date): void;
  /** Adds a sentence to the row's notes. */
  note(id: number, text: string, now: Date): void;
  /** Settles the row; false if it was settled already (by another process). */
  settle(id: number, status: 'delivered' | 'skipped' | 'failed' | 'unconfirmed', now: Date, error?: string): boolean;
  /** Parks the row until `at`, with the parts a later attempt (maybe another process's) will post. */
  retryLater(id: number, error: string, at: Date, now: Date, parts: readonly View[]): void;
  /** Replaces the parts of a row waiting to retry, none of them posted yet; false if it is not such a row. */
  replaceParts(id: number, parts: readonly View[], now: Date): boolean;
  /** Rows waiting to retry whose time has come, on these platforms. */
  dueRetries(platforms: readonly PlatformName[], now: Date): Delivery[];
  /**
   * Rows another process left `sending` on these platforms: those of the lease holder taken
   * over from, and any untouched since `staleBefore` (a send-now in a process that died).
   */
  interrupted(platforms: readonly PlatformName[], self: string, previousHolder: string | undefined, staleBefore: Date): Delivery[];
}
