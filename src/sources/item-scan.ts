// Finding the items of an RSS 2.0 or Atom document without parsing it: where each `<item>` or
// `<entry>` element starts and ends, and the text the reading of an item depends on besides its
// own (the start tags around the items, the namespaces declared outside them, the feed's title).
// Only documents whose shape leaves no doubt are scanned: anything unusual answers undefined, and
// the feed is read whole.

export interface ScannedItems {
  /** Each item's start and end (exclusive), in pairs, in document order. */
  bounds: Int32Array;
  /** The items' number. */
  count: number;
  /** The start tags around the items, those outside them declaring namespaces, and the titles outside them, as written. */
  context: string;
  /** The format feedsmith reads the document as. */
  format: 'rss' | 'atom';
}

/** The format's root element, wherever feedsmith could find one (its detection reads the whole text). */
const ROOT = /<(?:[\w.-]+:)?(rss|feed|rdf)[\s>]/gi;
/** Namespace declarations, and text feedsmith would take for one (it seeds them from the document's start). */
const XMLNS = /xmlns/gi;
const ITEM_OF: Record<string, { item: string; format: ScannedItems['format'] }> = { rss: { item: 'item', format: 'rss' }, feed: { item: 'entry', format: 'atom' } };

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** The end (exclusive) of the tag opening at `at`, past quoted attribute values; -1 when it does not end. */
function tagEnd(text: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return i + 1;
  }
  return -1;
}

/** The name of the tag at `at` (`<name` or `</name`). */
function nameAt(text: string, at: number): string {
  let end = at;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (isSpace(code) || code === 62 || code === 47) break;
  }
  return text.slice(at, end);
}

/** Whether the tag at `at` is named exactly `name`. */
function named(text: string, at: number, name: string): boolean {
  if (!text.startsWith(name, at)) return false;
  const code = text.charCodeAt(at + name.length);
  return isSpace(code) || code === 62 || code === 47;
}

/** Where markup that is not a tag (CDATA, a comment, a processing instruction) at `at` ends; -1 when it is none, -2 when it is one Sitrep does not scan past (a DOCTYPE). */
function skipMarkup(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  if (next === 33) {
    if (text.startsWith('<![CDATA[', at)) return closeOf(text, ']]>', at + 9);
    if (text.startsWith('<!--', at)) return closeOf(text, '-->', at + 4);
    return -2;
  }
  if (next === 63) return closeOf(text, '?>', at + 2);
  return -1;
}

function closeOf(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at === -1 ? -2 : at + close.length;
}

/** The root element's format, when the text names exactly one (feedsmith reads RDF items by the channel's list of them: not scanned). */
function rootFormat(text: string): { at: number; item: string; format: ScannedItems['format'] } | undefined {
  ROOT.lastIndex = 0;
  const root = ROOT.exec(text);
  if (!root || ROOT.exec(text)) return undefined;
  const format = ITEM_OF[root[1]!.toLowerCase()];
  return format ? { at: root.index, ...format } : undefined;
}

/** Positions of `xmlns` in the text, in order. */
function declarations(text: string): number[] {
  const found: number[] = [];
  XMLNS.lastIndex = 0;
  for (let match = XMLNS.exec(text); match; match = XMLNS.exec(text)) found.push(match.index);
  return found;
}

/**
 * The items of an RSS 2.0 or Atom document: elements named `item` (`entry`) with no prefix, one
 * after another with only whitespace between them, all within the same elements, none within
 * another. Undefined when the text is not so, or when it holds a DOCTYPE, markup not closed, a
 * namespace declared within an item or after them, or the name of a format's root anywhere but
 * at its root.
 */
export function scanItems(text: string): ScannedItems | undefined {
  const root = rootFormat(text);
  if (!root) return undefined;
  const xmlns = declarations(text);
  let nextDeclaration = 0;
  const bounds: number[] = [];
  const open: string[] = [];
  const context: string[] = [];
  let itemsDepth = -1;
  let itemsEnded = false;
  let at = text.indexOf('<');
  while (at !== -1) {
    const skipped = skipMarkup(text, at);
    if (skipped === -2) return undefined;
    if (skipped !== -1) {
      at = text.indexOf('<', skipped);
      continue;
    }
    const end = tagEnd(text, at);
    if (end === -1 || !isTag(text, at)) return undefined;
    const closing = text.charCodeAt(at + 1) === 47;
    if (closing) {
      const name = nameAt(text, at + 2);
      if (open.pop() !== name) return undefined;
      if (open.length < itemsDepth) itemsEnded = true;
    } else {
      // One element at the top, the one naming the format.
      if (open.length === 0 && at !== root.at) return undefined;
      const name = nameAt(text, at + 1);
      if (name === root.item) {
        if (itemsEnded || (itemsDepth !== -1 && open.length !== itemsDepth)) return undefined;
        if (itemsDepth === -1) {
          itemsDepth = open.length;
          context.push(...open.map((_, depth) => openTags[depth]!));
        } else if (!onlySpace(text, bounds[bounds.length - 1]!, at)) return undefined;
        const close = itemEnd(text, end, root.item);
        if (close === -1) return undefined;
        bounds.push(at, close);
        at = text.indexOf('<', close);
        continue;
      }
      if (bounds.length > 0 && !itemsEnded && !onlySpace(text, bounds[bounds.length - 1]!, at)) return undefined;
      // The feed's title is read with each item: its name is taken off the end of their titles.
      if (name === 'title') context.push(text.slice(at, Math.max(end, text.indexOf('</title', end))));
      // A declaration in a start tag outside the items is read with them; one in their text, or after them, is not scanned.
      while (nextDeclaration < xmlns.length && xmlns[nextDeclaration]! < end) {
        if (xmlns[nextDeclaration]! < at || bounds.length > 0) return undefined;
        nextDeclaration++;
        if (context[context.length - 1] !== text.slice(at, end)) context.push(text.slice(at, end));
      }
      if (text.charCodeAt(end - 2) !== 47) {
        open.push(name);
        openTags[open.length - 1] = text.slice(at, end);
      }
    }
    at = text.indexOf('<', end);
  }
  if (open.length > 0 || bounds.length === 0 || nextDeclaration < xmlns.length) return undefined;
  return { bounds: Int32Array.from(bounds), count: bounds.length / 2, context: context.join('\n'), format: root.format };
}

/** The start tags of the elements open, by depth (reused between scans: scans run one at a time). */
const openTags: string[] = [];

/** Whether `<` at `at` opens a tag (a name or `/` follows), not a stray `<` in text a lenient parser would read otherwise. */
function isTag(text: string, at: number): boolean {
  const code = text.charCodeAt(at + 1);
  return code === 47 || code === 58 || code === 95 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The end (exclusive) of the item whose start tag ends at `from`: after its closing tag. -1 when
 * it has none, or holds another item's start tag, or markup not closed.
 */
function itemEnd(text: string, from: number, item: string): number {
  if (text.charCodeAt(from - 2) === 47) return from;
  let at = text.indexOf('<', from);
  while (at !== -1) {
    const skipped = skipMarkup(text, at);
    if (skipped === -2) return -1;
    if (skipped !== -1) {
      at = text.indexOf('<', skipped);
      continue;
    }
    const end = tagEnd(text, at);
    if (end === -1 || !isTag(text, at)) return -1;
    if (text.charCodeAt(at + 1) === 47) {
      if (named(text, at + 2, item)) return end;
    } else if (named(text, at + 1, item)) return -1;
    at = text.indexOf('<', end);
  }
  return -1;
}
