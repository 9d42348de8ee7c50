// The clock a review channel's cards write their instants on: the zone of the channel's digest
// subscription, else the bot's (SITREP_TZ), as the replies in that channel read theirs (see
// day-words.ts channelZone), so a card and /review show there agree on when a decision came.
import type { ChannelKey, DigestService } from '../digest/service.js';
import { instantsIn, type InstantWriter } from '../past-instant.js';

/** Where a channel's zone is looked up: the digests' subscriptions and their default zone. */
export type ChannelZones = Pick<DigestService, 'find' | 'defaultTimeZone'>;

/** The channel's zone; UTC without `zones` to look it up in. */
export function reviewChannelZone(zones: ChannelZones | undefined, channel: ChannelKey): string {
  if (!zones) return 'UTC';
  return zones.find({ platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId })?.timezone ?? zones.defaultTimeZone;
}

/** A writer of instants on the channel's clock. */
export function reviewChannelInstants(zones: ChannelZones | undefined, channel: ChannelKey): InstantWriter {
  return instantsIn(reviewChannelZone(zones, channel));
}
