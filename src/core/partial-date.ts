// A date that keeps the precision its source supports: "1948", "Dec 2024" or "12 Jul 2025".
import type { DatePrecision } from './vocabulary.js';

export interface PartialDate {
  year: number;
  month?: number; // 1–12, present for month and day precision
  day?: number; // present for day precision
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.day !== undefined) return 'day';
  return date.month !== undefined ? 'month' : 'year';
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `2025`, `2025-07` or `2025-07-12`; returns undefined for anything else or an impossible day. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const match = ISO_PARTIAL.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
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
