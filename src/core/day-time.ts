// A day with a time of day, as the date options of past views take it (`as_of:2025-07-20T09:00`):
// the morning note went out at 09:00, and the view is the dossier then. Written as clocks, exports
// and the bot's own replies write an instant, so one copied from a reply can be typed back:
// `2025-07-20T09:00`, `"2025-07-20 09:00:30"`, `2025-07-20T09:00+03:00`, `…Z`,
// `"2025-07-20 09:00 UTC"`, `"20 Jul 2025 09:00 Asia/Damascus"`.
import { CLOCK, DAY_TIME_SEPARATOR, UTC_OFFSET } from './clock-pattern.js';
import type { OptionSpec } from './command-spec.js';
import { canonicalTimeZone, instantOf, offsetMs } from './digest/zoned-time.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from './partial-date.js';

/** The finest part of a time as typed: a view stands at the end of it, as a day's stands at midnight. */
export type TimeUnit = 'minute' | 'second' | 'millisecond';

/** Where a time's clock is read: the channel's zone unless the text gave an offset or a zone. */
export type TimeReading = { kind: 'channel' } | { kind: 'offset'; minutes: number } | { kind: 'zone'; zone: string };

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  unit: TimeUnit;
  reading: TimeReading;
}

/** A day (day precision always) with a time of day: a date option's value when a time was typed. */
export interface DayTime extends PartialDate {
  month: number;
  day: number;
  time: TimeOfDay;
}

/** A date option that also takes a time of day (past views' `as_of`, `/entry diff`'s `from` and `to`). */
export interface TimeOfDayOption extends OptionSpec {
  timeOfDay: true;
}

/** `option`, taking a time of day too. */
export const withTimeOfDay = (option: OptionSpec): TimeOfDayOption => ({ ...option, timeOfDay: true });

export const takesTimeOfDay = (option: OptionSpec): option is TimeOfDayOption => (option as Partial<TimeOfDayOption>).timeOfDay === true;

/** What a refusal of such an option says it accepts. */
export const DATE_OR_TIME_ACCEPTED = 'a date like 2025, 2025-07 or 2025-07-12, or a day and time like 2025-07-12T09:00';

/** The longest such value a platform lets through (`12 September 2025 09:00:30.123 America/Argentina/Buenos_Aires`). */
export const DAY_TIME_MAX_LENGTH = 64;

/** The forms a refusal names, for the day `day` typed (YYYY-MM-DD). */
const dayTimeForms = (name: string, day: string): string =>
  `${name}:${day}T09:00, ${name}:"${day} 09:00:30", ${name}:${day}T09:00+03:00 or ${name}:${day}T09:00Z`;

export const isDayTime = (date: PartialDate): date is DayTime => 'time' in date;

/** The dashes phones and word processors put for a `-`, and the minus sign, read as `-` in an offset. */
const DASHES = /[‐‑‒–—−]/g;

// One reading of a time of day, whether typed after its day or as a word of its own (time-words.ts).
/** A day, then `T` or spaces. */
const DAY_THEN = String.raw`^(.+?)${DAY_TIME_SEPARATOR}`;

/** A day, then a clock, then an optional offset or, after a space, a zone name (`UTC`, `Asia/Damascus`). */
const DAY_AND_TIME = new RegExp(String.raw`${DAY_THEN}${CLOCK}(?:\s*(${UTC_OFFSET})|\s+([A-Za-z][\w+\-/]*))?$`, 'i');

/** A clock alone, with an optional offset: `9:00`, `09:00:30`, `09:00Z`, `09:00+03:00`. */
const CLOCK_WORD = new RegExp(String.raw`^${CLOCK}(${UTC_OFFSET})?$`, 'i');

/** `Z`, `+03:00`, `-0430`, `+05` → minutes east of UTC; undefined past ±14:00 or 59 minutes. */
function offsetMinutes(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  if (Number(minutes ?? 0) > 59 || total > 14 * 60) return undefined;
  return sign === '-' ? -total : total;
}

function readingOf(offset: string | undefined, zoneName: string | undefined): TimeReading | undefined {
  if (offset !== undefined) {
    const minutes = offsetMinutes(offset);
    return minutes === undefined ? undefined : { kind: 'offset', minutes };
  }
  if (zoneName === undefined) return { kind: 'channel' };
  if (/^(utc|gmt|z)$/i.test(zoneName)) return { kind: 'offset', minutes: 0 };
  const zone = canonicalTimeZone(zoneName);
  return zone === undefined ? undefined : { kind: 'zone', zone };
}

