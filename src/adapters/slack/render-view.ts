// The neutral view → Block Kit, split into as many parts as Slack's limits need. Nothing is cut:
// a long text becomes several section blocks, many blocks become several parts (pages).
import type { types } from '@slack/bolt';
import { spelledView, type CommandSpelling } from '../../core/command-refs.js';
import { HIGHLIGHT_MARKS, renderText } from '../../core/render-text.js';
import { visibleControls } from '../../core/text.js';
import { commandText, type Fact, type Line, type Span, type View } from '../../core/view.js';
import {
  MAX_BLOCKS_PER_MESSAGE,
  MAX_CONTEXT_TEXT,
  MAX_FIELD_TEXT,
  MAX_FIELDS_PER_SECTION,
  MAX_HEADER_TEXT,
  MAX_MESSAGE_TEXT,
  MAX_RENDERED_CHARS_PER_MESSAGE,
  MAX_SECTION_TEXT,
} from './limits.js';
import { channelMention, codeMrkdwn, escapeMrkdwn, renderLine, renderLinesChunks, unstyledLineFormatting } from './mrkdwn.js';
import { clip } from '../../core/text-cut.js';

export type Block = types.KnownBlock;

/** Blocks every part keeps free for its header and its navigation (context + buttons). */
export const RESERVED_BLOCKS = 3;
/** The block a view's picture takes: its image, or the note saying why it is not shown. */
export const PICTURE_BLOCKS = 1;

/**
 * The view has a picture a message may show (to draw, or already posted). Every part keeps room
 * for it whether or not it is shown, so the parts are cut the same on every attempt and press.
 */
export function hasPicture(view: View): boolean {
  return view.image !== undefined || view.postedPicture !== undefined;
}

/** One block of content with its twin for the message's fallback `text`. */
interface Piece {
  block: Block;
  /** Rendered characters, counted against the per-message budget. */
  size: number;
  /** The fallback's text for it (fallbackLine). */
  plain: string;
  /** Part of what opens the view (its title written out, its intro), which its picture follows. */
  lead?: true;
}

/** One message's worth of a view, before navigation is added. */
export interface RenderedPart {
  header: Block;
  content: Block[];
  /**
   * How many of `content`, from its start, open the view (its title written out, its intro): the
   * view's picture comes after them, above the sections, in the view's order (a digest opens with
   * its card; the console prints the picture there too). None in a part after the intro's.
   */
  lead: number;
  /** Fallback text (notifications, clients without blocks): mrkdwn without styles but code. */
  text: string;
}

const sectionBlock = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const contextBlock = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/**
 * A span of the fallback `text`, which Slack reads as mrkdwn too: words escaped as in the blocks
 * but without their styles, code as code (its text literal, so a command can be copied from a
 * notification), a link's address after it as the console writes it.
 */
function fallbackSpan(s: Span): { text: string; written?: string } {
  const channel = channelMention(s.channel);
  if (channel) return { text: '', written: channel };
  const text = visibleControls(s.text);
  const shown = s.href && s.href !== s.text ? `${text} <${s.href}>` : text;
  if (s.style === 'code') return { text: '', written: codeMrkdwn(shown) };
  return { text: s.style === 'highlight' ? `${HIGHLIGHT_MARKS[0]}${shown}${HIGHLIGHT_MARKS[1]}` : shown };
}

/** A line of the fallback: its markers weighed across the whole line, as renderLine weighs them in the blocks. */
function fallbackLine(line: Line): string {
  const spans = line.map(fallbackSpan);
  const formatting = unstyledLineFormatting(spans.map((s) => s.text));
  return spans.map((s, i) => s.written ?? escapeMrkdwn(s.text, formatting[i])).join('');
}

/**
 * The view with its lines written for the fallback already, each as one unstyled span, for
 * renderText to lay out as the console shows it: it adds no markup to unstyled text, and the
 * commands it writes itself (the pager's) come back from `spell` as code.
 */
function fallbackView(view: View): View {
  const line = (l: Line): Line => [{ text: fallbackLine(l) }];
  const { titleCommand: _spelledAlready, ...rest } = view;
  return {
    ...rest,
    title: escapeMrkdwn(view.title),
    ...(view.intro ? { intro: view.intro.map(line) } : {}),
    ...(view.facts ? { facts: view.facts.map((fact) => ({ label: escapeMrkdwn(fact.label), value: line(fact.value) })) } : {}),
    sections: view.sections.map((s) => ({ ...s, ...(s.heading ? { heading: line(s.heading) } : {}), lines: s.lines.map(line) })),
    ...(view.footer ? { footer: line(view.footer) } : {}),
  };
}

