// Reading each feed format into plain-text items, without a network: the fixtures and hostile
// variations of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedDocument } from '../../src/core/sources/feed-port.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';
import { MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH } from '../../src/sources/feed-formats.js';
import { FIXTURES } from '../fakes/feed-server.js';

const NOT_A_FEED = 'This is not a feed Sitrep can read (RSS, Atom, RDF or JSON Feed).';
const MALFORMED_FEED = 'The feed is malformed: it opens as RSS, Atom or RDF but its XML does not parse, which only its publisher can fix. Sitrep tries again at each check.';
const PAGE_WITHOUT_FEED = 'This address is a web page, not a feed, and the page names no feed of its own: find the site’s RSS or Atom link, watch that instead and remove this source.';

function read(text: string, base?: string): FeedDocument {
  const outcome = parseFeedText(text, base);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}
const fixture = (name: string) => read(readFileSync(`${FIXTURES}/${name}`, 'utf8'), `https://feeds.example/${name}`);
const rss = (items: string, channel = '<title>Wire</title>') => `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('GIVEN the RSS 2.0 fixture', () => {
  const feed = fixture('rss2.xml');
  it('THEN items carry guid, link (without its utm_* tracking parameters), plain-text title and summary, date and authors', () => {
    expect(feed.items[0]).toEqual({
      guid: 'levantwire-48213',
      link: 'https://www.levantwire.example/syria/2025/07/12/baku-talks/',
      title: 'Syria and Israel hold de-escalation talks in Baku',
      summary:
        'Syrian and Israeli officials met in Baku on Saturday, according to two diplomats, in the first direct contact since December. The meeting focused on southern Syria & the Quneitra line.',
      published: new Date('2025-07-12T14:05:00Z'),
      // The day at the offset the feed wrote (+0000 here).
      publishedDay: '2025-07-12',
      authors: ['Rana Haddad'],
    });
  });
  it('THEN HTML escaped into the description becomes text, its own entities decoded once more', () => {
    expect(feed.items[1]?.summary).toBe('US envoy Tom Barrack said Israel and Syria agreed to a ceasefire in Sweida, backed by Turkey & Jordan.');
    expect(feed.items[1]?.authors).toEqual(['Levant Wire desk']);
  });
  it('THEN a javascript: link is dropped and the item kept', () => {
    expect(feed.items[2]?.title).toBe('Al-Shaibani and Dermer meet in Paris, sources say');
    expect(feed.items[2]?.link).toBeUndefined();
  });
  it('THEN content:encoded stands in for a missing description, scripts dropped', () => {
    expect(feed.items[3]?.summary).toBe('Negotiators are said to be close to a security arrangement for southern Syria.');
    expect(feed.items[3]?.guid).toBeUndefined();
  });
});

describe('GIVEN the Atom fixture', () => {
  const feed = fixture('atom.xml');
  it('THEN the alternate link is the feed and item link, a relative one resolved against the feed address', () => {
    expect(feed.link).toBe('https://meddispatch.example/');
    expect(feed.items[0]?.link).toBe('https://feeds.example/world/2025/07/12/israel-syria-baku');
    expect(feed.items[1]?.link).toBe('https://meddispatch.example/world/2025/07/20/sweida-truce');
  });
  it('THEN a text title keeps its angle brackets, and xhtml content becomes text', () => {
    expect(feed.items[1]?.title).toBe('US envoy: "Sweida truce is holding" <for now>');
    expect(feed.items[1]?.summary).toBe('Tom Barrack said the truce in Sweida was holding.');
    expect(feed.items[1]?.authors).toEqual(['Noa Levi', 'Karim Said']);
  });
  it('THEN published is preferred, updated stands in', () => {
    expect(feed.items[0]?.published).toEqual(new Date('2025-07-12T16:20:00Z'));
    expect(feed.items[1]?.published).toEqual(new Date('2025-07-20T11:45:00Z'));
  });
  it('THEN a data: link is dropped', () => {
    expect(feed.items[2]).toMatchObject({ title: 'Data link', summary: '' });
    expect(feed.items[2]?.link).toBeUndefined();
  });
});

describe('GIVEN the RDF fixture', () => {
  const feed = fixture('rdf.xml');
  it('THEN rdf:about is the guid and dc:date the publication time', () => {
    expect(feed.title).toBe('Golan Observer');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://golanobserver.example/2025/07/13/baku-meeting',
      link: 'https://golanobserver.example/2025/07/13/baku-meeting',
      published: new Date('2025-07-13T07:00:00Z'),
      authors: ['Golan Observer staff'],
    });
  });
});

describe('GIVEN the JSON Feed fixture', () => {
  const feed = fixture('feed.json');
  it('THEN content_html becomes text with its entities decoded', () => {
    expect(feed.items[0]?.summary).toBe('The Syrian foreign ministry said contacts took place in Baku — the first acknowledged meeting.');
    expect(feed.link).toBe('https://damascusbrief.example/');
  });
  it('THEN an item without a title is named by its text, and an ftp: link is dropped', () => {
    expect(feed.items[2]?.title).toBe('Short wire note without a title: Israeli and Syrian delegations to meet again next week.');
    expect(feed.items[2]?.link).toBeUndefined();
  });
});

describe('GIVEN hostile or broken feeds', () => {
  it('THEN malformed XML that opens as a feed is called a broken feed, not something else', () => {
    expect(parseFeedText(readFileSync(`${FIXTURES}/malformed.xml`, 'utf8'))).toEqual({ kind: 'failed', error: MALFORMED_FEED });
    // An external entity is refused by the parser, the file it names unread.
    const external = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>';
    expect(parseFeedText(external)).toEqual({ kind: 'failed', error: MALFORMED_FEED });
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body><p>Hello</p></body></html>'],
    ['plain text', 'Syria and Israel'],
    ['JSON that is not a feed', '{"items": 5}'],
  ])('THEN %s is not a feed', (_what, text) => {
    expect(parseFeedText(text)).toEqual({ kind: 'failed', error: NOT_A_FEED });
  });

  it.each([
    ['nothing', ''],
    ['only whitespace and a byte-order mark', '\ufeff \n'],
  ])('THEN a body of %s is said to be empty, not a feed of some other kind', (_what, text) => {
    expect(parseFeedText(text)).toEqual({ kind: 'failed', error: 'The server sent an empty body instead of the feed. Sitrep tries again at each check.' });
  });

  it('THEN a web page naming one feed says which address to watch, resolved against the page', () => {
    const page = "<!DOCTYPE html><html lang='en'><head><link rel='alternate' type='application/rss+xml' href='feeds/all.xml'></head><body></body></html>";
    expect(parseFeedText(page, 'https://news.example/syria/')).toEqual({
      kind: 'failed',
      error: 'This address is a web page, not a feed. It names its feed, https://news.example/syria/feeds/all.xml: watch that instead (/sources add url:https://news.example/syria/feeds/all.xml) and remove this source.',
    });
    // Links that are no feed (a language version, WordPress's REST API), to no web address, or too long to watch, are not named.
    const others =
      '<html><head><link rel="alternate" hreflang="fr" href="/fr/"><link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">' +
      `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"><link rel="alternate" type="application/rss+xml" href="/${'x'.repeat(600)}"></head></html>`;
    expect(parseFeedText(others, 'https://news.example/')).toEqual({ kind: 'failed', error: PAGE_WITHOUT_FEED });
  });

  it('THEN entity definitions are not expanded', () => {
    const feed = read(readFileSync(`${FIXTURES}/entity-expansion.xml`, 'utf8'));
    expect(feed.title).toBe('Laughs &lol9;');
    expect(feed.items[0]?.summary).toBe('&lol9;');
  });

  it('THEN a link keeps its other parameters and its fragment without the utm_* ones', () => {
    const link = '<link>https://x.example/live?id=7&amp;utm_source=rss&amp;UTM_Campaign=july#post-12</link>';
    expect(read(rss(`<item><title>A</title>${link}</item>`)).items[0]?.link).toBe('https://x.example/live?id=7#post-12');
  });
  it('THEN a guid that is not an address is not taken for a link', () => {
    expect(read(rss('<item><title>A</title><guid>laugh-1</guid></item>'), 'https://x.example/feed').items[0]?.link).toBeUndefined();
  });

  it('THEN a permalink guid stands in for a missing link', () => {
    expect(read(rss('<item><title>A</title><guid>https://x.example/a</guid></item>')).items[0]?.link).toBe('https://x.example/a');
  });

  it('THEN items with neither title nor text are skipped', () => {
    expect(read(rss('<item><guid>a</guid></item><item><title>B</title></item>')).items.map((i) => i.title)).toEqual(['B']);
  });

  it('THEN a date that is not one is left out', () => {
    expect(read(rss('<item><title>A</title><pubDate>last Tuesday</pubDate></item>')).items[0]?.published).toBeUndefined();
  });

  it('THEN long titles and summaries are cut', () => {
    const item = read(rss(`<item><title>${'word '.repeat(200)}</title><description>${'text '.repeat(1000)}</description></item>`)).items[0]!;
    expect(item.title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(item.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(item.summary.endsWith('…')).toBe(true);
  });

  it('THEN a long summary is cut between words, marked with an ellipsis; a word longer than the reach is cut where it is', () => {
    const words = 'The envoys met again in Paris to discuss the security arrangements '.repeat(40);
    const summary = read(rss(`<item><title>A</title><description>${words}</description></item>`)).items[0]!.summary;
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary).toMatch(/ (The|envoys|met|again|in|Paris|to|discuss|the|security|arrangements)…$/);
    expect(words.startsWith(summary.slice(0, -1))).toBe(true);
    const unbroken = read(rss(`<item><title>A</title><description>${'x'.repeat(5000)}</description></item>`)).items[0]!.summary;
    expect(unbroken).toBe(`${'x'.repeat(MAX_SUMMARY_LENGTH - 1)}…`);
  });

  it.each([
    ['RSS', (n: number) => rss(Array.from({ length: n }, (_, i) => `<item><title>T${i}</title></item>`).join(''))],
    ['Atom', (n: number) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${Array.from({ length: n }, (_, i) => `<entry><title>T${i}</title><id>${i}</id></entry>`).join('')}</feed>`],
    ['JSON Feed', (n: number) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: Array.from({ length: n }, (_, i) => ({ id: `${i}`, title: `T${i}` })) })],
  ])('THEN %s: 1,000 items are read, the rest ignored and said so; exactly 1,000 is not cut', (_format, make) => {
    const cut = read(make(1_200));
    expect(cut.items).toHaveLength(1_000);
    expect(cut.items.at(-1)?.title).toBe('T999');
    expect(cut.itemLimit).toBe(1_000);
    const whole = read(make(1_000));
    expect(whole.items).toHaveLength(1_000);
    expect(whole.itemLimit).toBeUndefined();
  });
});
