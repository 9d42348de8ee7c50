// GIVEN feed text written in ways that hide the same words behind other characters (links
// escaped twice, direction marks in Hebrew and Arabic titles) WHEN the feed is read THEN the item
// says what a reader sees: the link as the site gives it, without its utm_* parameters, and the
// title without the marks, as it already was without the embedding marks.
import { describe, expect, it } from 'vitest';
import type { FeedDocument } from '../../src/core/sources/feed-port.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';

function read(items: string): FeedDocument {
  const outcome = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed;
}

describe('GIVEN a link escaped twice, as its title is', () => {
  it('THEN it is decoded once more, as the title is, and loses its utm_* parameters', () => {
    const feed = read('<item><title>Tom &amp;amp; Jerry</title><link>https://x.example/a?id=1&amp;amp;utm_source=rss&amp;amp;utm_medium=feed</link></item>');
    expect(feed.items[0]).toMatchObject({ title: 'Tom & Jerry', link: 'https://x.example/a?id=1' });
  });

  it('THEN a parameter that only opens like an entity stays as written', () => {
    expect(read('<item><title>A</title><link>https://x.example/a?id=1&amp;region=north&amp;copy=2</link></item>').items[0]?.link).toBe('https://x.example/a?id=1&region=north&copy=2');
  });
});

describe('GIVEN Hebrew and Arabic titles carrying direction marks', () => {
  it('THEN the right-to-left, left-to-right and Arabic letter marks are taken out as the embedding marks are, the rest intact', () => {
    const feed = read(
      [
        '<item><guid>h1</guid><title>\u200fנתניהו: "לא נסוג מהחרמון" \u200e– שיחות עם סוריה בבאקו</title></item>',
        '<item><guid>h2</guid><title>&#x202B;צה"ל תקף בדרום סוריה&#x202C;</title></item>',
        '<item><guid>a1</guid><title>\u061cغارة على درعا\u200f</title><description>\u200fقتيلان في الغارة</description></item>',
      ].join(''),
    );
    expect(feed.items.map((item) => item.title)).toEqual(['נתניהו: "לא נסוג מהחרמון" – שיחות עם סוריה בבאקו', 'צה"ל תקף בדרום סוריה', 'غارة على درعا']);
    expect(feed.items[2]?.summary).toBe('قتيلان في الغارة');
  });
});
