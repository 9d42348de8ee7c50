// Refusals of a date option given a month or day without its year (`since:"July 12"`,
// `since:July`) or its digits run together (`20250712`): each offers the date it likely meant.
import { UserError } from './errors.js';
import { daysInMonth, monthName, runTogetherDate, toIsoPartial, yearlessParts } from './partial-date.js';
import type { OptionSpec, RawOptionValue } from './command-spec.js';

/** The year examples are given in: only an example, so the wall clock's year serves. */
const exampleYear = (): number => new Date().getUTCFullYear();

/** `add the year: since:"12 July 2026"` for a day and month typed without a year (`July 12`); undefined for other text. */
export function yearlessDayHint(name: string, typed: string): string | undefined {
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
 * the refusal says instead that the month needs its year.
 */
export function withMonthYearHint(refusal: unknown, option: OptionSpec, value: RawOptionValue, raw: Readonly<Record<string, RawOptionValue>>): unknown {
  if (!(refusal instanceof UserError) || option.type !== 'date' || typeof value !== 'string') return refusal;
  const parts = yearlessParts(value);
  if (parts === undefined || parts.day !== undefined) return refusal;
  const strayYear = Object.entries(raw).some(([name, other]) => name !== option.name && typeof other === 'string' && /^\d{4}\b/.test(other.trim()));
  if (strayYear) return refusal;
  const year = exampleYear();
  const hint = `A month needs its year: add it, e.g. ${option.name}:"${monthName(parts.month)} ${year}" or ${option.name}:${year}-${String(parts.month).padStart(2, '0')}.`;
  return new UserError(refusal.code, refusal.message, [hint], refusal.option, refusal.gathered);
}
