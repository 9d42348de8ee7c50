// Feeds read on the checks' worker thread itself (bounded-parser.ts), as the bot reads those of
// usual size: the same documents as reading anywhere else, a parse stopped at its time limit with
// the thread going on to the next feed, bodies too large to read there handed to the parse
// workers, and a clean close.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedFeedParser, READ_HERE_MAX_BYTES } from '../../src/sources/bounded-parser.js';
import { inThreadParser, type FeedBody, type FeedParser, type ParseOutcome } from '../../src/sources/feed-parser.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { FeedServer, FIXTURES, MANY_ITEMS } from '../fakes/feed-server.js';

/** Stands for the parse workers: records the bodies it is given, and whether it was closed. */
class WorkersStandIn implements FeedParser {
  readonly sizes: number[] = [];
  closed = false;
  async parse(body: FeedBody): Promise<ParseOutcome> {
    this.sizes.push(body.bytes.byteLength);
    return { kind: 'failed', error: 'read by the parse workers' };
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const body = (bytes: Uint8Array, contentType?: string): FeedBody => ({ bytes, contentType, baseUrl: 'https://feeds.example/feed' });
const small = (title: string) => body(Buffer.from(`<rss version="2.0"><channel><title>${title}</title><item><title>${title}</title></item></channel></rss>`));
/** RSS of exactly `size` bytes: one item, its title padded. */
function ofSize(size: number): FeedBody {
  const open = '<rss version="2.0"><channel><title>Sized</title><item><title>';
  const close = '</title></item></channel></rss>';
  return body(Buffer.from(open + 'x'.repeat(size - open.length - close.length) + close));
}
const titleOf = (outcome: ParseOutcome) => (outcome.kind === 'ok' ? outcome.feed.title : outcome.error);
/** The sentence for a parse given up after `limitMs`, its seconds written as the reply writes them. */
const gaveUpAfter = (limitMs: number) =>
  new RegExp(`^Sitrep gave up reading this feed after ${String(Number((limitMs / 1000).toFixed(3))).replace('.', '\\.')} s; it is too large or too complex to read in time\\.$`);

let server: FeedServer;
beforeAll(async () => {
  server = await FeedServer.start();
});
afterAll(async () => {
  await server.close();
});

describe('GIVEN the checks’ thread reading feeds of usual size itself', () => {
  it.each([
    ['rss2.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml'],
    ['rdf.xml', 'application/rdf+xml'],
    ['feed.json', 'application/feed+json'],
    ['malformed.xml', 'application/xml'],
    ['entity-expansion.xml', 'application/xml'],
  ])('WHEN it reads %s THEN it answers what reading anywhere does, and no parse worker is asked', async (name, type) => {
    const workers = new WorkersStandIn();
    const parser = new BoundedFeedParser({ large: workers });
    const bytes = () => readFileSync(`${FIXTURES}/${name}`);
    expect(await parser.parse(body(bytes(), type))).toEqual(await inThreadParser.parse(body(bytes(), type)));
    expect(workers.sizes).toEqual([]);
  });

  it(`WHEN a body is larger than ${READ_HERE_MAX_BYTES / 1024} KB THEN the parse workers read it, and a body of that size is read here`, async () => {
    const workers = new WorkersStandIn();
    const parser = new BoundedFeedParser({ large: workers });
    expect(titleOf(await parser.parse(ofSize(READ_HERE_MAX_BYTES)))).toBe('Sized');
    expect(await parser.parse(ofSize(READ_HERE_MAX_BYTES + 1))).toEqual({ kind: 'failed', error: 'read by the parse workers' });
    expect(workers.sizes).toEqual([READ_HERE_MAX_BYTES + 1]);
  });
});

// A hundred thousand items are never read in a millisecond: the limit is let through the size
// bound here, so the one parse surely outlasts it however fast the machine is.
describe(`GIVEN a parse on the checks’ thread limited to 1 ms, and a feed of ${MANY_ITEMS.toLocaleString('en')} items`, () => {
  it('WHEN it is read THEN it is stopped with the sentence a parse worker gives, and the thread goes on to read the next feed', async () => {
    const parser = new BoundedFeedParser({ large: new WorkersStandIn(), timeLimitMs: 1, hereMaxBytes: 5 * 1024 * 1024 });
    const flood = new Uint8Array(await (await fetch(server.url('/many-items.xml'))).arrayBuffer());
    expect(await parser.parse(body(flood))).toEqual({ kind: 'failed', error: expect.stringMatching(gaveUpAfter(1)) });
    // The same thread, with the usual limit (a millisecond is short even for a small feed).
    expect(titleOf(await new BoundedFeedParser({ large: new WorkersStandIn() }).parse(small('after')))).toBe('after');
  });

  it('WHEN the fetcher is given it THEN the check fails, to be retried later', async () => {
    const parser = new BoundedFeedParser({ large: new WorkersStandIn(), timeLimitMs: 1, hereMaxBytes: 5 * 1024 * 1024 });
    const fetcher = new HttpFeedFetcher({ allowPrivate: true, parser });
    expect(await fetcher.fetch(server.url('/many-items.xml'), {})).toEqual({ kind: 'failed', error: expect.stringMatching(gaveUpAfter(1)), permanent: false });
  });
});

describe('GIVEN the checks’ thread reading feeds, closed', () => {
  it('THEN later feeds fail with a sentence, and the parse workers are closed too', async () => {
    const workers = new WorkersStandIn();
    const parser = new BoundedFeedParser({ large: workers });
    await parser.close();
    expect(workers.closed).toBe(true);
    expect(await parser.parse(small('late'))).toEqual({ kind: 'failed', error: 'Sitrep is shutting down, so the feed was not read.' });
  });
});
