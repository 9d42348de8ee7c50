// /timeline requests arriving at a steady rate on the bot's main thread while it works, as users'
// commands would. Each request is timed from when it was due, not from when the event loop got
// to it: the wait behind a feed check's synchronous work is part of what a user sees.
import type { App } from '../../src/app.js';
import type { Caller } from '../../src/core/caller.js';
import type { RawOptionValue } from '../../src/core/command-spec.js';
import { summarize, type Summary } from '../stats.js';

export type TimelineArgs = Record<string, RawOptionValue>;

export interface ProbeResult {
  /** Due → answered: what a user waits. */
  response: Summary;
  /** Started → answered: the command alone. */
  service: Summary;
  errors: number;
}

const CALLER: Caller = { platform: 'console', userId: 'bench', localOperator: true };

export class TimelineProbe {
  private readonly response: number[] = [];
  private readonly service: number[] = [];
  private errors = 0;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private sent = 0;

  constructor(
    private readonly app: App,
    private readonly variants: readonly TimelineArgs[],
    private readonly everyMs: number,
  ) {}

  /** One request, untimed: for warming caches before measuring. */
  async once(args: TimelineArgs): Promise<void> {
    await this.app.dispatcher.run({ command: 'timeline', args, caller: CALLER });
  }

  start(): void {
    this.running = true;
    let due = performance.now() + this.everyMs;
    const next = () => {
      if (!this.running) return;
      this.timer = setTimeout(() => void fire(), Math.max(0, due - performance.now()));
    };
    const fire = async () => {
      // Every request due by now, each timed from its own due time.
      while (this.running && due <= performance.now()) {
        const started = performance.now();
        const view = await this.app.dispatcher.run({ command: 'timeline', args: this.variants[this.sent++ % this.variants.length]!, caller: CALLER });
        const done = performance.now();
        if (view.tone === 'error') this.errors++;
        this.service.push(done - started);
        this.response.push(done - due);
        due += this.everyMs;
      }
      next();
    };
    next();
  }

  /** Stops, and summarises the requests answered since start(). */
  stop(): ProbeResult {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const result = { response: summarize(this.response), service: summarize(this.service), errors: this.errors };
    this.response.length = 0;
    this.service.length = 0;
    this.errors = 0;
    return result;
  }
}
