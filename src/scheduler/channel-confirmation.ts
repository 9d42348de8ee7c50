// Posts a subscribe's confirmation through the channel's digest poster and says what became of
// it. Nothing is recorded: a confirmation is not a digest, and it moves no cursor.
import type { ChannelKey, ConfirmationOutcome } from '../core/digest/service.js';
import type { Logger } from '../core/logger.js';
import { DeliveryError } from '../core/poster.js';
import type { View } from '../core/view.js';
import type { PosterRegistry } from './posters.js';

/** `refused` carries the refusing poster's help: what the admin does so Sitrep may post there. */
export type ConfirmationResult = ConfirmationOutcome | { status: 'refused'; error: string; accessHelp: string };

export async function postConfirmation(
  posters: PosterRegistry,
  channel: ChannelKey,
  view: View,
  logger: Logger,
  context?: string,
): Promise<ConfirmationResult> {
  const poster = posters.get(channel.platform);
  if (!poster) return { status: 'no-poster' };
  try {
    await poster.post(channel.channelId, view, 0, context);
    return { status: 'posted' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // As for digests, only a DeliveryError marked permanent means a person must act; anything
    // else may pass later, so the subscription is kept and its digests retry as usual.
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      logger.warn({ channel, error: message }, 'digest confirmation refused; subscription not stored');
      return { status: 'refused', error: message, accessHelp: poster.accessHelp };
    }
    logger.warn({ channel, error: message }, 'digest confirmation not posted for now; subscription stored');
    return { status: 'delayed', error: message };
  }
}
