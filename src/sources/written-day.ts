// Feed dates as read: the instant, and the calendar day the feed wrote it in, at the offset it
// wrote (`Sat, 05 Dec 2026 01:30:00 +0300` is 5 December where it was published, 4 December in
// UTC). An event a Damascus outlet dates after midnight happened on its day, not the UTC one.
//
// Read here, never by the Date parser, whose reading of a date without a zone depends on the zone
// the bot runs in: RFC 822 and ISO 8601 dates, the English long form (`Saturday, December 5,
// 2026 - 01:30`), French and German month names (`ven., 04 déc. 2026 18:30`, `5 décembre 2026 à
// 14h30`, `Donnerstag, 3. Dezember 2026, 10:00 Uhr`), Arabic month names (`05 كانون الأول 2026`,
// `5 ديسمبر 2026`) and numeric dates.
// A time without a zone, or with one whose offset is not certain (date-zones.ts), is read as
// written at UTC; a date without a time is that day. `05.12.2026` is day first, as dotted dates
// are written; `05/12/2026` could be either way round, so the feed's other dates decide
// (settleDayOrder), and when none does it is not read: a guessed date would date an event in
// the wrong month, or leave a fresh item out as too old.
import { asciiDigits, markNames } from './date-names.js';
import { zoneOffset } from './date-zones.js';
import { DIRECTION_CONTROLS, DIRECTION_MARKS } from '../core/text.js';

/** What a date says, read. */
export interface DateReading {
  instant: Date;
  /** `YYYY-MM-DD`: the day at the offset the feed wrote; the day as written when it wrote no offset Sitrep can place. */
  day: string;
  /** The feed gave a day and no time: `instant` is its start in UTC. */
  dayOnly?: true;
}

export interface WrittenDate {
  /** As the feed wrote it (cut to MAX_EXAMINED_LENGTH). */
  written: string;
  /** Absent when Sitrep could not read it. */
  reading?: DateReading;
  /** A numeric date whose day and month could be either way round (`05/12/2026`): read either way, for the feed's other dates to decide. */
  eitherOrder?: { dayFirst: DateReading; monthFirst: DateReading };
  /** Which way round day and month go, as this numeric date shows by a number above 12 (`13/12/2026`, `12/13/2026`). */
  showsOrder?: 'day-first' | 'month-first';
}

