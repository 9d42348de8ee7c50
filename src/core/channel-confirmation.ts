// Posts the confirmation a command posts in a channel before recording it there (/digest
// subscribe, /review channel) and says what became of it: that post is what proves Sitrep may
// post in the channel. Nothing is recorded here.
import type { ConfirmationOutcome } from './digest/service.js';
import type { Logger } from './logger.js';
import { DeliveryError, type AccessNeeds, type Poster } from './poster.js';
import type { PlatformName } from './caller.js';
import type { View } from './view.js';

/** `refused` carries the refusing poster's help: what the admin does so Sitrep may post there. */
export type ConfirmationResult = ConfirmationOutcome | { status: 'refused'; error: string; accessHelp: string };

/** The command that posts the confirmation (run again once Sitrep may post), and what the log says of one not posted, for good or for now. */
export interface ConfirmingCommand {
  command: string;
  refused: string;
  delayed: string;
  /** The posts it sets up carry a picture (a digest's card), which the confirmation does not: how the admin knows it. */
  picture?: string;
}

/**
 * What an admin does so Sitrep may post in the channel, then runs `command` again, worded for
 * `needs` where the poster can; said plainly where no poster knows the platform.
 */
export function accessHelpFor(poster: Poster | undefined, command: string, needs?: AccessNeeds): string {
  return poster ? poster.accessHelp(command, needs) : `Let Sitrep post in this channel, then run ${command} again.`;
}

/**
 * The needs of a channel known to refuse Sitrep's posts only by the reason stored of the refusal (a
 * failing review channel's latest failure): the platform reads back what its poster wrote in it (a
 * Discord error code), so the help matches the one given when the refusal was at hand.
 */
export function storedRefusalNeeds(channelId: string, reason: string): AccessNeeds {
  return { refused: { channelId, error: new DeliveryError('permanent', reason) } };
}

export async function postConfirmation(
  posters: { get(platform: PlatformName): Poster | undefined },
  channel: { platform: PlatformName; channelId: string },
  view: View,
  logger: Logger,
  log: ConfirmingCommand,
  context?: string,
): Promise<ConfirmationResult> {
  const poster = posters.get(channel.platform);
  if (!poster) return { status: 'no-poster' };
  try {
    await poster.post(channel.channelId, view, 0, context);
    return { status: 'posted' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The platform refused Sitrep itself (its token, its scopes): that proves nothing of the channel,
    // and its admins can fix nothing. What the command sets up is kept and waits, as its posts do.
    if (error instanceof DeliveryError && error.operatorFix !== undefined) {
      logger.warn({ channel, error: message, fix: error.operatorFix }, `${log.delayed}: ${channel.platform} refused Sitrep itself — ${error.operatorFix}`);
      return { status: 'delayed', error: message, operatorFix: error.operatorFix };
    }
    // Only a DeliveryError marked permanent means a person must act; anything else may pass
    // later, so what the command sets up is kept and its posts retry as usual.
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      logger.warn({ channel, error: message }, log.refused);
      const needs: AccessNeeds = { refused: { channelId: channel.channelId, error }, ...(log.picture ? { picture: log.picture } : {}) };
      return { status: 'refused', error: message, accessHelp: poster.accessHelp(log.command, needs) };
    }
    logger.warn({ channel, error: message }, log.delayed);
    return { status: 'delayed', error: message };
  }
}
