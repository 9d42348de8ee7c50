// The calendar day a feed wrote a time in, at the offset it wrote (`Sat, 05 Dec 2026 01:30:00
// +0300` is 5 December where it was published, 4 December in UTC). An event a Damascus outlet
// dates after midnight happened on its day, not the UTC one. Parsed dates carry it here, in the
// thread that reads the feed, until the item is built.
const writtenDays = new WeakMap<Date, string>();

/** `+0300`, `-03:00`, `Z`, `GMT`, `UT` at the end of a date: the offset in minutes. */
function offsetMinutes(raw: string): number | undefined {
  const text = raw.trim();
  if (/(?:Z|GMT|UTC?)$/i.test(text)) return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!match) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Remembers the day `raw` was written in, for the Date parsed from it. */
export function keepWrittenDay(date: Date, raw: string): void {
  const offset = offsetMinutes(raw);
  if (offset === undefined) return;
  writtenDays.set(date, new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 10));
}

/** `YYYY-MM-DD`: the day the date was written in, if its text gave an offset. */
export const writtenDayOf = (date: Date): string | undefined => writtenDays.get(date);
