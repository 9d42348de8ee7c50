// Figures a spreadsheet took for a date: `10-12-15` typed in a cell becomes 10 December 2015 and
// is saved as `10-12-2015`, `2015-12-10` or `10/12/2015`. Read as figures, that would record a
// high estimate of 2,015 (or be refused for a reason that misleads), so it is named as a date.
import { westernDigits } from '../../src/core/text.js';

const SEPARATOR = String.raw`\s*[-–—‒−/.]\s*`;
const YEAR = String.raw`(?:19|20)\d\d`;
const MONTH_OR_DAY = String.raw`\d{1,2}`;
/** A spreadsheet may save the date with a time of day: `2015-12-10 00:00:00`. */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`;
const YEAR_LAST = new RegExp(`^(${MONTH_OR_DAY})${SEPARATOR}(${MONTH_OR_DAY})${SEPARATOR}(${YEAR})${TIME}$`);
const YEAR_FIRST = new RegExp(`^(${YEAR})${SEPARATOR}(${MONTH_OR_DAY})${SEPARATOR}(${MONTH_OR_DAY})${TIME}$`);

/** Whether two numbers can be a month and a day, in either order. */
const monthAndDay = (a: number, b: number) => a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12;

/**
 * For a fatalities value shaped like a date, the figures it was likely typed as: its numbers with
 * the year cut back to the two digits typed, low to high (`10-12-2015` and `2015-12-10` were
 * `10-12-15`); undefined for anything else.
 */
export function figuresTakenForDate(text: string): string | undefined {
  const typed = westernDigits(text.trim());
  const yearLast = YEAR_LAST.exec(typed);
  const yearFirst = YEAR_FIRST.exec(typed);
  const [year, a, b] = yearLast ? [yearLast[3], yearLast[1], yearLast[2]] : yearFirst ? [yearFirst[1], yearFirst[2], yearFirst[3]] : [];
  if (year === undefined || !monthAndDay(Number(a), Number(b))) return undefined;
  return [Number(a), Number(b), Number(year) % 100].sort((x, y) => x - y).join('-');
}
