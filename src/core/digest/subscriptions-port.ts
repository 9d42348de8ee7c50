// What the digest scheduler needs from the store's subscriptions: one per channel, with its
// schedule, filters, change cursor and the next slot it is owed. The store implements it.
import type { PlatformName } from '../caller.js';
import type { View } from '../view.js';
import type { DigestFilters } from './changes.js';
import type { ChannelKey, SubscribeRequest } from './service.js';

export interface Subscription {
  id: number;
  channel: ChannelKey;
  schedule: string;
  cron: string;
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  /** Last revision id covered by a digest this channel received. */
  cursor: number;
  cursorAt: Date;
  nextSlotAt: Date;
  paused?: { at: Date; reason: string };
  /** The subscriber's Caller.context ('' for none), handed to the poster. */
  context: string;
  /** Digests open with a card: entries added by type, this period beside the one before. */
  card: boolean;
}

export interface UpsertSubscription extends SubscribeRequest {
  nextSlotAt: Date;
  /** The cursor a new subscription starts from: changes after it go into its first digest. */
  startCursor: number;
  now: Date;
}

export interface DigestSubscriptions {
  /** Creates the channel's subscription, or replaces its settings and resumes it; keeps its cursor. */
  upsert(s: UpsertSubscription): { id: number; created: boolean };
  remove(channel: ChannelKey): boolean;
  byChannel(channel: ChannelKey): Subscription | undefined;
  byId(id: number): Subscription | undefined;
  inWorkspace(platform: PlatformName, workspaceId: string): Subscription[];
  /** Active subscriptions of these platforms, for the scheduler's tasks. */
  active(platforms: readonly PlatformName[]): Subscription[];
  /** Active subscriptions of these platforms owed a slot at or before `now`. */
  due(platforms: readonly PlatformName[], now: Date): Subscription[];
  setNextSlot(id: number, at: Date): void;
  /** Moves the cursor forward (never back) once a digest covering up to `cursor` is done. */
  advanceCursor(id: number, cursor: number, at: Date): void;
  /**
   * Pauses an active subscription with the reason; a paused one keeps its first reason. Pausing
   * it queues `notice` for the review channel of its platform, if there is one.
   */
  pause(id: number, reason: string, at: Date, notice?: View): void;
  /** Changes whenever any subscription is added, removed, retimed, paused or resumed, in any process. */
  scheduleVersion(): number;
}
