// The confirmation /review channel posts in the channel before it is recorded, as /digest
// subscribe posts one before its subscription (both through src/core/channel-confirmation.ts): the
// command's reply reaches the admin whether or not Sitrep may post there, and this post is what
// proves it may. Only a permanent refusal (no access, channel gone) keeps the channel from being
// set; a refusal for now (rate limit, outage) sets it, and the cards are tried as usual.
import { plainLine, span, type View } from '../view.js';

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

/** The command an admin runs again once Sitrep may post, and what the log says of a confirmation the platform did not take. */
export const REVIEW_CONFIRMATION_LOG = {
  command: '/review channel',
  refused: 'review channel confirmation refused; channel not set',
  delayed: 'review channel confirmation not posted for now; channel set',
};
