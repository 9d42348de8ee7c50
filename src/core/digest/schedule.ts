// Digest schedules: `daily 08:00`, `weekly mon 09:00` or a 5-field cron expression, and the
// slots they produce in an IANA zone. Slots are computed here, not taken from node-cron's
// timers, so catch-up, `/digest list` and the delivery log all agree on what a slot is.
import { CronError, DAY_NAMES, matchesDate, minutesOfDay, parseCron, type CronFields } from './cron.js';
import { instantOf, localParts } from './zoned-time.js';

export interface Schedule {
  /** Normalised as people write it: `daily 08:00`, `weekly mon 09:00`, `0 8 * * 1-5`. */
  text: string;
  /** The same schedule as a 5-field cron expression, for node-cron. */
  cron: string;
  fields: CronFields;
}

/** `problem` says what is wrong when the text has one of the forms; it is absent when it has none. */
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; problem?: string };

/** Digests more frequent than this would flood a channel and the delivery log. */
export const MIN_INTERVAL_MINUTES = 15;

const RUNS_TOO_OFTEN = `it runs more often than every ${MIN_INTERVAL_MINUTES} minutes`;
const NEVER_RUNS = 'it never runs (no such date)';

/**
 * Whether the text is a valid schedule, refused only for when it runs (too often, never): a
 * refusal must then not list the forms a schedule takes, as if it had none of them.
 */
export function refusedForTiming(result: ScheduleResult): boolean {
  return !result.ok && (result.problem === RUNS_TOO_OFTEN || result.problem === NEVER_RUNS);
}

const FULL_DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseTime(text: string): { hour: number; minute: number } | string {
  const match = TIME.exec(text);
  if (!match) return `\`${text}\` is not a time of day like 08:00 (24-hour clock)`;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function parseDay(text: string): number | undefined {
  const lower = text.toLowerCase();
  const short = DAY_NAMES.indexOf(lower as never);
  if (short >= 0) return short;
  const full = FULL_DAY_NAMES.indexOf(lower);
  return full >= 0 ? full : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function tooFrequent(fields: CronFields): boolean {
  const times = minutesOfDay(fields);
  if (times.length === 0) return false;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  gaps.push(times[0]! + 1440 - times.at(-1)!); // across midnight, in case consecutive days both run
  return Math.min(...gaps) < MIN_INTERVAL_MINUTES;
}

function fromCron(text: string, cron: string): ScheduleResult {
  let fields: CronFields;
  try {
    fields = parseCron(cron);
  } catch (error) {
    if (error instanceof CronError) return { ok: false, problem: error.message };
    throw error;
  }
  if (tooFrequent(fields)) return { ok: false, problem: RUNS_TOO_OFTEN };
  if (nextRun({ fields }, 'UTC', new Date(Date.UTC(2000, 0, 1))) === undefined) return { ok: false, problem: NEVER_RUNS };
  return { ok: true, schedule: { text, cron, fields } };
}

/** Parses what an admin typed; the problem, if any, says what is wrong in their words. */
export function parseSchedule(input: string): ScheduleResult {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const keyword = words[0]?.toLowerCase();
  if (keyword === 'daily') {
    if (words.length !== 2) return { ok: false, problem: 'write it as `daily HH:MM`, e.g. `daily 08:00`' };
    const time = parseTime(words[1]!);
    if (typeof time === 'string') return { ok: false, problem: time };
    return fromCron(`daily ${pad(time.hour)}:${pad(time.minute)}`, `${time.minute} ${time.hour} * * *`);
  }
  if (keyword === 'weekly') {
    if (words.length !== 3) return { ok: false, problem: 'write it as `weekly DAY HH:MM`, e.g. `weekly mon 09:00`' };
    const day = parseDay(words[1]!);
    if (day === undefined) return { ok: false, problem: `\`${words[1]}\` is not a day of the week (mon, tue, … sun)` };
    const time = parseTime(words[2]!);
    if (typeof time === 'string') return { ok: false, problem: time };
    return fromCron(`weekly ${DAY_NAMES[day]} ${pad(time.hour)}:${pad(time.minute)}`, `${time.minute} ${time.hour} * * ${day}`);
  }
  if (words.length > 0 && /^[\d*]/.test(words[0]!)) {
    const cron = words.join(' ');
    return fromCron(cron, cron);
  }
  return { ok: false };
}

const DAY_MS = 86_400_000;
/** Far enough to find 29 February across a century year (2096 → 2104). */
const SEARCH_DAYS = 366 * 9;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function shiftDate(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instants a schedule runs at on one local date, ascending and without repeats. */
function slotsOn(fields: CronFields, zone: string, date: LocalDate): number[] {
  if (!matchesDate(fields, date.year, date.month, date.day)) return [];
  const instants = minutesOfDay(fields).map((m) => instantOf({ ...date, hour: Math.floor(m / 60), minute: m % 60 }, zone));
  // Two local times can land on one instant (02:00 moved by spring-forward onto 03:00).
  return [...new Set(instants)].sort((a, b) => a - b);
}

function localDateOf(instantMs: number, zone: string): LocalDate {
  const { year, month, day } = localParts(instantMs, zone);
  return { year, month, day };
}

/** The first slot strictly after `after`, or undefined if the schedule never runs. */
export function nextRun(schedule: Pick<Schedule, 'fields'>, zone: string, after: Date): Date | undefined {
  const afterMs = after.getTime();
  // Start a day early: a slot moved forward by spring-forward can cross into the next date.
  const start = shiftDate(localDateOf(afterMs, zone), -1);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const found = slotsOn(schedule.fields, zone, shiftDate(start, i)).filter((t) => t > afterMs);
    if (found.length > 0) {
      // Only a slot moved forward across midnight can beat the next date's first one.
      const following = slotsOn(schedule.fields, zone, shiftDate(start, i + 1)).filter((t) => t > afterMs);
      return new Date(Math.min(...found, ...following));
    }
  }
  return undefined;
}

/** The latest slot in [notBefore, atOrBefore], or undefined if there is none. */
export function latestRun(schedule: Pick<Schedule, 'fields'>, zone: string, atOrBefore: Date, notBefore: Date): Date | undefined {
  const endMs = atOrBefore.getTime();
  const startMs = notBefore.getTime();
  if (startMs > endMs) return undefined;
  const last = shiftDate(localDateOf(endMs, zone), 1);
  const days = Math.min(SEARCH_DAYS, Math.ceil((endMs - startMs) / DAY_MS) + 3);
  for (let i = 0; i <= days; i++) {
    const slots = slotsOn(schedule.fields, zone, shiftDate(last, -i)).filter((t) => t <= endMs && t >= startMs);
    if (slots.length > 0) {
      // A moved slot of the previous date may still be later than this date's last one.
      const previous = slotsOn(schedule.fields, zone, shiftDate(last, -i - 1)).filter((t) => t <= endMs && t >= startMs);
      return new Date(Math.max(...slots, ...previous));
    }
  }
  return undefined;
}

/** How many slots fall in [from, to], counting up to `cap`. */
export function countRuns(schedule: Pick<Schedule, 'fields'>, zone: string, from: Date, to: Date, cap = 1000): number {
  let count = 0;
  let cursor: Date | undefined = new Date(from.getTime() - 1);
  while (count < cap) {
    cursor = nextRun(schedule, zone, cursor);
    if (!cursor || cursor.getTime() > to.getTime()) break;
    count += 1;
  }
  return count;
}
