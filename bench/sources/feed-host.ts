// The sources benchmark's feed server, run as its own process (forked by bench/sources.ts) so
// that making and sending feeds costs the measured bot process nothing, as feeds on other hosts
// would. It serves /feeds/<n>.xml on 127.0.0.1 with ETags; the parent says, over IPC, which
// window of items the feeds hold now.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedBody, type FeedConfig } from './feed-content.js';

export type HostMessage = { kind: 'start'; config: FeedConfig } | { kind: 'window'; first: number };
export type HostReply = { kind: 'listening'; port: number } | { kind: 'window'; first: number; bytes: number };

let config: FeedConfig | undefined;
let first = 0;
/** Each feed's body for the current window, made once it is first asked for. */
let bodies = new Map<number, { body: Buffer; contentType: string }>();

const send = (reply: HostReply) => process.send?.(reply);

const server = createServer((req, res) => {
  const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
  const source = match ? Number(match[1]) : -1;
  if (!config || source < 0 || source >= config.sources) return void res.writeHead(404).end();
  const etag = `"s${source}-w${first}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  let feed = bodies.get(source);
  if (!feed) {
    const made = feedBody(config, source, first);
    feed = { body: Buffer.from(made.body), contentType: made.contentType };
    bodies.set(source, feed);
  }
  res.writeHead(200, { etag, 'content-type': feed.contentType, 'content-length': feed.body.length }).end(feed.body);
});

process.on('message', (message: HostMessage) => {
  if (message.kind === 'start') {
    config = message.config;
    server.listen(0, '127.0.0.1', () => send({ kind: 'listening', port: (server.address() as AddressInfo).port }));
    return;
  }
  first = message.first;
  bodies = new Map();
  // Made ahead, so that the cycle measures reading feeds, not this process writing them.
  let bytes = 0;
  for (let source = 0; source < (config?.sources ?? 0); source++) {
    const made = feedBody(config!, source, first);
    const body = Buffer.from(made.body);
    bytes += body.length;
    bodies.set(source, { body, contentType: made.contentType });
  }
  send({ kind: 'window', first, bytes });
});
// The parent's end is this process's end.
process.on('disconnect', () => process.exit(0));
