// Posts digests to channels: one message per page of the rendered view, in order. Failures
// become DeliveryErrors the scheduler understands: permanent (no access, channel gone) or
// retryable (rate limited, Discord having trouble, network).
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type APIMessage, type REST } from 'discord.js';
import { DeliveryError, type Poster } from '../../core/poster.js';
import type { View } from '../../core/view.js';
import { renderViewPages } from './render-view.js';

export function deliveryErrorFrom(error: unknown, where: string): DeliveryError {
  if (error instanceof RateLimitError) {
    return new DeliveryError('retryable', `${where}: rate limited for ${error.retryAfter} ms`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    // 403 no access, 404 channel gone, other 4xx a request that will never pass: a person must act.
    const kind = error.status === 429 || error.status >= 500 ? 'retryable' : 'permanent';
    return new DeliveryError(kind, `${where}: Discord answered ${error.status} (${error.code}: ${error.message})`);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError('retryable', `${where}: Discord answered ${error.status} ${error.message}`);
  }
  return new DeliveryError('retryable', `${where}: ${error instanceof Error ? error.message : String(error)}`);
}

export class DiscordPoster implements Poster {
  readonly platform = 'discord';
  readonly accessHelp =
    'Give the bot View Channel, Send Messages and Embed Links in this channel (Edit Channel → Permissions; in a direct message Sitrep can only post in its own), then run /digest subscribe again.';

  constructor(private readonly rest: REST) {}

  async post(channelId: string, view: View, alreadyPosted = 0): Promise<string[]> {
    const pages = renderViewPages(view);
    const ids: string[] = [];
    for (const [index, embed] of pages.entries()) {
      if (index < alreadyPosted) continue;
      try {
        const message = (await this.rest.post(Routes.channelMessages(channelId), {
          body: { embeds: [embed], allowed_mentions: { parse: [] } },
        })) as APIMessage;
        ids.push(message.id);
      } catch (error) {
        const where = `posting message ${index + 1} of ${pages.length} to channel ${channelId}`;
        throw deliveryErrorFrom(error, ids.length > 0 ? `${where} (after ${ids.join(', ')})` : where).after(ids);
      }
    }
    return ids;
  }
}
