// What an admin does so Sitrep may post where Slack refused it, worded for Slack's error: invite
// the app (not_in_channel), unarchive the channel first (is_archived), or, for a channel Slack
// does not show the app (channel_not_found: deleted, or private without the app), invite it or
// pick another channel. Any other refusal, or one whose error is not known, gets the whole list.
// Slack's `/invite @Sitrep` is marked as code, as replies mark the commands to type.
import type { AccessNeeds, DeliveryError } from '../../core/poster.js';

const INVITE = '`/invite @Sitrep`';

/** How a refusal of a post is written, in the delivery log and a paused digest's reason alike. */
export const refusalText = (code: string): string => `Slack refused the message: ${code}`;

const WRITTEN_CODE = /Slack refused the message: ([a-z_]+)/;

/** Slack's error in a refusal written by refusalText (a stored reason included). */
function refusalCode(error: DeliveryError): string | undefined {
  return WRITTEN_CODE.exec(error.message)?.[1];
}

const HELP: Readonly<Record<string, (command: string) => string>> = {
  not_in_channel: (command) => `Invite the app to this channel with ${INVITE}, then run ${command} again.`,
  is_archived: (command) =>
    `This channel is archived, so Slack takes no posts in it: unarchive it first, invite the app with ${INVITE} if it is not in the channel, then run ${command} again.`,
  channel_not_found: (command) =>
    `Slack does not show this channel to Sitrep: it was deleted, or it is a private channel the app was not invited to. In a private channel, invite the app with ${INVITE}, then run ${command} again; else run ${command} in another channel.`,
};

/** Poster.accessHelp for Slack: worded for the refusal when its error is known. */
export function slackAccessHelp(command: string, needs: AccessNeeds = {}): string {
  const code = needs.refused ? refusalCode(needs.refused.error) : undefined;
  const help = code === undefined ? undefined : HELP[code];
  if (help) return help(command);
  return `Invite the app to this channel with ${INVITE} (an archived channel must be unarchived first; in a direct message Sitrep can only post in its own), then run ${command} again.`;
}
