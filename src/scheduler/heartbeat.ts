// A beat now and every `everyMs` after, on the task factory's clock, while running: the digest
// scheduler's and the watch runner's rounds. The beat handles its own errors.
import type { TaskFactory, TaskHandle } from './tasks.js';

export class Heartbeat {
  private next: TaskHandle | undefined;
  private on = false;

  constructor(
    private readonly tasks: TaskFactory,
    readonly everyMs: number,
    private readonly beat: () => void,
  ) {}

  get running(): boolean {
    return this.on;
  }

  /** Starts beating (the first beat now); false when it already was. */
  start(): boolean {
    if (this.on) return false;
    this.on = true;
    this.beatNow();
    return true;
  }

  /** One beat now, and the next everyMs later (none when stopped). */
  beatNow(): void {
    if (!this.on) return;
    this.beat();
    this.next?.stop();
    this.next = this.tasks.after(this.everyMs, () => this.beatNow());
  }

  /** Stops beating; false when it was not running. */
  stop(): boolean {
    if (!this.on) return false;
    this.on = false;
    this.next?.stop();
    return true;
  }
}
