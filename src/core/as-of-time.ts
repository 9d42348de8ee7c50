// Which instant a past view stands at when a time of day is typed (`as_of:2025-07-20T09:00`): the
// end of that minute (or second, when seconds are typed), as a day's view stands at its end, so a
// change the bot stamps 09:00 is in the view of 09:00 and one stamped 09:01 is not. A time without
// an offset is read on the channel's clock; one the clocks skipped or repeated that day is read as
// zoned-time.ts reads a digest's slot (a skipped 02:30 as 03:30, a repeated one as the first), and
// the reply says so.
import type { AsOfInstant } from './as-of-day.js';
import { clockText, offsetText, type DayTime, type TimeUnit } from './day-time.js';
import { instantOf, localParts, offsetMs } from './digest/zoned-time.js';
import { UserError } from './errors.js';
import { formatPartialDate, toIsoPartial } from './partial-date.js';

const UNIT_MS: Record<TimeUnit, number> = { minute: 60_000, second: 1_000, millisecond: 1 };
const DAY_MS = 86_400_000;

/** When the typed clock starts, and what to say when the zone's clocks skipped or repeated it that day. */
interface Reading {
  start: number;
  note?: string;
}

function startOf(at: DayTime, channelZone: string, option: string): Reading {
  const { time } = at;
  const within = time.second * 1_000 + time.millisecond;
  const wall = Date.UTC(at.year, at.month - 1, at.day, time.hour, time.minute);
  if (time.reading.kind === 'offset') return { start: wall - time.reading.minutes * 60_000 + within };
  const zone = time.reading.kind === 'zone' ? time.reading.zone : channelZone;
  const first = instantOf({ year: at.year, month: at.month, day: at.day, hour: time.hour, minute: time.minute }, zone);
  const clock = clockText(time, 'minute');
  const where = `in ${zone} on ${formatPartialDate(at)}`;
  const read = localParts(first, zone);
  if (read.hour !== time.hour || read.minute !== time.minute) {
    const shifted = clockText({ ...read, millisecond: 0 }, 'minute');
    return { start: first + within, note: `${clock} did not happen ${where} (the clocks went forward): it is read as ${shifted}.` };
  }
  // The same wall clock with the offset of the day after, if it is a second reading of it.
  const later = wall - offsetMs(wall + DAY_MS, zone);
  if (later !== first && offsetMs(later, zone) === wall - later) {
    const second = `${option}:${toIsoPartial(at)}T${clockText(time, time.unit)}${offsetText((wall - later) / 60_000)}`;
    return { start: first + within, note: `${clock} came twice ${where} (the clocks went back): this is the first; for the second, type ${second}.` };
  }
  return { start: first + within };
}

/** `20 Jul 2025 09:00` on `zone`'s clock, to `unit`. */
function clockIn(instant: number, zone: string, unit: TimeUnit): string {
  const p = localParts(instant, zone);
  const millisecond = ((instant % 1_000) + 1_000) % 1_000;
  return `${formatPartialDate(p)} ${clockText({ ...p, millisecond }, unit)}`;
}

/**
 * The end of the minute (or second) `at` names, shown on `zone`'s clock, the view's. A time after
 * `now` is refused (`hint`: where a time without offset is read); one not over yet ends now.
 */
export function asOfTimeInstant(at: DayTime, zone: string, now: Date, option: string, hint?: string): AsOfInstant {
  const { unit } = at.time;
  const { start, note } = startOf(at, zone, option);
  if (start > now.getTime()) {
    throw new UserError(
      'invalid-option',
      `Option \`${option}\` is in the future — got \`${clockIn(start, zone, unit)}\`; it is now ${clockIn(now.getTime(), zone, unit)} (${zone}).`,
      hint === undefined ? ['A past view needs a time up to now.'] : ['A past view needs a time up to now.', hint],
      option,
    );
  }
  const end = start + UNIT_MS[unit];
  const shown = clockIn(start, zone, unit);
  if (end > now.getTime()) {
    return { before: new Date(now.getTime() + 1).toISOString(), label: `${shown}, so far (${zone})`, zone, ...(note ? { note } : {}) };
  }
  // The last instant in the view, to the second: 09:00 holds what was written up to 09:00:59.
  const upTo = clockText({ ...localParts(end - 1, zone), millisecond: (end - 1) % 1_000 }, unit === 'minute' ? 'second' : unit);
  return { before: new Date(end).toISOString(), label: `${shown} (${zone})`, zone, upTo, ...(note ? { note } : {}) };
}
