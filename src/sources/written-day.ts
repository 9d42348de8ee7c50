// Feed dates as read, and the calendar day a feed wrote a time in, at the offset it wrote (`Sat,
// 05 Dec 2026 01:30:00 +0300` is 5 December where it was published, 4 December in UTC). An event
// a Damascus outlet dates after midnight happened on its day, not the UTC one. Parsed dates carry
// it here, in the thread that reads the feed, until the item is built.
//
// A zone may be written as a name (`EDT`, `CET`): the names RFC 822 defines, and those feeds of
// the region write whose meaning is not in doubt, count as their offsets. A name Sitrep does not
// know or that means several offsets (`IST`: India, Israel or Ireland; `AST`: Arabia or Atlantic),
// a military letter (RFC 2822 §4.3: "-0000") or no zone at all: the time is read as written, at
// UTC, so the day is the day written; the instant may be off by the zone's offset.
const writtenDays = new WeakMap<Date, string>();

/** Minutes east of UTC of the zone names whose offset is certain. */
const NAMED_ZONES: ReadonlyMap<string, number> = new Map([
  // RFC 822 §5.1, and UTC.
  ['UT', 0],
  ['UTC', 0],
  ['GMT', 0],
  ['Z', 0],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  // Europe and the Middle East.
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['IDT', 180],
]);

/** A date longer than this is no date: it is left to the Date parser as written, unexamined (no pattern runs on a hostile feed's megabyte). */
const MAX_EXAMINED_LENGTH = 80;
/** An RFC 2822 comment after the zone: `+0100 (CET)`. */
const TRAILING_COMMENT = /\s*\([^()]*\)\s*$/;
/** `+0300`, `-03:00` at the end of a date. */
const NUMERIC_OFFSET = /([+-])(\d{2}):?(\d{2})$/;
/** A date ending in a time (`14:00`, `14:00:00.5`, `2:30 PM`), then perhaps an offset, then perhaps a zone name. */
const TIME_THEN_ZONE = /^(.*\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AP]M\b)?)\s*([+-]\d{2}:?\d{2})?\s*([A-Z]{1,5})?$/i;

const offsetOf = (numeric: string): number | undefined => {
  const match = NUMERIC_OFFSET.exec(numeric);
  if (!match) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/** `+03:00`: an offset as both ISO 8601 and RFC 822 parsers take it, right after the time. */
function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
}

/**
 * The text to parse, with any zone name written as its offset, and the offset in minutes the
 * feed wrote the time at (undefined when the text shows none Sitrep can read).
 */
function withOffset(raw: string): { text: string; offset: number | undefined } {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_EXAMINED_LENGTH) return { text: trimmed, offset: undefined };
  const text = trimmed.replace(TRAILING_COMMENT, '');
  // `+0300`, `GMT+0200`, `2026-12-04T14:00:00+03:00`: read as written.
  const numeric = offsetOf(text);
  if (numeric !== undefined) return { text, offset: numeric };
  const match = TIME_THEN_ZONE.exec(text);
  if (!match) return { text, offset: undefined };
  const [, dateTime = '', written, name] = match;
  // `+0300 EEST`: the number says it. A known name: its offset. Else (unknown, ambiguous,
  // military, or no zone): at UTC, as RFC 2822 reads "-0000".
  const offset = written !== undefined ? offsetOf(written) : (NAMED_ZONES.get(name?.toUpperCase() ?? '') ?? 0);
  if (offset === undefined) return { text, offset: undefined };
  return { text: `${dateTime}${offsetText(offset)}`, offset };
}

/**
 * A date as feeds write them (RFC 822 or ISO 8601, its zone a number or a name), remembering the
 * day it was written in; undefined when it is not one.
 */
export function readFeedDate(raw: string): Date | undefined {
  const { text, offset } = withOffset(raw);
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    // A form the Date parser takes only as written: read as before, the day unknown.
    const asWritten = new Date(raw.trim());
    return Number.isNaN(asWritten.getTime()) ? undefined : asWritten;
  }
  if (offset !== undefined) writtenDays.set(date, new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 10));
  return date;
}

/** `YYYY-MM-DD`: the day the date was written in, if its text gave a time Sitrep could place (see above). */
export const writtenDayOf = (date: Date): string | undefined => writtenDays.get(date);
