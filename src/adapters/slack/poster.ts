// The core's poster port on chat.postMessage: a view becomes as many messages as Slack's limits
// need, posted in order, its buttons under the last, each marked with its post's mark (see
// post-marker.ts); chat.update shows a decided review card in them. A picture uploaded just now
// that Slack has not finished is shown after a short wait, or left out with a note, as one whose
// upload Slack refused is (picture.ts); the post's result says which.
// Failures become DeliveryErrors the scheduler knows how to treat, a post's and an edit's alike.
import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Interactions } from '../../core/interaction/interactions.js';
import type { Logger } from '../../core/logger.js';
import type { DrawnView, PictureOutcome } from '../../core/charts/picture.js';
import { DeliveryError, oneOffPostMark, postedButtons, postInOrder, replaceInPlace, type AccessNeeds, type PostResult, type PostMark, type Poster } from '../../core/poster.js';
import type { View } from '../../core/view.js';
import { refusalText, slackAccessHelp } from './access-help.js';
import { boltLogger } from './bolt-logger.js';
import { knownPrefix } from './command-prefix.js';
import { channelFailure, directFailure } from './app-refusals.js';
import { broadcast, type SlackMessage } from './paging.js';
import { findMarkedMessage, postMarker, type MarkedMessage } from './post-marker.js';
import { NOT_TAKEN_IN_MESSAGE, postedPictureBlock, SlackPictures, type UploadedPicture } from './picture.js';