/** Lines as section blocks (or other blocks of mrkdwn text up to `max`), as few as they fit in. */
function linesPieces(lines: readonly Line[], max = MAX_SECTION_TEXT, block = sectionBlock): Piece[] {
  if (lines.length === 0) return [];
  const plain = lines.map(fallbackLine).join('\n');
  return renderLinesChunks(lines, max).map((text, i) => ({ block: block(text), size: text.length, plain: i === 0 ? plain : '' }));
}

function factText(fact: Fact): string {
  return `*${escapeMrkdwn(fact.label)}*\n${renderLine(fact.value)}`;
}

/** Facts as two-column fields, ten to a section; a fact too long for a field gets its own section. */
function factPieces(facts: readonly Fact[]): Piece[] {
  const pieces: Piece[] = [];
  let fields: { text: string; plain: string }[] = [];
  const flush = () => {
    if (fields.length === 0) return;
    pieces.push({
      block: { type: 'section', fields: fields.map((f) => ({ type: 'mrkdwn' as const, text: f.text })) },
      size: fields.reduce((sum, f) => sum + f.text.length, 0),
      plain: fields.map((f) => f.plain).join('\n'),
    });
    fields = [];
  };
  for (const fact of facts) {
    const text = factText(fact);
    const plain = `${escapeMrkdwn(fact.label)}: ${fallbackLine(fact.value)}`;
    if (text.length > MAX_FIELD_TEXT) {
      flush();
      pieces.push(...linesPieces([[{ text: fact.label, style: 'bold' }], fact.value]).map((p, i) => ({ ...p, plain: i === 0 ? plain : '' })));
      continue;
    }
    fields.push({ text, plain });
    if (fields.length === MAX_FIELDS_PER_SECTION) flush();
  }
  flush();
  return pieces;
}

function contentPieces(view: View): Piece[] {
  const pieces: Piece[] = [];
  // A title too long for the header is shown whole under it (measured as the header is clipped).
  if (view.title.length > MAX_HEADER_TEXT) pieces.push(...linesPieces([[{ text: view.title, style: 'bold' }]]));
  pieces.push(...linesPieces(view.intro ?? []));
  for (const piece of pieces) piece.lead = true;
  pieces.push(...factPieces(view.facts ?? []));
  for (const s of view.sections) pieces.push(...linesPieces(s.heading ? [s.heading, ...s.lines] : s.lines));
  if (view.footer) pieces.push(...linesPieces([view.footer], MAX_CONTEXT_TEXT, contextBlock));
  return pieces;
}

/** Greedy packing: a part takes pieces until `maxBlocks` or the character budget is reached. */
function packParts(pieces: readonly Piece[], maxBlocks: number): Piece[][] {
  const parts: Piece[][] = [];
  let current: Piece[] = [];
  let size = 0;
  for (const piece of pieces) {
    const full = current.length >= maxBlocks || size + piece.size > MAX_RENDERED_CHARS_PER_MESSAGE;
    if (full && current.length > 0) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(piece);
    size += piece.size;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

const leadOf = (pieces: readonly Piece[]) => pieces.filter((p) => p.lead).length;

function fallbackText(text: string): string {
  return clip(text, MAX_MESSAGE_TEXT);
}

/**
 * Renders a view as one or more messages' worth of blocks, each within Slack's limits, naming
 * commands as `spell` writes them (the workspace's spelling).
 */
export function renderView(shown: View, spell: CommandSpelling = commandText): RenderedPart[] {
  const view = spelledView(shown, spell);
  // The title is data: `emoji: false` keeps `:warning:` in it literal, as mrkdwn's escaping does.
  // A refusal's title says so in words (`Cannot do that`), as on Discord and the console: no sign before it.
  const header: Block = { type: 'header', text: { type: 'plain_text', text: clip(view.title, MAX_HEADER_TEXT), emoji: false } };
  const room = MAX_BLOCKS_PER_MESSAGE - RESERVED_BLOCKS - (hasPicture(shown) ? PICTURE_BLOCKS : 0);
  const parts = packParts(contentPieces(view), room);
  if (parts.length === 1) {
    const text = renderText(fallbackView(view), { color: false, spell: (command) => codeMrkdwn(spell(command)) });
    return [{ header, content: parts[0]!.map((p) => p.block), lead: leadOf(parts[0]!), text: fallbackText(text) }];
  }
  return parts.map((pieces, i) => ({
    header,
    content: pieces.map((p) => p.block),
    lead: leadOf(pieces),
    text: fallbackText(
      [escapeMrkdwn(`${view.title} (part ${i + 1} of ${parts.length})`), ...pieces.map((p) => p.plain).filter(Boolean)].join('\n\n'),
    ),
  }));
}
