// A feed server on 127.0.0.1 for the fetcher's tests: the fixtures of tests/fixtures/feeds in
// each format, and every way a feed server fails (statuses, redirects, a server that never
// answers, bodies too large, hostile XML, bad bytes). It records the requests it receives.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { REPO } from '../support/repo.js';

export const FIXTURES = `${REPO}tests/fixtures/feeds`;
export const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`);

/** Validators the fixtures are served with. */
export const etagOf = (name: string) => `"${name}-v1"`;
export const LAST_MODIFIED = 'Sat, 12 Jul 2025 14:10:00 GMT';
/** The Retry-After date of /unavailable: 90 s after RETRY_FROM. */
export const RETRY_FROM = Date.parse('2025-10-01T12:00:00Z');
export const RETRY_AT = 'Wed, 01 Oct 2025 12:01:30 GMT';
export const MANY_ITEMS = 100_000;
const MB = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  'rss2.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'rdf.xml': 'application/rdf+xml',
  'feed.json': 'application/feed+json',
  'malformed.xml': 'application/xml',
  'entity-expansion.xml': 'application/xml',
};

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

function manyItems(): Buffer {
  const items: string[] = [];
  // Short items: a hundred thousand of them must fit under the 5 MB cap.
  for (let i = 0; i < MANY_ITEMS; i++) items.push(`<item><title>Talks ${i}</title></item>`);
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>${items.join('')}</channel></rss>`);
}

/** RSS whose title holds bytes that are not UTF-8: a lone 0xFF and a cut-off two-byte letter. */
const invalidUtf8 = () =>
  Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bad bytes</title><item><title>Sweida '),
    Buffer.from([0xff, 0x20, 0xc3]),
    Buffer.from('</title><guid>bad-1</guid></item></channel></rss>'),
  ]);

/** RSS in ISO-8859-1, as its declaration says: 0xE9 is é. */
const latin1 = () =>
  Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Levant</title><item><title>Pourparlers à Bakou: détente</title><guid>l-1</guid></item></channel></rss>', 'latin1');

/** `سوريا` in windows-1256 and in ISO-8859-6; 0xA1 is no character in ISO-8859-6. */
const SYRIA_1256 = [0xd3, 0xe6, 0xd1, 0xed, 0xc7];
const SYRIA_8859_6 = [0xd3, 0xe8, 0xd1, 0xea, 0xc7];

