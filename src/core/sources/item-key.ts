// Which feed items are the same item, seen again: the key a source's seen-items are kept by.
import { createHash } from 'node:crypto';
import { foldKey } from '../text.js';
import type { FeedItem } from './feed-port.js';

/** Takes out the `utm_*` parameters feeds add to links for their publishers' analytics. */
export function dropTrackingParameters(url: URL): void {
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name);
  }
}

/**
 * The link as one address however it was decorated: no scheme (feeds move from http to https),
 * host in lower case, no fragment, no `utm_*` tracking parameters, no trailing slash.
 * Undefined when it is not an http(s) address.
 */
export function canonicalLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  dropTrackingParameters(url);
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.searchParams.size > 0 ? `?${url.searchParams.toString()}` : '';
  return `${url.host.toLowerCase()}${path}${query}`;
}

/**
 * The item's key: `guid:` its guid; else `link:` its canonical link; else `title:` a hash of
 * its folded title and publication instant (an item with neither id nor link is known by what
 * it says and when).
 */
export function itemKey(item: Pick<FeedItem, 'guid' | 'link' | 'title' | 'published'>): string {
  const guid = item.guid?.trim();
  if (guid) return `guid:${guid}`;
  const link = item.link === undefined ? undefined : canonicalLink(item.link);
  if (link) return `link:${link}`;
  const hash = createHash('sha256').update(`${foldKey(item.title)}\n${item.published?.toISOString() ?? ''}`).digest('hex');
  return `title:${hash.slice(0, 32)}`;
}

/**
 * The key of an item whose key (`key`) an earlier item of the same feed holds: `repeat:` a hash
 * of that key and of what the item says, the same at each check while the feed holds it.
 */
export function repeatKey(key: string, item: Pick<FeedItem, 'link' | 'title' | 'published'>): string {
  const hash = createHash('sha256').update(`${key}\n${item.link ?? ''}\n${foldKey(item.title)}\n${item.published?.toISOString() ?? ''}`).digest('hex');
  return `repeat:${hash.slice(0, 32)}`;
}

/**
 * What the item says, as a short digest: a later check finds the same key with another digest
 * when the feed has revised the item (a toll that rose, a corrected headline).
 */
export function itemDigest(item: Pick<FeedItem, 'title' | 'summary' | 'link'>): string {
  return createHash('sha256').update(`${item.title}\n${item.summary}\n${item.link ?? ''}`).digest('base64url').slice(0, 16);
}