/** A day with a time of day, or undefined for anything else: a day alone, an hour 25, a day that does not exist. */
export function parseDayTime(text: string): DayTime | undefined {
  const typed = DAY_AND_TIME.exec(text.trim().replace(DASHES, '-'));
  if (!typed) return undefined;
  const [, dayText, hourText, minuteText, secondText, fraction, offset, zoneName] = typed;
  const day = parsePartialDate(dayText!);
  if (day?.month === undefined || day.day === undefined) return undefined;
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const reading = readingOf(offset, zoneName);
  if (!reading) return undefined;
  const unit: TimeUnit = fraction !== undefined ? 'millisecond' : secondText !== undefined ? 'second' : 'minute';
  const millisecond = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return { year: day.year, month: day.month, day: day.day, time: { hour, minute, second, millisecond, unit, reading } };
}

/** A word that is a time of day, as a day and time is written with it: its clock (`09:00`) and offset. */
export interface ClockWord {
  clock: string;
  offset: string | undefined;
}

/**
 * A word that is a time of day (`9:00`, `09:00:30.5`, `09:00Z`, `09:00+03:00`), read as a day's
 * time is; undefined for any other word. `25:00` is read too: a time meant, which parseDayTime
 * then refuses with the day (dayTimeProblem says why).
 */
export function clockWord(word: string): ClockWord | undefined {
  const typed = CLOCK_WORD.exec(word.trim().replace(DASHES, '-'));
  if (!typed) return undefined;
  const [, hour, minute, second, fraction, offset] = typed;
  const seconds = second === undefined ? '' : `:${second}${fraction === undefined ? '' : `.${fraction}`}`;
  return { clock: `${hour!.padStart(2, '0')}:${minute}${seconds}`, offset };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `09:00`, `09:00:30`, `09:00:30.125`: a clock to the unit typed. */
export function clockText(time: Pick<TimeOfDay, 'hour' | 'minute' | 'second' | 'millisecond'>, unit: TimeUnit): string {
  const minutes = `${two(time.hour)}:${two(time.minute)}`;
  if (unit === 'minute') return minutes;
  return unit === 'second' ? `${minutes}:${two(time.second)}` : `${minutes}:${two(time.second)}.${String(time.millisecond).padStart(3, '0')}`;
}

/** `+03:00`, `-04:30`; `Z` for UTC. */
export function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const size = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(size / 60))}:${two(size % 60)}`;
}

/**
 * A date option's value as it is typed again (a page button, a command a reply offers):
 * `2025-07-20`, `2025-07-20T09:00`, `2025-07-20T09:00:30+03:00`. A zone name becomes the offset it
 * had then, so that the text needs no quotes.
 */
export function typedDate(date: PartialDate): string {
  if (!isDayTime(date)) return toIsoPartial(date);
  const { time } = date;
  const clock = `${toIsoPartial(date)}T${clockText(time, time.unit)}`;
  if (time.reading.kind === 'channel') return clock;
  if (time.reading.kind === 'offset') return clock + offsetText(time.reading.minutes);
  const { zone } = time.reading;
  return clock + offsetText(offsetMs(instantOf({ year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute }, zone), zone) / 60_000);
}

/** A day, `T` or spaces, and what follows, when it starts with a digit: a time meant, perhaps mistyped. */
const DAY_THEN_TIME = new RegExp(String.raw`${DAY_THEN}(\d.*)$`, 'i');

/**
 * Why a day with a time typed for an option that takes one is not read (`2025-07-20T25:00`: there
 * is no hour 25), naming the forms it takes; undefined when the text is no day with a time.
 */
export function dayTimeProblem(name: string, text: string): string | undefined {
  const typed = DAY_THEN_TIME.exec(text.trim().replace(DASHES, '-'));
  const day = typed ? parsePartialDate(typed[1]!) : undefined;
  if (!typed || day?.day === undefined) return undefined;
  const iso = toIsoPartial(day);
  const forms = `A time goes after its day: ${dayTimeForms(name, iso)}.`;
  const clock = /^(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(typed[2]!)!;
  const [hour, minute, second] = [Number(clock[1]), clock[2] === undefined ? undefined : Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
  if (hour === 24 && !minute && !second) return `24:00 is the end of the day: ${name}:${iso} stands there. ${forms}`;
  if (hour > 23) return `There is no hour ${hour}: hours run from 00 to 23. ${forms}`;
  if (minute === undefined) return `A time of day is written with its minutes (${two(hour)}:00, not ${typed[2]}). ${forms}`;
  if (minute > 59) return `There is no minute ${minute}: minutes run from 00 to 59. ${forms}`;
  if (second !== undefined && second > 59) return `There is no second ${second}: seconds run from 00 to 59. ${forms}`;
  const after = typed[2]!.slice(clock[0].length).trim();
  if (/^[+-]/.test(after)) return `\`${after}\` is no UTC offset: offsets run from -14:00 to +14:00, written +03:00 (or Z for UTC). ${forms}`;
  if (/^[a-z]/i.test(after)) return `\`${after}\` is no time zone: give an offset (+03:00, Z) or a zone such as Asia/Damascus. ${forms}`;
  return forms;
}
