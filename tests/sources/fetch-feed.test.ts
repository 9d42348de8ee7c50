// The HTTP fetcher against the local feed server: each format, conditional GET, redirects and
// the statuses a server answers with. Only 127.0.0.1 is contacted (allowPrivate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../src/core/sources/feed-port.js';
import { FEED_USER_AGENT, HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { etagOf, FeedServer, LAST_MODIFIED, RETRY_FROM } from '../fakes/feed-server.js';

let server: FeedServer;
const fetcher = new HttpFeedFetcher({ allowPrivate: true, now: () => RETRY_FROM });

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(async () => {
  await server.close();
});

function ok(outcome: FetchOutcome) {
  if (outcome.kind !== 'ok') throw new Error(`expected a feed, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('GIVEN a feed in each format', () => {
  it.each([
    ['rss2.xml', 'Levant Wire — Syria', 'Syria and Israel hold de-escalation talks in Baku'],
    ['atom.xml', 'Mediterranean Dispatch', 'Israel, Syria resume de-escalation talks in Baku'],
    ['rdf.xml', 'Golan Observer', 'Baku meeting between Syrian and Israeli officials confirmed'],
    ['feed.json', 'Damascus Brief', 'Damascus confirms contacts with Israel in Baku'],
  ])('THEN %s is read with its title, first item and validators', async (name, title, firstItem) => {
    const outcome = ok(await fetcher.fetch(server.url(`/${name}`), {}));
    expect(outcome.feed.title).toBe(title);
    expect(outcome.feed.items[0]?.title).toBe(firstItem);
    expect(outcome.state).toEqual({ etag: etagOf(name), lastModified: LAST_MODIFIED });
    expect(outcome.url).toBe(server.url(`/${name}`));
  });

  it('THEN the request names Sitrep and asks for feeds', async () => {
    await fetcher.fetch(server.url('/rss2.xml'), {});
    const headers = server.requests.at(-1)!.headers;
    expect(headers['user-agent']).toBe(FEED_USER_AGENT);
    expect(headers['user-agent']).toBe('Sitrep/0.1 (+feed reader)');
    expect(headers.accept).toContain('application/rss+xml');
  });

  it('THEN a gzip-compressed feed is decompressed', async () => {
    const outcome = ok(await fetcher.fetch(server.url('/gzip/rss2.xml'), {}));
    expect(outcome.feed.items).toHaveLength(4);
  });
});

describe('GIVEN validators from the last fetch', () => {
  it('THEN they are sent exactly as received and a 304 is not-modified, state kept', async () => {
    const state = { etag: etagOf('atom.xml'), lastModified: LAST_MODIFIED };
    const outcome = await fetcher.fetch(server.url('/atom.xml'), state);
    expect(outcome).toEqual({ kind: 'not-modified', state });
    const headers = server.requests.at(-1)!.headers;
    expect(headers['if-none-match']).toBe('"atom.xml-v1"');
    expect(headers['if-modified-since']).toBe('Sat, 12 Jul 2025 14:10:00 GMT');
  });

  it('THEN Last-Modified alone also gets a 304', async () => {
    const outcome = await fetcher.fetch(server.url('/rdf.xml'), { lastModified: LAST_MODIFIED });
    expect(outcome.kind).toBe('not-modified');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
  });

  it('THEN a changed feed (validator no longer matching) is read again with its new validators', async () => {
    const outcome = ok(await fetcher.fetch(server.url('/rss2.xml'), { etag: '"rss2.xml-v0"' }));
    expect(outcome.state.etag).toBe('"rss2.xml-v1"');
  });

  it('THEN no conditional headers are sent without validators', async () => {
    await fetcher.fetch(server.url('/rss2.xml'), {});
    const headers = server.requests.at(-1)!.headers;
    expect(headers['if-none-match']).toBeUndefined();
    expect(headers['if-modified-since']).toBeUndefined();
  });
});

describe('GIVEN redirects', () => {
  it('THEN a chain of 3 is followed, each hop requested, and the final address reported', async () => {
    const before = server.requests.length;
    const outcome = ok(await fetcher.fetch(server.url('/redirect/3'), {}));
    expect(outcome.url).toBe(server.url('/rss2.xml'));
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/redirect/3', '/redirect/2', '/redirect/1', '/rss2.xml']);
  });

  it('THEN 5 are still followed', async () => {
    expect((await fetcher.fetch(server.url('/redirect/5'), {})).kind).toBe('ok');
  });

  it('THEN a 6th is refused', async () => {
    const outcome = await fetcher.fetch(server.url('/redirect/6'), {});
    expect(outcome).toEqual({ kind: 'failed', error: 'The address redirected more than 5 times, so Sitrep stopped following it.', permanent: false });
  });

  it('THEN a redirect to a non-http scheme is refused, permanently', async () => {
    const outcome = await fetcher.fetch(server.url(`/redirect-to?url=${encodeURIComponent('ftp://files.example/feed.xml')}`), {});
    expect(outcome).toMatchObject({ kind: 'failed', permanent: true });
    expect(outcome.kind === 'failed' && outcome.error).toContain('http and https only');
  });

  it('THEN a redirect without a Location fails saying so', async () => {
    const outcome = await fetcher.fetch(server.url('/redirect-without-location'), {});
    expect(outcome).toMatchObject({ kind: 'failed', error: expect.stringContaining('redirected without saying where') });
  });
});

describe('GIVEN an error status', () => {
  it('THEN 429 with Retry-After in seconds is a temporary failure with retryAfterMs', async () => {
    expect(await fetcher.fetch(server.url('/rate-limited'), {})).toEqual({
      kind: 'failed',
      error: 'The server is limiting how often it may be asked (HTTP 429).',
      retryAfterMs: 120_000,
      permanent: false,
    });
  });

  it('THEN 503 with Retry-After as an HTTP date is a temporary failure with retryAfterMs', async () => {
    expect(await fetcher.fetch(server.url('/unavailable'), {})).toMatchObject({ kind: 'failed', retryAfterMs: 90_000, permanent: false });
  });

  it('THEN 500 is temporary', async () => {
    expect(await fetcher.fetch(server.url('/error'), {})).toEqual({ kind: 'failed', error: 'The server failed with an error (HTTP 500).', permanent: false });
  });

  it('THEN 410 is permanent, and 404 (a site being moved answers it for a while) temporary', async () => {
    expect(await fetcher.fetch(server.url('/gone'), {})).toMatchObject({ kind: 'failed', permanent: true, error: expect.stringContaining('HTTP 410') });
    expect(await fetcher.fetch(server.url('/missing'), {})).toMatchObject({ kind: 'failed', permanent: false, error: expect.stringContaining('HTTP 404') });
  });

  it('THEN a port nothing listens on is a refused connection, not a crash', async () => {
    const closed = await FeedServer.start();
    const url = closed.url('/rss2.xml');
    await closed.close();
    const outcome = await fetcher.fetch(url, {});
    expect(outcome).toMatchObject({ kind: 'failed', permanent: false, error: `The server at 127.0.0.1:${closed.port} refused the connection.` });
  });
});