/** A date longer than this is no date: it is not examined (no pattern runs on a hostile feed's megabyte). */
const MAX_EXAMINED_LENGTH = 80;
/** An RFC 2822 comment after the zone: `+0100 (CET)`. */
const TRAILING_COMMENT = /\s*\([^()]*\)\s*$/;
/** Marks Arabic and Hebrew sites put around a date's parts (RLM, LRM, ALM, embeddings, isolates): no part of it. */
const DIRECTION = new RegExp(`[${DIRECTION_MARKS}${DIRECTION_CONTROLS}]`, 'g');
/** ISO 8601's `T` between the day and the time. */
const ISO_T = /^(\d{4}-\d{1,2}-\d{1,2})T/i;
/** `14:00`, `14:00:00`, `14:00:00.123`, and the French `14h30`. */
const TIME = /(?<![\d:])(\d{1,2})(?::|h(?=\d{2}(?!\d)))(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/i;
/** `PM`, `p.m.`, and Arabic `ص` (morning) and `م` (evening). */
const MERIDIEM = /^\s*(?:([ap])\.?\s*m\.?|([صم]))(?![\p{L}\p{M}])/iu;
/** Words and marks between a date and its time: `at`, French `à` (accent folded), German `um`, `الساعة` (o'clock, folded), a dash standing alone. */
const FILLER = /(?<![\p{L}\p{M}])(?:at|a|um|الساعه)(?![\p{L}\p{M}])|(?<!\S)[-–—|](?!\S)/giu;
/** `5th`, and the German day's dot (`3. Dezember`). */
const ORDINAL = /(\d)(?:st|nd|rd|th)(?![\p{L}])|(\d)\.(?!\S)/giu;
/** German `Uhr` (o'clock) after the time: `10:00 Uhr`, `10:00 Uhr MEZ`. */
const O_CLOCK = /^\s*uhr(?![\p{L}\p{M}])/iu;
/** `05/12/2026`, `05.12.2026`, `2026/12/05`, `2026-12-05`. */
const NUMERIC_DATE = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$/;
const MONTH_MARK = /^m(\d{1,2})$/;
const NUMBER = /^\d{1,4}$/;

interface Time {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** A four-digit year, or two digits as RFC 2822 reads them (`26` is 2026, `99` 1999). */
function yearOf(text: string): number | undefined {
  if (text.length === 4) return Number(text) >= 1000 ? Number(text) : undefined;
  if (text.length === 2) return Number(text) < 50 ? 2000 + Number(text) : 1900 + Number(text);
  return undefined;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date at `offset` minutes east of UTC (a time), or the day itself (no time); undefined when no such day or time exists. */
function read(year: number | undefined, month: number, day: number, time: Time | undefined, offset: number): DateReading | undefined {
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (!time) {
    const start = new Date(Date.UTC(year, month - 1, day));
    return { instant: start, day: start.toISOString().slice(0, 10), dayOnly: true };
  }
  const { hour, minute, second, ms } = time;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  // A leap second is the last second of its minute.
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  return { instant: new Date(wall - offset * 60_000), day: new Date(wall).toISOString().slice(0, 10) };
}

/** The time (and what follows it) at the end of a date, or undefined when there is none or it makes no sense. */
function timeOf(text: string): { time?: Time; at: number; zone: string } | undefined {
  const match = TIME.exec(text);
  if (!match) return { at: text.length, zone: '' };
  let hour = Number(match[1]);
  let rest = text.slice(match.index + match[0].length);
  const meridiem = MERIDIEM.exec(rest);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const afternoon = (meridiem[1] ?? '').toLowerCase() === 'p' || meridiem[2] === 'م';
    hour = (hour % 12) + (afternoon ? 12 : 0);
    rest = rest.slice(meridiem[0].length);
  }
  rest = rest.replace(O_CLOCK, '');
  const ms = match[4] === undefined ? 0 : Math.floor(Number(`0.${match[4]}`) * 1000);
  return { time: { hour, minute: Number(match[2]), second: Number(match[3] ?? 0), ms }, at: match.index, zone: rest };
}

/** Reads the date; `written` is the text as given. */
function readText(written: string): Omit<WrittenDate, 'written'> {
  const text = markNames(asciiDigits(written.replace(DIRECTION, '')).replace(TRAILING_COMMENT, '').replace(ISO_T, '$1 '));
  const timed = timeOf(text);
  if (!timed) return {};
  const zone = zoneOffset(timed.zone);
  if (!zone) return {};
  const dated = (year: string, month: number, day: number) => read(yearOf(year), month, day, timed.time, zone.offset);
  const words = text.slice(0, timed.at).replace(FILLER, ' ').replace(ORDINAL, '$1$2').split(/[\s,]+/).filter(Boolean);
  if (words.length === 1) {
    const numeric = NUMERIC_DATE.exec(words[0]!);
    if (!numeric) return {};
    const [, first = '', separator, second = '', third = ''] = numeric;
    if (first.length === 4) return orNothing(dated(first, Number(second), Number(third)));
    if (first.length > 2 || (third.length !== 2 && third.length !== 4)) return {};
    const [a, b] = [Number(first), Number(second)];
    // Dotted dates are written day first wherever they are written.
    if (separator === '.' || a > 12 || a === b) return orNothing(dated(third, b, a), a > 12 && separator !== '.' ? 'day-first' : undefined);
    if (b > 12) return orNothing(dated(third, a, b), 'month-first');
    const dayFirst = dated(third, b, a);
    const monthFirst = dated(third, a, b);
    return dayFirst && monthFirst ? { eitherOrder: { dayFirst, monthFirst } } : {};
  }
  if (words.length !== 3) return {};
  const month = words.findIndex((word) => MONTH_MARK.test(word));
  const numbers = words.filter((word, index) => index !== month && NUMBER.test(word));
  if (month === -1 || numbers.length !== 2) return {};
  // `5 Dec 2026`, `Dec 5 2026`, `2026 Dec 5`: the year is the four-digit number, else the last.
  const yearFirst = numbers[0]!.length === 4;
  const [year, day] = yearFirst ? numbers : [numbers[1]!, numbers[0]!];
  return orNothing(dated(year!, Number(MONTH_MARK.exec(words[month]!)![1]), Number(day)));
}

function orNothing(reading: DateReading | undefined, showsOrder?: WrittenDate['showsOrder']): Omit<WrittenDate, 'written'> {
  return reading ? { reading, ...(showsOrder ? { showsOrder } : {}) } : {};
}

/** RFC 822 as most RSS feeds write it: `Mon, 07 Dec 2026 09:30:00 +0200` (or GMT, UT, UTC, Z). */
const RFC_822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|GMT|UTC?|Z)$/;
const RFC_822_MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
/** ISO 8601 as Atom and JSON Feed write it: `2026-12-07T09:30:00Z`, `2026-12-07T09:30:00.123+02:00`. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The two forms nearly every feed writes, read straight from their parts: what readText reads
 * them as, without its passes for every other form (a feed of 200 items has 200 dates).
 */
function readUsualForm(text: string): Omit<WrittenDate, 'written'> | undefined {
  const rfc = RFC_822.exec(text);
  const iso = rfc ? undefined : ISO_8601.exec(text);
  if (!rfc && !iso) return undefined;
  const [year, month, day, hour, minute, second, fraction, zoneText] = rfc
    ? [rfc[3]!, RFC_822_MONTHS.indexOf(rfc[2]!) / 3 + 1, rfc[1]!, rfc[4]!, rfc[5]!, rfc[6]!, undefined, rfc[7]!]
    : [iso![1]!, Number(iso![2]), iso![3]!, iso![4]!, iso![5]!, iso![6]!, iso![7], iso![8]!];
  const zone = zoneOffset(zoneText);
  if (!zone) return {};
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return orNothing(read(yearOf(year), month, Number(day), { hour: Number(hour), minute: Number(minute), second: Number(second), ms }, zone.offset));
}

/** A date as a feed writes it (see above): its reading, or why there is none. */
export function readFeedDate(raw: string): WrittenDate {
  const written = raw.trim();
  if (written.length > MAX_EXAMINED_LENGTH) return { written: `${written.slice(0, MAX_EXAMINED_LENGTH)}…` };
  return { written, ...(readUsualForm(written) ?? readText(written)) };
}

/**
 * Reads the numeric dates that could be either way round the way the feed's other numeric dates
 * show it writes them (`13/12/2026` anywhere in the feed: day first). A feed showing both ways,
 * or neither, leaves them unread.
 */
export function settleDayOrder(dates: readonly (WrittenDate | undefined)[]): void {
  const shown = new Set(dates.flatMap((date) => date?.showsOrder ?? []));
  if (shown.size !== 1) return;
  const dayFirst = shown.has('day-first');
  for (const date of dates) if (date?.eitherOrder) date.reading = dayFirst ? date.eitherOrder.dayFirst : date.eitherOrder.monthFirst;
}