/** RSS whose XML declaration names `encoding`, with `title` in that charset's bytes. */
const declaring = (encoding: string, title: number[]) =>
  Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Sana</title><item><title>`),
    Buffer.from(title),
    Buffer.from('</title><guid>s-1</guid></item></channel></rss>'),
  ]);

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `total` bytes in chunks, waiting for the reader, stopping if it hangs up. */
async function stream(res: ServerResponse, total: number, chunk: Buffer): Promise<void> {
  for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  if (!res.destroyed) res.end();
}

export class FeedServer {
  readonly requests: RecordedRequest[] = [];
  /** Responses held open by /slow and /slow-body, ended when the server closes. */
  readonly #held = new Set<ServerResponse>();
  #cache = new Map<string, Buffer>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FeedServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const feeds = new FeedServer(server, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => feeds.#handle(req, res));
    return feeds;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async close(): Promise<void> {
    for (const res of this.#held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #cached(name: string, make: () => Buffer): Buffer {
    const body = this.#cache.get(name) ?? make();
    this.#cache.set(name, body);
    return body;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    res.on('error', () => {}); // A reader hanging up mid-body is part of several tests.
    const url = new URL(req.url ?? '/', this.origin);
    this.requests.push({ path: url.pathname + url.search, headers: req.headers });
    const path = url.pathname;
    const name = path.slice(1);
    const send = (status: number, headers: Record<string, string | number> = {}, body: string | Buffer = ''): void => {
      res.writeHead(status, headers).end(body);
    };

    if (name in CONTENT_TYPES) return this.#serveFixture(req, res, name);
    const redirect = /^\/redirect\/(\d+)$/.exec(path);
    if (redirect) {
      const left = Number(redirect[1]);
      return send(302, { location: left > 1 ? `/redirect/${left - 1}` : '/rss2.xml' });
    }
    switch (path) {
      case '/gzip/rss2.xml':
        return send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, gzipSync(fixture('rss2.xml')));
      case '/redirect-to':
        return send(302, { location: url.searchParams.get('url') ?? '/' });
      case '/redirect-without-location':
        return send(302);
      case '/rate-limited':
        return send(429, { 'retry-after': '120' });
      case '/unavailable':
        return send(503, { 'retry-after': RETRY_AT });
      case '/error':
        return send(500, {}, 'Internal Server Error');
      case '/gone':
        return send(410);
      case '/slow':
        this.#held.add(res); // Never answers.
        return;
      case '/slow-body':
        this.#held.add(res);
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).write('<?xml version="1.0"?><rss version="2.0"><channel>');
        return;
      case '/oversized':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        void stream(res, 6 * MB, Buffer.alloc(64 * 1024, ' '));
        return;
      case '/oversized-declared':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': 6 * MB });
        void stream(res, 6 * MB, Buffer.alloc(64 * 1024, ' '));
        return;
      case '/gzip-bomb':
        return send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, this.#cached('bomb', () => gzipSync(Buffer.alloc(6 * MB, ' '))));
      case '/unknown-encoding':
        return send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'zstd-custom' }, 'xx');
      case '/many-items.xml':
        return send(200, { 'content-type': 'application/rss+xml' }, this.#cached('many', manyItems));
      case '/invalid-utf8.xml':
        return send(200, { 'content-type': 'application/rss+xml; charset=utf-8' }, invalidUtf8());
      case '/latin1.xml':
        return send(200, { 'content-type': 'application/xml' }, latin1());
      // A server naming UTF-8 for a file that declares, and is written in, windows-1256.
      case '/windows-1256-served-as-utf8.xml':
        return send(200, { 'content-type': 'text/xml; charset=UTF-8' }, declaring('windows-1256', SYRIA_1256));
      // Bytes that are text neither in the header's UTF-8 nor in the declaration's ISO-8859-6.
      case '/neither-charset.xml':
        return send(200, { 'content-type': 'text/xml; charset=UTF-8' }, declaring('ISO-8859-6', [...SYRIA_8859_6, 0xa1]));
      // The same bytes read right in the header's charset, whatever the declaration says.
      case '/iso-8859-6-served-as-such.xml':
        return send(200, { 'content-type': 'text/xml; charset=ISO-8859-6' }, declaring('UTF-8', SYRIA_8859_6));
      // UTF-8, as declared, under a server's default Latin-1, which would read any bytes.
      case '/utf8-served-as-latin1.xml':
        return send(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }, declaring('UTF-8', [...Buffer.from('سوريا')]));
      // A header charset no decoder knows: the declaration's windows-1256 reads the bytes.
      case '/unknown-header-charset.xml':
        return send(200, { 'content-type': 'text/xml; charset=unknown-8bit' }, declaring('windows-1256', SYRIA_1256));
      case '/site':
        // A site's home page, naming its feeds in its head as sites do.
        return send(
          200,
          { 'content-type': 'text/html; charset=utf-8' },
          '<!doctype html><html><head><title>Levant Wire</title><link rel="stylesheet" href="/site.css"><link rel="alternate" type="application/rss+xml" title="All news" href="/rss2.xml"><link rel="alternate" type="application/atom+xml" href="https://levant.example/atom.xml?lang=en&amp;v=2"></head><body><p>Home</p></body></html>',
        );
      case '/page.html':
        return send(200, { 'content-type': 'text/html' }, '<!doctype html><html><head><title>Syria news</title></head><body><p>Not a feed</p></body></html>');
      default:
        return send(404, {}, 'Not Found');
    }
  }

  /** A fixture, or 304 when the request's validators match it (If-None-Match first, as HTTP says). */
  #serveFixture(req: IncomingMessage, res: ServerResponse, name: string): void {
    const etag = etagOf(name);
    const ifNoneMatch = req.headers['if-none-match'];
    const notModified = ifNoneMatch !== undefined ? ifNoneMatch === etag : req.headers['if-modified-since'] === LAST_MODIFIED;
    const validators = { etag, 'last-modified': LAST_MODIFIED };
    if (notModified) return void res.writeHead(304, validators).end();
    res.writeHead(200, { ...validators, 'content-type': CONTENT_TYPES[name]! }).end(fixture(name));
  }
}
