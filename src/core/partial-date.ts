// A date that keeps the precision its source supports: "1948", "Dec 2024" or "12 Jul 2025".
import { DAY_TIME_SEPARATOR, UTC_NAME_OR_OFFSET, WRITTEN_CLOCK } from './clock-pattern.js';
import type { DatePrecision } from './vocabulary.js';

export interface PartialDate {
  year: number;
  month?: number; // 1–12, present for month and day precision
  day?: number; // present for day precision
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** `February`: a month (1–12) by its full name. */
export const monthName = (month: number): string => MONTH_NAMES[month - 1]!.charAt(0).toUpperCase() + MONTH_NAMES[month - 1]!.slice(1);
/** As shown: `Jan` … `Dec`. */
const MONTHS = MONTH_NAMES.map((name) => name.charAt(0).toUpperCase() + name.slice(1, 3));
/**
 * `2025`, `2025-07`, `2025-07-12`; a one-digit month or day (`2025-7-5`) is read too, and so is a
 * day as `2025/07/12`: with the year first, the order is not in doubt. (`2025/07` alone is left
 * out: spreadsheets write it for dates they rewrote, which an import asks to fix in the sheet;
 * typed commands read it, see day-words.ts.)
 */
const ISO_PARTIAL = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?|\/(\d{1,2})\/(\d{1,2}))?$/;
/**
 * The dashes Word, phones and Macs put for a typed `-` (en, em, figure dash, minus, hyphens), read
 * as `-` between the digits of a date: `2025–07–12` is 2025-07-12.
 */
const DASH_BETWEEN_DIGITS = /(?<=\d)\s*[‐‑‒–—−]\s*(?=\d)/g;
/** A day and month before the year (`29/07/2025`, `28-07-2025`, `12.07.2025`), which dates do not take: its order is in doubt. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
/** As the bot shows dates, so a shown date can be typed back: `Jul 2025`, `12 July 2025`. */
const SHOWN_PARTIAL = /^(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d{4})$/i;
/** The month first, as American English writes a day: `July 24, 2025`, `Jul 24 2025`. */
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

/** 1–12 for a month's name or its first three letters (or `sept`). */
function monthNumber(name: string): number | undefined {
  const folded = name.toLowerCase() === 'sept' ? 'sep' : name.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => month === folded || month.slice(0, 3) === folded);
  return index < 0 ? undefined : index + 1;
}

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.day !== undefined) return 'day';
  return date.month !== undefined ? 'month' : 'year';
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses `2025`, `2025-07` or `2025-07-12`, or a date as the bot shows it (`Jul 2025`,
 * `12 Jul 2025`) or with the month first (`July 12, 2025`); returns undefined for anything else, year 0 or an impossible day.
 */
export function parsePartialDate(text: string): PartialDate | undefined {
  const given = dateParts(text);
  return given && checkedDate(given.year, given.month, given.day);
}

/** A date's numbers as typed, not yet checked to name a day (`30 Feb` is day 30 of month 2). */
type DateParts = { year: number; month?: number; day?: number };

const number = (digits: string | undefined) => (digits === undefined ? undefined : Number(digits));
const parts = (year: number, month: number | undefined, day: number | undefined): DateParts => ({
  year,
  ...(month === undefined ? {} : { month }),
  ...(day === undefined ? {} : { day }),
});

const withPlainDashes = (text: string) => text.trim().replace(DASH_BETWEEN_DIGITS, '-');

/** The numbers a text gives in either form parsePartialDate reads, so a refusal can say why they name no day. */
export function dateParts(text: string): DateParts | undefined {
  const trimmed = withPlainDashes(text);
  const iso = ISO_PARTIAL.exec(trimmed);
  if (iso) return parts(Number(iso[1]), number(iso[2] ?? iso[4]), number(iso[3] ?? iso[5]));
  const shown = SHOWN_PARTIAL.exec(trimmed);
  const month = shown ? monthNumber(shown[2]!) : undefined;
  if (shown && month !== undefined) return parts(Number(shown[3]), month, number(shown[1]));
  const monthFirst = MONTH_FIRST.exec(trimmed);
  const named = monthFirst ? monthNumber(monthFirst[1]!) : undefined;
  return monthFirst && named !== undefined ? parts(Number(monthFirst[3]), named, Number(monthFirst[2])) : undefined;
}

/** A day and month without a year: `12 July`, `July 12`, `Jul 12th`. */
const DAY_MONTH = /^(\d{1,2})\s+([a-z]+)\.?$/i;
const MONTH_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?$/i;

/**
 * The month (and day) of a date typed without its year (`12 July`, `July 12`, `July`), which is
 * no date, for a refusal to offer it with a year; undefined for other text.
 */
