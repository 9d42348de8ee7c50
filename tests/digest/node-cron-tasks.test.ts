// The production task factory: node-cron v4 tasks in a time zone, and plain timers. Driven by
// vitest's fake timers, so nothing waits in real time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { nodeCronTasks } from '../../src/scheduler/tasks.js';

afterEach(() => vi.useRealTimers());

describe('GIVEN the node-cron task factory', () => {
  it('THEN a task fires at its slot in its zone, with the slot as the date, until stopped', async () => {
    vi.useFakeTimers({ now: new Date('2026-07-06T05:58:00Z') });
    const fired: string[] = [];
    const task = nodeCronTasks(silentLogger).cron('0 8 * * *', 'Europe/Paris', (slot) => fired.push(slot.toISOString()));
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(fired).toEqual(['2026-07-06T06:00:00.000Z']);
    task.stop();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(fired).toHaveLength(1);
  });

  it('THEN a timer runs once after its delay unless stopped', async () => {
    vi.useFakeTimers();
    const tasks = nodeCronTasks(silentLogger);
    let runs = 0;
    tasks.after(1_000, () => runs++);
    tasks.after(1_000, () => runs++).stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });
});
