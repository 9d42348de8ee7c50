// Links from a feed end up as buttons and source URLs: only absolute http(s) addresses are kept,
// so a `javascript:` or `data:` link in a hostile feed never reaches a reader; and without the
// `utm_*` parameters feeds add for their publishers' analytics, which no source needs to cite.
// Feeds escape links twice as they do titles (`&amp;amp;`): a link's entities are decoded once
// more, as an attribute's are (`&region=` stays as written), so `&amp;utm_source=` is a parameter.
import { decodeHTMLAttribute } from 'entities';
import { dropTrackingParameters } from '../core/sources/item-key.js';

/** Longer than any real article address; a longer one is junk or an attempt to bloat the store. */
const MAX_LINK_LENGTH = 2_048;

/**
 * The link as an absolute http(s) address (resolved against `base` when relative, as Atom
 * allows), without user name or password or `utm_*` parameters; undefined for anything else.
 */
export function httpLink(raw: string | undefined, base?: string): string | undefined {
  const text = raw?.includes('&') ? decodeHTMLAttribute(raw).trim() : raw?.trim();
  if (!text || text.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.username = '';
  url.password = '';
  dropTrackingParameters(url);
  return url.href.length > MAX_LINK_LENGTH ? undefined : url.href;
}
