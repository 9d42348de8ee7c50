// Periods of a timeline chart: weeks (Monday to Sunday) or calendar months, as days YYYY-MM-DD.
import { formatIsoPartial, formatPartialDate } from '../partial-date.js';
import type { PeriodUnit } from './chart.js';

const DAY_MS = 86_400_000;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return asDay(new Date(asDate(day).getTime() + days * DAY_MS));
}

/** The first day of the period holding `day`. */
export function periodStart(day: string, unit: PeriodUnit): string {
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  return addDays(day, -((asDate(day).getUTCDay() + 6) % 7));
}

function nextPeriod(start: string, unit: PeriodUnit): string {
  if (unit === 'week') return addDays(start, 7);
  const date = asDate(start);
  return asDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, unit: PeriodUnit): string {
  return addDays(nextPeriod(start, unit), -1);
}

/**
 * The last day a chart counts, by its until (given, or found: the newest matching entry) and
 * today, after which no period is drawn. An until given is kept to (up to today); one found
 * reaches the end of its period, up to today: nothing matching lies after that entry, but a
 * trend call made since, in the period drawn, is marked.
 */
export function countedUntil(until: string, given: boolean, unit: PeriodUnit, today: string): string {
  const end = given ? until : periodEnd(periodStart(until, unit), unit);
  return end < today ? end : today;
}

/** How many periods `since`..`until` spans, without listing them. */
export function periodCount(since: string, until: string, unit: PeriodUnit): number {
  const [from, to] = [periodStart(since, unit), periodStart(until, unit)];
  if (unit === 'week') return Math.round((asDate(to).getTime() - asDate(from).getTime()) / (7 * DAY_MS)) + 1;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** The first day of every period from the one holding `since` to the one holding `until`. */
export function periodStarts(since: string, until: string, unit: PeriodUnit): string[] {
  const starts: string[] = [];
  for (let start = periodStart(since, unit); start <= until; start = nextPeriod(start, unit)) starts.push(start);
  return starts;
}

/** `7 Jul 2025` for a week (its Monday), `Jul 2025` for a month. */
export function periodLabel(start: string, unit: PeriodUnit): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  return formatPartialDate(unit === 'week' ? { year, month, day } : { year, month });
}

/**
 * Days of a period cut by since or until, as people read them: `20 Jul 2025`, `16–31 Jul 2025`,
 * `28 Jul – 3 Aug 2025`, `29 Dec 2025 – 4 Jan 2026`.
 */
export function daysLabel(from: string, to: string): string {
  const [first, last] = [formatIsoPartial(from), formatIsoPartial(to)];
  if (from === to) return first;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${last}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${first.slice(0, -5)} – ${last}`;
  return `${first} – ${last}`;
}

/** A year back from `until`, the day after its date a year before. */
export function yearBefore(until: string): string {
  const date = asDate(until);
  return addDays(asDay(new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()))), 1);
}
