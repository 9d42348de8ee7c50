// Turning a feed's bytes into a FeedDocument, behind a port: the fetcher hands the body to a
// FeedParser and awaits the outcome. The bot reads feeds in a worker thread (worker-parser.ts),
// so a hostile feed never holds the event loop; tests and tools may read in this thread.
import { decodeFeedBody } from './decode-body.js';
import { readWithMemo, type MemoSlot } from './memo-reading.js';
import { parseFeedText, type ParseOutcome } from './parse-feed.js';

export type { ParseOutcome };

export interface FeedBody {
  /** The body as received, decompressed. A parser may take it over (transfer it to a worker). */
  bytes: Uint8Array;
  /** The response's Content-Type, which may name the charset. */
  contentType?: string | undefined;
  /** The feed's final address: relative links are resolved against it. */
  baseUrl: string;
  /** The source it is read for, on this thread: items unchanged since its last check are left unread (memo-reading.ts). */
  memo?: MemoSlot;
}

export interface FeedParser {
  /** The feed read from the body; every failure is an outcome, never a throw. */
  parse(body: FeedBody): Promise<ParseOutcome>;
  /** Stops whatever the parser runs; parses asked for afterwards fail. */
  close(): Promise<void>;
}

/** Decoding and parsing, as both the worker and the in-thread parser run them. */
export function readFeedBody(body: FeedBody): ParseOutcome {
  const decoded = decodeFeedBody(body.bytes, body.contentType);
  if (decoded.kind !== 'ok') return decoded;
  return body.memo ? readWithMemo(decoded.text, body.baseUrl, body.memo) : parseFeedText(decoded.text, body.baseUrl);
}

/** Reads feeds on the calling thread: for tests and tools, where blocking the loop is harmless. */
export const inThreadParser: FeedParser = {
  parse: async (body) => readFeedBody(body),
  close: async () => {},
};
