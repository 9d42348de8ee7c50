// Which instant a past view stands at: the end of the day (or month, or year) asked for, in a
// time zone, so "as of 20 Jul" means everything written up to midnight after the 20th there.
// (A day with a time of day: as-of-time.ts.)
import { UserError } from './errors.js';
import { firstDay, formatPartialDate, lastDay, parsePartialDate, type PartialDate } from './partial-date.js';
import { formatInZone, instantOf, localParts } from './digest/zoned-time.js';

export interface AsOfInstant {
  /** Exclusive: the view holds every change written before it. ISO, as revisions are compared. */
  before: string;
  /**
   * `the end of 20 Jul 2025 (UTC)`; `2 Dec 2026, so far (UTC)` for a period not over yet; for a
   * time of day, `20 Jul 2025 09:00 (Asia/Damascus)` (see as-of-time.ts).
   */
  label: string;
  zone: string;
  /** For a time of day: the last clock reading the view holds changes of (`09:00:59` for 09:00). */
  upTo?: string;
  /** For a time the zone's clocks skipped or repeated that day: how it was read. */
  note?: string;
}

/** `YYYY-MM-DD` shifted by a number of days (back when negative). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The zone's calendar day at an instant, as `YYYY-MM-DD`. */
export function dayInZone(instant: Date, zone: string): string {
  const p = localParts(instant.getTime(), zone);
  return firstDay({ year: p.year, month: p.month, day: p.day });
}

/** Refuses, naming `option`, a date that starts after `today` (a day in `zone`); `zoneHint` says where the zone comes from. */
export function refuseFuture(date: PartialDate, today: string, zone: string, option: string, hint: string, zoneHint?: string): void {
  if (firstDay(date) <= today) return;
  throw new UserError(
    'invalid-option',
    `Option \`${option}\` is in the future — got \`${formatPartialDate(date)}\`; today is ${formatPartialDate(parsePartialDate(today)!)} (${zone}).`,
    zoneHint === undefined ? [hint] : [hint, zoneHint],
    option,
  );
}

/**
 * The end of `date` in `zone`. A date after today there is refused; a period that includes
 * today ends now, as far as the dossier goes.
 */
export function asOfInstant(date: PartialDate, zone: string, now: Date, option: string, zoneHint?: string): AsOfInstant {
  const today = dayInZone(now, zone);
  refuseFuture(date, today, zone, option, 'A past view needs a date up to today.', zoneHint);
  const last = lastDay(date);
  if (last >= today) {
    const label = `${formatPartialDate(parsePartialDate(today)!)}, so far (${zone})`;
    return { before: new Date(now.getTime() + 1).toISOString(), label, zone };
  }
  const next = parsePartialDate(shiftDay(last, 1))!;
  const before = new Date(instantOf({ year: next.year, month: next.month!, day: next.day!, hour: 0, minute: 0 }, zone)).toISOString();
  return { before, label: `the end of ${formatPartialDate(date)} (${zone})`, zone };
}

/**
 * What a view from before the dossier's first entry says instead of entries (undefined when the
 * dossier existed by then): no one asked anything wrong, there was simply nothing yet.
 */
export function beforeDossierText(asOf: AsOfInstant, firstEntryAt: string | undefined): string | undefined {
  if (firstEntryAt !== undefined && firstEntryAt < asOf.before) return undefined;
  if (firstEntryAt === undefined) return 'The dossier has no entries yet.';
  return `The dossier did not exist yet as of ${asOf.label}: its first entry was written on ${formatInZone(new Date(firstEntryAt), asOf.zone)}.`;
}
