// The poster port: how a digest reaches a channel on any platform. Each adapter implements it.
import type { PlatformName } from './caller.js';
import type { View } from './view.js';

/** Why a post failed: permanent failures pause a subscription, retryable ones back off. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'permanent' | 'retryable',
    message: string,
    /** A hint from the platform (e.g. Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
    /** References of the messages this call did post before the failure. */
    readonly delivered: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  /** The same failure, saying which messages did arrive before it. */
  after(delivered: readonly string[]): DeliveryError {
    return delivered.length === 0 ? this : new DeliveryError(this.kind, this.message, this.retryAfterMs, delivered);
  }
}

export interface Poster {
  readonly platform: PlatformName;
  /**
   * What an admin does so Sitrep may post in a channel of this platform (and then runs
   * /digest subscribe again): the reply to a subscribe whose confirmation was refused for good.
   */
  readonly accessHelp: string;
  /**
   * Posts the view to a channel, split into as many messages as the platform's limits need,
   * in order, leaving out the first `alreadyPosted` of them (an earlier attempt posted those;
   * the same view always splits the same way). `context` is the subscriber's Caller.context, for
   * the platform to answer as it answered them. Returns the references of the messages it
   * posted; throws DeliveryError, whose `delivered` lists those it posted before failing.
   */
  post(channelId: string, view: View, alreadyPosted?: number, context?: string): Promise<string[]>;
}
