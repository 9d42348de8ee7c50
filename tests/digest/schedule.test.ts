// Schedule parsing, time-zone validation and slot arithmetic, as pure functions.
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { matchesDate, minutesOfDay } from '../../src/core/digest/cron.js';
import { countRuns, latestRun, nextRun, parseSchedule, type Schedule } from '../../src/core/digest/schedule.js';
import { canonicalTimeZone, formatInZone, instantOf } from '../../src/core/digest/zoned-time.js';

function schedule(text: string): Schedule {
  const result = parseSchedule(text);
  if (!result.ok) throw new Error(result.problem);
  return result.schedule;
}

const local = (d: Date | undefined, zone: string) => (d ? formatInZone(d, zone) : 'never');

describe('GIVEN schedules as admins type them', () => {
  it.each([
    ['daily 08:00', 'daily 08:00', '0 8 * * *'],
    ['Daily 8:05', 'daily 08:05', '5 8 * * *'],
    ['weekly mon 09:00', 'weekly mon 09:00', '0 9 * * 1'],
    ['weekly Sunday 23:30', 'weekly sun 23:30', '30 23 * * 0'],
    ['0 8 * * 1-5', '0 8 * * 1-5', '0 8 * * 1-5'],
    ['30 7,19 * * mon-fri', '30 7,19 * * mon-fri', '30 7,19 * * mon-fri'],
    ['0 9 1 * *', '0 9 1 * *', '0 9 1 * *'],
    ['*/30 6-9 * jan-mar *', '*/30 6-9 * jan-mar *', '*/30 6-9 * jan-mar *'],
    ['0 8 * * fri-sun', '0 8 * * fri-sun', '0 8 * * fri-sun'],
    ['5-59/15 * * * *', '5-59/15 * * * *', '5-59/15 * * * *'],
    // As copied from a Slack reply that showed `*` as `∗` (U+2217).
    ['0 8 \u2217 \u2217 1-5', '0 8 * * 1-5', '0 8 * * 1-5'],
  ])('THEN %s is accepted as %s (cron %s) and node-cron accepts it too', (typed, text, expression) => {
    const s = schedule(typed);
    expect(s.text).toBe(text);
    expect(s.cron).toBe(expression);
    expect(cron.validate(s.cron)).toBe(true);
  });

  it.each([
    ['daily 25:00', '`25:00` is not a time of day like 08:00 (24-hour clock)'],
    ['daily', 'write it as `daily HH:MM`, e.g. `daily 08:00`'],
    ['weekly someday 09:00', '`someday` is not a day of the week (mon, tue, … sun)'],
    ['0 8 * *', 'a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has 4'],
    ['0 8 * * * *', 'a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has 6'],
    ['61 8 * * *', 'minute field: 61 is outside 0–59'],
    ['0 8 * * 1-x', 'day of week field: `x` is not a number or a name'],
    ['0 8 L * *', 'day of month field: `L` is not a number'],
    ['0 8 ? * *', 'day of month field: `?` is not a number'],
    ['*/5 * * * *', 'it runs more often than every 15 minutes'],
    // node-cron refuses a step after a single value: accepting it would leave the channel without a task.
    ['5/15 * * * *', 'minute field: `5/15` needs a range before the step; write `5-59/15`'],
    ['0 8 * * 1/2', 'day of week field: `1/2` needs a range before the step; write `1-6/2`'],
    ['0 8 30 2 *', 'it never runs (no such date)'],
    ['0 8 1 * mon', 'restrict either the day of month or the day of week, not both (crons disagree on what both means)'],
  ])('THEN %s is refused: %s', (typed, problem) => {
    expect(parseSchedule(typed)).toEqual({ ok: false, problem });
  });

  it.each([
    '0 8 * * fri-sun',
    '0 22-2 * * *',
    '30 23 * * sat-mon',
    '0 8 * * 7-1',
    '0 8 * * 5-7',
    '0 8 * * 1-5/2',
    '0 8-18/3 * * *',
    '5-59/15 9 * * *',
    '0 9 */2 * *',
    '0 9 25-5 * *',
    '0 12 * nov-feb *',
    '15,45 6 * * 0,7',
  ])('THEN %s runs at exactly the minutes node-cron runs it', (expression) => {
    const s = schedule(expression);
    const task = cron.createTask(expression, () => undefined, { timezone: 'UTC' });
    const differences: string[] = [];
    const ours = minutesOfDay(s.fields);
    // 70 days from a Sunday in late October (every weekday, month ends, a year end): every minute
    // of the first two days, then Sitrep's minutes and a sample of the others on each day.
    const sample = Array.from({ length: 24 }, (_, h) => [0, 5, 30, 59].map((m) => h * 60 + m)).flat();
    for (let dayStart = Date.UTC(2026, 9, 25), i = 0; i < 70; dayStart += 86_400_000, i++) {
      const minutes = i < 2 ? Array.from({ length: 1440 }, (_, m) => m) : [...new Set([...ours, ...sample])];
      for (const minute of minutes) {
        const d = new Date(dayStart + minute * 60_000);
        const runs = matchesDate(s.fields, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) && ours.includes(minute);
        if (runs !== task.match(d)) differences.push(`${d.toISOString()}: Sitrep ${runs ? 'runs' : 'does not run'}`);
      }
    }
    void task.destroy();
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('THEN text in none of the forms is refused without a further reason (the reply lists the forms)', () => {
    expect(parseSchedule('hourly')).toEqual({ ok: false });
  });
});

describe('GIVEN time zone names', () => {
  it('THEN IANA names are accepted in their canonical spelling and anything else is refused', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    // Abbreviations resolve to some city's zone (EST → America/Panama, no daylight saving time): refused.
    for (const bad of ['Mars/Olympus_Mons', 'Paris', '+02:00', 'GMT+2 ', '', 'Europe/Paris; DROP TABLE', 'EST', 'CET', 'MST', 'PST8PDT']) {
      expect(canonicalTimeZone(bad), bad).toBeUndefined();
    }
  });
});

describe('GIVEN wall-clock times around daylight-saving changes', () => {
  it('THEN a time skipped by spring-forward moves forward by the gap and a repeated one means its first occurrence', () => {
    const at = (zone: string, y: number, mo: number, d: number, h: number, mi: number) =>
      new Date(instantOf({ year: y, month: mo, day: d, hour: h, minute: mi }, zone)).toISOString();
    expect(at('Europe/Paris', 2026, 3, 29, 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(at('Europe/Paris', 2026, 10, 25, 2, 30)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, the first
    expect(at('America/New_York', 2026, 3, 8, 2, 30)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(at('America/New_York', 2026, 11, 1, 1, 30)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, the first
    expect(at('Europe/Paris', 2026, 7, 6, 8, 0)).toBe('2026-07-06T06:00:00.000Z');
  });

  it('THEN next runs step over both changes in Paris and New York', () => {
    const runs = (text: string, zone: string, from: string, n: number) => {
      const out: string[] = [];
      let at = new Date(from);
      for (let i = 0; i < n; i++) {
        at = nextRun(schedule(text), zone, at)!;
        out.push(local(at, zone));
      }
      return out;
    };
    expect(runs('daily 02:30', 'Europe/Paris', '2026-03-28T12:00:00Z', 2)).toEqual(['Sun 29 Mar 2026 03:30 CEST', 'Mon 30 Mar 2026 02:30 CEST']);
    expect(runs('daily 02:30', 'Europe/Paris', '2026-10-24T12:00:00Z', 2)).toEqual(['Sun 25 Oct 2026 02:30 CEST', 'Mon 26 Oct 2026 02:30 CET']);
    expect(runs('daily 01:30', 'America/New_York', '2026-10-31T12:00:00Z', 2)).toEqual(['Sun 1 Nov 2026 01:30 EDT', 'Mon 2 Nov 2026 01:30 EST']);
    // Two local times landing on one instant (02:00 moved onto 03:00) still make one slot.
    expect(runs('0 2,3 * * *', 'Europe/Paris', '2026-03-28T12:00:00Z', 3)).toEqual([
      'Sun 29 Mar 2026 03:00 CEST',
      'Mon 30 Mar 2026 02:00 CEST',
      'Mon 30 Mar 2026 03:00 CEST',
    ]);
  });

  it('THEN the latest owed slot and the number of slots in a gap are counted in local time', () => {
    const daily = schedule('daily 08:00');
    const owedSince = new Date('2026-07-07T06:00:00Z');
    const now = new Date('2026-07-09T10:00:00Z');
    expect(local(latestRun(daily, 'Europe/Paris', now, owedSince), 'Europe/Paris')).toBe('Thu 9 Jul 2026 08:00 CEST');
    expect(countRuns(daily, 'Europe/Paris', owedSince, now)).toBe(3);
    expect(latestRun(daily, 'Europe/Paris', new Date('2026-07-07T05:00:00Z'), owedSince)).toBeUndefined();
    expect(local(nextRun(schedule('0 9 29 2 *'), 'UTC', new Date('2097-01-01T00:00:00Z')), 'UTC')).toBe('Fri 29 Feb 2104 09:00 UTC');
  });
});
