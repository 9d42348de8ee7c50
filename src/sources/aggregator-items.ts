// An aggregator's item (Google News) names the newsroom it comes from in its `<source>`, and
// writes that name into its text too: after its title (`… - Reuters`), and in its description,
// which holds only the headline again (`<a>headline</a>&nbsp;&nbsp;<font>Reuters</font>`) or a
// list of several outlets' headlines of the story (`<ol><li><a>…</a> <font>…</font></li>…</ol>`).
// None of it is the item's own text: read as such, the outlet's name would be a place or an actor
// (`- The Jerusalem Post`, `- Syria TV`) and other outlets' headlines its summary.

/** What separates an aggregator's headline from the outlet's name: ` - `, ` – `, ` — `, ` | `. */
const SUFFIX_SEPARATOR = /\s[-–—|]\s*$/;
/** A list item that opens with a link: a headline. */
const LIST_ITEM = /<li\b[^>]*>\s*(<a\b)?/gi;
const TRAILING_FONT = /^<font\b[^>]*>([^<]*)<\/font>\s*$/i;
/** What Google News writes between the headline and the outlet's name. */
const SPACES = ['&nbsp;', '&#160;', '&#xa0;', '\u00a0', ' ', '\t', '\n', '\r'];

// One collator for every comparison: `localeCompare` with options builds one a call.
const accentSensitive = new Intl.Collator(undefined, { sensitivity: 'accent' });
const same = (a: string, b: string) => accentSensitive.compare(a, b) === 0;

/** The title without the outlet's name after it (`Israeli strike in Quneitra kills 5 - Reuters`); as it was when that is all it holds. */
export function withoutOutletSuffix(title: string, outlet: string): string {
  if (outlet === '' || title.length <= outlet.length || !same(title.slice(-outlet.length), outlet)) return title;
  const before = title.slice(0, -outlet.length);
  if (!SUFFIX_SEPARATOR.test(before)) return title;
  const kept = before.replace(SUFFIX_SEPARATOR, '').trimEnd();
  return kept === '' ? title : kept;
}

/** ASCII letters lowered: indexes in the result are indexes in `html`. */
const asciiLower = (html: string) => html.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Whether every item of the list opens with a link (and it has one): headlines, not prose. */
function headlineList(list: string): boolean {
  let items = 0;
  for (const [, link] of list.matchAll(LIST_ITEM)) {
    if (!link) return false;
    items++;
  }
  return items > 0;
}

/** The HTML without its ordered lists of headlines. */
function withoutHeadlineLists(html: string): string {
  const lower = asciiLower(html);
  let out = '';
  let at = 0;
  for (let open = lower.indexOf('<ol', at); open !== -1; open = lower.indexOf('<ol', at)) {
    const close = lower.indexOf('</ol>', open);
    if (close === -1) break;
    const end = close + '</ol>'.length;
    const list = html.slice(open, end);
    out += html.slice(at, open) + (headlineList(list) ? ' ' : list);
    at = end;
  }
  return out + html.slice(at);
}

/** The length of the space (or `&nbsp;`) ending at `end`, or 0. */
const spaceBefore = (html: string, end: number) => SPACES.find((space) => html.slice(Math.max(0, end - space.length), end).toLowerCase() === space)?.length ?? 0;

/** The HTML without a last `<font>` naming the outlet, and the spaces before it. */
function withoutOutletFont(html: string, outlet: string, toText: (html: string) => string): string {
  const start = asciiLower(html).lastIndexOf('<font');
  const font = start === -1 ? null : TRAILING_FONT.exec(html.slice(start));
  if (!font || !same(toText(font[1] ?? ''), outlet)) return html;
  let end = start;
  for (let space = spaceBefore(html, end); space > 0; space = spaceBefore(html, end)) end -= space;
  return html.slice(0, end);
}

/**
 * An aggregator item's description as text: without its lists of headlines and the outlet's name
 * after the headline, and none at all when what is left only repeats the title.
 */
export function aggregatorSummary(html: string, title: string, outlet: string, toText: (html: string) => string): string {
  const text = toText(withoutOutletFont(withoutHeadlineLists(html), outlet, toText));
  return text === '' || same(text, title) ? '' : text;
}
