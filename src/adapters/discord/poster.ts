// Posts digests and review cards to channels: one message per page of the rendered view, in
// order, the view's buttons under the last, each with the nonce of its mark (message-nonce.ts);
// edits a card's messages once it is decided. Failures become DeliveryErrors the scheduler
// understands: permanent (no access, channel gone) or retryable (rate limited, Discord having
// trouble, no answer in time, network); a refusal of the bot's token, in a post or an edit, is
// marked as the operator's to end. A picture Discord refuses (an attachment too large for the
// channel) is left out and the message posted without it, as one that cannot be drawn is.
import { DiscordAPIError, HTTPError, RateLimitError, Routes, type APIDMChannel, type APIMessage, type REST } from 'discord.js';
import { withoutPicture, type PictureLeftOut } from '../../core/charts/picture.js';
import type { Interactions } from '../../core/interaction/interactions.js';
import { DeliveryError, oneOffPostMark, postedButtons, postInOrder, replaceInPlace, type AccessNeeds, type PostResult, type PostMark, type Poster } from '../../core/poster.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { View } from '../../core/view.js';
import { discordAccessHelp, DiscordRefusal, refusalText, type ChannelLookup } from './access-help.js';
import { channelFailure, directFailure, droppedToken } from './bot-refusals.js';
import { contentLine } from './content-line.js';
import { messageNonce, UnansweredTries } from './message-nonce.js';
import { drawForDiscord, embedsShowing, restFiles, type Picture } from './picture.js';
import { renderViewPages } from './render-view.js';
import { buttonRows } from './view-message.js';

/**
 * A request Discord did not take: what it was in the words of the reason people read (`the
 * message`), and which one, where, for the log alone (a reason is shown in /digest list).
 */
export interface FailedRequest {
  what: 'message' | 'direct message' | 'edit';
  where: string;
}

/** The DeliveryError for a failed request, its detail logged. */
export function deliveryErrorFrom(error: unknown, request: FailedRequest, logger: Logger = silentLogger): DeliveryError {
  const failure = failureOf(error, request.what);
  const answer = error instanceof DiscordAPIError || error instanceof HTTPError ? { status: error.status } : {};
  logger.warn({ request: request.where, ...answer, kind: failure.kind, error: failure.message }, 'Discord did not take a request');
  return failure;
}

