// GIVEN dates a feed gives that Sitrep cannot read, or that give a day without a time WHEN the
// feed is read THEN its items say so: an unread date is kept as written (and whether day and
// month could be either way round), the item undated; a bare day is marked as one, so that no
// time is shown for it that the feed never gave.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/sources/feed-port.js';
import { parseFeedText } from '../../src/sources/parse-feed.js';

function items(...pubDates: string[]): FeedItem[] {
  const xml = pubDates.map((date, at) => `<item><guid>i${at}</guid><title>Item ${at}</title><pubDate>${date}</pubDate></item>`).join('');
  const outcome = parseFeedText(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${xml}</channel></rss>`);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.feed.items;
}

const dateFields = ({ published, publishedDay, publishedDayOnly, unreadDate }: FeedItem) => ({ published: published?.toISOString(), publishedDay, publishedDayOnly, unreadDate });

describe('GIVEN dates Sitrep cannot read', () => {
  it('THEN each item is undated and keeps the date as written, saying when only the order of day and month was in doubt', () => {
    expect(items('05/12/2026 10:00', 'sab, 05 dic 2026 01:30:00 +0100', 'Sat, 05 Dec 2026 01:30:00 Asia/Damascus').map(dateFields)).toEqual([
      { unreadDate: { written: '05/12/2026 10:00', dayOrMonth: true } },
      { unreadDate: { written: 'sab, 05 dic 2026 01:30:00 +0100' } },
      { unreadDate: { written: 'Sat, 05 Dec 2026 01:30:00 Asia/Damascus' } },
    ]);
  });
});

describe('GIVEN a day without a time', () => {
  it('THEN the item is dated that day, marked as a day alone', () => {
    expect(items('05 Dec 2026', '2026-12-05').map(dateFields)).toEqual([
      { published: '2026-12-05T00:00:00.000Z', publishedDay: '2026-12-05', publishedDayOnly: true },
      { published: '2026-12-05T00:00:00.000Z', publishedDay: '2026-12-05', publishedDayOnly: true },
    ]);
  });
});
