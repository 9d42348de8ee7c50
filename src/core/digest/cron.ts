// Five-field cron expressions (minute hour day-of-month month day-of-week), parsed into sets
// of allowed values. A deliberate subset of what node-cron accepts, read the way node-cron
// reads it, so anything parsed here also runs there with the same slots: numbers, `*`, ranges
// (a range written backwards wraps around, `fri-sun` = fri, sat, sun), steps of `*` or of a
// range, lists, and English month and day names. Not `5/15`: node-cron refuses a step after a
// single value.

export interface CronFields {
  minutes: number[];
  hours: number[];
  /** undefined means any day of the month. */
  daysOfMonth?: number[];
  months: number[];
  /** 0 = Sunday … 6 = Saturday; undefined means any day of the week. */
  daysOfWeek?: number[];
}

export class CronError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CronError';
  }
}

interface FieldRule {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Index of the first name (months start at 1, days at 0). */
  namesFrom?: number;
  /** Where a backwards range wraps around, when not `max` (node-cron wraps days of week at 6). */
  wrapMax?: number;
}

export interface CronParseOptions {
  /**
   * Read `5/15` as `5-59/15`, as Sitrep did before it checked what node-cron runs: only for
   * expressions already stored, so their slots can still be computed (the scheduler's sweep
   * delivers them even though node-cron cannot run them).
   */
  stored?: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const RULES: readonly FieldRule[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 },
  // 7 is Sunday too, as in most crons.
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, namesFrom: 0, wrapMax: 6 },
];

function parseValue(text: string, rule: FieldRule): number {
  const lower = text.toLowerCase();
  const nameIndex = rule.names?.indexOf(lower as never) ?? -1;
  if (nameIndex >= 0) return nameIndex + (rule.namesFrom ?? 0);
  if (!/^\d{1,2}$/.test(text)) {
    throw new CronError(`${rule.name} field: \`${text}\` is not a number${rule.names ? ' or a name' : ''}`);
  }
  const value = Number(text);
  if (value < rule.min || value > rule.max) {
    throw new CronError(`${rule.name} field: ${value} is outside ${rule.min}–${rule.max}`);
  }
  return value;
}

/** `from`…`to` by `step`; backwards ranges wrap around the field, exactly as node-cron expands them. */
function expandRange(from: number, to: number, step: number, rule: FieldRule): number[] {
  const values: number[] = [];
  if (from <= to) {
    for (let v = from; v <= to; v += step) values.push(v);
    return values;
  }
  const top = rule.wrapMax ?? rule.max;
  const size = top - rule.min + 1;
  const span = (((to - from) % size) + size) % size;
  for (let offset = 0; offset <= span; offset += step) {
    const v = from + offset;
    values.push(v > top ? v - size : v);
  }
  return values;
}

function parsePart(part: string, rule: FieldRule, options: CronParseOptions): number[] {
  const [range = '', stepText, extra] = part.split('/');
  if (extra !== undefined || range === '') throw new CronError(`${rule.name} field: \`${part}\` is not a value, range or step`);
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d{1,2}$/.test(stepText) || Number(stepText) === 0) throw new CronError(`${rule.name} field: step \`${stepText}\` must be a number from 1`);
    step = Number(stepText);
  }
  if (range === '*') return expandRange(rule.min, rule.max, step, rule);
  if (range.includes('-')) {
    const [a = '', b = ''] = range.split('-');
    return expandRange(parseValue(a, rule), parseValue(b, rule), step, rule);
  }
  const value = parseValue(range, rule);
  if (stepText === undefined) return [value];
  if (!options.stored) {
    const last = rule.wrapMax ?? rule.max;
    throw new CronError(`${rule.name} field: \`${part}\` needs a range before the step; write \`${range}-${last}/${stepText}\``);
  }
  return expandRange(value, rule.max, step, rule);
}

function parseField(text: string, rule: FieldRule, options: CronParseOptions): number[] {
  const values = new Set<number>();
  for (const part of text.split(',')) for (const v of parsePart(part, rule, options)) values.add(v);
  return [...values].sort((a, b) => a - b);
}

/** Parses `0 8 * * 1-5`; throws CronError naming the field at fault. */
export function parseCron(expression: string, options: CronParseOptions = {}): CronFields {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new CronError(`a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has ${fields.length}`);
  }
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const parsed: CronFields = {
    minutes: parseField(minute, RULES[0]!, options),
    hours: parseField(hour, RULES[1]!, options),
    months: parseField(month, RULES[3]!, options),
  };
  if (dom !== '*') parsed.daysOfMonth = parseField(dom, RULES[2]!, options);
  if (dow !== '*') parsed.daysOfWeek = [...new Set(parseField(dow, RULES[4]!, options).map((d) => d % 7))].sort((a, b) => a - b);
  if (parsed.daysOfMonth && parsed.daysOfWeek) {
    // Vixie cron reads this as "either", node-cron as "both": refuse rather than guess.
    throw new CronError('restrict either the day of month or the day of week, not both (crons disagree on what both means)');
  }
  return parsed;
}

/** Whether a calendar date (in the schedule's zone) is one the expression runs on. */
export function matchesDate(fields: CronFields, year: number, month: number, day: number): boolean {
  if (!fields.months.includes(month)) return false;
  if (fields.daysOfMonth && !fields.daysOfMonth.includes(day)) return false;
  if (fields.daysOfWeek && !fields.daysOfWeek.includes(new Date(Date.UTC(year, month - 1, day)).getUTCDay())) return false;
  return true;
}

/** Minutes of the day the expression runs at, ascending. */
export function minutesOfDay(fields: CronFields): number[] {
  return fields.hours.flatMap((h) => fields.minutes.map((m) => h * 60 + m));
}
