// The day an item was published where its feed wrote the time: a report at 00:30 +03:00 on
// 19 Jul is of 19 Jul, though 18 Jul in UTC. Kept with every report, so each is dated as the
// item proposing a story is (suggest.ts).
import { parsePartialDate, toIsoPartial } from '../partial-date.js';
import type { FeedItem } from './feed-port.js';

/** `YYYY-MM-DD` at the feed's offset; undefined for an item without a readable instant, or whose feed's day is no whole day. */
export function feedDayOf(item: Pick<FeedItem, 'published' | 'publishedDay'>): string | undefined {
  if (!item.published || Number.isNaN(item.published.getTime()) || item.publishedDay === undefined) return undefined;
  const day = parsePartialDate(item.publishedDay);
  return day?.day === undefined ? undefined : toIsoPartial(day);
}
