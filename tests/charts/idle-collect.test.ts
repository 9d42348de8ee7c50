// GIVEN the chart worker's idle collector, WHEN the worker has had nothing to do for a moment,
// THEN what drawing left behind is collected (resvg frees its native memory only then), once,
// and never while a chart is still being drawn.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullCollection, idleCollector } from '../../src/charts/idle-collect.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the chart worker between charts', () => {
  it('runs a full collection that frees what nothing holds any more', async () => {
    const picture = new WeakRef({ pixels: new Uint8Array(1 << 20) });
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fullCollection()();
    expect(picture.deref()).toBeUndefined();
  });

  it('collects once the last chart is done and the worker has been idle a moment', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const collector = idleCollector(1_000, collect);
    collector.busy();
    collector.busy();
    collector.idle();
    vi.advanceTimersByTime(5_000);
    expect(collect).not.toHaveBeenCalled();
    collector.idle();
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    collector.busy();
    collector.idle();
    vi.advanceTimersByTime(1_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });
});
