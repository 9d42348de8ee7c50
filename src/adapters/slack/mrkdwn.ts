// Spans → Slack mrkdwn. Span text is stored or typed data: it is escaped so it can never mention
// anyone (<!channel>, <@U…>), link anywhere or switch formatting on; styles come only from spans.
import type { Line, Span, SpanStyle } from '../../core/view.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Slack's mrkdwn has no escape for its formatting characters, so data carrying them is shown with
 * look-alike characters (the approach of jsx-slack): `*x*` in a title stays literal text.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

/** Put before a `>` that starts a line: Slack would show the line as a block quote. */
const QUOTE_BREAKER = '\u00AD';

const MARKERS: Readonly<Record<SpanStyle, string>> = { bold: '*', italic: '_', code: '`', highlight: '*' };

function escapeChar(ch: string): string {
  return ENTITIES[ch] ?? LOOKALIKES[ch] ?? ch;
}

/** The most characters one character of data can take once escaped (`>` → soft hyphen + `&gt;`). */
const MAX_ESCAPED_WIDTH = 5;

/**
 * Escapes data for any mrkdwn text: entities for &, <, >, look-alikes for * _ ~ ` and a soft
 * hyphen before a `>` that may start a line.
 */
export function escapeMrkdwn(text: string): string {
  let out = '';
  let previous = '\n';
  for (const ch of text) {
    out += ch === '>' && previous === '\n' ? QUOTE_BREAKER + escapeChar(ch) : escapeChar(ch);
    previous = ch;
  }
  return out;
}

/** Only http(s) URLs become links; `|` and `>` would end Slack's `<url|label>` early. */
function linkTarget(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

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

export function renderSpan(s: Span): string {
  return wrapLink(s.href, applyStyle(s.style, escapeMrkdwn(s.text)));
}

export function renderLine(line: Line): string {
  return line.map(renderSpan).join('');
}

/** Characters a span adds around its escaped text (markers and link syntax). */
function overhead(s: Span): number {
  const target = s.href ? linkTarget(s.href) : undefined;
  return (s.style ? 2 : 0) + (target ? target.length + 3 : 0);
}

/** Splits one span into spans whose rendering fits `max`, cutting between code points. */
function splitSpan(s: Span, max: number): Span[] {
  const budget = max - overhead(s);
  if (s.href && budget < MAX_ESCAPED_WIDTH * 4) {
    // A link longer than a whole section cannot be a link; show its address as text instead.
    return splitSpan({ text: `${s.text} (${s.href})`, ...(s.style ? { style: s.style } : {}) }, max);
  }
  const parts: Span[] = [];
  let current = '';
  let size = 0;
  // Where the last space ended, so a cut falls between words when there is one near.
  let breakAt = -1;
  let sizeAtBreak = 0;
  for (const ch of s.text) {
    const width = ch === '>' ? MAX_ESCAPED_WIDTH : ch === '\n' && s.style ? 3 : escapeChar(ch).length;
    if (size + width > budget && current) {
      const atWord = breakAt > 0 && size - sizeAtBreak < budget / 4;
      parts.push({ ...s, text: atWord ? current.slice(0, breakAt) : current });
      current = atWord ? current.slice(breakAt) : '';
      size = atWord ? size - sizeAtBreak : 0;
      breakAt = -1;
    }
    current += ch;
    size += width;
    if (/\s/.test(ch)) {
      breakAt = current.length;
      sizeAtBreak = size;
    }
  }
  if (current) parts.push({ ...s, text: current });
  return parts;
}

/** Packs rendered pieces into strings of at most `max` characters, joined by `separator`. */
export function packPieces(pieces: readonly string[], max: number, separator = ''): string[] {
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current === undefined) current = piece;
    else if (current.length + separator.length + piece.length <= max) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

/** A line rendered as mrkdwn, in as many pieces of at most `max` characters as it needs. */
export function renderLineChunks(line: Line, max: number): string[] {
  const whole = renderLine(line);
  if (whole.length <= max) return [whole];
  const pieces = line.flatMap((s) => {
    const rendered = renderSpan(s);
    return rendered.length <= max ? [rendered] : splitSpan(s, max).map(renderSpan);
  });
  return packPieces(pieces, max);
}

/** Lines joined by newlines into as few texts of at most `max` characters as possible. */
export function renderLinesChunks(lines: readonly Line[], max: number): string[] {
  return packPieces(
    lines.flatMap((line) => renderLineChunks(line, max)),
    max,
    '\n',
  );
}
