// GIVEN a feed read for a source, its reading kept once its check is recorded, THEN the next
// reading leaves unread exactly the items whose text is unchanged, reads the rest as a whole
// reading does, and reads the whole feed when anything around the items could change how one reads.
import { describe, expect, it } from 'vitest';
import type { FeedDocument, FeedItem } from '../../src/core/sources/feed-port.js';
import { keyedItems } from '../../src/core/sources/watch-service.js';
import { FeedMemos } from '../../src/sources/feed-memos.js';
import { scanItems } from '../../src/sources/item-scan.js';
import { readWithMemo, type MemoSlot } from '../../src/sources/memo-reading.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';

const BASE = 'https://levant.example/feed.xml';

const rssItem = (n: number, description = `<![CDATA[<p>Round ${n} went on.</p>]]>`) =>
  `<item><title>Round ${n} of talks</title><link>/2025/${n}</link><guid>levant-${n}</guid><pubDate>Sat, 19 Jul 2025 0${n}:00:00 GMT</pubDate><description>${description}</description></item>`;
const rss = (items: string[], header = '<title>Levant Wire</title><lastBuildDate>Sat, 19 Jul 2025 10:00:00 GMT</lastBuildDate>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${header}\n${items.join('\n')}\n</channel></rss>`;

function slot(memos: FeedMemos): MemoSlot {
  return { memos, source: 1, readWhole: () => Promise.reject(new Error('not read whole here')) };
}

/** Reads `text` for source 1 and records its check, each item held as row 100 + its place in the feed. */
function readAndRecord(memos: FeedMemos, text: string, baseUrl = BASE): FeedDocument {
  const read = readWithMemo(text, baseUrl, slot(memos));
  if (read.kind !== 'ok') throw new Error(read.error);
  const keyed = keyedItems(read.feed.items);
  read.feed.memo?.recorded(keyed, new Map(keyed.map(({ key }, i) => [key, { id: 100 + i, digest: `digest-${key}` }])));
  return read.feed;
}

const whole = (text: string, baseUrl = BASE): FeedItem[] => {
  const read = parseFeedText(text, baseUrl);
  if (read.kind !== 'ok') throw new Error(read.error);
  return read.feed.items;
};

describe('GIVEN a feed read for its source and recorded', () => {
  it('WHEN read again with items unchanged, one changed and one new THEN only those two are read, as a whole reading reads them', () => {
    const memos = new FeedMemos();
    readAndRecord(memos, rss([3, 2, 1].map((n) => rssItem(n))));
    const next = rss([rssItem(4), rssItem(3), rssItem(2, '<![CDATA[<p>Round 2 ended.</p>]]>'), rssItem(1)], '<title>Levant Wire</title><lastBuildDate>Sat, 19 Jul 2025 11:00:00 GMT</lastBuildDate>');
    const read = readWithMemo(next, BASE, slot(memos));
    expect(read.kind).toBe('ok');
    const feed = (read as { feed: FeedDocument }).feed;
    const items = whole(next);
    expect(feed.items).toEqual([items[0], items[2]]);
    expect(feed.title).toBe('Levant Wire');
    expect([...feed.memo!.unread!.rows]).toEqual(expect.arrayContaining([100, 102]));
    expect(feed.memo!.unread!.rows).toHaveLength(2);
  });

  it.each([
    ['at another address (its relative links resolve elsewhere)', rss([2, 1].map((n) => rssItem(n))), 'https://levant.example/other.xml'],
    ['with a namespace declared otherwise', rss([2, 1].map((n) => rssItem(n))).replace('elements/1.1/', 'elements/1.0/'), BASE],
    ['by another source', rss([2, 1].map((n) => rssItem(n))), BASE, 2],
  ])('WHEN read %s THEN every item is read', (_case, text, baseUrl, source = 1) => {
    const memos = new FeedMemos();
    readAndRecord(memos, rss([2, 1].map((n) => rssItem(n))));
    const read = readWithMemo(text, baseUrl, { ...slot(memos), source });
    expect(read.kind === 'ok' && read.feed.items).toEqual(whole(text, baseUrl));
    expect(read.kind === 'ok' && read.feed.memo?.unread).toBeUndefined();
  });

  it('WHEN the store did not confirm the items and the feed is read whole THEN every item is read', () => {
    const memos = new FeedMemos();
    const text = rss([2, 1].map((n) => rssItem(n)));
    readAndRecord(memos, text);
    const read = readWithMemo(text, BASE, { ...slot(memos), whole: true });
    expect(read.kind === 'ok' && read.feed.items).toEqual(whole(text));
  });
});

describe('GIVEN feeds whose markup could fool a scan for items', () => {
  it.each([
    ['CDATA holding `</item><item>`', rssItem(2, '<![CDATA[a </item><item><title>x</title></item> b]]>')],
    ['a comment holding `</item>`', rssItem(2).replace('</item>', '<!-- </item><item> --></item>')],
    ['an attribute holding `>`', rssItem(2).replace('<guid>', '<guid note="a > b">')],
  ])('WHEN an item holds %s THEN its bounds are the element’s, and it is read as a whole reading reads it', (_case, tricky) => {
    const text = rss([tricky, rssItem(1)]);
    const scan = scanItems(text)!;
    expect(scan.count).toBe(2);
    expect(text.slice(scan.bounds[0], scan.bounds[1])).toBe(tricky);
    const memos = new FeedMemos();
    readAndRecord(memos, text);
    const next = rss([rssItem(3), tricky, rssItem(1)]);
    const read = readWithMemo(next, BASE, slot(memos));
    expect(read.kind === 'ok' && read.feed.items).toEqual([whole(next)[0]]);
  });

  it.each([
    ['a DOCTYPE', rss([rssItem(1)]).replace('<rss', '<!DOCTYPE rss [<!ENTITY x "<item>">]><rss')],
    ['a namespace declared in an item', rss([rssItem(1).replace('<item>', '<item xmlns:media="http://search.yahoo.com/mrss/">')])],
    ['an element between items', rss([rssItem(2), '<ttl>5</ttl>', rssItem(1)])],
    ['an item within an item', rss([rssItem(2).replace('</item>', `${rssItem(1)}</item>`)])],
    ['a CDATA section not closed', rss([rssItem(1, '<![CDATA[never closed')])],
    ['the name of another format', rss([rssItem(1, '<![CDATA[<feed xmlns="http://www.w3.org/2005/Atom">]]>')])],
    ['an RDF document', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>a</title></item></rdf:RDF>'],
    ['a JSON Feed', '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}'],
  ])('WHEN a feed holds %s THEN it is not scanned: it is read whole', (_case, text) => {
    expect(scanItems(text)).toBeUndefined();
  });

  it('WHEN an item’s date is read by the way round the feed’s other dates show THEN nothing is kept: the next reading reads every item', () => {
    const memos = new FeedMemos();
    const dated = (n: number, date: string) => rssItem(n).replace(/<pubDate>.*<\/pubDate>/, `<pubDate>${date}</pubDate>`);
    const text = rss([dated(2, '13/07/2025'), dated(1, '05/07/2025')]);
    readAndRecord(memos, text);
    const read = readWithMemo(text, BASE, slot(memos));
    expect(read.kind === 'ok' && read.feed.items).toEqual(whole(text));
    expect(read.kind === 'ok' && read.feed.memo?.unread).toBeUndefined();
  });

  it('WHEN an Atom feed changes its updated time THEN its unchanged entries are left unread', () => {
    const entry = (n: number) => `<entry><title>Entry ${n}</title><id>tag:levant,${n}</id><link href="/e/${n}"/><updated>2025-07-19T0${n}:00:00Z</updated></entry>`;
    const atom = (updated: string, entries: number[]) =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://levant.example/news/"><title>Levant</title><updated>${updated}</updated>${entries.map(entry).join('')}</feed>`;
    const memos = new FeedMemos();
    readAndRecord(memos, atom('2025-07-19T08:00:00Z', [2, 1]));
    const next = atom('2025-07-19T09:00:00Z', [3, 2, 1]);
    const read = readWithMemo(next, BASE, slot(memos));
    expect(read.kind === 'ok' && read.feed.items).toEqual([whole(next)[0]]);
    expect(read.kind === 'ok' && read.feed.items[0]!.link).toBe('https://levant.example/e/3');
    expect(read.kind === 'ok' && read.feed.memo?.unread?.rows).toHaveLength(2);
  });
});
