// Fetches a feed over HTTP(S): conditional GET, redirects followed one by one (each re-checked),
// a deadline over the whole fetch, a cap on the body, and every failure as a FetchOutcome.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { FeedFetcher, FetchOutcome, FetchState } from '../core/sources/feed-port.js';
import { clip } from '../core/text-cut.js';
import { guardedLookup, isRefused, systemResolve, type AddressPolicy, type Resolve } from './address-policy.js';
import { failure, networkFailure, privateAddress, statusFailure, timedOut, type Failure } from './fetch-errors.js';
import { get } from './http-get.js';
import { PermanentMoves } from './permanent-move.js';
import type { FeedBody, FeedParser } from './feed-parser.js';
import { ACCEPTED_ENCODINGS, BodyTooLargeError, readBody, UnknownEncodingError } from './read-body.js';
import { retryAfterMs } from './retry-after.js';
import { WorkerFeedParser } from './worker-parser.js';
import { FeedMemos } from './feed-memos.js';
import type { MemoSlot } from './memo-reading.js';

export const FEED_USER_AGENT = 'Sitrep/0.1 (+feed reader)';
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface HttpFeedFetcherOptions extends Partial<AddressPolicy> {
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  resolve?: Resolve;
  now?: () => number;
  /**
   * Reads the bodies fetched: by default a worker thread this fetcher starts on first use and
   * stops on close(); a parser given here is the caller's to close.
   */
  parser?: FeedParser;
}

/** The validators of a response, exactly as sent; absent ones are left out. */
function validators(headers: IncomingHttpHeaders): FetchState {
  const state: FetchState = {};
  if (headers.etag !== undefined) state.etag = headers.etag;
  if (headers['last-modified'] !== undefined) state.lastModified = headers['last-modified'];
  return state;
}

/** A refusal for an address Sitrep will not request, before any connection is opened. */
function refusal(url: URL, policy: AddressPolicy): Failure | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failure(`Sitrep reads feeds over http and https only, not ${url.protocol}; use the feed's http(s) address.`, true);
  }
  // A literal address is connected to without a lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isRefused(host, policy)) return privateAddress(host, host);
  return undefined;
}

export class HttpFeedFetcher implements FeedFetcher {
  readonly #policy: AddressPolicy;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #resolve: Resolve;
  readonly #now: () => number;
  readonly #parser: FeedParser;
  readonly #ownsParser: boolean;
  /** What each source's last check read, for leaving unread what its feed serves unchanged. */
  readonly #memos = new FeedMemos();

  constructor(options: HttpFeedFetcherOptions = {}) {
    this.#policy = { allowPrivate: options.allowPrivate ?? false, allowedAddresses: options.allowedAddresses ?? [] };
    this.#timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
    this.#maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
    this.#resolve = options.resolve ?? systemResolve;
    this.#now = options.now ?? Date.now;
    this.#parser = options.parser ?? new WorkerFeedParser();
    this.#ownsParser = options.parser === undefined;
  }

