// The poster port: how a digest or a review card reaches a channel on any platform, and how a
// card posted earlier is replaced once decided. Each adapter implements it.
import { randomBytes } from 'node:crypto';
import type { PlatformName } from './caller.js';
import type { PictureOutcome } from './charts/picture.js';
import type { DrawnButton, Interactions } from './interaction/interactions.js';
import type { View } from './view.js';

/** Why a post failed: permanent failures pause a subscription, retryable ones back off. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'permanent' | 'retryable',
    message: string,
    /** A hint from the platform (e.g. Retry-After), in milliseconds. */
    readonly retryAfterMs?: number,
    /** References of the messages this call did post before the failure. */
    readonly delivered: readonly string[] = [],
    /**
     * Set when the platform refused Sitrep itself (its token, its scopes), not the recipient: every
     * recipient is refused alike until whoever runs Sitrep does this, so no one's watches are paused.
     */
    readonly operatorFix?: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  /** The same failure, saying which messages did arrive before it. */
  after(delivered: readonly string[]): DeliveryError {
    return delivered.length === 0 ? this : new DeliveryError(this.kind, this.message, this.retryAfterMs, delivered, this.operatorFix);
  }

  /** The same failure, Sitrep's own to end: `fix` says how, for the operator's log. */
  forOperator(fix: string): DeliveryError {
    return new DeliveryError(this.kind, this.message, this.retryAfterMs, this.delivered, fix);
  }
}

/**
 * Names one post across its attempts. The platform marks each message it sends with the key and
 * the message's index (Discord: an enforced nonce; Slack: message metadata), so a message whose
 * answer was lost (a timeout, a connection reset after the request went out) is found again on
 * the next attempt instead of being sent twice.
 */
export interface PostMark {
  /** The same on every attempt at this post, different for any other: short, of [0-9a-z-]. */
  key: string;
  /**
   * Set on an attempt after a failed one: when the first attempt began. The first message this
   * attempt would send may have arrived last time; a platform that cannot refuse a repeated mark
   * looks for it in the channel from then on before sending it.
   */
  retryOf?: Date;
  /** Hears of a message whose answer came late or was found after it was lost, in a sentence. */
  onLateAnswer?: (note: string) => void;
}

/** A mark for a post nobody will try again: unique, so that only the platform client's own resends share it. */
export const oneOffPostMark = (): PostMark => ({ key: `o${randomBytes(6).toString('hex')}` });

/** What Poster.accessHelp words its help for, besides the command to run again. */
export interface AccessNeeds {
  /** The posts carry a picture, as the admin knows it (`the picture a digest opens with`): a platform may need a right for it. */
  picture?: string;
  /** The post the platform refused for good: in which channel, and its error as the poster threw it. */
  refused?: { channelId: string; error: DeliveryError };
}

/** What a post put in the channel, as the platform took it. */
export interface PostResult {
  /** References of the messages posted, in order. */
  refs: string[];
  /**
   * What became of the view's picture, which goes with the first message: absent when the view
   * has none, or an earlier attempt sent that message (`alreadyPosted`). For one this call found
   * sent by an earlier attempt whose answer was lost, what that message shows.
   */
  picture?: PictureOutcome;
}

export interface Poster {
  readonly platform: PlatformName;
  /**
   * What an admin does so Sitrep may post in a channel of this platform, and then runs `command`
   * (e.g. `/digest subscribe`) again: the reply to a command whose confirmation post was refused
   * for good. `needs` lets a platform word it for what is posted and for the refusal at hand (a
   * Discord thread needs other permissions than a channel).
   */
  accessHelp(command: string, needs?: AccessNeeds): string;
  /**
   * Posts the view to a channel, split into as many messages as the platform's limits need,
   * in order, leaving out the first `alreadyPosted` of them (an earlier attempt posted those;
   * the same view always splits the same way). `context` is the subscriber's Caller.context, for
   * the platform to answer as it answered them; `mark` names the post across its attempts (a
   * post without one gets a mark of its own). A picture the platform does not take is left out,
   * said in its place as one that cannot be drawn is (withoutPicture), rather than failing the
   * post. Returns the references of the messages it posted and what became of the picture;
   * throws DeliveryError, whose `delivered` lists those it posted before failing.
   */
  post(channelId: string, view: View, alreadyPosted?: number, context?: string, mark?: PostMark): Promise<PostResult>;
  /**
   * Shows `view` in the messages `post` returned for an earlier view in this channel (see
   * partsOntoMessages), e.g. a review card once decided; never posts a new message. Throws
   * DeliveryError. A platform that cannot edit its messages leaves this out.
   */
  update?(channelId: string, messageRefs: readonly string[], view: View, context?: string): Promise<void>;
  /**
   * How many messages `post` shows the view in, as `update` would split it too, without sending
   * anything: an edit that must not outgrow the messages it replaces (a digest's, corrected) is
   * checked against them first. A platform that shows any view in one message leaves this out.
   */
  messageCount?(view: View, context?: string): number;
  /**
   * Posts the view in a person's direct messages (a watch's message) as `post` does in a
   * channel, opening the conversation with them first. Throws DeliveryError, permanent when they
   * cannot receive direct messages from Sitrep, with `operatorFix` when the platform refused
   * Sitrep itself (its token, its scopes) rather than them. A platform without them leaves this out.
   */
  direct?(userId: string, view: View, alreadyPosted?: number, context?: string, mark?: PostMark): Promise<string[]>;
}

/**
 * The buttons a posted view carries under its last message: its own, drawn by the platform's
 * interactions for no one in particular, and no Previous/Next, since every part is posted.
 */
export function postedButtons(interactions: Interactions | undefined, view: View, context = ''): DrawnButton[] {
  if (!interactions || !view.buttons?.length) return [];
  const { pager: _pager, ...own } = view;
  return interactions.buttons({ view: own, part: 0, partCount: 1 }, '', context);
}

/**
 * Sends a view's messages in order, from the first not `alreadyPosted`, and returns the references
 * `send` gives; a failure (as `failure` words it) says which of them went out before it.
 */
export async function postInOrder<M>(
  messages: readonly M[],
  alreadyPosted: number,
  send: (message: M) => Promise<string>,
  failure: (error: unknown, index: number, posted: readonly string[]) => DeliveryError,
): Promise<string[]> {
  const posted: string[] = [];
  for (let index = alreadyPosted; index < messages.length; index += 1) {
    try {
      posted.push(await send(messages[index]!));
    } catch (error) {
      throw failure(error, index, posted).after(posted);
    }
  }
  return posted;
}

/**
 * Which part of a view each posted message shows when the view replaces them: part i in message
 * i, and the last part in the last message, the one that carried the buttons. Parts beyond the
 * messages are left out before the last; messages beyond the parts keep what they showed. (An
 * edit for a correction is drawn to fit its messages first, so it leaves nothing out: see
 * digest/post-edits-fit.ts.)
 */
export function partsOntoMessages(partCount: number, messageCount: number): { message: number; part: number }[] {
  if (partCount === 0 || messageCount === 0) return [];
  const leading = Array.from({ length: Math.min(partCount, messageCount) - 1 }, (_, i) => ({ message: i, part: i }));
  return [...leading, { message: messageCount - 1, part: partCount - 1 }];
}

/** Edits each posted message (by its reference) to show its part of the replacing view's `parts`. */
export async function replaceInPlace<M>(parts: readonly M[], messageRefs: readonly string[], edit: (ref: string, part: M) => Promise<unknown>): Promise<void> {
  for (const { message, part } of partsOntoMessages(parts.length, messageRefs.length)) await edit(messageRefs[message]!, parts[part]!);
}
