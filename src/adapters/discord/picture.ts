// A view's picture on Discord: drawn before the answer goes out, sent as the message's PNG
// attachment (its description is the alt text) and shown as an embed's image, before the view's
// facts and sections.
import type { APIEmbed } from 'discord.js';
import { drawPicture, type PictureLeftOut } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';
import { clipAtWord } from '../../core/text-cut.js';
import type { View } from '../../core/view.js';

/** Discord's limit on an attachment's description (its alt text). */
const ALT_TEXT_LIMIT = 1024;

export interface Picture {
  png: Uint8Array;
  name: string;
  alt: string;
}

/** The view with its picture drawn (or, when it cannot be, left out with a note in the view, and why). */
export async function drawForDiscord<T extends { view: View }>(shown: T, logger: Logger): Promise<T & { picture?: Picture; leftOut?: PictureLeftOut }> {
  const image = shown.view.image;
  if (!image) return shown;
  const drawn = await drawPicture(shown.view, logger);
  if (!drawn.png) return { ...shown, view: drawn.view, ...(drawn.leftOut ? { leftOut: drawn.leftOut } : {}) };
  return { ...shown, picture: { png: drawn.png, name: image.filename, alt: clipAtWord(image.alt, ALT_TEXT_LIMIT) } };
}

/**
 * The first part's embeds, showing the message's attachment named `picture.name` (sent with it, or
 * kept from the post an edit changes) where a reader meets it in the view's order, as on Slack and
 * the console: under the title and intro, above the facts and sections (a digest's card before its
 * entries). Discord draws an embed's image below its fields, so the fields and the footer follow
 * in an embed of their own; the text is the same, within the same limits.
 */
export function embedsShowing(page: APIEmbed, picture: Pick<Picture, 'name'>): APIEmbed[] {
  const { fields, footer, ...head } = page;
  const shown: APIEmbed = { ...head, image: { url: `attachment://${picture.name}` } };
  // A part with no fields (a chart reply: its title, its notes, the picture) stays one embed.
  if (!fields || fields.length === 0) return [{ ...shown, ...(footer ? { footer } : {}) }];
  return [shown, { ...(page.color !== undefined ? { color: page.color } : {}), fields, ...(footer ? { footer } : {}) }];
}

/** As discord.js takes files on a reply or an edit. */
export function replyFiles(picture: Picture) {
  return [{ attachment: Buffer.from(picture.png), name: picture.name, description: picture.alt }];
}

/** As Discord's REST takes them on a channel message: the file, and its description in the payload. */
export function restFiles(picture: Picture) {
  return {
    files: [{ name: picture.name, data: Buffer.from(picture.png), contentType: 'image/png' }],
    attachments: [{ id: '0', filename: picture.name, description: picture.alt }],
  };
}
