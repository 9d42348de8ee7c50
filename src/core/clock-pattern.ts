// How a time of day is written after its day (`2025-07-14T09:30:00+03:00`), in one place: the
// past views read it (day-time.ts), a day-only option told it takes no time recognises it
// (partial-date.ts), and a time typed apart from its day is told by its zone word (time-words.ts).

/** `HH:MM` with optional `:SS` and a fraction of `fractionDigits` (a quantifier): hour, minutes, seconds and fraction. */
const clockWithFraction = (fractionDigits: string) => String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d${fractionDigits}))?)?`;

/** A clock as a view's time is read: to the millisecond, the finest unit a view stands at. */
export const CLOCK = clockWithFraction('{1,3}');

/** A clock as any clock or export writes one, its fraction to any length (`09:30:00.123456`). */
export const WRITTEN_CLOCK = clockWithFraction('+');

/** A UTC offset: `Z`, `+03:00`, `+0300`, `+03`. */
export const UTC_OFFSET = String.raw`Z|[+-]\d{2}(?::?\d{2})?`;

/** UTC by its name (`UTC`, `GMT`, read in any case) or as an offset. */
export const UTC_NAME_OR_OFFSET = String.raw`UTC|GMT|${UTC_OFFSET}`;

/** What stands between a day and its time: `T` or spaces. */
export const DAY_TIME_SEPARATOR = String.raw`(?:T|\s+)`;
