// The core's poster port on chat.postMessage: a view becomes as many messages as Slack's limits
// need, posted in order. Failures become DeliveryErrors the scheduler knows how to treat.
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import { DeliveryError, type Poster } from '../../core/poster.js';
import type { View } from '../../core/view.js';
import { boltLogger } from './bolt-logger.js';
import { knownPrefix } from './command-prefix.js';
import { broadcast } from './paging.js';

/**
 * Slack's own trouble or its rate limit: worth another try later. Every other platform error
 * (channel_not_found, not_in_channel, is_archived, invalid_auth, invalid_blocks…) needs a person.
 */
const RETRYABLE = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function deliveryErrorFrom(error: unknown): DeliveryError {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; message?: string };
  switch (e.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return new DeliveryError(RETRYABLE.has(code) ? 'retryable' : 'permanent', `Slack refused the message: ${code}`);
    }
    case webApi.ErrorCode.RateLimitedError:
      return new DeliveryError('retryable', 'Slack rate limit reached', (e.retryAfter ?? 1) * 1000);
    case webApi.ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      return new DeliveryError(status >= 500 || status === 429 ? 'retryable' : 'permanent', `Slack answered HTTP ${status}`);
    }
    default:
      // Network trouble (RequestError) or anything unexpected: try again later.
      return new DeliveryError('retryable', `Could not reach Slack: ${e.message ?? String(error)}`);
  }
}

export class SlackPoster implements Poster {
  readonly platform = 'slack';
  readonly accessHelp =
    'Invite the app to this channel with /invite @Sitrep (an archived channel must be unarchived first; in a direct message Sitrep can only post in its own), then run /digest subscribe again.';

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  /**
   * No retries inside the client and no silent waiting on a 429: the scheduler owns retries and
   * backs off with the Retry-After this poster reports.
   */
  static create(config: SlackConfig, logger: Logger): SlackPoster {
    const client = new webApi.WebClient(config.botToken, {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: boltLogger(logger),
    });
    return new SlackPoster(client, logger);
  }

  /** `context` is the subscriber's: the prefix their workspace gives Sitrep's commands. */
  async post(channelId: string, view: View, alreadyPosted = 0, context = ''): Promise<string[]> {
    const messages = broadcast(view, knownPrefix(context));
    const posted: string[] = [];
    for (const message of messages.slice(alreadyPosted)) {
      try {
        const result = await this.client.chat.postMessage({
          channel: channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
        posted.push(result.ts ?? '');
      } catch (error) {
        const failure = deliveryErrorFrom(error);
        this.logger.warn({ channelId, posted, of: messages.length, kind: failure.kind, reason: failure.message }, 'slack: post failed');
        throw failure.after(posted);
      }
    }
    return posted;
  }
}
