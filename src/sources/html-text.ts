// Feed titles and summaries arrive as HTML (often escaped twice); Sitrep keeps plain text. A
// hand-written scan rather than regular expressions: hostile markup (thousands of unclosed
// `<script` or `<!--`) must cost one pass over the text, never one pass per tag. Only real markup
// is dropped (html-elements.ts): `report <fabricated>` and `deaths < 10` keep their words.
import { decodeHTML } from 'entities';
import { DELETE_AND_C1, DIRECTION_CONTROLS, DIRECTION_MARKS } from '../core/text.js';
import { BLOCK_ELEMENTS, HIDDEN_ELEMENTS, HTML_ELEMENTS } from './html-elements.js';

/** C0 and C1 controls other than whitespace, the bidi embedding/override/isolate marks and the direction marks. */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000e-\\u001f${DELETE_AND_C1}${DIRECTION_CONTROLS}${DIRECTION_MARKS}]`);
const CONTROLS = new RegExp(CONTROL.source, 'g');
/**
 * Whitespace to fold: runs, and single characters other than a space. A lone space, the common
 * case by far, is left alone instead of being replaced by itself.
 */
const LOOSE_WHITESPACE = /\s{2,}|[^\S ]/g;

/** Whitespace folded to single spaces, controls removed, ends trimmed. */
export function foldWhitespace(text: string): string {
  // Feeds hardly ever hold controls: testing first spares most texts a replacement pass.
  const visible = CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
  return visible.replace(LOOSE_WHITESPACE, ' ').trim();
}

/** Text without markup: tags, comments and CDATA markers removed, hidden elements dropped, entities decoded. */
export function htmlToText(html: string): string {
  const text = stripTags(html);
  return foldWhitespace(text.includes('&') ? decodeHTML(text) : text);
}

/** What opens at a `<` that is markup; a `<` that opens none of these is text. */
type Markup = { kind: 'tag'; name: string; closing: boolean } | { kind: 'comment' } | { kind: 'cdata' } | { kind: 'declaration' };

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** What may follow a name in a tag: space, `/`, `>`, or the end of a text cut short inside the tag. */
const endsName = (code: number) => Number.isNaN(code) || code === 0x2f || code === 0x3e || code === 0x20 || (code >= 0x09 && code <= 0x0d);

function markupAt(html: string, open: number): Markup | undefined {
  if (html.startsWith('<!--', open)) return { kind: 'comment' };
  if (html.startsWith(CDATA_OPEN, open)) return { kind: 'cdata' };
  const next = html.charCodeAt(open + 1);
  // `<!DOCTYPE html>`, `<?xml …?>`.
  if ((next === 0x21 || next === 0x3f) && isLetter(html.charCodeAt(open + 2))) return { kind: 'declaration' };
  const closing = next === 0x2f;
  const name = tagName(html, open + (closing ? 2 : 1));
  return name !== undefined && (HTML_ELEMENTS.has(name) || name.includes(':')) ? { kind: 'tag', name, closing } : undefined;
}

/**
 * The tag name written from `start`, lower-cased, when a tag could end after it: letters and
 * digits from a letter on, or a prefixed one (`o:p`, as word processors write).
 */
function tagName(html: string, start: number): string | undefined {
  if (!isLetter(html.charCodeAt(start))) return undefined;
  let end = start + 1;
  while (isLetter(html.charCodeAt(end)) || isDigit(html.charCodeAt(end))) end++;
  if (html.charCodeAt(end) === 0x3a && isLetter(html.charCodeAt(end + 1))) {
    end += 2;
    while (isLetter(html.charCodeAt(end)) || isDigit(html.charCodeAt(end)) || html.charCodeAt(end) === 0x2d) end++;
  }
  return endsName(html.charCodeAt(end)) ? html.slice(start, end).toLowerCase() : undefined;
}

function stripTags(html: string): string {
  if (!html.includes('<')) return html;
  // ASCII only, so indexes in `lower` are indexes in `html` (full lower-casing can change lengths).
  let lowered: string | undefined;
  const lower = () => (lowered ??= html.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()));
  let out = '';
  // Text from `at` is kept; a `<` that opens no markup stays in it, and the search goes on past it.
  let at = 0;
  let from = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    const markup = markupAt(html, open);
    from = open + 1;
    if (!markup) continue;
    out += html.slice(at, open);
    if (markup.kind === 'cdata') {
      // The section's content is text; only its markers are markup. Read once: a section nested
      // in it ends where it does, so it is never closed and the rest of it is dropped.
      const close = html.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
      if (close === -1) return out;
      out += stripTags(html.slice(open + CDATA_OPEN.length, close));
      at = from = close + CDATA_CLOSE.length;
      continue;
    }
    const end = tagEnd(html, open);
    if (end === -1) return out; // Never closed: the rest is inside a tag or comment.
    at = from = end;
    if (markup.kind !== 'tag') continue;
    if (BLOCK_ELEMENTS.has(markup.name)) out += ' ';
    if (!markup.closing && HIDDEN_ELEMENTS.has(markup.name)) {
      const close = lower().indexOf(`</${markup.name}`, at);
      if (close === -1) return out;
      const closeEnd = html.indexOf('>', close);
      if (closeEnd === -1) return out;
      at = from = closeEnd + 1;
    }
  }
  return out + html.slice(at);
}

/** Where the tag or comment opened at `open` ends (just past it), or -1 if it never does. */
function tagEnd(html: string, open: number): number {
  if (html.startsWith('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    return close === -1 ? -1 : close + 3;
  }
  const close = html.indexOf('>', open);
  return close === -1 ? -1 : close + 1;
}
