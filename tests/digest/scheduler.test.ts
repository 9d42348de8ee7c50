// The scheduler's node-cron tasks: a schedule node-cron refuses costs no other subscription its
// task, is still delivered by the heartbeat, and is tried again later.
import { describe, expect, it } from 'vitest';
import { ADMIN, harnessesDisposedAfterEach, type Harness } from './support/harness.js';

const harness = harnessesDisposedAfterEach();

const c2 = { ...ADMIN, channelId: 'c2' };
/** Heartbeats at 05:00, 05:07, 05:14 …: a post at exactly 05:30:00 came from a node-cron task. */
const HEARTBEAT = { heartbeatMs: 7 * 60_000, leaseMs: 30 * 60_000 };
const refusals = (h: Harness) => h.logger.lines.filter((l) => l.message.startsWith('node-cron refused a digest schedule'));

async function twoChannels(): Promise<Harness> {
  const h = harness({ start: '2026-07-06T05:00:00Z' });
  await h.subscribe('schedule:"daily 06:00" timezone:UTC');
  await h.subscribe('schedule:"daily 05:30" timezone:UTC', c2);
  return h;
}

describe('GIVEN a stored schedule node-cron refuses', () => {
  it('THEN the other channels keep their tasks and post on time, and its own digests still go out', async () => {
    const h = await twoChannels();
    // Stored before Sitrep refused a step after a single value; node-cron never accepted it.
    h.app.db.prepare("UPDATE digest_subscriptions SET schedule = '5/15 * * * *', cron = '5/15 * * * *' WHERE channel_id = 'c1'").run();
    h.startScheduler(HEARTBEAT);
    await h.time.advanceTo('2026-07-06T06:40:00Z');
    expect(h.poster.posts.filter((p) => p.channelId === 'c2').map((p) => p.at.toISOString())).toEqual(['2026-07-06T05:30:00.000Z']);
    expect(h.scheduler!.taskCount).toEqual({ tasks: 1, subscriptions: 1 });
    // The heartbeat delivers the refused schedule's slots instead, a few minutes late at most.
    expect(h.poster.texts('c1').length).toBeGreaterThanOrEqual(3);
    // Logged once, though tried again at every heartbeat.
    expect(refusals(h)).toHaveLength(1);
    expect(refusals(h)[0]!.context).toMatchObject({ cron: '5/15 * * * *', timezone: 'UTC' });
  });

  it('WHEN node-cron refuses a schedule once THEN its task is created at the next heartbeat', async () => {
    const h = await twoChannels();
    const create = h.tasks.cron.bind(h.tasks);
    let refuse = true;
    h.tasks.cron = (expression, timezone, run) => {
      if (refuse && expression === '0 6 * * *') {
        refuse = false;
        throw new Error('node-cron is out of sorts');
      }
      return create(expression, timezone, run);
    };
    h.startScheduler(HEARTBEAT);
    expect(h.scheduler!.taskCount).toEqual({ tasks: 1, subscriptions: 1 });
    await h.time.advanceTo('2026-07-06T05:08:00Z');
    expect(h.scheduler!.taskCount).toEqual({ tasks: 2, subscriptions: 2 });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.posts.map((p) => [p.channelId, p.at.toISOString()])).toEqual([
      ['c2', '2026-07-06T05:30:00.000Z'],
      ['c1', '2026-07-06T06:00:00.000Z'],
    ]);
  });
});
