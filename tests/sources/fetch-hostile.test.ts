// The fetcher against addresses and bodies meant to hurt it: private addresses (directly, by
// redirect, by DNS answer), servers that never answer, bodies too large, hostile XML and bad
// bytes. Every failure is an outcome with one clear sentence, never a throw or a hang.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../src/core/sources/feed-port.js';
import { timedOut } from '../../src/sources/fetch-errors.js';
import { FETCH_TIMEOUT_MS, HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { FeedServer, MANY_ITEMS } from '../fakes/feed-server.js';

let server: FeedServer;
const open = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 200 });

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(async () => {
  await server.close();
});

/** Names resolved from a table, as DNS might answer: feeds.test is the local server. */
function table(names: Record<string, string[]>) {
  return async (hostname: string): Promise<LookupAddress[]> => {
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`not found: ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

function failed(outcome: FetchOutcome) {
  if (outcome.kind !== 'failed') throw new Error(`expected a failure, got ${outcome.kind}`);
  return outcome;
}

describe('GIVEN a fetcher that does not allow private addresses', () => {
  it('THEN 127.0.0.1 is refused with a clear, permanent error and nothing reaches the server', async () => {
    const before = server.requests.length;
    const outcome = await new HttpFeedFetcher().fetch(server.url('/rss2.xml'), {});
    expect(outcome).toEqual({
      kind: 'failed',
      error: "127.0.0.1 is a private or local network address, which Sitrep does not read feeds from; use the feed's public address.",
      permanent: true,
    });
    expect(server.requests.length).toBe(before);
  });

  it('THEN localhost is refused once resolved, at connect time', async () => {
    const before = server.requests.length;
    const outcome = failed(await new HttpFeedFetcher().fetch(`http://localhost:${server.port}/rss2.xml`, {}));
    expect(outcome.error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private or local network address/);
    expect(server.requests.length).toBe(before);
  });

  it.each(['http://[::1]:9/feed', 'http://[::ffff:127.0.0.1]:9/feed', 'http://0x7f.1:9/feed', 'http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/', 'http://10.1.2.3/'])(
    'THEN the literal address in %s is refused before connecting',
    async (url) => {
      expect(failed(await new HttpFeedFetcher({ timeoutMs: 200 }).fetch(url, {}))).toMatchObject({ permanent: true, error: expect.stringContaining('private or local network address') });
    },
  );

  // The local server is let through by address so that what it redirects to can be tested.
  const guarded = new HttpFeedFetcher({
    allowedAddresses: ['127.0.0.1'],
    timeoutMs: 500,
    resolve: table({ 'feeds.test': ['127.0.0.1'], 'internal.test': ['10.0.0.5'], 'mixed.test': ['93.184.215.14', '192.168.1.20'] }),
  });

  it('THEN a name resolving to an allowed address is fetched through the guarded lookup', async () => {
    expect((await guarded.fetch(`http://feeds.test:${server.port}/rss2.xml`, {})).kind).toBe('ok');
  });

  it('THEN a redirect to a private address literal is refused', async () => {
    const outcome = failed(await guarded.fetch(`http://feeds.test:${server.port}/redirect-to?url=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`, {}));
    expect(outcome.error).toBe("169.254.169.254 is a private or local network address, which Sitrep does not read feeds from; use the feed's public address.");
  });

  it('THEN a redirect to a name whose DNS answer is private is refused at connect time', async () => {
    const target = `http://internal.test:${server.port}/rss2.xml`;
    const outcome = failed(await guarded.fetch(`http://feeds.test:${server.port}/redirect-to?url=${encodeURIComponent(target)}`, {}));
    expect(outcome.error).toBe("internal.test resolves to 10.0.0.5, a private or local network address, which Sitrep does not read feeds from; use the feed's public address.");
    expect(outcome.permanent).toBe(true);
  });

  it('THEN a name with one private address among public ones is refused', async () => {
    expect(failed(await guarded.fetch('http://mixed.test/feed.xml', {})).error).toContain('mixed.test resolves to 192.168.1.20');
  });

  it('THEN a name that does not resolve says so', async () => {
    expect(failed(await guarded.fetch('http://nowhere.test/feed.xml', {})).error).toBe('No server named nowhere.test was found; check the address.');
  });
});

