// The day and time_precision ACLED gives an event, from an entry's partial dates. Shared by the
// ACLED export and the CSV export's ACLED-named columns.
import { firstDay, lastDay, type PartialDate } from '../core/partial-date.js';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * ACLED dates an event to a day: a date known only to the month (or year, or a span) is recorded
 * at the middle of the period, as the codebook does for a month, with time_precision 3; a span of
 * a week or less is 2; a known day is 1.
 */
export function acledEventDate(start: PartialDate, end: PartialDate | undefined): { date: string; precision: 1 | 2 | 3 } {
  const from = dayNumber(firstDay(start));
  const to = dayNumber(lastDay(end ?? start));
  const date = new Date(Math.floor((from + to) / 2) * DAY_MS).toISOString().slice(0, 10);
  const days = to - from + 1;
  return { date, precision: days === 1 ? 1 : days <= 7 ? 2 : 3 };
}
