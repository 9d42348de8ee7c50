// The pieces an embed is built from: description chunks and fields, each already within its
// Discord limit. Long text becomes several chunks or continuation fields, never a cut.
import { lineToPlainText, span, type Line } from '../../core/view.js';
import { EMBED_LIMITS } from './limits.js';
import { packLines as corePackLines, type LineMarkup } from '../../core/line-pieces.js';
import { escapeMarkdown, renderLine, safeHref } from './markdown.js';
import { cutIndex } from '../../core/text-cut.js';

/** Discord refuses empty field names and values; a zero-width space shows nothing. */
export const BLANK = '\u200b';

export interface FieldBlock {
  name: string;
  value: string;
  inline: boolean;
  /** Plain heading of the field this one continues, for naming it on a new page. */
  continues?: string;
}

/** The longest prefix of `text` that, once rendered and followed by `…`, fits in `max`. */
export function fitWithEllipsis(text: string, max: number, render: (t: string) => string = escapeMarkdown): string {
  if (render(text).length <= max) return render(text);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(text.slice(0, mid)).length + 1 <= max) low = mid;
    else high = mid - 1;
  }
  return `${render(text.slice(0, cutIndex(text, low)).trimEnd())}…`;
}

/** Discord's markdown, for cutting lines into field values and descriptions. */
const DISCORD_MARKUP: LineMarkup = { render: renderLine, linkTarget: safeHref };

/**
 * Lines joined into chunks of at most `max` characters, in order (see the core's packLines); an
 * empty chunk is a zero-width space, since Discord refuses empty fields.
 */
export function packLines(lines: readonly Line[], max: number): string[] {
  return corePackLines(DISCORD_MARKUP, lines, max).map((chunk) => (chunk.trim() === '' ? BLANK : chunk));
}

/** One titled group of lines as one field, or a field followed by continuation fields. */
export function fieldBlocks(heading: Line | undefined, lines: readonly Line[], inline: boolean): FieldBlock[] {
  const plainHeading = heading ? lineToPlainText(heading).trim() : '';
  let name = heading && plainHeading !== '' ? renderLine(heading) : BLANK;
  const body = [...lines];
  if (name.length > EMBED_LIMITS.fieldName) {
    // The full heading moves into the value, so the shortened name loses nothing.
    name = fitWithEllipsis(plainHeading, EMBED_LIMITS.fieldName);
    body.unshift([span.bold(plainHeading)]);
  }
  const chunks = packLines(body, EMBED_LIMITS.fieldValue);
  if (chunks.length === 0) chunks.push(BLANK);
  return chunks.map((value, i) => ({
    name: i === 0 ? name : BLANK,
    value,
    inline: inline && chunks.length === 1,
    ...(i > 0 ? { continues: plainHeading } : {}),
  }));
}

/** The name a continuation field gets when it opens a new page. */
export function continuedName(plainHeading: string): string {
  if (plainHeading === '') return BLANK;
  return fitWithEllipsis(`${plainHeading} (continued)`, EMBED_LIMITS.fieldName);
}
