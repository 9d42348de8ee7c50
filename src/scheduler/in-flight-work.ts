// What a sender has in flight: the keys being worked on (one piece of work at a time each), the
// work itself, so a stop can wait for it, and the retries waiting on timers, so a stop cancels them.
import type { TaskFactory, TaskHandle } from './tasks.js';

export class InFlightWork<K> {
  private readonly busy = new Set<K>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly retryTimers = new Set<TaskHandle>();

  has(key: K): boolean {
    return this.busy.has(key);
  }

  /** Runs `work` with `key` busy until it settles. */
  track<T>(key: K, work: () => Promise<T>): Promise<T> {
    this.busy.add(key);
    const promise = work().finally(() => {
      this.busy.delete(key);
      this.running.delete(promise);
    });
    this.running.add(promise);
    return promise;
  }

  /** Runs `retry` after `ms`, unless cancelRetries comes first. */
  retryAfter(tasks: TaskFactory, ms: number, retry: () => void): void {
    const timer = tasks.after(ms, () => {
      this.retryTimers.delete(timer);
      retry();
    });
    this.retryTimers.add(timer);
  }

  cancelRetries(): void {
    for (const timer of this.retryTimers) timer.stop();
    this.retryTimers.clear();
  }

  /** Resolves once no work is in flight (retries waiting on timers excepted). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
