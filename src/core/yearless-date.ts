// Refusals of a date option given a month or day without its year (`since:"July 12"`,
// `since:July`, `since:14/7`) or its digits run together (`20250712`): each offers the date it likely meant.
import { dayInZone } from './as-of-day.js';
import { UserError } from './errors.js';
import { daysInMonth, monthName, runTogetherDate, toIsoPartial, yearlessNumberReadings, yearlessParts, type PartialDate } from './partial-date.js';
import type { OptionSpec, RawOptionValue } from './command-spec.js';

/** The year a refusal's example dates are given in, asked only when one is given. */
export type ExampleYear = () => number;

/** The year it is at `now` on a channel's clock (`zone`): on 1 January in Damascus, while UTC is still on 31 December, the new one. */
export const yearOnClock = (now: () => Date, zone: () => string): ExampleYear => () => Number(dayInZone(now(), zone()).slice(0, 4));

/** Where no channel's clock is at hand (rows of a file being imported): the year in UTC now. */
export const yearInUtcNow: ExampleYear = () => new Date().getUTCFullYear();

/** `add the year: since:"12 July 2026"` (in `exampleYear`) for a day and month typed without a year (`July 12`); undefined for other text. */
export function yearlessDayHint(name: string, typed: string, exampleYear: ExampleYear): string | undefined {
  const parts = yearlessParts(typed);
  if (parts?.day === undefined) return undefined;
  const year = exampleYear();
  if (parts.day < 1 || parts.day > daysInMonth(year, parts.month)) return undefined;
  return `A date needs its year: add it, e.g. ${name}:"${parts.day} ${monthName(parts.month)} ${year}".`;
}

/** `Did you mean since:2025-07-12?` for `20250712`; undefined for other text. */
export function runTogetherHint(name: string, typed: string): string | undefined {
  const date = runTogetherDate(typed);
  return date ? `Did you mean ${name}:${toIsoPartial(date)}?` : undefined;
}

/**
 * A month alone (`since:July`) is refused with how to write a date with spaces, in quotes, for
 * `since:July 2025` typed without them; when no other option holds a year that went astray so,
 * the refusal says instead that the month needs its year. Examples are dated in `exampleYear`.
 */
export function withMonthYearHint(refusal: unknown, option: OptionSpec, value: RawOptionValue, raw: Readonly<Record<string, RawOptionValue>>, exampleYear: ExampleYear): unknown {
  if (!(refusal instanceof UserError) || option.type !== 'date' || typeof value !== 'string') return refusal;
  const parts = yearlessParts(value);
  if (parts === undefined || parts.day !== undefined) return refusal;
  const strayYear = Object.entries(raw).some(([name, other]) => name !== option.name && typeof other === 'string' && /^\d{4}\b/.test(other.trim()));
  if (strayYear) return refusal;
  const year = exampleYear();
  const hint = `A month needs its year: add it, e.g. ${option.name}:"${monthName(parts.month)} ${year}" or ${option.name}:${year}-${String(parts.month).padStart(2, '0')}.`;
  return new UserError(refusal.code, refusal.message, [hint], refusal.option, refusal.gathered);
}

/**
 * A day and month in numbers without a year (`14/7`, `7/14`, `7/8`), which Sitrep does not read:
 * the date meant in `exampleYear`, written as Sitrep reads dates, or both when the order is in
 * doubt (`7/8`: 7 August or 8 July). Undefined for other text.
 */
export function yearlessNumbersHint(name: string, typed: string, exampleYear: ExampleYear): string | undefined {
  if (!/^\d{1,2}\s*[-/.–—]\s*\d{1,2}$/.test(typed.trim())) return undefined;
  const [first, second] = yearlessNumberReadings(typed, exampleYear());
  if (!first) return undefined;
  if (!second) return `A date is written year first, with its year: did you mean ${name}:${toIsoPartial(first)}?`;
  const said = (date: PartialDate) => `${date.day} ${monthName(date.month!)}`;
  return `\`${typed.trim()}\` could be ${said(first)} or ${said(second)}: write it year first, with its year, ${name}:${toIsoPartial(first)} or ${name}:${toIsoPartial(second)}.`;
}
