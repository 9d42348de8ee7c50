// Options whose value names a channel (core's CHANNEL_OPTIONS). A channel picked from Discord's
// `#` menu arrives as `<#123>`: such an option gets the id, where any other text option gets the
// name the user saw (`#general`).
import { CHANNEL_OPTIONS } from '../../core/command-spec.js';

/** A value that is one picked channel and nothing else. */
const PICKED_CHANNEL = /^\s*<#(\d+)>\s*$/;

/** The channel id of a channel option given as one picked channel; undefined for anything else. */
export function pickedChannelId(option: string, value: unknown): string | undefined {
  if (!CHANNEL_OPTIONS.includes(option) || typeof value !== 'string') return undefined;
  return PICKED_CHANNEL.exec(value)?.[1];
}
