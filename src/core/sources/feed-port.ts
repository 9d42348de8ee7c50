// What the core asks of a feed source: fetch a feed by address, given what was last seen of it.
// The HTTP reader (src/sources) implements it; tests and the poller depend only on this port.
import type { FeedMemo } from './feed-memo.js';

/** One item of a feed, in plain text: no markup survives parsing. */
export interface FeedItem {
  /** RSS guid, Atom id, JSON Feed id or RDF about, trimmed. */
  guid?: string;
  /** An absolute http(s) address; any other scheme is dropped when the feed is read. */
  link?: string;
  title: string;
  /** Plain text: tags removed, entities decoded, whitespace folded. */
  summary: string;
  published?: Date;
  /**
   * `YYYY-MM-DD`: the day `published` falls on at the offset the feed wrote it with (a number or
   * a zone name), where it gave one; the day as written when its zone could not be placed.
   */
  publishedDay?: string;
  /** The feed gave a day without a time: `published` is that day's start in UTC, a time it never gave. */
  publishedDayOnly?: true;
  /**
   * The date the feed gave, as it wrote it, when Sitrep could not read it: the item counts as
   * undated. `dayOrMonth`: a numeric date that could be read either way round (`05/12/2026`)
   * whose feed shows in no other date which way it writes them.
   */
  unreadDate?: { written: string; dayOrMonth?: true };
  authors?: string[];
  /**
   * The outlet the item names as its own (RSS `<source>`): an aggregator's item is another
   * newsroom's story, `Reuters` at `https://www.reuters.com`, behind an address of the aggregator.
   */
  outlet?: { name: string; url?: string };
}

export interface FeedDocument {
  title?: string;
  link?: string;
  items: FeedItem[];
  /**
   * Set when the feed held more items than this: only the first `itemLimit` were read (feeds
   * list their newest first), the rest were ignored.
   */
  itemLimit?: number;
  /** Set when read for a source: what the reader keeps for its next check, and the items it left unread (feed-memo.ts). */
  memo?: FeedMemo;
}

/** Validators from the last full answer, kept exactly as the server sent them. */
export interface FetchState {
  etag?: string;
  lastModified?: string;
}

/** Where a feed's server sent Sitrep for good (HTTP 301 or 308): the address to read it at from now on. */
export interface MovedTo {
  url: string;
  status: number;
}

export type FetchOutcome =
  | { kind: 'ok'; feed: FeedDocument; state: FetchState; /** Final address, after redirects. */ url: string; movedTo?: MovedTo }
  | { kind: 'not-modified'; state: FetchState; movedTo?: MovedTo }
  | {
      kind: 'failed';
      /** One sentence a person can act on: what happened, naming the address or status. */
      error: string;
      /** How long the server asked to be left alone (429 or 503 with Retry-After). */
      retryAfterMs?: number;
      /** Retrying will not help (410, an address Sitrep will not read; a 404 is retried): stop polling. */
      permanent: boolean;
      /**
       * The feed was fetched, but Sitrep was too busy to read it (its feed reader did not start in
       * time): Sitrep's failure, not the feed's, so it counts toward no failure streak or back-off.
       */
      busy?: true;
    };

export interface FeedFetcher {
  /**
   * `source`: the source the feed is read for; a reader may then leave unread the items whose
   * text is what the feed served at that source's last check (FeedDocument.memo).
   */
  fetch(url: string, state: FetchState, source?: number): Promise<FetchOutcome>;
  /**
   * Why no fetch of this address would be allowed, as far as the address itself tells (a
   * private network address written out, or localhost), so /sources add can refuse it at once;
   * undefined when it may be fetched, or when only its lookup at fetch time can tell.
   */
  refusal?(url: string): string | undefined;
}

/** The most items read from one feed; feeds list their newest first. */
export const MAX_FEED_ITEMS = 1_000;

/** The sentence for a body that is none of the formats Sitrep reads. */
export const NOT_A_FEED = 'This is not a feed Sitrep can read (RSS, Atom, RDF or JSON Feed).';
