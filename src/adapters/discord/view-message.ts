// Message bodies as discord.js takes them: the part of a view on screen as an embed, under it the
// buttons the core decides on (its own and Previous/Next), and no mentions, ever.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import type { DrawnButton, Interactions } from '../../core/interaction/interactions.js';
import { partGoneNote } from '../../core/interaction/texts.js';
import { clip } from '../../core/text-cut.js';
import { plainLine, type Invocation, type View } from '../../core/view.js';
import { contentLine } from './content-line.js';
import { COMPONENT_LIMITS } from './limits.js';
import { embedsShowing, replyFiles, type Picture } from './picture.js';
import { renderViewPages } from './render-view.js';

/** Stored text must never ping anyone: no @everyone, @here, roles or users. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface MessageBody {
  /** The line a notification reads: only on a message that takes the place of one Sitrep posted (see contentLine). */
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
  /** The view's picture, attached (see picture.ts). */
  files?: ReturnType<typeof replyFiles>;
  /** None: a part after the first takes the picture off the message it replaces. */
  attachments?: [];
}

/** What a message shows: a view, the command that produced it (if known) and which part. */
export interface Shown {
  view: View;
  /** The read-only command that produced it: its buttons run it again. */
  source?: Invocation;
  /** The command that produced it and may have changed things (see Screen.written). */
  written?: Invocation;
  part?: number | 'last';
  /** The view's picture, drawn: shown in the first part, before its facts and sections (picture.ts). */
  picture?: Picture;
}

const STYLES = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, success: ButtonStyle.Success, danger: ButtonStyle.Danger } as const;

export function buttonRows(drawn: readonly DrawnButton[]): APIActionRowComponent<APIButtonComponent>[] {
  const { buttonsPerRow: perRow, rowsPerMessage } = COMPONENT_LIMITS;
  const buttons: APIButtonComponent[] = drawn.slice(0, perRow * rowsPerMessage).map((b) => ({
    type: ComponentType.Button,
    style: STYLES[b.style],
    label: clip(b.label, COMPONENT_LIMITS.buttonLabel),
    custom_id: b.carrier,
    disabled: b.disabled === true,
  }));
  const rowCount = Math.ceil(buttons.length / perRow);
  return Array.from({ length: rowCount }, (_, i) => ({ type: ComponentType.ActionRow, components: buttons.slice(i * perRow, (i + 1) * perRow) }));
}

/** The view's parts; a part asked for past the end (the answer shrank) is the last one, saying so. */
function partsOf(shown: Shown): { view: View; pages: APIEmbed[]; part: number } {
  const pages = renderViewPages(shown.view);
  const asked = shown.part ?? 0;
  if (asked === 'last' || asked < pages.length) return { view: shown.view, pages, part: asked === 'last' ? pages.length - 1 : asked };
  // Said at the very end, which is on the part shown; should it spill into one more part, it names that one.
  const noted = (count: number): View => ({ ...shown.view, sections: [...shown.view.sections, { lines: [plainLine(partGoneNote(asked + 1, count))] }] });
  let view = noted(pages.length);
  let parts = renderViewPages(view);
  if (parts.length !== pages.length) parts = renderViewPages((view = noted(parts.length)));
  return { view, pages: parts, part: parts.length - 1 };
}

/**
 * The message for a view, with the buttons `owner` may press. Components are always given, so an
 * update also takes away buttons that no longer lead anywhere.
 */
export function viewMessage(shown: Shown, owner: string, interactions: Interactions): MessageBody {
  const { view, pages, part } = partsOf(shown);
  const screen = { view, ...(shown.source ? { source: shown.source } : {}), ...(shown.written ? { written: shown.written } : {}), part, partCount: pages.length };
  const components = buttonRows(interactions.buttons(screen, owner));
  const shared = { ...replacedLine(view, part, pages.length), components, allowedMentions: NO_MENTIONS };
  if (shown.picture && part === 0) return { embeds: embedsShowing(pages[0]!, shown.picture), ...shared, files: replyFiles(shown.picture) };
  // The picture belongs to the first part: turned past it, the message keeps no loose file.
  if (view.image && part > 0) return { embeds: [pages[part]!], ...shared, attachments: [] };
  return { embeds: [pages[part]!], ...shared };
}

/**
 * An answer to a person is read where they asked, and carries no content line. One that takes
 * the place of its message (a review card once decided) may replace a post, whose line must then
 * say what the message shows now rather than what it showed.
 */
function replacedLine(view: View, part: number, partCount: number): { content?: string } {
  if (!view.replacesMessage || view.private) return {};
  return { content: contentLine(view, part, partCount) ?? '' };
}

/** A short message without buttons (the apology for an internal error). */
export function noticeMessage(view: View): MessageBody {
  return { embeds: renderViewPages(view).slice(0, 1), allowedMentions: NO_MENTIONS };
}
