// The poster port: how a digest reaches a channel on any platform. Each adapter implements it.
import type { Platform } from './caller.js';
import type { View } from './view.js';

/** Why a post failed: permanent failures pause a subscription, retryable ones back off. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'permanent' | 'retryable',
    message: string,
    /** A hint from the platform (e.g. Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
    /** References of the messages of this view already posted before the failure. */
    readonly delivered: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Poster {
  readonly platform: Platform;
  /**
   * Posts the view to a channel, split into as many messages as the platform's limits need,
   * in order. Returns the platform's references to the messages; throws DeliveryError.
   */
  post(channelId: string, view: View): Promise<string[]>;
}
