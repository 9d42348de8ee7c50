// The plain line a message Sitrep posts carries above its embed: what a phone's notification, a
// channel's preview and a screen reader give first. A message of embeds alone leaves them empty
// ("Sitrep: ", "sent an embed"). The line is drawn from the view, so every kind of post has one.
import { clipAtWord, prefixWithin } from '../../core/text-cut.js';
import { lineToPlainText, type Line, type View } from '../../core/view.js';
import { escapeMarkdown } from './markdown.js';

/** Discord's limit on a message's content. */
export const MESSAGE_CONTENT_LIMIT = 2000;
/**
 * Characters of the line as read: a notification shows a line or two, and the whole text is in
 * the embed under it. Escaped, it stays far within Discord's limit.
 */
export const CONTENT_LINE_MAX = 300;

const WEB_SCHEME = /\b(https?):\/\//gi;
const HELD_SCHEME = /\b(https?)\u200b:\/\//gi;

/**
 * Text shown as typed: markup and mentions made inert, and an address left unlinked, so Discord
 * adds no preview of it under the message's own embed.
 */
function inertText(text: string): string {
  return escapeMarkdown(text.replace(WEB_SCHEME, '$1\u200b://')).replace(HELD_SCHEME, '$1\\://');
}

/** The line that says what the view holds: a digest's counts (its header's), else the first under the title. */
function leadLine(view: View): Line | undefined {
  return view.intro?.[view.headerCounts?.line ?? 0];
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * `Sitrep digest — syria-israel: 3 new entries` for the first (or only) message of a view; a
 * later part is named as such. Undefined for a view with nothing to say (Discord refuses empty content).
 */
export function contentLine(view: View, part = 0, partCount = 1): string | undefined {
  const title = oneLine(view.title);
  const lead = leadLine(view);
  const said = part > 0 ? `${title} (part ${part + 1} of ${partCount})`.trim() : [title, lead ? oneLine(lineToPlainText(lead)) : ''].filter(Boolean).join(': ');
  if (said === '') return undefined;
  return prefixWithin(inertText(clipAtWord(said, CONTENT_LINE_MAX)), MESSAGE_CONTENT_LIMIT);
}
