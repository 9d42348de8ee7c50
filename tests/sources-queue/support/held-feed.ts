// A feed server that holds each request until the test lets it answer: for what happens while a
// check waits on the feed (a source removed meanwhile).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const RSS =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Levant Wire</title><link>https://levant.example/</link>' +
  '<item><guid>levant-1</guid><title>Ceasefire announced in Sweida</title><link>https://levant.example/1</link></item></channel></rss>';

export interface HeldFeed {
  url: string;
  /** Settles when the feed is first asked for. */
  asked: Promise<void>;
  /** Lets every request held, and every later one, be answered. */
  answer: () => void;
  close: () => Promise<void>;
}

export async function heldFeed(): Promise<HeldFeed> {
  let asked!: () => void;
  let answer!: () => void;
  const askedP = new Promise<void>((resolve) => (asked = resolve));
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const server = createServer((_req, res) => {
    asked();
    void answered.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`, asked: askedP, answer, close };
}
