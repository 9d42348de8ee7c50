// A virtual clock that is also the scheduler's task factory: cron tasks fire when node-cron's
// own matcher says they would, timers when their time comes, and time only moves when a test
// advances it — no test waits in real time.
import cron from 'node-cron';
import type { TaskFactory, TaskHandle } from '../../../src/scheduler/tasks.js';

interface CronEntry {
  matches(date: Date): boolean;
  destroy(): void;
  run: (firedFor: Date) => void;
  createdAt: number;
}

interface Timer {
  at: number;
  seq: number;
  run: () => void;
}

const MINUTE = 60_000;

export class VirtualTime implements TaskFactory {
  private t: number;
  private seq = 0;
  private readonly crons = new Map<number, CronEntry>();
  private readonly timers = new Map<number, Timer>();
  /** Every cron minute up to here has fired. */
  private scannedUntil: number;
  /** Awaited after each event, so deliveries finish before time moves on. */
  settle: () => Promise<void> = async () => {};

  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
    this.scannedUntil = Math.floor(this.t / MINUTE) * MINUTE;
  }

  readonly now = (): Date => new Date(this.t);

  cron(expression: string, timezone: string, run: (firedFor: Date) => void): TaskHandle {
    // node-cron's own matcher decides when a task fires (it skips spring-forward slots and may
    // fire twice in a fall-back hour): the scheduler must cope with exactly that.
    const task = cron.createTask(expression, () => undefined, { timezone });
    const id = ++this.seq;
    this.crons.set(id, { matches: (d) => task.match(d), destroy: () => void task.destroy(), run, createdAt: this.t });
    return {
      stop: () => {
        this.crons.get(id)?.destroy();
        this.crons.delete(id);
      },
    };
  }

  after(ms: number, run: () => void): TaskHandle {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), seq: id, run });
    return { stop: () => void this.timers.delete(id) };
  }

  get activeCronTasks(): number {
    return this.crons.size;
  }

  /** Moves time to `target`, firing every cron slot and timer due on the way, in order. */
  async advanceTo(target: string | Date): Promise<void> {
    const end = new Date(target).getTime();
    await this.settle();
    for (;;) {
      const timer = [...this.timers.values()].filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      const limit = timer ? timer.at : end;
      const minute = this.nextCronMinute(limit);
      if (minute !== undefined && (!timer || minute <= timer.at)) {
        this.t = Math.max(this.t, minute);
        this.scannedUntil = minute;
        for (const entry of [...this.crons.values()]) {
          if (entry.createdAt < minute && entry.matches(new Date(minute))) entry.run(new Date(minute));
        }
      } else if (timer) {
        this.timers.delete(timer.seq);
        this.t = Math.max(this.t, timer.at);
        this.scannedUntil = Math.max(this.scannedUntil, Math.floor(this.t / MINUTE) * MINUTE);
        timer.run();
      } else {
        break;
      }
      await this.settle();
    }
    this.t = Math.max(this.t, end);
    this.scannedUntil = Math.max(this.scannedUntil, Math.floor(this.t / MINUTE) * MINUTE);
  }

  async advance(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.t + ms));
  }

  /** The first whole minute after what was scanned, up to `limit`, at which some task matches. */
  private nextCronMinute(limit: number): number | undefined {
    if (this.crons.size === 0) return undefined;
    for (let m = this.scannedUntil + MINUTE; m <= limit; m += MINUTE) {
      for (const entry of this.crons.values()) if (entry.createdAt < m && entry.matches(new Date(m))) return m;
    }
    return undefined;
  }
}

/** One simulated process's view of the shared clock: killing it stops all its tasks and timers. */
export class ProcessTasks implements TaskFactory {
  private readonly handles = new Set<TaskHandle>();
  private dead = false;

  constructor(private readonly time: VirtualTime) {}

  cron(expression: string, timezone: string, run: (firedFor: Date) => void): TaskHandle {
    return this.track(this.time.cron(expression, timezone, (d) => !this.dead && run(d)));
  }

  after(ms: number, run: () => void): TaskHandle {
    return this.track(this.time.after(ms, () => !this.dead && run()));
  }

  kill(): void {
    this.dead = true;
    for (const handle of this.handles) handle.stop();
    this.handles.clear();
  }

  private track(handle: TaskHandle): TaskHandle {
    if (this.dead) {
      handle.stop();
      return handle;
    }
    this.handles.add(handle);
    return {
      stop: () => {
        handle.stop();
        this.handles.delete(handle);
      },
    };
  }
}