/** How long a Web API call waits for Slack's answer (the client waits forever by default). */
export const SLACK_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Slack's own trouble or its rate limit: worth another try later. Every other platform error
 * (channel_not_found, not_in_channel, is_archived, invalid_auth, invalid_blocks…) needs a person:
 * app-refusals.ts tells which (the operator, or the channel's admins or the one messaged).
 */
const RETRYABLE = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function deliveryErrorFrom(error: unknown): DeliveryError {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; message?: string };
  switch (e.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return new DeliveryError(RETRYABLE.has(code) ? 'retryable' : 'permanent', refusalText(code));
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

/**
 * A failure in a channel (chat.postMessage or chat.update) as the scheduler reads it, marked as
 * Sitrep's own to end when Slack refused the app rather than the channel (app-refusals.ts).
 */
export function channelDeliveryError(error: unknown): DeliveryError {
  return channelFailure(error, deliveryErrorFrom(error));
}

/**
 * What became of the picture in a first message an earlier attempt posted, by what the message
 * shows: the picture, or none, and why as its marker says. A message marked before markers said
 * why is taken to have met the reason this attempt's drawing met; when it drew the picture, Slack
 * did not take it.
 */
function earlierPicture(earlier: MarkedMessage, pictured: UploadedPicture): PictureOutcome | undefined {
  if (!pictured.view.image) return undefined;
  return earlier.showsPicture ? 'posted' : (earlier.leftOut ?? pictured.leftOut ?? NOT_TAKEN_IN_MESSAGE);
}

export interface SlackPosterOptions {
  timeoutMs?: number;
  /** Waits before sending again a message whose just-uploaded picture Slack had not finished. */
  uploadReadyWaitsMs?: readonly number[];
}

export class SlackPoster implements Poster {
  readonly platform = 'slack';
  accessHelp(command: string, needs?: AccessNeeds): string {
    return slackAccessHelp(command, needs);
  }

  private readonly pictures: SlackPictures;

  /** `interactions`: the adapter's own, which draws the buttons a view carries. */
  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly interactions?: Interactions,
    uploadReadyWaitsMs?: readonly number[],
  ) {
    this.pictures = new SlackPictures(logger, uploadReadyWaitsMs);
  }

  /**
   * No retries inside the client and no silent waiting on a 429: the scheduler owns retries and
   * backs off with the Retry-After this poster reports. A call unanswered for `timeoutMs` fails.
   */
  static create(config: SlackConfig, logger: Logger, interactions?: Interactions, options: SlackPosterOptions = {}): SlackPoster {
    const client = new webApi.WebClient(config.botToken, {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      timeout: options.timeoutMs ?? SLACK_REQUEST_TIMEOUT_MS,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: boltLogger(logger),
    });
    return new SlackPoster(client, logger, interactions, options.uploadReadyWaitsMs);
  }

  /** `context` is the subscriber's: the prefix their workspace gives Sitrep's commands. */
  private messages(view: View, context: string): SlackMessage[] {
    const prefix = knownPrefix(context);
    return broadcast(view, prefix, postedButtons(this.interactions, view, prefix));
  }

  post(channelId: string, view: View, alreadyPosted = 0, context = '', mark: PostMark = oneOffPostMark()): Promise<PostResult> {
    return this.postReading(channelId, view, alreadyPosted, context, mark, channelDeliveryError);
  }

  /** Posts as `post` says, a failure read by `failureFrom`. */
  private async postReading(
    channelId: string,
    view: View,
    alreadyPosted: number,
    context: string,
    mark: PostMark,
    failureFrom: (error: unknown) => DeliveryError,
  ): Promise<PostResult> {
    // The picture goes with the first message: drawn only when that one is still to post.
    const drawn: DrawnView = alreadyPosted === 0 ? await this.pictures.draw(view) : { view };
    // Only the first message of a retry can have arrived before (a failure stops the rest). It is
    // looked for before the picture is uploaded: found, it needs no second copy of the file.
    const since = mark.retryOf;
    const earlier = since && (await findMarkedMessage(this.client, this.logger, channelId, { key: mark.key, index: alreadyPosted, since }));
    const pictured: UploadedPicture = earlier ? drawn : await this.pictures.uploadDrawn(this.client, drawn);
    const messages = this.messages(pictured.view, context).map((message, index) => ({ ...message, index }));
    /** What became of the picture, once the first message is sent or found sent by an earlier attempt. */
    let picture: PictureOutcome | undefined;
    const send = async ({ index, ...message }: (typeof messages)[number]) => {
      if (earlier && index === alreadyPosted) {
        mark.onLateAnswer?.(`message ${index + 1} of ${messages.length}: the answer to an earlier attempt was lost, and the message was found in the channel (${earlier.ts}) by its marker, so it was not sent again`);
        if (index === 0) picture = earlierPicture(earlier, pictured);
        return earlier.ts;
      }
      // The first message's marker says why its picture was left out, for a retry that finds it.
      const postMessage = async ({ text, blocks }: SlackMessage, leftOut = index === 0 ? pictured.leftOut : undefined) =>
        (await this.client.chat.postMessage({ channel: channelId, text, blocks, unfurl_links: false, unfurl_media: false, metadata: postMarker(mark.key, index, leftOut) })).ts ?? '';
      if (index !== 0) return (await this.pictures.send(message, {}, postMessage)).answer;
      const sent = await this.pictures.send(message, pictured, postMessage);
      picture = pictured.leftOut ?? sent.leftOut ?? (pictured.block ? 'posted' : undefined);
      return sent.answer;
    };
    const refs = await postInOrder(messages, alreadyPosted, send, (error, _index, posted) => {
      const failure = failureFrom(error);
      this.logger.warn({ channelId, posted, of: messages.length, kind: failure.kind, reason: failure.message }, 'slack: post failed');
      return failure;
    });
    return { refs, ...(picture ? { picture } : {}) };
  }

  /**
   * Opens the person's direct message conversation with the app (conversations.open), then posts
   * there as in a channel; Slack answers the same conversation every time. A refusal of the app
   * itself (its token, its scopes) says what the operator must do (app-refusals.ts).
   */
  async direct(userId: string, view: View, alreadyPosted = 0, context = '', mark: PostMark = oneOffPostMark()): Promise<string[]> {
    const failureFrom = (error: unknown) => directFailure(error, deliveryErrorFrom(error));
    let channelId: string | undefined;
    try {
      channelId = (await this.client.conversations.open({ users: userId })).channel?.id;
    } catch (error) {
      throw failureFrom(error);
    }
    if (!channelId) throw new DeliveryError('retryable', `Slack opened no conversation with ${userId}`);
    return (await this.postReading(channelId, view, alreadyPosted, context, mark, failureFrom)).refs;
  }

  messageCount(view: View, context = ''): number {
    return this.messages(view, context).length;
  }

  async update(channelId: string, messageRefs: readonly string[], view: View, context = ''): Promise<void> {
    const first = messageRefs[0];
    const picture = view.postedPicture && first ? await postedPictureBlock(this.client, channelId, first, view.postedPicture.alt, this.logger) : undefined;
    await replaceInPlace(this.messages(view, context), messageRefs, (ts, message) =>
      this.pictures.send(message, ts === first && picture ? { block: picture } : {}, ({ text, blocks }) => this.client.chat.update({ channel: channelId, ts, text, blocks })).catch((error: unknown) => {
        throw channelDeliveryError(error);
      }),
    );
  }
}
