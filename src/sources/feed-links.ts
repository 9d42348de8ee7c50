// The feeds a web page names for itself (`<link rel="alternate" type="application/rss+xml"
// href="…">` in its head), as feed readers discover them: an admin who gives a site's home page
// instead of its feed is told which address to watch.
import { NOT_A_FEED } from '../core/sources/feed-port.js';

/**
 * The feed types a page's alternate links announce. Not plain `application/json`: WordPress
 * names its REST API that way on every page.
 */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);
/** As long as a watched feed's address may be (/sources add). */
const LONGEST_URL = 500;
/** Links named at most; a page naming more (one per category) lists its main ones first. */
const MOST = 3;
/** Where a page's head ends, give or take: the links are read from this much of it. */
const HEAD_CHARACTERS = 200_000;

const LINK_TAG = /<link\b[^>]*>/gi;
const ATTRIBUTE = /([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of tag.matchAll(ATTRIBUTE)) attributes.set(name!.toLowerCase(), (double ?? single ?? bare ?? '').trim());
  return attributes;
}

/** The http(s) feed addresses a page's alternate links name, resolved against its address, first first. */
export function feedLinksIn(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.slice(0, HEAD_CHARACTERS).matchAll(LINK_TAG)) {
    const attributes = attributesOf(tag);
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attributes.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const href = attributes.get('href')?.replace(/&amp;/g, '&');
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !href) continue;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    const usable = (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= LONGEST_URL;
    if (usable && !found.includes(url.href)) found.push(url.href);
    if (found.length === MOST) break;
  }
  return found;
}

const looksLikeHtml = (text: string) => /<html[\s>]|<!doctype html/i.test(text.slice(0, 2_000));
/** An RSS, Atom or RDF root element near the start: the address is a feed's, broken. */
const looksLikeFeed = (text: string) => /<(?:rss|feed|rdf:RDF)[\s>]/.test(text.slice(0, 2_000));

/** A body that opens as a feed but does not parse as one: the address is right, the feed is not. */
export const MALFORMED_FEED = 'The feed is malformed: it opens as RSS, Atom or RDF but its XML does not parse, which only its publisher can fix. Sitrep tries again at each check.';

/** A web page that names no feed of its own: the admin has to find the site's feed by hand. */
export const PAGE_WITHOUT_FEED = 'This address is a web page, not a feed, and the page names no feed of its own: find the site’s RSS or Atom link, watch that instead and remove this source.';

/** A full answer without a byte of text: a server or publishing tool failing, not a feed of another kind. */
export const EMPTY_BODY = 'The server sent an empty body instead of the feed. Sitrep tries again at each check.';

/** Why a body is no feed: a web page naming its feeds says which to watch instead. */
export function notAFeed(text: string, pageUrl: string | undefined): string {
  if (text.trim() === '') return EMPTY_BODY;
  if (!looksLikeHtml(text)) return looksLikeFeed(text) ? MALFORMED_FEED : NOT_A_FEED;
  if (!pageUrl) return NOT_A_FEED;
  const links = feedLinksIn(text, pageUrl);
  if (links.length === 0) return PAGE_WITHOUT_FEED;
  const named = links.length === 1 ? `It names its feed, ${links[0]}` : `It names these feeds: ${links.join(', ')}`;
  return `This address is a web page, not a feed. ${named}: watch that instead (/sources add url:${links[0]}) and remove this source.`;
}
