// Spans → Slack mrkdwn. Span text is stored or typed data: it is escaped so it can never mention
// anyone (<!channel>, <@U…>), link anywhere or switch formatting on; styles come only from spans.
// Code spans (commands, examples, marked values) keep their text as typed, to be copied back.
import { packLines, type LineMarkup } from '../../core/line-pieces.js';
import type { Line, Span, SpanStyle } from '../../core/view.js';
import { webAddress } from '../../core/web-address.js';

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

/** The colon opening `:warning:`, which Slack would show as an emoji: data stays literal text. */
const EMOJI_CODE = /:(?=[\p{L}\p{N}+'\u02CD-]+:)/gu;
/** Invisible, and breaks the code for Slack's emoji parser. */
const WORD_JOINER = '\u2060';

const MARKERS: Readonly<Record<SpanStyle, string>> = { bold: '*', italic: '_', code: '`', highlight: '*' };

function escapeChar(ch: string): string {
  return ENTITIES[ch] ?? LOOKALIKES[ch] ?? ch;
}

/**
 * Escapes data for any mrkdwn text: entities for &, <, >, look-alikes for * _ ~ ` , a soft
 * hyphen before a `>` that may start a line, and a word joiner inside an emoji code.
 */
export function escapeMrkdwn(text: string): string {
  let out = '';
  let previous = '\n';
  for (const ch of text) {
    out += ch === '>' && previous === '\n' ? QUOTE_BREAKER + escapeChar(ch) : escapeChar(ch);
    previous = ch;
  }
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
  for (const ch of text) out += ENTITIES[ch] ?? (ch === '`' ? LOOKALIKES[ch] : ch);
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

export function renderSpan(s: Span): string {
  const channel = channelMention(s.channel);
  if (channel) return channel;
  return wrapLink(s.href, applyStyle(s.style, s.style === 'code' ? escapeCode(s.text) : escapeMrkdwn(s.text)));
}

/** Text shown as inline code, each line its own span (as renderSpan writes a code span). */
export function codeMrkdwn(text: string): string {
  return renderSpan({ text, style: 'code' });
}

export function renderLine(line: Line): string {
  return line.map(renderSpan).join('');
}

const SLACK_MARKUP: LineMarkup = { render: renderLine, linkTarget };

/** Lines joined by newlines into as few texts of at most `max` characters as possible (see packLines). */
export function renderLinesChunks(lines: readonly Line[], max: number): string[] {
  return packLines(SLACK_MARKUP, lines, max);
}
