// GIVEN a server whose Content-Type names one charset for a feed whose XML declaration names
// another WHEN the feed is fetched THEN it is read in the one its bytes are text in, the header's
// first; bytes that are text in neither fail the check with both charsets named, instead of a
// feed of `����` titles reported as read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { inThreadParser } from '../../src/sources/feed-parser.js';
import { FeedServer } from '../fakes/feed-server.js';

let server: FeedServer;
const fetcher = new HttpFeedFetcher({ allowPrivate: true, parser: inThreadParser });

beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('GIVEN a feed written in windows-1256, as its XML declaration says, served as UTF-8', () => {
  it('THEN its titles are read in windows-1256', async () => {
    const outcome = await fetcher.fetch(server.url('/windows-1256-served-as-utf8.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.items[0]?.title).toBe('سوريا');
  });
});

describe('GIVEN a feed whose bytes are text in neither the header’s charset nor the declaration’s', () => {
  it('THEN the check fails, naming both charsets', async () => {
    const outcome = await fetcher.fetch(server.url('/neither-charset.xml'), {});
    expect(outcome).toEqual({
      kind: 'failed',
      permanent: false,
      error:
        "The feed's bytes are text neither in UTF-8, the charset its server names (Content-Type), nor in ISO-8859-6, the one its XML declaration names, so it was not read: its publisher has to name the charset it is written in.",
    });
  });
});

describe('GIVEN a feed whose bytes are text in the charset its server names, whatever its declaration says', () => {
  it('THEN the header’s charset reads it, as before', async () => {
    const outcome = await fetcher.fetch(server.url('/iso-8859-6-served-as-such.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.items[0]?.title).toBe('سوريا');
  });
});

describe('GIVEN a UTF-8 feed, as its declaration says, under a server’s default ISO-8859-1', () => {
  it('THEN it is read as UTF-8, not as Latin-1 letters', async () => {
    const outcome = await fetcher.fetch(server.url('/utf8-served-as-latin1.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.items[0]?.title).toBe('سوريا');
  });
});

describe('GIVEN a header naming a charset no decoder knows', () => {
  it('THEN the declaration’s charset reads the feed', async () => {
    const outcome = await fetcher.fetch(server.url('/unknown-header-charset.xml'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.items[0]?.title).toBe('سوريا');
  });
});
