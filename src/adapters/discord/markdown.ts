// Turns view lines into Discord markdown. Span text is stored or typed data: every character
// that Discord would read as markup or as a mention is made inert, then the view's own styles
// are applied around it.
import type { Line, Span } from '../../core/view.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Characters Discord's markdown gives meaning to anywhere in a line. */
const INLINE_MARKUP = /[\\*_~`|<>[\]]/g;
/** Markers that start a heading, sub-text or list only at the start of a line. */
const LINE_START_MARKUP = /^(\s*)(#{1,3}|-#|[-+]|\d+\.)(?=\s|$)/;

/** Mentions (`@everyone`, `<@123>`) never form: a zero-width space follows every `@`. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@/g, `@${ZERO_WIDTH_SPACE}`);
}

/** Discord links a bare address whole, markup characters included; escaping would break it. */
const BARE_URL = /(https?:\/\/[^\s<]+)/;

function escapeText(text: string, atLineStart: boolean): string {
  const inline = text.replace(INLINE_MARKUP, (c) => `\\${c}`);
  const escaped = atLineStart
    ? inline.replace(LINE_START_MARKUP, (_all, space: string, marker: string) =>
        `${space}${marker.endsWith('.') ? `${marker.slice(0, -1)}\\.` : `\\${marker}`}`)
    : inline;
  return neutraliseMentions(escaped);
}

/**
 * Escapes one line. Bare addresses stay links where `linkUrls` is set; inside bold or italics
 * they would swallow the closing marker, so there `https\://` shows them as plain text.
 */
function escapeLine(text: string, linkUrls = true): string {
  if (!linkUrls) return escapeText(text, true).replace(/\b(https?):\/\//g, '$1\\://');
  return text
    .split(BARE_URL)
    .map((part, i) => (i % 2 === 1 ? part : escapeText(part, i === 0)))
    .join('');
}

/** Escapes text so Discord shows it literally, line by line. */
export function escapeMarkdown(text: string): string {
  return text.split('\n').map((line) => escapeLine(line)).join('\n');
}

/** Inside inline code nothing is interpreted, but a backtick would end the span. */
function codeText(text: string): string {
  return neutraliseMentions(text.replace(/`/g, 'ˋ'));
}

const WRAPPERS = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  highlight: ['__**', '**__'],
} as const;

/** The address a link points to, encoded for markdown; undefined for anything but http(s). */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

/** Applies a style to one line of text, keeping edge whitespace outside the markers. */
function styleSegment(segment: string, span: Span): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment)!;
  const [, lead = '', body = '', trail = ''] = match;
  if (body === '') return segment;
  let out: string;
  if (span.style === 'code') out = `\`${codeText(body)}\``;
  else {
    out = escapeLine(body, false);
    if (span.style) out = `${WRAPPERS[span.style][0]}${out}${WRAPPERS[span.style][1]}`;
  }
  const href = span.href ? safeHref(span.href) : undefined;
  if (href) out = `[${out}](${href})`;
  return `${lead}${out}${trail}`;
}

/** Discord shows `<#id>` as the channel's name, and as a link to it. */
const SNOWFLAKE = /^\d{17,20}$/;

export function renderSpan(span: Span): string {
  if (span.channel && SNOWFLAKE.test(span.channel)) return `<#${span.channel}>`;
  if (!span.style && !span.href) return escapeMarkdown(span.text);
  return span.text
    .split('\n')
    .map((segment) => styleSegment(segment, span))
    .join('\n');
}

const isMarked = (span: Span) => Boolean(span.style || span.href);

/** Renders a line; two marked spans that touch get a zero-width space so their markers never merge. */
export function renderLine(line: Line): string {
  let out = '';
  line.forEach((span, i) => {
    const previous = line[i - 1];
    const touching = previous && isMarked(previous) && isMarked(span) && !/\s$/.test(previous.text) && !/^\s/.test(span.text);
    out += (touching ? ZERO_WIDTH_SPACE : '') + renderSpan(span);
  });
  return out;
}
