// A picture's alt text within what every platform takes: Discord's attachment description, the
// smallest limit (Slack's alt_text takes 2,000), cuts what is longer, so the core keeps it within.
import { clipAtWord } from '../text-cut.js';

/** Discord's limit on an attachment's description, in UTF-16 units. */
export const ALT_TEXT_MAX = 1024;

/**
 * `description` cut at a word where it must be, then `closing` whole: what the picture leaves out
 * is never the part cut off.
 */
export function altText(description: string, closing?: string): string {
  if (!closing) return clipAtWord(description, ALT_TEXT_MAX);
  const room = ALT_TEXT_MAX - closing.length - 1;
  // A closing sentence longer than the room itself (never one of Sitrep's) is cut like the rest.
  if (room < ALT_TEXT_MAX / 2) return clipAtWord(`${description} ${closing}`, ALT_TEXT_MAX);
  return `${clipAtWord(description, room)} ${closing}`;
}