function failureOf(error: unknown, what: FailedRequest['what']): DeliveryError {
  if (error instanceof RateLimitError) {
    return new DeliveryError('retryable', `Discord rate limited the ${what} for ${error.retryAfter} ms`, error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    // 403 no access, 404 channel gone, other 4xx a request that will never pass: a person must act
    // (for a direct message, bot-refusals.ts tells which: the operator, or the one messaged).
    const kind = error.status === 429 || error.status >= 500 ? 'retryable' : 'permanent';
    return new DiscordRefusal(kind, refusalText(what, error.code, error.message), error.status, error.code);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError('retryable', `Discord answered ${error.status} ${error.message}`);
  }
  const tokenRefused = droppedToken(error, what);
  if (tokenRefused) return tokenRefused;
  if (error instanceof Error && error.name === 'AbortError') {
    return new DeliveryError('retryable', `Discord answered none of discord.js's tries in time`);
  }
  return new DeliveryError('retryable', `the ${what} did not reach Discord: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Discord refused a message for its attachment (HTTP 413, 40005: larger than the channel takes):
 * why, in Discord's words. Any other refusal (a missing permission, Attach Files among them)
 * refuses the post, as the access help asks for what it needs.
 */
export function attachmentRefusal(error: unknown): PictureLeftOut | undefined {
  const status = error instanceof DiscordAPIError || error instanceof HTTPError ? error.status : undefined;
  const code = error instanceof DiscordAPIError ? error.code : undefined;
  if (status !== 413 && code !== 40005) return undefined;
  return { cause: 'refused', reason: refusalText('attachment', code ?? status ?? 413, (error as Error).message) };
}

export class DiscordPoster implements Poster {
  readonly platform = 'discord';
  accessHelp(command: string, needs?: AccessNeeds): string {
    return discordAccessHelp(command, needs, this.channels);
  }

  private readonly unanswered: UnansweredTries;
  /** Each person's direct message channel, by user id: Discord answers the same one every time. */
  private readonly dmChannels = new Map<string, string>();

  /**
   * `interactions`: the adapter's own, which draws the buttons a view carries; `channels`: what
   * the client knows of a channel (a thread?), for the help after a refusal.
   */
  constructor(
    private readonly rest: REST,
    private readonly interactions?: Interactions,
    private readonly logger: Logger = silentLogger,
    private readonly channels?: ChannelLookup,
  ) {
    this.unanswered = new UnansweredTries(rest);
  }

  /**
   * A message per page of the view, each with its content line (content-line.ts), its buttons
   * under the last, its picture (if any) in the first, before the entries (picture.ts); for an
   * edit, no buttons is said too, and the line is said again, so it tells what the message shows now.
   */
  private bodies(view: View, edit: boolean, picture?: Picture) {
    const pages = renderViewPages(view);
    const rows = buttonRows(postedButtons(this.interactions, view));
    return pages.map((page, index) => {
      const components = index === pages.length - 1 ? rows : [];
      // An edit says no attachments, so the message keeps the picture it was posted with.
      const shown = picture ?? (edit && view.postedPicture ? { name: view.postedPicture.filename } : undefined);
      const embeds = shown && index === 0 ? embedsShowing(page, shown) : [page];
      const files = picture && index === 0 ? restFiles(picture) : undefined;
      // An edit of a view with nothing to say empties a line the message may still carry.
      const content = contentLine(view, index, pages.length) ?? (edit ? '' : undefined);
      const body = {
        ...(content !== undefined ? { content } : {}),
        embeds,
        ...(components.length > 0 || edit ? { components } : {}),
        allowed_mentions: { parse: [] },
        ...(files ? { attachments: files.attachments } : {}),
      };
      return { body, ...(files ? { files: files.files } : {}) };
    });
  }

  async post(channelId: string, view: View, alreadyPosted = 0, _context = '', mark: PostMark = oneOffPostMark()): Promise<PostResult> {
    // The picture goes with the first message: drawn only when that one is still to post.
    if (alreadyPosted > 0) return { refs: await this.postPages(channelId, { ...view, image: undefined }, undefined, alreadyPosted, mark) };
    const drawn = await drawForDiscord({ view }, this.logger);
    if (!drawn.picture) return { refs: await this.postPages(channelId, drawn.view, undefined, 0, mark), ...(drawn.leftOut ? { picture: drawn.leftOut } : {}) };
    let refused: PictureLeftOut | undefined;
    try {
      return { refs: await this.postPages(channelId, drawn.view, drawn.picture, 0, mark, (error) => (refused = attachmentRefusal(error))), picture: 'posted' };
    } catch (error) {
      // Only the first message carries the picture: refused, nothing was posted, and the view goes again without it.
      if (!refused) throw error;
      this.logger.error({ channelId, reason: refused.reason }, 'discord: a picture was refused; posting the message without it');
      return { refs: await this.postPages(channelId, withoutPicture(view, refused), undefined, 0, mark), picture: refused };
    }
  }

  /**
   * Posts the view's pages from the first not `alreadyPosted`, `picture` with the first;
   * `firstRefused` hears why the first message was refused, before it becomes a DeliveryError.
   */
  private async postPages(channelId: string, view: View, picture: Picture | undefined, alreadyPosted: number, mark: PostMark, firstRefused?: (error: unknown) => void): Promise<string[]> {
    const bodies = this.bodies(view, false, picture).map((request, index) => ({
      ...request,
      body: { ...request.body, nonce: messageNonce(mark.key, index), enforce_nonce: true },
    }));
    const send = async (request: (typeof bodies)[number]) => {
      this.unanswered.watch(request.body);
      let message: APIMessage;
      try {
        message = (await this.rest.post(Routes.channelMessages(channelId), request)) as APIMessage;
      } catch (error) {
        this.unanswered.settle(request.body);
        throw error;
      }
      const unanswered = this.unanswered.settle(request.body);
      if (unanswered > 0) mark.onLateAnswer?.(this.lateNote(bodies.indexOf(request), bodies.length, unanswered, message));
      return message.id;
    };
    return postInOrder(bodies, alreadyPosted, send, (error, index, ids) => {
      if (index === 0) firstRefused?.(error);
      const where = `posting message ${index + 1} of ${bodies.length} to channel ${channelId}`;
      // A refusal of the bot's token says what the operator must do (bot-refusals.ts).
      return channelFailure(deliveryErrorFrom(error, { what: 'message', where: ids.length > 0 ? `${where} (after ${ids.join(', ')})` : where }, this.logger));
    });
  }

  /** A message Discord created and answered only after discord.js had sent it again. */
  private lateNote(index: number, count: number, unanswered: number, message: APIMessage): string {
    const waited = `${unanswered === 1 ? 'its first try' : `${unanswered} tries`} got no answer within ${this.rest.options.timeout / 1000} s`;
    return `message ${index + 1} of ${count}: ${waited}; discord.js sent it again with the same nonce (${message.nonce ?? 'none returned'}), and Discord answered with message ${message.id}, posted once`;
  }

  /**
   * Opens the person's direct message channel (POST /users/@me/channels), then posts there as in a
   * channel. A refusal of the bot itself (its token, its access) says what the operator must do
   * (bot-refusals.ts).
   */
  async direct(userId: string, view: View, alreadyPosted = 0, context = '', mark?: PostMark): Promise<string[]> {
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      try {
        channelId = ((await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel).id;
      } catch (error) {
        throw directFailure(deliveryErrorFrom(error, { what: 'direct message', where: `opening a direct message with user ${userId}` }, this.logger));
      }
      this.dmChannels.set(userId, channelId);
    }
    try {
      return (await this.post(channelId, view, alreadyPosted, context, mark)).refs;
    } catch (error) {
      throw error instanceof DeliveryError ? directFailure(error) : error;
    }
  }

  messageCount(view: View): number {
    return renderViewPages(view).length;
  }

  async update(channelId: string, messageRefs: readonly string[], view: View): Promise<void> {
    let bodies = this.bodies(view, true);
    // One part replacing several messages goes to the last one, which has no picture to show.
    if (bodies.length === 1 && messageRefs.length > 1) bodies = this.bodies({ ...view, postedPicture: undefined }, true);
    await replaceInPlace(bodies, messageRefs, (messageId, request) =>
      this.rest.patch(Routes.channelMessage(channelId, messageId), request).catch((error: unknown) => {
        // Read as a post's refusal is: a 401 refuses the bot itself, for the operator to end (bot-refusals.ts).
        throw channelFailure(deliveryErrorFrom(error, { what: 'edit', where: `editing message ${messageId} in channel ${channelId}` }, this.logger));
      }),
    );
  }
}
