// Feed titles and summaries arrive as HTML (often escaped twice); Sitrep keeps plain text. A
// hand-written scan rather than regular expressions: hostile markup (thousands of unclosed
// `<script` or `<!--`) must cost one pass over the text, never one pass per tag.
import { decodeHTML } from 'entities';
import { DELETE_AND_C1, DIRECTION_CONTROLS, DIRECTION_MARKS } from '../core/text.js';

/** Elements whose content is not text a reader sees. */
const HIDDEN_ELEMENTS = ['script', 'style', 'template', 'noscript'];

/** Elements that end a line or block: a space keeps their words apart once the tags are gone. */
const BLOCK_TAG = /^\/?(?:p|br|div|li|ul|ol|tr|td|th|h[1-6]|blockquote|section|article|header|footer|hr|table|dt|dd|figcaption|pre)\b/i;

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

/** Text without markup: tags and comments removed, hidden elements dropped, entities decoded. */
export function htmlToText(html: string): string {
  const text = stripTags(html);
  return foldWhitespace(text.includes('&') ? decodeHTML(text) : text);
}

function stripTags(html: string): string {
  if (!html.includes('<')) return html;
  // ASCII only, so indexes in `lower` are indexes in `html` (full lower-casing can change lengths).
  let lowered: string | undefined;
  const lower = () => (lowered ??= html.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()));
  let out = '';
  let at = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', at)) {
    const next = html[open + 1] ?? '';
    // `a < b` is text: a tag starts with a letter, `/`, `!` or `?`.
    if (!/[a-zA-Z/!?]/.test(next)) {
      out += html.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    out += html.slice(at, open);
    const end = tagEnd(html, open);
    if (end === -1) return out; // Never closed: the rest is inside a tag or comment.
    const name = /^[a-z0-9]+/i.exec(html.slice(open + 1, open + 12))?.[0].toLowerCase() ?? '';
    if (BLOCK_TAG.test(html.slice(open + 1, open + 13))) out += ' ';
    at = end;
    if (HIDDEN_ELEMENTS.includes(name)) {
      const close = lower().indexOf(`</${name}`, at);
      if (close === -1) return out;
      const closeEnd = html.indexOf('>', close);
      if (closeEnd === -1) return out;
      at = closeEnd + 1;
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
