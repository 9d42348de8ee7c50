// Only one process schedules a platform's digests per store: a second one stands by, says
// so, and takes over when the first stops or its lease expires.
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) await h.dispose();
});
function sitrep(sharing?: Harness, platform?: 'console'): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z', ...(sharing ? { sharing } : {}), ...(platform ? { platform } : {}) });
  harnesses.push(h);
  return h;
}
const said = (h: Harness, pattern: RegExp) => h.logger.lines.some((l) => pattern.test(l.message));

describe('GIVEN two Sitrep processes on one store', () => {
  it('THEN the second stands by and logs it, and only the first delivers', async () => {
    const first = sitrep();
    const second = sitrep(first);
    first.startScheduler();
    second.startScheduler();
    expect(first.scheduler!.leading).toEqual(['discord']);
    expect(second.scheduler!.leading).toEqual([]);
    expect(said(second, /^standing by: discord digests are scheduled by another process/)).toBe(true);
    await first.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await first.time.advanceTo('2026-07-07T06:01:00Z');
    expect(first.poster.posts).toHaveLength(2);
    expect(second.poster.posts).toHaveLength(0);
  });

  it('WHEN the first crashes THEN the second takes over once the lease expires, without a duplicate', async () => {
    const first = sitrep();
    const second = sitrep(first);
    first.startScheduler({ leaseMs: 180_000 });
    second.startScheduler({ leaseMs: 180_000 });
    await first.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await first.time.advanceTo('2026-07-06T06:01:00Z');
    expect(first.poster.posts).toHaveLength(1);
    first.crash();
    await second.time.advanceTo('2026-07-06T06:02:30Z');
    expect(second.scheduler!.leading).toEqual([]); // the dead process's lease has not expired yet
    await second.time.advanceTo('2026-07-06T06:05:00Z');
    expect(second.scheduler!.leading).toEqual(['discord']);
    expect(said(second, /^scheduling discord digests/)).toBe(true);
    expect(second.poster.posts).toHaveLength(0); // Monday's digest was already delivered
    await second.time.advanceTo('2026-07-07T06:01:00Z');
    expect(second.poster.posts).toHaveLength(1);
    expect(second.poster.texts()[0]).not.toContain('Catch-up');
  });

  it('WHEN the first stops cleanly THEN it hands the lease over at once', async () => {
    const first = sitrep();
    const second = sitrep(first);
    first.startScheduler();
    second.startScheduler();
    await first.scheduler!.stop();
    second.scheduler!.tick();
    expect(second.scheduler!.leading).toEqual(['discord']);
  });

  it('THEN a console-only process never blocks the platform’s scheduler', async () => {
    const bot = sitrep();
    const console = sitrep(bot, 'console');
    console.startScheduler();
    bot.startScheduler();
    expect(console.scheduler!.leading).toEqual(['console']);
    expect(bot.scheduler!.leading).toEqual(['discord']);
  });

  it('WHEN a standby process is told of a subscription THEN the leader picks it up at its next heartbeat', async () => {
    const first = sitrep();
    const second = sitrep(first);
    first.startScheduler();
    second.startScheduler();
    await second.subscribe('schedule:"daily 08:00" timezone:Europe/Paris'); // handled by the standby
    second.addEntry({ title: 'Added via the standby' });
    await first.time.advanceTo('2026-07-06T06:01:00Z');
    expect(first.poster.texts()).toHaveLength(1);
    expect(first.poster.texts()[0]).toContain('Added via the standby');
  });
});

describe('GIVEN several subscriptions', () => {
  it('THEN those with the same schedule and zone share one node-cron task, kept in step as they change', async () => {
    const h = sitrep();
    h.startScheduler();
    const inChannel = (channelId: string) => ({ platform: 'discord' as const, userId: '1001', workspaceId: 'g1', channelId });
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', inChannel('c1'));
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', inChannel('c2'));
    expect(h.scheduler!.taskCount).toEqual({ tasks: 1, subscriptions: 2 });
    await h.subscribe('schedule:"daily 08:00" timezone:America/New_York', inChannel('c2'));
    expect(h.scheduler!.taskCount).toEqual({ tasks: 2, subscriptions: 2 });
    await h.time.advanceTo('2026-07-06T12:01:00Z');
    expect(h.poster.posts.map((p) => [p.channelId, p.at.toISOString()])).toEqual([
      ['c1', '2026-07-06T06:00:00.000Z'],
      ['c2', '2026-07-06T12:00:00.000Z'],
    ]);
    await h.runText('/digest unsubscribe', inChannel('c1'));
    expect(h.scheduler!.taskCount).toEqual({ tasks: 1, subscriptions: 1 });
    expect(h.time.activeCronTasks).toBe(1);
  });
});
