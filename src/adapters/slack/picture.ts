// A view's picture on Slack: drawn, uploaded as a file (files.getUploadURLExternal, the bytes
// POSTed to the URL it returns, files.completeUploadExternal) without sharing it anywhere, and
// shown in the message by an image block naming the file, its alt text the picture's. A picture
// not drawn, or that Slack does not take (the upload, or the message showing it), is left out and
// said in its place in the core's words; the sender hears which (leftOut).
import { setTimeout as wait } from 'node:timers/promises';
import { ErrorCode, webApi } from '@slack/bolt';
import { drawPicture, pictureLeftOutText, withoutPicture, type DrawnView, type PictureLeftOut } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';
import { clipAtWord } from '../../core/text-cut.js';
import type { View, ViewImage } from '../../core/view.js';
import { MAX_CONTEXT_TEXT, RESPONSE_URL_LIFETIME_MS } from './limits.js';
import { pictureSlot, type SlackMessage } from './paging.js';
import { contextBlock, type Block } from './render-view.js';

/** Slack's limit on an image block's alt text. */
const ALT_TEXT_LIMIT = 2000;

/**
 * Waits before sending again a message Slack refused because a file uploaded just now was not
 * ready: Slack finishes an upload after answering files.completeUploadExternal.
 */
export const UPLOAD_READY_WAITS_MS: readonly number[] = [1000, 2000];

/** Pictures uploaded lately that a page turn may show again: enough for a busy half hour. */
const MAX_KNOWN_PICTURES = 1000;

/** Slack refused every message showing the uploaded picture: it went without. */
export const NOT_TAKEN_IN_MESSAGE: PictureLeftOut = { cause: 'refused', reason: 'Slack did not accept it in this message (see Sitrep’s log)' };

export const PICTURE_NOT_SHOWN_TEXT = pictureLeftOutText(NOT_TAKEN_IN_MESSAGE);

export interface UploadedPicture {
  /**
   * The view to render. It keeps its image even when the picture cannot be shown, so its parts
   * are cut with room for it, as on every other attempt.
   */
  view: View;
  /** The image block showing the uploaded file, when the picture could be drawn and uploaded. */
  block?: Block;
  /** Uploaded just now: Slack may not have finished it yet. */
  fresh?: boolean;
  /** Why the picture is left out (not drawn, or its upload refused): the view says so in its place. */
  leftOut?: PictureLeftOut;
}

/** A message sent by SlackPictures.send: Slack's answer, and why the picture went without, if it did. */
export interface SentMessage<T> {
  answer: T;
  leftOut?: PictureLeftOut;
}

async function upload(client: webApi.WebClient, png: Uint8Array, filename: string, alt: string, title: string): Promise<string> {
  const target = await client.files.getUploadURLExternal({ filename, length: png.length, alt_text: alt });
  if (!target.upload_url || !target.file_id) throw new Error('Slack gave no upload address');
  const sent = await fetch(target.upload_url, { method: 'POST', body: png, headers: { 'content-type': 'image/png' } });
  if (!sent.ok) throw new Error(`Slack refused the upload (HTTP ${sent.status})`);
  await client.files.completeUploadExternal({ files: [{ id: target.file_id, title }] });
  return target.file_id;
}

const imageBlock = (id: string, alt: string): Block => ({ type: 'image', slack_file: { id }, alt_text: alt });

/** Why an upload failed, in Slack's terms: its error (`file_upload_disabled`, `not_allowed_token_type`…) or what went wrong on the way. */
export function uploadRefusal(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === webApi.ErrorCode.PlatformError) return `Slack refused the upload (${e.data?.error ?? 'unknown_error'})`;
  if (e.code === webApi.ErrorCode.RateLimitedError) return 'Slack refused the upload (ratelimited)';
  if (e.code === webApi.ErrorCode.HTTPError || e.code === webApi.ErrorCode.RequestError) return `the upload did not reach Slack (${e.message ?? String(error)})`;
  return e.message ?? String(error);
}