describe('GIVEN an address that is not an http(s) feed address', () => {
  it.each([
    ['file:///etc/passwd', 'not file:'],
    ['javascript:alert(1)', 'not javascript:'],
    ['ftp://files.example/feed.xml', 'not ftp:'],
    ['not an address', 'is not a web address'],
  ])('THEN %s is refused permanently', async (url, says) => {
    expect(failed(await open.fetch(url, {}))).toMatchObject({ permanent: true, error: expect.stringContaining(says) });
  });
});

describe('GIVEN a server that never answers', () => {
  it('THEN the fetch gives up at its deadline, before the headers', async () => {
    expect(await open.fetch(server.url('/slow'), {})).toEqual({ kind: 'failed', error: 'The server did not answer within 0.2 s.', permanent: false });
  });

  it('THEN the fetch gives up at its deadline, in the middle of the body', async () => {
    expect(failed(await open.fetch(server.url('/slow-body'), {})).error).toBe('The server did not answer within 0.2 s.');
  });

  it('THEN the default deadline is 15 s, said in seconds', () => {
    expect(FETCH_TIMEOUT_MS).toBe(15_000);
    expect(timedOut(FETCH_TIMEOUT_MS).error).toBe('The server did not answer within 15 s.');
  });
});

describe('GIVEN a body larger than 5 MB', () => {
  const big = new HttpFeedFetcher({ allowPrivate: true });
  it.each(['/oversized', '/oversized-declared', '/gzip-bomb'])('THEN %s is refused once past the cap', async (path) => {
    expect(await big.fetch(server.url(path), {})).toEqual({ kind: 'failed', error: 'The feed is larger than 5 MB, more than Sitrep reads.', permanent: false });
  });

  it('THEN an encoding Sitrep cannot decompress is named', async () => {
    expect(failed(await big.fetch(server.url('/unknown-encoding'), {})).error).toContain('(zstd-custom)');
  });
});

describe('GIVEN a body that is not a well-formed feed', () => {
  const reader = new HttpFeedFetcher({ allowPrivate: true });
  it.each(['/malformed.xml', '/page.html', '/missing-route-is-404'])('THEN %s fails without a throw', async (path) => {
    const outcome = failed(await reader.fetch(server.url(path), {}));
    if (path === '/malformed.xml') expect(outcome.error).toBe('The feed is malformed: it opens as RSS, Atom or RDF but its XML does not parse, which only its publisher can fix. Sitrep tries again at each check.');
    if (path === '/page.html') expect(outcome.error).toBe('This address is a web page, not a feed, and the page names no feed of its own: find the site’s RSS or Atom link, watch that instead and remove this source.');
  });

  it("THEN a site's home page given for its feed is refused with the feeds it names, the first to watch instead", async () => {
    const outcome = failed(await reader.fetch(server.url('/site'), {}));
    const feed = server.url('/rss2.xml');
    expect(outcome.error).toBe(
      `This address is a web page, not a feed. It names these feeds: ${feed}, https://levant.example/atom.xml?lang=en&v=2: watch that instead (/sources add url:${feed}) and remove this source.`,
    );
  });

  // Expanded, the entities would make a title of gigabytes: a short one proves they were not.
  it('THEN entity-expansion XML ("billion laughs") is read without expanding', async () => {
    const outcome = await reader.fetch(server.url('/entity-expansion.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.feed.items[0]?.title).toBe('Item &lol9;');
    expect(outcome.feed.items[0]?.summary.length).toBeLessThan(10);
  });

  // Seconds of parsing in a worker that yields to everything else: on a busy machine, many more.
  it(`THEN a feed of ${MANY_ITEMS.toLocaleString('en')} items yields the first 1,000 and says the rest were ignored`, { timeout: 60_000 }, async () => {
    const outcome = await reader.fetch(server.url('/many-items.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.items).toHaveLength(1_000);
    expect(outcome.feed.items.at(-1)?.title).toBe('Talks 999');
    expect(outcome.feed.itemLimit).toBe(1_000);
  });

  it('THEN invalid UTF-8 becomes replacement characters', async () => {
    const outcome = await reader.fetch(server.url('/invalid-utf8.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.feed.items[0]?.title).toBe('Sweida \uFFFD \uFFFD');
  });

  it('THEN a feed in the charset its XML declaration names is decoded in it', async () => {
    const outcome = await reader.fetch(server.url('/latin1.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    expect(outcome.feed.items[0]?.title).toBe('Pourparlers à Bakou: détente');
  });
});
