// A spreadsheet reads a month (`2024-12`) or a year (`1948`) as a date and saves it as its first
// day (`2024-12-01`, `1948-01-01`). A row correcting an entry of that month or year keeps the
// stored date, said in a note saying how to set the first day if it is meant: otherwise every
// such entry would be narrowed to a day its sources never gave.
import type { EntryInput } from '../core/domain.js';
import { precisionOf, toIsoPartial, type PartialDate } from '../core/partial-date.js';

/** Whether `given` is the first day of the month or year `stored` is. */
function isFirstDayOf(given: PartialDate, stored: PartialDate): boolean {
  const precision = precisionOf(stored);
  if (precision === 'day' || given.day !== 1 || given.year !== stored.year) return false;
  return precision === 'month' ? given.month === stored.month : given.month === 1;
}

const DATE_FIELDS = [
  { field: 'start', label: 'date' },
  { field: 'end', label: 'end' },
] as const;

/** The row with each such first day read as the stored month or year, and a note for each. */
export function storedMonthsKept(entryId: number, stored: EntryInput, row: EntryInput): { input: EntryInput; notes: string[] } {
  const input = { ...row };
  const notes: string[] = [];
  for (const { field, label } of DATE_FIELDS) {
    const [given, kept] = [row[field], stored[field]];
    if (!given || !kept || !isFirstDayOf(given, kept)) continue;
    input[field] = kept;
    const unit = precisionOf(kept);
    notes.push(
      `${label} ${toIsoPartial(given)} read as ${toIsoPartial(kept)}, the stored ${unit}: a spreadsheet writes a ${unit} as its first day. ` +
        `If the first day is meant, set it in the bot: /entry edit id:${entryId} ${label}:${toIsoPartial(given)}`,
    );
  }
  return { input, notes };
}