/**
 * The view saying in its place why its picture is left out. It keeps its image, so its parts are
 * cut with room for it, as on every other attempt.
 */
const leftOutKeepingRoom = (view: View, image: ViewImage, leftOut: PictureLeftOut) => ({ view: { ...withoutPicture(view, leftOut), image }, leftOut });

/** The view's picture drawn, not yet uploaded; the view keeps its image even when it could not be drawn. */
async function drawForSlack(view: View, logger: Logger): Promise<DrawnView> {
  const image = view.image;
  if (!image) return { view };
  const drawn = await drawPicture(view, logger);
  if (drawn.png) return { view, png: drawn.png };
  return drawn.leftOut ? leftOutKeepingRoom(view, image, drawn.leftOut) : { view };
}

async function uploadDrawn(client: webApi.WebClient, drawn: DrawnView, logger: Logger): Promise<UploadedPicture & { fileId?: string }> {
  const { view, png } = drawn;
  const image = view.image;
  if (!image || !png) return { view, ...(drawn.leftOut ? { leftOut: drawn.leftOut } : {}) };
  const alt = clipAtWord(image.alt, ALT_TEXT_LIMIT);
  try {
    const fileId = await upload(client, png, image.filename, alt, view.title);
    return { view, block: imageBlock(fileId, alt), fresh: true, fileId };
  } catch (error) {
    logger.error({ err: error, title: view.title }, 'slack: a picture could not be uploaded; the message goes without it');
    return leftOutKeepingRoom(view, image, { cause: 'refused', reason: uploadRefusal(error) });
  }
}

/** Slack refused the message's blocks: through the Web API, or (its reason unread) a response_url. */
function blocksRefused(error: unknown): boolean {
  const { code, data } = error as { code?: string; data?: { error?: string } };
  if (code === webApi.ErrorCode.PlatformError) return data?.error === 'invalid_blocks';
  return code === ErrorCode.RespondError;
}

/**
 * Pictures on Slack for one client: uploads, what a page turn shows again, and sending a message
 * with its picture.
 */
