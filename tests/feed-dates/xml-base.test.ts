// GIVEN an Atom feed that declares xml:base, on <feed> or on an <entry>, and writes its links
// relative to it WHEN it is checked THEN each link resolves against the entry's xml:base, else
// the feed's, itself resolved against the feed's address (RFC 4287 §2, XML Base): the card's
// Link and the approved entry's source are the outlet's article, not a path on the feed's host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { cardsByTitle } from './support/cards.js';
import { TextFeeds } from './support/text-feeds.js';

const NOW = '2026-12-06T12:00:00Z';

let feeds: TextFeeds;
let queue: QueueApp;
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

interface Entry {
  id: string;
  title: string;
  href: string;
  base?: string;
}

const atom = (feedBase: string | undefined, entries: Entry[]) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${feedBase === undefined ? '' : ` xml:base="${feedBase}"`}>`,
    '<title>Southwest Desk</title><id>urn:sw-desk</id><updated>2026-12-05T10:00:00Z</updated><link rel="self" href="atom.xml"/>',
    ...entries.map(
      (e) =>
        `<entry${e.base === undefined ? '' : ` xml:base="${e.base}"`}><id>urn:${e.id}</id><title>${e.title}</title><link href="${e.href}"/><updated>2026-12-05T10:00:00Z</updated><summary>Reported by the desk.</summary></entry>`,
    ),
    '</feed>',
  ].join('');

/** Watches the Atom feed with backfill, checks it once, and reads each card's Link by title. */
async function links(feedBase: string | undefined, entries: Entry[]): Promise<Map<string, string>> {
  feeds.serve('/feeds/atom.xml', atom(feedBase, entries));
  const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/feeds/atom.xml')} topic:syria-israel backfill:true`), 'Watching');
  expect(await queue.text(`/sources check id:${id}`)).toContain(`${entries.length} new (${entries.length} proposed)`);
  const cards = await cardsByTitle(queue, entries.length);
  return new Map([...cards.values()].map((c) => [c.title, c.link]));
}

for (const where of ['on the test thread', 'in the checks’ worker, as the bot runs it'] as const) {
  describe(`GIVEN an Atom feed read ${where}`, () => {
    beforeEach(async () => {
      feeds = await TextFeeds.start();
      queue = new QueueApp({ start: NOW, inWorker: where !== 'on the test thread' });
    });

    it('WHEN <feed> declares xml:base THEN relative links resolve against it, and the approved entry cites that address', async () => {
      const found = await links('https://sw.example/', [{ id: 'a1', title: 'Litani deployment begins', href: 'news/litani-deploy' }]);
      expect(found.get('Litani deployment begins')).toBe('https://sw.example/news/litani-deploy');
      expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
      expect(await queue.text('/entry show 18', READER)).toContain('Southwest Desk <https://sw.example/news/litani-deploy>');
    });

    it('WHEN an <entry> declares its own xml:base THEN it wins over the feed’s, a relative one resolving against the feed’s; absolute links stay as written', async () => {
      const found = await links('https://sw.example/en/', [
        { id: 'b1', title: 'Litani deployment begins', href: 'news/litani-deploy', base: 'https://desk.example/wire/' },
        { id: 'b2', title: 'Quneitra crossing reopens', href: 'quneitra', base: 'archive/2026/' },
        { id: 'b3', title: 'Envoy lands in Beirut', href: '/top/envoy' },
        { id: 'b4', title: 'Talks resume in Baku', href: 'https://other.example/baku' },
      ]);
      expect(Object.fromEntries(found)).toEqual({
        'Litani deployment begins': 'https://desk.example/wire/news/litani-deploy',
        'Quneitra crossing reopens': 'https://sw.example/en/archive/2026/quneitra',
        'Envoy lands in Beirut': 'https://sw.example/top/envoy',
        'Talks resume in Baku': 'https://other.example/baku',
      });
    });

    it('WHEN xml:base is itself relative THEN it resolves against the feed’s address; a feed without one resolves against its own address', async () => {
      feeds.serve('/feeds/mirrored.xml', atom('/mirror/', [{ id: 'c1', title: 'Litani deployment begins', href: 'news/litani-deploy' }]));
      feeds.serve('/feeds/plain.xml', atom(undefined, [{ id: 'c2', title: 'Quneitra crossing reopens', href: 'news/quneitra' }]));
      for (const path of ['/feeds/mirrored.xml', '/feeds/plain.xml']) {
        const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`), 'Watching');
        expect(await queue.text(`/sources check id:${id}`)).toContain('1 new (1 proposed)');
      }
      const found = new Map([...(await cardsByTitle(queue, 2)).values()].map((c) => [c.title, c.link]));
      expect(Object.fromEntries(found)).toEqual({
        'Litani deployment begins': feeds.url('/mirror/news/litani-deploy'),
        'Quneitra crossing reopens': feeds.url('/feeds/news/quneitra'),
      });
    });
  });
}
