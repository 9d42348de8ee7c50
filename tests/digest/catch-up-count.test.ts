// How many scheduled digests a catch-up stands in for, on frequent schedules and long outages:
// counted exactly in local time (no cap), so the catch-up note tells the editor the truth.
import { afterEach, describe, expect, it } from 'vitest';
import { countRuns, parseSchedule, type Schedule } from '../../src/core/digest/schedule.js';
import { dueSlot } from '../../src/scheduler/slots.js';
import { Harness } from './support/harness.js';

const EVERY_15 = '*/15 * * * *';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function schedule(text: string): Schedule {
  const result = parseSchedule(text);
  if (!result.ok) throw new Error(result.problem);
  return result.schedule;
}

/** The owed slot and `days` later, as the heartbeat sees a subscription after an outage. */
function owedFor(owed: string, days: number, timezone = 'Europe/Paris') {
  const nextSlotAt = new Date(owed);
  return { sub: { cron: EVERY_15, timezone, nextSlotAt }, now: new Date(nextSlotAt.getTime() + days * DAY_MS) };
}

describe('GIVEN a */15 digest whose process was down', () => {
  it.each([
    // [owed slot, days down, slots in the gap (owed one included)]
    ['2026-11-05T10:00:00Z', 1, 97],
    ['2026-11-05T10:00:00Z', 3, 289],
    // 40 days: past the 1,000 the count used to stop at.
    ['2026-11-05T10:00:00Z', 40, 3841],
  ])('WHEN owed %s and down %i days THEN the catch-up stands for all %i slots', (owed, days, slots) => {
    const { sub, now } = owedFor(owed, days);
    expect(dueSlot(sub, now)).toEqual({ slot: now, missed: slots - 1 });
  });

  it('WHEN the outage spans spring-forward THEN the skipped hour’s slots are not counted twice', () => {
    // Paris, Sun 29 Mar 2026: 02:00–02:45 do not exist and fold onto 03:00–03:45, which run once:
    // still one slot per quarter hour of real time.
    const { sub, now } = owedFor('2026-03-28T10:00:00Z', 3);
    expect(dueSlot(sub, now).missed).toBe(3 * 96);
  });

  it('WHEN the outage spans fall-back THEN the repeated hour’s slots count once', () => {
    // Paris, Sun 25 Oct 2026: 02:00–02:59 happens twice; each slot runs at its first occurrence.
    const { sub, now } = owedFor('2026-10-24T10:00:00Z', 3);
    expect(dueSlot(sub, now).missed).toBe(3 * 96 - 4);
  });

  it('THEN counting a gap agrees with the slots a day at a time, in a zone with a 30-minute change', () => {
    // Lord Howe Island moves its clocks by 30 minutes (5 Apr 2026, 02:00 → 01:30).
    const every15 = schedule(EVERY_15);
    const from = new Date('2026-04-03T00:00:00Z');
    const perDay = [0, 1, 2, 3, 4].map((d) =>
      countRuns(every15, 'Australia/Lord_Howe', new Date(from.getTime() + d * DAY_MS), new Date(from.getTime() + (d + 1) * DAY_MS - 1)),
    );
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(countRuns(every15, 'Australia/Lord_Howe', from, new Date(from.getTime() + 5 * DAY_MS - 1)));
    // 01:30–01:59 happen twice on 5 Apr (4 Apr in UTC): the second time runs nothing.
    expect(perDay).toEqual([96, 94, 96, 96, 96]);
  });
});

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) {
    await h.dispose();
    h.removeStore();
  }
});

describe('GIVEN a */15 digest and Sitrep down for 12 days', () => {
  // The timeout only lets the code before the fix fail on its miscount rather than on time.
  it('WHEN it starts again THEN one catch-up digest says how many scheduled digests it stands for', { timeout: 120_000 }, async () => {
    const h1 = new Harness({ start: '2026-11-05T09:50:00Z' });
    harnesses.push(h1);
    h1.startScheduler();
    await h1.subscribe(`schedule:"${EVERY_15}" timezone:Europe/Paris`);
    await h1.scheduler!.stop();
    h1.addEntry({ title: 'Entry while Sitrep was down' });
    await h1.time.advanceTo('2026-11-17T10:05:00Z');
    const h2 = new Harness({ start: '', sharing: h1 });
    harnesses.push(h2);
    h2.startScheduler();
    await h2.time.advance(60_000);
    expect(h2.poster.posts).toHaveLength(1);
    // 10:00 on 5 Nov to 10:00 on 17 Nov UTC: 12 days of 96 slots, and the last one.
    expect(h2.poster.texts()[0]).toContain('Catch-up: Sitrep was not running for 1,153 scheduled digests; this one covers the whole gap.');
  });
});
