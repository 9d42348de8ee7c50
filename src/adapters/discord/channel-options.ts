// Options whose value names a channel (`/digest unsubscribe channel:`). A channel picked from
// Discord's `#` menu arrives as `<#123>`; the core knows channels by their id, so such an option
// gets the id, where any other text option gets the name the user saw (`#general`).

/** The options that name a channel, by name, as the Slack adapter reads them too. */
export const CHANNEL_OPTIONS: readonly string[] = ['channel'];

/** A value that is one picked channel and nothing else. */
const PICKED_CHANNEL = /^\s*<#(\d+)>\s*$/;

/** The channel id of a channel option given as one picked channel; undefined for anything else. */
export function pickedChannelId(option: string, value: unknown): string | undefined {
  if (!CHANNEL_OPTIONS.includes(option) || typeof value !== 'string') return undefined;
  return PICKED_CHANNEL.exec(value)?.[1];
}
