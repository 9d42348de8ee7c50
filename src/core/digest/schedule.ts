// Digest schedules: `daily 08:00`, `weekly mon 09:00` or a 5-field cron expression, and the
// slots they produce in an IANA zone. Slots are computed here, not taken from node-cron's
// timers, so catch-up, `/digest list` and the delivery log all agree on what a slot is.
import { CronError, DAY_NAMES, matchesDate, minutesOfDay, parseCron, type CronFields } from './cron.js';
import { wordList } from '../text.js';
import { instantOf, localParts, offsetMs } from './zoned-time.js';

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

/** Days of the week as written out, Sunday first as cron counts them. */
const FULL_DAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
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
  const full = FULL_DAY_WORDS.findIndex((day) => day.toLowerCase() === lower);
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
  // `∗` (U+2217) as Slack replies once showed `*` (`0 8 ∗ ∗ 1-5`), copied back: read as `*`.
  const words = input.replace(/\u2217/g, '*').trim().split(/\s+/).filter(Boolean);
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

const utcDay = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day);

function shiftDate(date: LocalDate, days: number): LocalDate {
  const d = new Date(utcDay(date) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const minutesMemo = new WeakMap<CronFields, number[]>();

/** minutesOfDay, once per parsed schedule: a `*\/15` day has 96 of them. */
function minutesOf(fields: CronFields): number[] {
  let minutes = minutesMemo.get(fields);
  if (!minutes) {
    minutes = minutesOfDay(fields);
    minutesMemo.set(fields, minutes);
  }
  return minutes;
}

/**
 * The zone's offset over a whole local date, when one offset holds from a day before it to a
 * day after it (every date but the few around a change): two Intl reads instead of several per slot.
 */
function steadyOffset(zone: string, wallMidnight: number): number | undefined {
  const before = offsetMs(wallMidnight - DAY_MS, zone);
  return before === offsetMs(wallMidnight + 2 * DAY_MS, zone) ? before : undefined;
}

/** The instants a schedule runs at on one local date, ascending and without repeats. */
function slotsOn(fields: CronFields, zone: string, date: LocalDate): number[] {
  if (!matchesDate(fields, date.year, date.month, date.day)) return [];
  const minutes = minutesOf(fields);
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  const offset = steadyOffset(zone, wallMidnight);
  if (offset !== undefined) return minutes.map((m) => wallMidnight + m * 60_000 - offset);
  const instants = minutes.map((m) => instantOf({ ...date, hour: Math.floor(m / 60), minute: m % 60 }, zone));
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

/**
 * How many slots fall in [from, to], exactly: date by date, each date's slots worked out once
 * (a catch-up after days down counts thousands of `*\/15` slots without a nextRun per slot).
 */
export function countRuns(schedule: Pick<Schedule, 'fields'>, zone: string, from: Date, to: Date): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (fromMs > toMs) return 0;
  // A day early and a day late: a slot moved by spring-forward can cross into another date.
  const first = shiftDate(localDateOf(fromMs, zone), -1);
  const days = Math.round((utcDay(localDateOf(toMs, zone)) - utcDay(first)) / DAY_MS) + 1;
  let count = 0;
  let previous = new Set<number>();
  for (let i = 0; i <= days; i++) {
    const inRange = slotsOn(schedule.fields, zone, shiftDate(first, i)).filter((t) => t >= fromMs && t <= toMs);
    // A slot moved across midnight may land on the next date's own slot: one slot, counted once.
    count += inRange.filter((t) => !previous.has(t)).length;
    previous = new Set(inRange);
  }
  return count;
}

/** A schedule in words, and the cron expression it reads, kept beside the words. */
export interface ScheduleWords {
  /** `daily at 08:00`, `weekly on Monday at 09:00`, `at 08:00 on Friday to Sunday`; absent when no plain reading is simple. */
  words?: string;
  /** The expression as typed, for a cron schedule. */
  cron?: string;
}

const hhmm = (minuteOfDay: number) => `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;


/** `at 08:00`, `at 07:30 and 19:30`, `every 15 minutes`, `every 30 minutes from 06:00 to 09:30`. */
function timesWords(times: readonly number[]): string | undefined {
  if (times.length <= 4) return `at ${wordList(times.map(hhmm))}`;
  const gap = times[1]! - times[0]!;
  if (!times.every((t, i) => i === 0 || t - times[i - 1]! === gap)) return undefined;
  const every = gap % 60 === 0 ? (gap === 60 ? 'every hour' : `every ${gap / 60} hours`) : `every ${gap} minutes`;
  // All day from midnight reads alone; otherwise the first and last slot bound it.
  return times[0] === 0 && times.length * gap === 1440 ? every : `${every} from ${hhmm(times[0]!)} to ${hhmm(times.at(-1)!)}`;
}

/** Days of the week as a run around the week where they make one (`fri-sun` → Friday to Sunday). */
function weekdaysWords(days: readonly number[]): string {
  if (days.length === 7) return 'every day';
  if (days.length === 1) return `every ${FULL_DAY_WORDS[days[0]!]}`;
  // Not all seven: some day starts a run (its eve is missing).
  const start = days.find((d) => !days.includes((d + 6) % 7))!;
  const run = Array.from({ length: days.length }, (_, i) => (start + i) % 7);
  const oneRun = run.every((d) => days.includes(d));
  if (oneRun && days.length > 2) return `on ${FULL_DAY_WORDS[run[0]!]} to ${FULL_DAY_WORDS[run.at(-1)!]}`;
  return `on ${wordList((oneRun ? run : days).map((d) => FULL_DAY_WORDS[d]!))}`;
}

/** A cron expression in words where that is simple: every month, at a few times or a steady step. */
function cronWords(fields: CronFields): string | undefined {
  if (fields.months.length !== 12) return undefined;
  const times = timesWords(minutesOfDay(fields));
  if (!times) return undefined;
  if (fields.daysOfWeek) return `${times} ${weekdaysWords(fields.daysOfWeek)}`;
  if (fields.daysOfMonth) {
    const days = fields.daysOfMonth;
    return `${times} on ${days.length === 1 ? 'day' : 'days'} ${wordList(days.map(String))} of the month`;
  }
  return times.startsWith('at ') ? `${times} every day` : times;
}

/** How a stored schedule's text reads in a sentence (`Sitrep will post a digest here …`). */
export function scheduleWords(text: string): ScheduleWords {
  const daily = /^daily (\d\d:\d\d)$/.exec(text);
  if (daily) return { words: `daily at ${daily[1]}` };
  const weekly = /^weekly (\w+) (\d\d:\d\d)$/.exec(text);
  const day = weekly ? parseDay(weekly[1]!) : undefined;
  if (weekly && day !== undefined) return { words: `weekly on ${FULL_DAY_WORDS[day]} at ${weekly[2]}` };
  try {
    // Stored expressions keep their older meaning (`5/15`), as the scheduler reads them.
    const words = cronWords(parseCron(text, { stored: true }));
    return words ? { words, cron: text } : { cron: text };
  } catch (error) {
    if (error instanceof CronError) return { cron: text };
    throw error;
  }
}
