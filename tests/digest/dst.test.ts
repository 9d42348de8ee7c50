// Daily and weekly slots across both daylight-saving changes, in Europe/Paris and
// America/New_York: a slot in the spring-forward gap moves forward by the gap (node-cron would
// skip it: the scheduler's sweep delivers it), a slot in the fall-back overlap runs once
// (node-cron may fire twice or at the second occurrence: the slot log absorbs it).
import { afterEach, describe, expect, it } from 'vitest';
import { formatInZone } from '../../src/core/digest/zoned-time.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.dispose();
});

/**
 * The slots digests were delivered for, as local times. Each post must have gone out within
 * one heartbeat of its slot (node-cron fires on time; the sweep covers what it skips).
 */
async function postsBetween(start: string, end: string, schedule: string, zone: string, heartbeatMs = 60_000): Promise<string[]> {
  const h = new Harness({ start });
  harnesses.push(h);
  h.startScheduler({ heartbeatMs });
  await h.subscribe(`schedule:"${schedule}" timezone:${zone}`);
  await h.time.advanceTo(end);
  const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'discord', workspaceId: 'g1', channelId: 'c1' })!;
  const slots = h.app.digests.store.deliveries.forSubscription(sub.id).map((d) => d.slot);
  expect(h.poster.posts).toHaveLength(slots.length);
  h.poster.posts.forEach((post, i) => {
    const lateBy = post.at.getTime() - slots[i]!.getTime();
    expect(lateBy).toBeGreaterThanOrEqual(0);
    expect(lateBy).toBeLessThanOrEqual(heartbeatMs);
  });
  return slots.map((slot) => formatInZone(slot, zone));
}

describe('GIVEN a daily 02:30 digest in Europe/Paris', () => {
  it('WHEN clocks spring forward (29 Mar 2026, 02:00 → 03:00) THEN that day’s digest comes at 03:30 CEST, once', async () => {
    expect(await postsBetween('2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z', 'daily 02:30', 'Europe/Paris')).toEqual([
      'Sat 28 Mar 2026 02:30 CET',
      'Sun 29 Mar 2026 03:30 CEST',
      'Mon 30 Mar 2026 02:30 CEST',
      'Tue 31 Mar 2026 02:30 CEST',
    ]);
  });

  it('WHEN clocks fall back (25 Oct 2026, 03:00 → 02:00) THEN 02:30 runs once, at its first occurrence', async () => {
    expect(await postsBetween('2026-10-23T12:00:00Z', '2026-10-27T12:00:00Z', 'daily 02:30', 'Europe/Paris')).toEqual([
      'Sat 24 Oct 2026 02:30 CEST',
      'Sun 25 Oct 2026 02:30 CEST',
      'Mon 26 Oct 2026 02:30 CET',
      'Tue 27 Oct 2026 02:30 CET',
    ]);
  });

  it('THEN an 08:00 digest stays at 08:00 local time on both sides of the change', async () => {
    expect(await postsBetween('2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', 'daily 08:00', 'Europe/Paris')).toEqual([
      'Sun 29 Mar 2026 08:00 CEST',
      'Mon 30 Mar 2026 08:00 CEST',
    ]);
  });
});

describe('GIVEN a weekly Sunday 02:30 digest in Europe/Paris', () => {
  it('WHEN its slot falls in the spring-forward gap THEN that week’s digest comes at 03:30, not a week late', async () => {
    expect(await postsBetween('2026-03-20T12:00:00Z', '2026-04-06T12:00:00Z', 'weekly sun 02:30', 'Europe/Paris', 15 * 60_000)).toEqual([
      'Sun 22 Mar 2026 02:30 CET',
      'Sun 29 Mar 2026 03:30 CEST',
      'Sun 5 Apr 2026 02:30 CEST',
    ]);
  });
});

describe('GIVEN digests in America/New_York', () => {
  it('WHEN clocks spring forward (8 Mar 2026) THEN a daily 02:30 digest comes at 03:30 EDT that day', async () => {
    expect(await postsBetween('2026-03-06T12:00:00Z', '2026-03-09T12:00:00Z', 'daily 02:30', 'America/New_York')).toEqual([
      'Sat 7 Mar 2026 02:30 EST',
      'Sun 8 Mar 2026 03:30 EDT',
      'Mon 9 Mar 2026 02:30 EDT',
    ]);
  });

  it('WHEN clocks fall back (1 Nov 2026) THEN a daily 01:30 digest runs once though 01:30 happens twice', async () => {
    expect(await postsBetween('2026-10-30T12:00:00Z', '2026-11-02T12:00:00Z', 'daily 01:30', 'America/New_York')).toEqual([
      'Sat 31 Oct 2026 01:30 EDT',
      'Sun 1 Nov 2026 01:30 EDT',
      'Mon 2 Nov 2026 01:30 EST',
    ]);
  });

  // Two weeks each, a heartbeat every 15 minutes: one test per change, so each has its own time budget.
  it('THEN a weekly Monday 09:00 digest keeps 09:00 local across the spring change', async () => {
    const spring = await postsBetween('2026-03-01T12:00:00Z', '2026-03-17T12:00:00Z', 'weekly mon 09:00', 'America/New_York', 15 * 60_000);
    expect(spring).toEqual(['Mon 2 Mar 2026 09:00 EST', 'Mon 9 Mar 2026 09:00 EDT', 'Mon 16 Mar 2026 09:00 EDT']);
  });

  it('THEN a weekly Monday 09:00 digest keeps 09:00 local across the autumn change', async () => {
    const autumn = await postsBetween('2026-10-25T12:00:00Z', '2026-11-10T12:00:00Z', 'weekly mon 09:00', 'America/New_York', 15 * 60_000);
    expect(autumn).toEqual(['Mon 26 Oct 2026 09:00 EDT', 'Mon 2 Nov 2026 09:00 EST', 'Mon 9 Nov 2026 09:00 EST']);
  });
});
