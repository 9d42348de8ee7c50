// A feed server on 127.0.0.1 whose feeds a test writes and changes between checks: each path
// serves RSS built from the items given, with an ETag and Last-Modified that change with it (and
// a 304 when the request sends them back), or fails with the status a test sets. It records the
// requests it receives, and resolves a promise per request so tests wait for events, not time.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedItem {
  guid?: string;
  title: string;
  link?: string;
  summary?: string;
  /** ISO instant. */
  published?: string;
  /** The pubDate as the feed writes it, offset and all, in place of `published` in UTC. */
  pubDate?: string;
}

interface Feed {
  title: string;
  items: ScriptedItem[];
  etag: string;
  lastModified: string;
}

export interface Failure {
  status: number;
  headers?: Record<string, string>;
}

/** Text as XML holds it. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(feed: Pick<Feed, 'title' | 'items'>): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
      item.link ? `<link>${escapeXml(item.link)}</link>` : '',
      item.summary ? `<description>${escapeXml(item.summary)}</description>` : '',
      item.pubDate ? `<pubDate>${escapeXml(item.pubDate)}</pubDate>` : item.published ? `<pubDate>${new Date(item.published).toUTCString()}</pubDate>` : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(feed.title)}</title><link>https://outlet.example/</link>${items.join('')}</channel></rss>`;
}

export class ScriptedFeeds {
  /** Each request's path, its query (`?api_key=…`, or '') and headers. */
  readonly requests: { path: string; query: string; headers: IncomingHttpHeaders }[] = [];
  private readonly feeds = new Map<string, Feed>();
  private readonly failures = new Map<string, Failure>();
  private version = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<ScriptedFeeds> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const feeds = new ScriptedFeeds(server, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => {
      const { pathname: path, search: query } = new URL(req.url ?? '/', 'http://127.0.0.1');
      feeds.requests.push({ path, query, headers: req.headers });
      const failure = feeds.failures.get(path);
      const feed = feeds.feeds.get(path);
      if (failure) res.writeHead(failure.status, failure.headers ?? {}).end('failed');
      else if (!feed) res.writeHead(404).end('Not Found');
      else if (req.headers['if-none-match'] === feed.etag) res.writeHead(304, { etag: feed.etag, 'last-modified': feed.lastModified }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag, 'last-modified': feed.lastModified }).end(rss(feed));
      const waiting = feeds.waiters;
      feeds.waiters = [];
      for (const wake of waiting) wake();
    });
    return feeds;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Serves this feed at `path` from now on (a new version: new validators). */
  serve(path: string, title: string, items: ScriptedItem[]): void {
    this.version += 1;
    const etag = `"${createHash('sha1').update(`${this.version}:${rss({ title, items })}`).digest('hex').slice(0, 12)}"`;
    this.feeds.set(path, { title, items, etag, lastModified: new Date(Date.UTC(2025, 0, 1) + this.version * 60_000).toUTCString() });
  }

  /** Answers requests for `path` with this failure until `recover`. */
  fail(path: string, failure: Failure): void {
    this.failures.set(path, failure);
  }

  recover(path: string): void {
    this.failures.delete(path);
  }

  requestsFor(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves at the next request the server answers. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
