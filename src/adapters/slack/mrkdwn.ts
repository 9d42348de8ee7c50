// Spans → Slack mrkdwn. Span text is stored or typed data: it is escaped so it can never mention
// anyone (<!channel>, <@U…>), link anywhere or switch formatting on; styles come only from spans.
// Code spans (commands, examples, marked values) keep their text as typed, to be copied back.
import { MARKUP_LOOKALIKES } from '../../core/markup-lookalikes.js';
import { packLines, type LineMarkup } from '../../core/line-pieces.js';
import type { Line, Span, SpanStyle } from '../../core/view.js';
import { webAddress } from '../../core/web-address.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Put before a `>` that starts a line: Slack would show the line as a block quote. */
const QUOTE_BREAKER = '\u00AD';

/** The colon opening `:warning:`, which Slack would show as an emoji: data stays literal text. */
const EMOJI_CODE = /:(?=[\p{L}\p{N}_+'\u02CD-]+:)/gu;
/** Invisible, and breaks the code for Slack's emoji parser. */
const WORD_JOINER = '\u2060';

const MARKERS: Readonly<Record<SpanStyle, string>> = { bold: '*', italic: '_', code: '`', highlight: '*' };

/**
 * Bold, italic and strikethrough: Slack formats text between two of these only where one could
 * open (at a word's start, before a non-space) and a later one could close (after a non-space):
 * `*heavy*`. Elsewhere (`al_Qusayr`, a lone `~200`, a trailing `footnote*`) Slack shows them as
 * typed, and so does Sitrep, so a reader hears and copies the character itself. A closing one
 * is taken to need no word boundary after it, which errs towards a look-alike.
 */
const PAIRED_MARKERS = new Set(['*', '_', '~']);
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

/** Whether a marker could open or close formatting, by its neighbours (none: a span's edge, which may touch anything). */
interface MarkerRole {
  opens: boolean;
  closes: boolean;
}

function roleAt(chars: readonly string[], i: number): MarkerRole {
  const before = chars[i - 1];
  const after = chars[i + 1];
  return {
    opens: (before === undefined || !WORD_CHARACTER.test(before)) && (after === undefined || !SPACE.test(after)),
    closes: before === undefined || !SPACE.test(before),
  };
}

/** A span's text as formatting sees it, with the marker of its style around it. */
interface MarkedText {
  text: string;
  marker?: string;
}

/**
 * For each text of one mrkdwn line, where (by code point) a marker could switch formatting on:
 * one that could open with one that could close after it, or one that could close with one that
 * could open before it. A style's own markers pair with each other, so its opening one counts
 * only for the text it styles; its markers can close anything before them. Only these markers
 * need look-alikes.
 */
function formattingMarkers(texts: readonly MarkedText[]): ReadonlySet<number>[] {
  const seen: { marker: string; role: MarkerRole; text?: number; index?: number }[] = [];
  const styleEdge: MarkerRole = { opens: false, closes: true };
  texts.forEach(({ text, marker }, t) => {
    if (marker) seen.push({ marker, role: styleEdge });
    const chars = [...text];
    chars.forEach((ch, index) => {
      if (PAIRED_MARKERS.has(ch)) seen.push({ marker: ch, role: roleAt(chars, index), text: t, index });
    });
    if (marker) seen.push({ marker, role: styleEdge });
  });
  const firstOpener = new Map<string, number>();
  const lastCloser = new Map<string, number>();
  seen.forEach(({ marker, role }, at) => {
    if (role.opens && !firstOpener.has(marker)) firstOpener.set(marker, at);
    if (role.closes) lastCloser.set(marker, at);
  });
  const found = texts.map(() => new Set<number>());
  seen.forEach(({ marker, role, text, index }, at) => {
    if (text === undefined || index === undefined) return;
    const insideItsStyle = texts[text]!.marker === marker && (role.opens || role.closes);
    const opensPair = role.opens && (lastCloser.get(marker) ?? -1) > at;
    const closesPair = role.closes && (firstOpener.get(marker) ?? Infinity) < at;
    if (insideItsStyle || opensPair || closesPair) found[text]!.add(index);
  });
  return found;
}

/** For texts written unstyled side by side in one mrkdwn line (the fallback text), where each marker could format. */
export const unstyledLineFormatting = (texts: readonly string[]): ReadonlySet<number>[] => formattingMarkers(texts.map((text) => ({ text })));

/**
 * The markers of a text escaped without its line (the fallback text writes span by span): as in a
 * line of it alone, and also one at its end that could open, or one at its start that could only
 * close, since the text next to it (a search match, set apart) may hold the other marker.
 */
function formattingMarkersAlone(text: string): ReadonlySet<number> {
  const found = new Set(formattingMarkers([{ text }])[0]);
  const chars = [...text];
  const last = chars.length - 1;
  if (PAIRED_MARKERS.has(chars[0] ?? '') && !roleAt(chars, 0).opens) found.add(0);
  if (last >= 0 && PAIRED_MARKERS.has(chars[last]!) && roleAt(chars, last).opens) found.add(last);
  return found;
}

/**
 * Escapes data for any mrkdwn text: entities for &, <, >, a soft hyphen before a `>` that may
 * start a line, a word joiner inside an emoji code, and a look-alike for a backtick (it would open
 * inline code) and for each * _ ~ that could format (`formatting`: their code point indexes, as
 * the text's line places them; by default as formattingMarkersAlone finds them). A look-alike,
 * not an invisible breaker: the reader sees and hears the character typed, where an invisible one
 * would ride along unseen in a copy; and a copy sent back reads as that character
 * (core/markup-lookalikes.ts).
 */
export function escapeMrkdwn(text: string, formatting: ReadonlySet<number> = formattingMarkersAlone(text)): string {
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    const escaped = ENTITIES[ch] ?? (ch === '`' || formatting.has(i) ? MARKUP_LOOKALIKES[ch]! : ch);
    out += ch === '>' && (i === 0 || chars[i - 1] === '\n') ? QUOTE_BREAKER + escaped : escaped;
  });
  return out.includes(':') ? out.replace(EMOJI_CODE, `:${WORD_JOINER}`) : out;
}

