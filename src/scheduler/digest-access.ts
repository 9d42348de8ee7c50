// What a paused digest's access help is worded for: the picture its posts open with and the
// refusal that paused it, so a platform can say which right is missing (a picture may need one
// the confirmation never tested) or that the channel is gone.
import { DeliveryError, type AccessNeeds } from '../core/poster.js';
import type { Subscription } from '../core/digest/subscriptions-port.js';

/** A digest's card, as the admin knows it. */
export const DIGEST_PICTURE = 'the picture a digest opens with';

/**
 * The needs of the subscription's channel, refused with `error`: the poster's own when the refusal
 * is at hand, else only what was stored of it (its reason), as `/digest list` has it.
 */
export function pausedDigestNeeds(sub: Subscription, error: DeliveryError | string): AccessNeeds {
  const refusal = typeof error === 'string' ? new DeliveryError('permanent', error) : error;
  return { refused: { channelId: sub.channel.channelId, error: refusal }, ...(sub.card ? { picture: DIGEST_PICTURE } : {}) };
}
