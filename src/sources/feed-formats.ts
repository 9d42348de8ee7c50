// Each format's fields mapped onto one FeedItem shape: which element holds the id, the address,
// the date and the text differs between RSS, Atom, RDF and JSON Feed.
import type { AnyFeed, AtomFeed, MediaNs } from 'feedsmith';
import type { FeedDocument, FeedItem } from '../core/sources/feed-port.js';
import { clipAtWord } from '../core/text-cut.js';
import { aggregatorSummary, withoutOutletSuffix } from './aggregator-items.js';
import { foldWhitespace, htmlToText } from './html-text.js';
import { httpLink } from './safe-link.js';
import { withoutSiteFooter } from './site-footers.js';
import { settleDayOrder, type WrittenDate } from './written-day.js';

export type ParsedFeed = AnyFeed<WrittenDate | undefined>;

/** A title longer than this is cut: it is shown on one line of a review card. */
export const MAX_TITLE_LENGTH = 300;
/** A summary longer than this is cut: the review card shows a summary, not the article. */
export const MAX_SUMMARY_LENGTH = 2_000;
/** An item without a title is named by the start of its summary, this long. */
const TITLE_FROM_SUMMARY_LENGTH = 120;

/** A text field as read, and whether it is markup (RSS and HTML fields) or already plain. */
interface RawText {
  value: string | undefined;
  html: boolean;
}

interface RawItem {
  guid?: string | undefined;
  links: (string | undefined)[];
  title: RawText;
  summary: RawText;
  /** The item's dates, the one it is published at first. */
  dates: (WrittenDate | undefined)[];
  authors: (string | undefined)[];
  /** The entry's own xml:base (Atom), as written: its relative links resolve against it. */
  xmlBase?: string | undefined;
  /** RSS or Atom `<source>`: the outlet an aggregator's item is from. */
  source?: { title: RawText; url?: string | undefined } | undefined;
}

const html = (value: string | undefined): RawText => ({ value, html: true });
const plain = (value: string | undefined): RawText => ({ value, html: false });
const asText = (text: RawText) => (text.value === undefined ? '' : text.html ? htmlToText(text.value) : foldWhitespace(text.value));

/** Atom text is plain unless its type says html or xhtml. */
const atomText = (text: AtomFeed.Text | AtomFeed.Content | undefined): RawText =>
  text?.type === 'html' || text?.type === 'xhtml' ? html(text.value) : plain(text?.value);

/**
 * Media RSS's description (`<media:description>`, on the item, its group or its first content):
 * a video or picture feed's only text besides the title, as YouTube's channel feeds write it.
 * Plain unless its type says html.
 */
function mediaText(media: MediaNs.ItemOrFeed | undefined): RawText {
  const description = media?.description ?? media?.groups?.[0]?.description ?? media?.contents?.[0]?.description;
  return description?.type === 'html' ? html(description.value) : plain(description?.value);
}

/** A summary, else the item's media description. */
const orMedia = (summary: RawText, media: MediaNs.ItemOrFeed | undefined): RawText => (summary.value === undefined ? mediaText(media) : summary);

/** Atom's alternate link (or one without a rel) is the article; `self`, `edit` and others are not. */
function atomLink(links: AtomFeed.Link<WrittenDate | undefined>[] | undefined): string | undefined {
  return (links?.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links?.[0])?.href;
}

/**
 * The address an element's relative links resolve against: its xml:base, itself resolved against
 * `enclosing` (RFC 4287 §2, XML Base), when that is an http(s) address; else `enclosing`.
 */
const withXmlBase = (xmlBase: string | undefined, enclosing: string | undefined) => httpLink(xmlBase, enclosing) ?? enclosing;

/** The outlet an item names in its `<source>`, as plain text, with the address it gives. */
function namedOutlet(raw: RawItem): FeedItem['outlet'] {
  const name = raw.source ? asText(raw.source.title) : '';
  if (!name) return undefined;
  const url = httpLink(raw.source?.url);
  return url ? { name, url } : { name };
}

/**
 * The names a feed's own items may end their titles with (`… - Enab Baladi`): its title, and the
 * part of it before a separator (`Levant Monitor – News from Syria`).
 */
function ownNames(feedTitle: string): string[] {
  const first = feedTitle.split(/\s[-–—|:]\s/)[0]!.trim();
  return first !== feedTitle && first !== '' ? [feedTitle, first] : [feedTitle];
}

/** The title without the feed's own name after it, as some outlets end every headline. */
function withoutOwnName(title: string, names: readonly string[]): string {
  for (const name of names) {
    const kept = withoutOutletSuffix(title, name);
    if (kept !== title) return kept;
  }
  return title;
}

/**
 * The title and summary as text: the title without the feed's own name after it, the summary
 * without the footer its site's platform writes after it (site-footers.ts); an aggregator's,
 * without what it writes of the outlet into them (aggregator-items.ts).
 */
function itemText(raw: RawItem, outlet: string | undefined, feedNames: readonly string[]): { title: string; summary: string } {
  if (outlet === undefined) {
    const title = withoutOwnName(asText(raw.title), feedNames);
    return { title, summary: withoutSiteFooter(asText(raw.summary), title) };
  }
  const title = withoutOutletSuffix(asText(raw.title), outlet);
  const { value } = raw.summary;
  const summary = value === undefined ? '' : raw.summary.html ? aggregatorSummary(value, title, outlet, htmlToText) : foldWhitespace(value);
  return { title, summary: withoutSiteFooter(summary, title) };
}