/**
 * Escapes data for a code span. Slack applies no formatting inside inline code and shows no emoji
 * there, so the text stays as it is, to be copied and typed back (`as_of:2025-07-20`,
 * `0 8 * * 1-5`): only `&`, `<` and `>` become entities (Slack reads them before any markup, so
 * nothing in code can mention anyone or link), and a backtick, which would end the span, its
 * look-alike.
 */
export function escapeCode(text: string): string {
  let out = '';
  for (const ch of text) out += ENTITIES[ch] ?? (ch === '`' ? MARKUP_LOOKALIKES[ch] : ch);
  return out;
}

/** Only http(s) URLs become links; `|` and `>` would end Slack's `<url|label>` early. */
const linkTarget = (href: string): string | undefined =>
  webAddress(href)?.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');

/** Slack ignores `*bold *`: whitespace goes outside the markers, and each line is styled alone. */
function applyStyle(style: SpanStyle | undefined, escaped: string): string {
  if (!style) return escaped;
  const marker = MARKERS[style];
  return escaped
    .split('\n')
    .map((part) => {
      const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
      return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : part;
    })
    .join('\n');
}

function wrapLink(href: string | undefined, inner: string): string {
  const target = href ? linkTarget(href) : undefined;
  return target && inner.trim() ? `<${target}|${inner}>` : inner;
}

/** Slack shows `<#C…>` as the channel's name, and as a link to it. */
export const channelMention = (id: string | undefined): string | undefined => (id && /^[CG][A-Z0-9]{2,}$/.test(id) ? `<#${id}>` : undefined);

/** What formatting sees of a span: code and channels hold no data markers and no style. */
const markedText = (s: Span): MarkedText => (s.style === 'code' || channelMention(s.channel) ? { text: '' } : { text: s.text, ...(s.style ? { marker: MARKERS[s.style] } : {}) });

/** A span as mrkdwn; `formatting` comes from its whole line (renderLine), by default from the span alone. */
export function renderSpan(s: Span, formatting: ReadonlySet<number> = formattingMarkers([markedText(s)])[0]!): string {
  const channel = channelMention(s.channel);
  if (channel) return channel;
  return wrapLink(s.href, applyStyle(s.style, s.style === 'code' ? escapeCode(s.text) : escapeMrkdwn(s.text, formatting)));
}

/** Text shown as inline code, each line its own span (as renderSpan writes a code span). */
export function codeMrkdwn(text: string): string {
  return renderSpan({ text, style: 'code' });
}

/** A line's spans: a marker is shown as typed unless, with another in the line, it could format. */
export function renderLine(line: Line): string {
  const formatting = formattingMarkers(line.map(markedText));
  return line.map((s, i) => renderSpan(s, formatting[i])).join('');
}

const SLACK_MARKUP: LineMarkup = { render: renderLine, linkTarget };

/** Lines joined by newlines into as few texts of at most `max` characters as possible (see packLines). */
export function renderLinesChunks(lines: readonly Line[], max: number): string[] {
  return packLines(SLACK_MARKUP, lines, max);
}