export function yearlessParts(text: string): { month: number; day?: number } | undefined {
  const trimmed = text.trim();
  const dayFirst = DAY_MONTH.exec(trimmed);
  const monthFirst = MONTH_DAY.exec(trimmed);
  const [monthText, dayText] = dayFirst ? [dayFirst[2]!, dayFirst[1]!] : monthFirst ? [monthFirst[1]!, monthFirst[2]!] : [trimmed.replace(/\.$/, ''), undefined];
  const month = monthNumber(monthText);
  if (month === undefined) return undefined;
  return dayText === undefined ? { month } : { month, day: Number(dayText) };
}

/** `20250712` or `202507`, a date's digits run together, as the date they give; undefined for other text. */
export function runTogetherDate(text: string): PartialDate | undefined {
  const digits = /^(\d{4})(\d{2})(\d{2})?$/.exec(text.trim());
  return digits ? checkedDate(Number(digits[1]), Number(digits[2]), number(digits[3])) : undefined;
}

/**
 * The days a date written with its year last could be (`29/07/2025`: 2025-07-29; `12/07/2025`:
 * 2025-07-12 or 2025-12-07), day-first reading first; none when it is not written so or names
 * no day either way. For a refusal to offer, since the order is the writer's to say.
 */
export function yearLastReadings(text: string): PartialDate[] {
  const yearLast = YEAR_LAST.exec(withPlainDashes(text));
  if (!yearLast) return [];
  const [first, second, year] = [Number(yearLast[1]), Number(yearLast[3]), Number(yearLast[4])];
  const readings = [checkedDate(year, second, first), checkedDate(year, first, second)].filter((date): date is PartialDate => date !== undefined);
  return first === second ? readings.slice(0, 1) : readings;
}

/** A day and month in numbers without a year (`14/7`, `7/14`, `14.7`): the order is in doubt, and the year missing. */
const NUMBERS_WITHOUT_YEAR = /^(\d{1,2})([-/.])(\d{1,2})$/;

/**
 * The days a day and month written in numbers without a year could be in `year` (`14/7`:
 * 2025-07-14; `7/8`: 2025-08-07 or 2025-07-08), day-first reading first; none for other text or
 * when it names no day either way.
 */
export function yearlessNumberReadings(text: string, year: number): PartialDate[] {
  const typed = NUMBERS_WITHOUT_YEAR.exec(withPlainDashes(text));
  if (!typed) return [];
  const [first, second] = [Number(typed[1]), Number(typed[3])];
  const readings = [checkedDate(year, second, first), checkedDate(year, first, second)].filter((date): date is PartialDate => date !== undefined);
  return first === second ? readings.slice(0, 1) : readings;
}

/** A day with a time of day after it (`2025-07-14T09:30`, `2025-07-14 09:30Z`, `2025-07-14T09:30:00+03:00`), as clocks and exports write an instant. */
const DAY_WITH_TIME = new RegExp(String.raw`^(\d{4}-\d{1,2}-\d{1,2})${DAY_TIME_SEPARATOR}${WRITTEN_CLOCK}\s*(?:${UTC_NAME_OR_OFFSET})?$`, 'i');

/** The day of a day written with a time of day; undefined for other text or a day that does not exist. */
export function dayBeforeTime(text: string): PartialDate | undefined {
  const typed = DAY_WITH_TIME.exec(withPlainDashes(text));
  const day = typed ? parsePartialDate(typed[1]!) : undefined;
  return day?.day === undefined ? undefined : day;
}

function checkedDate(year: number, month: number | undefined, day: number | undefined): PartialDate | undefined {
  if (year < 1) return undefined;
  if (month === undefined) return { year };
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { year, month };
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The canonical stored form: `2025`, `2025-07` or `2025-07-12`. */
export function toIsoPartial(date: PartialDate): string {
  let text = pad(date.year, 4);
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.day !== undefined) text += `-${pad(date.day)}`;
  return text;
}

/** First calendar day the partial date covers, as `YYYY-MM-DD`. */
export function firstDay(date: PartialDate): string {
  return `${pad(date.year, 4)}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

/** Last calendar day the partial date covers, as `YYYY-MM-DD`. */
export function lastDay(date: PartialDate): string {
  const month = date.month ?? 12;
  const day = date.day ?? daysInMonth(date.year, month);
  return `${pad(date.year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Renders with its precision: `1948`, `Dec 2024`, `12 Jul 2025`. */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  const month = MONTHS[date.month - 1];
  return date.day === undefined ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** Renders a single date or a span: `Dec 2024 – Jul 2025`. */
export function formatDateSpan(start: PartialDate, end?: PartialDate): string {
  return end ? `${formatPartialDate(start)} – ${formatPartialDate(end)}` : formatPartialDate(start);
}

export function formatIsoPartial(text: string): string {
  const date = parsePartialDate(text);
  return date ? formatPartialDate(date) : text;
}