/** The item's publication: its first date read; else, the first it gave, unread. */
function publication(item: FeedItem, dates: (WrittenDate | undefined)[]): void {
  const read = dates.find((date) => date?.reading)?.reading;
  if (read) {
    item.published = read.instant;
    item.publishedDay = read.day;
    if (read.dayOnly) item.publishedDayOnly = true;
    return;
  }
  const unread = dates.find((date) => date !== undefined);
  if (unread) item.unreadDate = { written: foldWhitespace(unread.written), ...(unread.eitherOrder ? { dayOrMonth: true as const } : {}) };
}

function toItem(raw: RawItem, feedBase: string | undefined, feedNames: readonly string[]): FeedItem | undefined {
  const base = withXmlBase(raw.xmlBase, feedBase);
  const outlet = namedOutlet(raw);
  const text = itemText(raw, outlet?.name, feedNames);
  const summary = clipAtWord(text.summary, MAX_SUMMARY_LENGTH);
  const title = clipAtWord(text.title, MAX_TITLE_LENGTH) || clipAtWord(summary, TITLE_FROM_SUMMARY_LENGTH);
  if (!title) return undefined;
  const item: FeedItem = { title, summary };
  const guid = raw.guid === undefined ? '' : foldWhitespace(raw.guid);
  if (guid) item.guid = guid;
  const link = raw.links.map((l) => httpLink(l, base)).find((l) => l !== undefined);
  if (link) item.link = link;
  publication(item, raw.dates);
  if (outlet) item.outlet = outlet;
  const authors = raw.authors.map((a) => (a === undefined ? '' : htmlToText(a))).filter(Boolean);
  if (authors.length > 0) item.authors = [...new Set(authors)];
  return item;
}

function rawItems(parsed: ParsedFeed): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((i) => ({
        guid: i.guid?.value,
        // A guid that is a permalink (an absolute address, not resolved) stands in for a missing link.
        links: [i.link, i.guid?.isPermaLink === false ? undefined : httpLink(i.guid?.value)],
        title: html(i.title),
        summary: orMedia(html(i.description ?? i.content?.encoded), i.media),
        dates: [i.pubDate, i.dc?.dates?.[0]],
        authors: [...(i.authors ?? []).map((a) => a.name ?? a.email), ...(i.dc?.creators ?? [])],
        source: i.source && { title: html(i.source.title), url: i.source.url },
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((e) => ({
        guid: e.id,
        links: [atomLink(e.links)],
        title: atomText(e.title),
        summary: orMedia(atomText(e.summary ?? e.content), e.media),
        dates: [e.published, e.updated, e.dc?.dates?.[0]],
        authors: [...(e.authors ?? []).map((a) => a.name), ...(e.dc?.creators ?? [])],
        xmlBase: e.xml?.base,
        // The feed the entry was copied from (RFC 4287 §4.2.11): its title names the outlet.
        source: e.source && { title: atomText(e.source.title), url: atomLink(e.source.links) },
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((i) => ({
        guid: i.rdf?.about,
        links: [i.link, i.rdf?.about],
        title: html(i.title),
        summary: html(i.description),
        dates: [i.dc?.dates?.[0]],
        authors: i.dc?.creators ?? [],
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((i) => ({
        guid: i.id,
        links: [i.url, i.external_url],
        // JSON Feed titles are plain text by the spec; summaries may be HTML.
        title: plain(i.title),
        summary: i.summary !== undefined ? plain(i.summary) : i.content_text !== undefined ? plain(i.content_text) : html(i.content_html),
        dates: [i.date_published, i.date_modified],
        authors: (i.authors ?? []).map((a) => a.name),
      }));
  }
}

function feedHeader(parsed: ParsedFeed): { title: RawText; link: string | undefined } {
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return { title: html(parsed.feed.title), link: parsed.feed.link };
    case 'atom':
      return { title: atomText(parsed.feed.title), link: atomLink(parsed.feed.links) };
    case 'json':
      return { title: plain(parsed.feed.title), link: parsed.feed.home_page_url };
  }
}

/** What a reading tells beside the document: which of the feed's items each item read is, and whether a date's reading hung on others. */
export interface ReadingTrace {
  /** For each item of the document, its index among the feed's items (those without a title are left out). */
  origins: number[];
  /** A numeric date was read (or left unread) by the way round the feed's other dates write them (settleDayOrder). */
  dayOrder: boolean;
}

/**
 * The parsed feed as a FeedDocument, its relative links resolved against the xml:base an Atom
 * feed or entry declares, else against `feedUrl` (the feed's address), from its first `maxItems`
 * items.
 */
export function toDocument(parsed: ParsedFeed, feedUrl: string | undefined, maxItems: number, trace?: ReadingTrace): FeedDocument {
  const header = feedHeader(parsed);
  // An Atom feed's xml:base, else the feed's own address.
  const base = parsed.format === 'atom' ? withXmlBase(parsed.feed.xml?.base, feedUrl) : feedUrl;
  const raws = rawItems(parsed).slice(0, maxItems);
  // `05/12/2026` is read the way round the feed's other numeric dates show.
  const dates = raws.flatMap((raw) => raw.dates);
  settleDayOrder(dates);
  if (trace) trace.dayOrder = dates.some((date) => date?.eitherOrder !== undefined || date?.showsOrder !== undefined);
  const feedTitle = asText(header.title);
  const names = ownNames(feedTitle);
  const items = raws.flatMap((raw, index) => {
    const item = toItem(raw, base, names);
    if (!item) return [];
    trace?.origins.push(index);
    return [item];
  });
  const document: FeedDocument = { items };
  const title = clipAtWord(feedTitle, MAX_TITLE_LENGTH);
  if (title) document.title = title;
  const link = httpLink(header.link, base);
  if (link) document.link = link;
  return document;
}
