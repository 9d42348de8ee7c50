// A view's picture on Slack: drawn, uploaded as a file (files.getUploadURLExternal, the bytes
// POSTed to the URL it returns, files.completeUploadExternal) without sharing it anywhere, and
// shown in the message by an image block naming the file, its alt text the picture's.
import type { webApi } from '@slack/bolt';
import { drawPicture } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';
import { clip } from '../../core/text-cut.js';
import { plainLine, type View } from '../../core/view.js';
import type { SlackMessage } from './paging.js';
import type { Block } from './render-view.js';

/** Slack's limit on an image block's alt text. */
const ALT_TEXT_LIMIT = 2000;

export interface UploadedPicture {
  view: View;
  /** The image block showing the uploaded file, when the picture could be drawn and uploaded. */
  block?: Block;
}

async function upload(client: webApi.WebClient, png: Uint8Array, filename: string, alt: string, title: string): Promise<string> {
  const target = await client.files.getUploadURLExternal({ filename, length: png.length, alt_text: alt });
  if (!target.upload_url || !target.file_id) throw new Error('Slack gave no upload address');
  const sent = await fetch(target.upload_url, { method: 'POST', body: png, headers: { 'content-type': 'image/png' } });
  if (!sent.ok) throw new Error(`Slack refused the upload (HTTP ${sent.status})`);
  await client.files.completeUploadExternal({ files: [{ id: target.file_id, title }] });
  return target.file_id;
}

export async function uploadPicture(client: webApi.WebClient, view: View, logger: Logger): Promise<UploadedPicture> {
  const image = view.image;
  if (!image) return { view };
  const drawn = await drawPicture(view, logger);
  if (!drawn.png) return { view: drawn.view };
  const alt = clip(image.alt, ALT_TEXT_LIMIT);
  try {
    const id = await upload(client, drawn.png, image.filename, alt, view.title);
    return { view, block: { type: 'image', slack_file: { id }, alt_text: alt } };
  } catch (error) {
    logger.error({ err: error, title: view.title }, 'slack: a picture could not be uploaded');
    const { image: _image, ...rest } = view;
    return { view: { ...rest, intro: [...(rest.intro ?? []), plainLine('The picture could not be uploaded to Slack (see Sitrep’s log).')] } };
  }
}

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
    const alt_text = clip(alt, ALT_TEXT_LIMIT);
    if (shown?.slack_file?.id) return { type: 'image', slack_file: { id: shown.slack_file.id }, alt_text };
    if (shown?.image_url) return { type: 'image', image_url: shown.image_url, alt_text };
    return undefined;
  } catch (error) {
    logger.warn({ err: error, channelId, ts }, 'slack: could not read the picture of a message to edit; editing it without');
    return undefined;
  }
}

/** The message with the picture under its text, above its notes and buttons. */
export function withPictureBlock(message: SlackMessage, block: Block | undefined): SlackMessage {
  if (!block) return message;
  const trailing = message.blocks.findIndex((b) => b.type === 'context' || b.type === 'actions');
  const at = trailing < 0 ? message.blocks.length : trailing;
  return { ...message, blocks: [...message.blocks.slice(0, at), block, ...message.blocks.slice(at)] };
}
