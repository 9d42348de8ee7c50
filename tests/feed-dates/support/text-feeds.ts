// A feed server on 127.0.0.1 that serves each path the exact text a test gives it (an Atom feed
// with xml:base, which the scripted RSS server does not write), with that feed's content type.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class TextFeeds {
  private readonly bodies = new Map<string, { text: string; type: string }>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<TextFeeds> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const feeds = new TextFeeds(server, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => {
      const body = feeds.bodies.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (body) res.writeHead(200, { 'content-type': `${body.type}; charset=utf-8` }).end(body.text);
      else res.writeHead(404).end('Not Found');
    });
    return feeds;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  serve(path: string, text: string, type = 'application/atom+xml'): void {
    this.bodies.set(path, { text, type });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
