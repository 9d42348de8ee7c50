// The confirmation /review channel posts in the channel before it is recorded, as /digest
// subscribe posts one before its subscription (src/scheduler/channel-confirmation.ts): the
// command's reply reaches the admin whether or not Sitrep may post there, and this post is what
// proves it may. Only a permanent refusal (no access, channel gone) keeps the channel from being
// set; a refusal for now (rate limit, outage) sets it, and the cards are tried as usual.
import type { Logger } from '../logger.js';
import { DeliveryError, oneOffPostMark } from '../poster.js';
import { plainLine, span, type View } from '../view.js';
import type { PosterLookup } from './card-poster.js';
import type { ChannelRef } from './review-port.js';

export type ChannelConfirmation =
  | { status: 'posted' }
  /** Refused for now: the channel is set, and its cards are tried as usual. */
  | { status: 'delayed'; error: string }
  /** No poster for the channel's platform runs in this process: nothing could be posted. */
  | { status: 'no-poster' }
  /** Refused for good: nothing is recorded. `accessHelp`: the refusing poster's, said for /review channel. */
  | { status: 'refused'; error: string; accessHelp: string };

/** What the channel reads: what it is for now, who made it so, and where the queue is listed. */
export function channelConfirmationView(byName: string): View {
  return {
    title: 'Review channel',
    tone: 'normal',
    intro: [
      plainLine('Sitrep posts the cards of candidates from the watched feeds in this channel, for admins to approve, edit or reject.'),
      [span.plain(`Set by ${byName}; `), span.command('review list'), span.plain(' lists the candidates waiting.')],
    ],
    sections: [],
  };
}

/** When no poster said what to do. */
const NEUTRAL_ACCESS_HELP = 'Let Sitrep post in this channel, then run /review channel again.';

/**
 * A poster's Poster.accessHelp is written for /digest subscribe, whose confirmation is refused
 * the same way: said for /review channel instead.
 */
export function reviewAccessHelp(accessHelp: string | undefined): string {
  return accessHelp === undefined ? NEUTRAL_ACCESS_HELP : accessHelp.replace(/\/digest subscribe/g, '/review channel');
}

export async function postChannelConfirmation(posters: PosterLookup, channel: ChannelRef, view: View, logger: Logger): Promise<ChannelConfirmation> {
  const poster = posters.get(channel.platform);
  if (!poster) return { status: 'no-poster' };
  const where = { platform: channel.platform, channel: channel.channelId };
  try {
    await poster.post(channel.channelId, view, 0, channel.context, oneOffPostMark());
    return { status: 'posted' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // As for digests, only a DeliveryError marked permanent means a person must act.
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      logger.warn({ ...where, error: message }, 'review channel confirmation refused; channel not set');
      return { status: 'refused', error: message, accessHelp: reviewAccessHelp(poster.accessHelp) };
    }
    logger.warn({ ...where, error: message }, 'review channel confirmation not posted for now; channel set');
    return { status: 'delayed', error: message };
  }
}