  refusal(url: string): string | undefined {
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return undefined;
    }
    // localhost is loopback wherever it is looked up; other names are vetted when a fetch resolves them.
    const address = host === 'localhost' || host.endsWith('.localhost') ? '127.0.0.1' : host;
    if (!isIP(address) || !isRefused(address, this.#policy)) return undefined;
    return privateAddress(host, address).error;
  }

  /** Stops the parser this fetcher started; fetches afterwards fail. */
  async close(): Promise<void> {
    if (this.#ownsParser) await this.#parser.close();
  }

  async fetch(url: string, state: FetchState, source?: number): Promise<FetchOutcome> {
    let start: URL;
    try {
      start = new URL(url.trim());
    } catch {
      return failure(`"${clip(url, 100)}" is not a web address; give the feed's full address, starting with https://.`, true);
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#timeoutMs);
    try {
      return await this.#follow(start, state, deadline.signal, source);
    } catch (error) {
      // Whatever a server sends, the poller gets an outcome, never an exception.
      return deadline.signal.aborted ? timedOut(this.#timeoutMs) : networkFailure(error, start.host);
    } finally {
      clearTimeout(timer);
    }
  }

  async #follow(start: URL, state: FetchState, signal: AbortSignal, source: number | undefined): Promise<FetchOutcome> {
    const lookup = guardedLookup(this.#policy, this.#resolve);
    const headers: Record<string, string> = { 'user-agent': FEED_USER_AGENT, accept: ACCEPT, 'accept-encoding': ACCEPTED_ENCODINGS };
    if (state.etag !== undefined) headers['if-none-match'] = state.etag;
    if (state.lastModified !== undefined) headers['if-modified-since'] = state.lastModified;
    let url = start;
    const moves = new PermanentMoves(start);
    for (let redirects = 0; ; redirects++) {
      const refused = refusal(url, this.#policy);
      if (refused) return refused;
      let response: IncomingMessage;
      try {
        response = await get(url, { headers, lookup, signal });
      } catch (error) {
        return signal.aborted ? timedOut(this.#timeoutMs) : networkFailure(error, url.host);
      }
      const status = response.statusCode ?? 0;
      if (!REDIRECT_STATUSES.has(status)) {
        const outcome = await this.#answer(response, url, state, signal, source);
        // Only an address that answers is moved to: a move to one failing would lose the feed.
        const movedTo = moves.movedTo();
        return movedTo && outcome.kind !== 'failed' ? { ...outcome, movedTo } : outcome;
      }
      response.destroy();
      const location = response.headers.location;
      if (!location) return failure(`The server at ${url.host} redirected without saying where to (HTTP ${status}).`);
      if (redirects >= MAX_REDIRECTS) return failure(`The address redirected more than ${MAX_REDIRECTS} times, so Sitrep stopped following it.`);
      try {
        url = new URL(location, url);
        moves.followed(status, url);
      } catch {
        return failure(`The server at ${url.host} redirected to something that is not a web address.`);
      }
    }
  }

  /** The outcome of a response that is not a redirect. */
  async #answer(response: IncomingMessage, url: URL, state: FetchState, signal: AbortSignal, source: number | undefined): Promise<FetchOutcome> {
    const status = response.statusCode ?? 0;
    if (status === 304) {
      response.destroy();
      return { kind: 'not-modified', state: { ...state, ...validators(response.headers) } };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      return statusFailure(status, retryAfterMs(response.headers['retry-after'], this.#now()));
    }
    let body: Buffer;
    try {
      body = await readBody(response, this.#maxBytes);
    } catch (error) {
      if (signal.aborted) return timedOut(this.#timeoutMs);
      if (error instanceof BodyTooLargeError) return failure(`The feed is larger than ${this.#maxBytes / 1024 / 1024} MB, more than Sitrep reads.`);
      if (error instanceof UnknownEncodingError) return failure(error.message);
      return networkFailure(error, url.host);
    }
    const contentType = response.headers['content-type'];
    const answered = { state: validators(response.headers), url: url.href };
    const read = (memo: MemoSlot | undefined) => this.#read({ bytes: body, contentType, baseUrl: url.href, ...(memo ? { memo } : {}) }, answered);
    // Read again whole (the body is kept for it only while the check holds this outcome).
    const slot: MemoSlot | undefined = source === undefined ? undefined : { memos: this.#memos, source, readWhole: () => read({ ...slot!, whole: true }) };
    return read(slot);
  }

  async #read(body: FeedBody, answered: { state: FetchState; url: string }): Promise<FetchOutcome> {
    const parsed = await this.#parser.parse(body);
    if (parsed.kind === 'failed') return parsed.busy ? { ...failure(parsed.error), busy: true } : failure(parsed.error);
    return { kind: 'ok', feed: parsed.feed, ...answered };
  }
}
