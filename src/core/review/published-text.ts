// How a candidate's, or one of its reports', publication reads: the instant the feed gave, the day
// alone where the feed gave no time (its start in UTC is no time the feed said), or, where Sitrep
// could not read the date, that it could not and the date as the feed wrote it. An instant is
// written on the reader's clock (`when`); a day stays the day the feed gave.
import { formatIsoPartial } from '../partial-date.js';
import type { InstantWriter } from '../past-instant.js';
import { publicationDay, type StoryReport, type Suggested } from './candidate.js';

/** How the feed dated an item when not by an instant (see Suggested). */
export type Dating = Pick<Suggested, 'publishedDayOnly' | 'unreadDate'>;

/** `could not be read: "05/12/2026 10:00" (day or month first?)`. */
export const unreadText = (unread: NonNullable<Dating['unreadDate']>) => `could not be read: "${unread.written}"${unread.dayOrMonth ? ' (day or month first?)' : ''}`;

/** An instant, or the day alone (`4 Dec 2026`) when the feed gave no time. */
export function datedText(published: Date, dayOnly: boolean | undefined, when: InstantWriter): string {
  return dayOnly ? formatIsoPartial(published.toISOString().slice(0, 10)) : when(published);
}

/**
 * The Published line of a card: when the item was published, as far as its feed said. Where the
 * day at the feed's offset (publicationDay) is not the day on the reader's clock (`00:30 +1400`
 * on 7 Dec is 6 Dec 10:30 UTC), that day is said too.
 */
export function publishedText(published: Date | undefined, dating: Dating & Pick<Suggested, 'date' | 'source'>, when: InstantWriter): string {
  if (!published) return dating.unreadDate ? unreadText(dating.unreadDate) : 'not given by the feed';
  const text = datedText(published, dating.publishedDayOnly, when);
  const feedDay = otherFeedDay(text, dating.publishedDayOnly, publicationDay(dating));
  return feedDay === undefined ? text : `${text} (${feedDay})`;
}

/**
 * How a report of the story on the card reads: as the Published line, its feed's own day said
 * where it is not the day on the reader's clock (`2025-07-18 21:30 UTC; 19 Jul 2025 at the feed's
 * own offset`), as its source in the entry is dated by that day.
 */
export function reportText(published: Date, dating: Pick<StoryReport, 'publishedDayOnly' | 'publishedDay'>, when: InstantWriter): string {
  const text = datedText(published, dating.publishedDayOnly, when);
  const feedDay = otherFeedDay(text, dating.publishedDayOnly, dating.publishedDay);
  return feedDay === undefined ? text : `${text}; ${feedDay}`;
}

/** `19 Jul 2025 at the feed's own offset`, where the feed's day is known and not the day `text` (the instant on the reader's clock) names. */
function otherFeedDay(text: string, dayOnly: boolean | undefined, feedDay: string | undefined): string | undefined {
  if (dayOnly || feedDay === undefined || text.startsWith(feedDay)) return undefined;
  return `${formatIsoPartial(feedDay)} at the feed's own offset`;
}

/** The same, as a list line names it in a few words. */
export function publishedBrief(published: Date | undefined, dating: Dating, when: InstantWriter): string {
  if (published) return datedText(published, dating.publishedDayOnly, when);
  return dating.unreadDate ? 'date unreadable' : 'no date';
}
