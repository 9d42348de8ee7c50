// Reads feed text (RSS 0.9x/2.0, Atom, RDF, JSON Feed) into a FeedDocument with feedsmith.
// Entity expansion is not a risk: feedsmith runs fast-xml-parser with processEntities off, so
// a DOCTYPE's entities ("billion laughs") stay unexpanded text and external ones are refused.
import { parseFeed } from 'feedsmith';
import { MAX_FEED_ITEMS, type FeedDocument } from '../core/sources/feed-port.js';
import { notAFeed } from './feed-links.js';
import { toDocument, type ParsedFeed, type ReadingTrace } from './feed-formats.js';
import { readFeedDate, type WrittenDate } from './written-day.js';

/** `busy`: Sitrep was too busy to read the feed (its reader did not start): the feed is not at fault. */
export type ParseOutcome = { kind: 'ok'; feed: FeedDocument } | { kind: 'failed'; error: string; busy?: true };

/**
 * The feed in `text`, its relative links resolved against `baseUrl`. At most MAX_FEED_ITEMS
 * items are read; one more is asked of the parser to learn whether any were left out.
 */
export function parseFeedText(text: string, baseUrl?: string, trace?: CountedTrace): ParseOutcome {
  let parsed: ParsedFeed;
  try {
    parsed = parseFeed<WrittenDate | undefined>(text, { maxItems: MAX_FEED_ITEMS + 1, parseDateFn: readFeedDate });
  } catch {
    return { kind: 'failed', error: notAFeed(text, baseUrl) };
  }
  const feed = toDocument(parsed, baseUrl, MAX_FEED_ITEMS, trace);
  const count = countRawItems(parsed);
  if (trace) {
    trace.count = count;
    trace.format = parsed.format;
  }
  if (count > MAX_FEED_ITEMS) feed.itemLimit = MAX_FEED_ITEMS;
  return { kind: 'ok', feed };
}

/** A reading's trace (feed-formats.ts), with the feed's format and how many items it held, read or not. */
export interface CountedTrace extends ReadingTrace {
  count: number;
  format?: ParsedFeed['format'];
}

function countRawItems(parsed: ParsedFeed): number {
  return (parsed.format === 'atom' ? parsed.feed.entries : parsed.feed.items)?.length ?? 0;
}