export class SlackPictures {
  /** File ids by what they show: the file name and the alt text, which states the figures. */
  private readonly known = new Map<string, { id: string; until: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly waitsMs: readonly number[] = UPLOAD_READY_WAITS_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The view's picture drawn, to upload once it is known to be needed (uploadDrawn). */
  draw(view: View): Promise<DrawnView> {
    return drawForSlack(view, this.logger);
  }

  /** A picture drawn, uploaded. */
  async uploadDrawn(client: webApi.WebClient, drawn: DrawnView): Promise<UploadedPicture> {
    const { fileId, ...uploaded } = await uploadDrawn(client, drawn, this.logger);
    if (drawn.view.image && fileId) this.remember(drawn.view.image, fileId);
    return uploaded;
  }

  /** The view's picture, drawn and uploaded anew. */
  async upload(client: webApi.WebClient, view: View): Promise<UploadedPicture> {
    return this.uploadDrawn(client, await this.draw(view));
  }

  /**
   * The view's picture as a page turn shows it: the file uploaded lately with the same name and
   * alt text when there is one, otherwise uploaded anew (after a restart, or another picture).
   */
  async shown(client: webApi.WebClient, view: View): Promise<UploadedPicture> {
    const image = view.image;
    if (!image) return { view };
    const alt = clipAtWord(image.alt, ALT_TEXT_LIMIT);
    const known = this.known.get(keyOf(image));
    if (known && known.until > this.now()) return { view, block: imageBlock(known.id, alt) };
    return this.upload(client, view);
  }

  /**
   * Sends `message` with the picture where its view has it (withPictureBlock). A file uploaded
   * just now may not be ready: the message is sent again after each wait; should Slack still
   * refuse it, it goes without the picture, saying so where the picture would be, rather than not
   * at all, and `leftOut` says why.
   */
  async send<T>(message: SlackMessage, picture: Pick<UploadedPicture, 'block' | 'fresh'>, send: (message: SlackMessage, leftOut?: PictureLeftOut) => Promise<T>): Promise<SentMessage<T>> {
    if (!picture.block) return { answer: await send(message) };
    const waits = picture.fresh ? this.waitsMs : [];
    for (let attempt = 0; ; attempt += 1) {
      try {
        return { answer: await send(withPictureBlock(message, picture.block)) };
      } catch (error) {
        if (!blocksRefused(error)) throw error;
        if (attempt >= waits.length) {
          this.logger.warn({ err: error, attempts: attempt + 1 }, 'slack: a message with a picture was refused; sending it without the picture');
          break;
        }
        await wait(waits[attempt]);
      }
    }
    // A reply's text leaves describing the picture to its alt text: without the picture, the alt text is said in its place.
    const alt = picture.block.type === 'image' ? `\n${picture.block.alt_text}` : '';
    const answer = await send(withPictureBlock(message, contextBlock(clipAtWord(`${PICTURE_NOT_SHOWN_TEXT}${alt}`, MAX_CONTEXT_TEXT))), NOT_TAKEN_IN_MESSAGE);
    return { answer, leftOut: NOT_TAKEN_IN_MESSAGE };
  }

  private remember(image: Pick<ViewImage, 'filename' | 'alt'>, id: string): void {
    const key = keyOf(image);
    this.known.delete(key);
    // Insertion order is expiry order, so the oldest go first beyond the cap.
    for (const [old] of this.known) {
      if (this.known.size < MAX_KNOWN_PICTURES) break;
      this.known.delete(old);
    }
    this.known.set(key, { id, until: this.now() + RESPONSE_URL_LIFETIME_MS });
  }
}

const keyOf = (image: Pick<ViewImage, 'filename' | 'alt'>) => `${image.filename}\n${image.alt}`;

/**
 * The image block of a posted message (by its ts), read back for an edit that keeps the picture:
 * chat.update replaces every block. Unreadable (a missing scope, Slack's trouble): none, and the
 * edit goes ahead without the picture rather than not at all.
 */
export async function postedPictureBlock(client: webApi.WebClient, channelId: string, ts: string, alt: string, logger: Logger): Promise<Block | undefined> {
  try {
    const answer = await client.conversations.history({ channel: channelId, latest: ts, inclusive: true, limit: 1 });
    const shown = answer.messages?.find((m) => m.ts === ts)?.blocks?.find((block) => block.type === 'image');
    // Slack answers with fields it does not take back (sizes, fallback): the block is written anew.
    const alt_text = clipAtWord(alt, ALT_TEXT_LIMIT);
    if (shown?.slack_file?.id) return { type: 'image', slack_file: { id: shown.slack_file.id }, alt_text };
    if (shown?.image_url) return { type: 'image', image_url: shown.image_url, alt_text };
    return undefined;
  } catch (error) {
    logger.warn({ err: error, channelId, ts }, 'slack: could not read the picture of a message to edit; editing it without');
    return undefined;
  }
}

/**
 * The message with the picture where its view has it: under the title and intro, above the
 * sections (a digest's card before its entries), so a reader meets them in the view's order, as
 * on the console. A message not rendered from a view's part has it under its text, above its
 * notes and buttons.
 */
export function withPictureBlock(message: SlackMessage, block: Block | undefined): SlackMessage {
  if (!block) return message;
  const trailing = message.blocks.findIndex((b) => b.type === 'context' || b.type === 'actions');
  const at = pictureSlot(message.blocks) ?? (trailing < 0 ? message.blocks.length : trailing);
  return { ...message, blocks: [...message.blocks.slice(0, at), block, ...message.blocks.slice(at)] };
}
