// The digest port commands use. The store and the scheduler implement it; commands only see
// these shapes.
import type { PlatformName } from '../caller.js';
import type { View } from '../view.js';
import type { DigestFilters } from './changes.js';
import type { Schedule } from './schedule.js';

/** Where a digest goes; one subscription per channel. */
export interface ChannelKey {
  platform: PlatformName;
  /** Discord guild or Slack team; '' where the platform has none. */
  workspaceId: string;
  channelId: string;
}

export type DeliveryStatus = 'sending' | 'retrying' | 'delivered' | 'skipped' | 'failed' | 'unconfirmed';
export type DeliveryKind = 'scheduled' | 'catch-up' | 'manual';

export interface DeliverySummary {
  slot: Date;
  kind: DeliveryKind;
  status: DeliveryStatus;
  attempts: number;
  messages: number;
  updatedAt: Date;
  error?: string;
  /** When a digest waiting to retry is tried again. */
  retryAt?: Date;
}

/**
 * The channel's digest still on its way when its settings changed: composed again with the new
 * ones (`new`), skipped as they leave it empty, or finished as it was — being posted right now,
 * or partly posted already.
 */
export type WaitingDigest = (
  | { slot: Date; settings: 'new'; retryAt?: Date }
  | { slot: Date; settings: 'skipped' }
  | { slot: Date; settings: 'as-was'; because: 'sending' | 'partly-posted'; retryAt?: Date }
) & {
  /** The time zone the digest was scheduled in, when the change of settings gave another. */
  scheduledIn?: string;
};

export interface SubscriptionInfo {
  id: number;
  channel: ChannelKey;
  schedule: string;
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  /** Digests open with a card (a picture of entries added by type); `card:false` turns it off. */
  card: boolean;
  /** The next slot; in the past when the scheduler is behind (it will catch up). */
  nextRunAt: Date;
  /** `accessHelp`: what the admin does so Sitrep may post there again, as the subscribe refusal words it. */
  paused?: { at: Date; reason: string; accessHelp?: string };
  lastDelivery?: DeliverySummary;
}

export interface SubscribeRequest {
  channel: ChannelKey;
  schedule: Schedule;
  timezone: string;
  filters: DigestFilters;
  skipEmpty: boolean;
  card: boolean;
  /**
   * The actor filter was not given again: the channel's stored one stays as subscribed (so an
   * unmerge still gives it back), whatever `filters` shows of it.
   */
  keepActor?: boolean;
  /** Who asked, as revisions attribute changes. */
  by: string;
  /** Who asked, as the confirmation posted in the channel names them (a display name, else `by`). */
  byName?: string;
  /** The subscriber's Caller.context: the channel's poster gets it with every post. */
  context?: string;
}

/** What /digest subscribe asks for: without a schedule, the channel's current one stays (changing only a filter). */
export type SubscribeAsk = Omit<SubscribeRequest, 'schedule'> & { schedule?: Schedule };

/**
 * What became of the confirmation a subscribe posts in its channel. Posting it is also the proof
 * that Sitrep can post there, so a permanent refusal makes the whole subscribe `refused`.
 */
export type ConfirmationOutcome =
  | { status: 'posted' }
  /**
   * Refused for now (rate limit, outage): the subscription was saved; digests retry as usual.
   * `operatorFix`: the platform refused Sitrep itself (its token, its scopes), not the channel, and
   * only whoever runs Sitrep can end it, this way; the digests wait for it meanwhile.
   */
  | { status: 'delayed'; error: string; operatorFix?: string }
  /** No poster for the channel's platform runs in this process: nothing could be posted. */
  | { status: 'no-poster' };

export type SubscribeOutcome =
  | { status: 'saved'; subscription: SubscriptionInfo; created: boolean; confirmation: ConfirmationOutcome; waiting?: WaitingDigest }
  /** The channel's active subscription already had these settings: nothing was posted or written. */
  | { status: 'unchanged'; subscription: SubscriptionInfo }
  /**
   * The platform refused the confirmation for good (no access, channel gone): nothing was
   * written. `current` is the channel's subscription as it still stands, if it has one.
   */
  | {
      status: 'refused';
      error: string;
      /** The refusing poster's Poster.accessHelp: what the admin does so Sitrep may post there. */
      accessHelp?: string;
      current?: SubscriptionInfo;
    };

export type SendOutcome =
  /** `empty`: nothing had changed, and the digest said only that; `first`: it was the channel's first. */
  | { status: 'delivered'; messages: number; empty?: true; first?: true }
  | { status: 'skipped' }
  | { status: 'retrying'; error: string; retryAt: Date }
  | { status: 'failed'; error: string; paused: boolean }
  /** Another digest of the channel is on its way; `waiting`: it waits to retry, until `retryAt`. */
  | { status: 'busy'; waiting?: { slot: Date; retryAt: Date; error?: string } };

export interface DigestService {
  /** SITREP_TZ, else UTC: the zone of subscriptions that name none. */
  readonly defaultTimeZone: string;
  /**
   * Posts a confirmation in the channel, then creates the channel's subscription or replaces
   * its settings (and resumes it if paused) — unless the platform refused that post for good, or
   * nothing would change.
   */
  subscribe(request: SubscribeAsk): Promise<SubscribeOutcome>;
  unsubscribe(channel: ChannelKey): boolean;
  find(channel: ChannelKey): SubscriptionInfo | undefined;
  /** Every subscription in the workspace (or, without one, on the platform). */
  list(scope: { platform: PlatformName; workspaceId: string }): SubscriptionInfo[];
  /** What the channel's next digest would hold if it were sent now; records nothing. */
  preview(channel: ChannelKey): View;
  /** Sends the channel's digest now, through its platform's poster. */
  sendNow(channel: ChannelKey): Promise<SendOutcome>;
}
