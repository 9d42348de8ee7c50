// How the bot's process stops: on a signal, at the end of the console, or after a fault nothing
// else caught. What main started is stopped newest first, so the store, opened first, is closed
// last; a step that fails or hangs is logged and passed over, and the store is closed whatever
// happens. An unhandled rejection is a failed operation nobody awaited: it is logged and the bot
// keeps serving. An uncaught exception leaves the process in a state nobody knows: it is logged,
// Sitrep stops cleanly and exits with status 1, and its supervisor starts it again.
import type { Logger } from './core/logger.js';

/** How long one step may take to stop before it is passed over. */
const STEP_TIMEOUT_MS = 10_000;

export class Shutdown {
  private readonly steps: { name: string; stop: () => unknown }[] = [];
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly stepTimeoutMs = STEP_TIMEOUT_MS,
  ) {}

  /** Something started: it is stopped before everything started earlier. */
  add(name: string, stop: () => unknown): void {
    this.steps.unshift({ name, stop });
  }

  /** Stops everything once, however often it is asked. */
  run(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    for (const { name, stop } of this.steps) {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not stop within ${this.stepTimeoutMs / 1000} s`)), this.stepTimeoutMs);
      });
      try {
        await Promise.race([Promise.resolve().then(stop), hung]);
      } catch (error) {
        this.logger.error({ err: error, step: name }, 'could not stop cleanly; going on');
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

/** The process's fault events (`process` itself; a stand-in in tests). */
export interface FaultSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

export function handleFaults(source: FaultSource, deps: { logger: Logger; shutdown: Shutdown; exit: (code: number) => void }): void {
  const { logger, shutdown, exit } = deps;
  source.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'an operation failed and nothing handled it; Sitrep keeps running');
  });
  source.on('uncaughtException', (error) => {
    logger.error({ err: error }, 'uncaught exception: Sitrep stops and closes the store, for its supervisor to start it again');
    void shutdown.run().finally(() => exit(1));
  });
}
