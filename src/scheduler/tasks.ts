// How the scheduler gets woken: cron tasks in a time zone and one-shot timers. Production uses
// node-cron and setTimeout; tests inject a virtual clock that fires them without waiting.
import cron from 'node-cron';
import type { Logger } from '../core/logger.js';

export interface TaskHandle {
  stop(): void;
}

export interface TaskFactory {
  /** Runs `run` at each slot of a 5-field cron expression in an IANA zone. */
  cron(expression: string, timezone: string, run: (firedFor: Date) => void): TaskHandle;
  /** Runs `run` once after `ms` milliseconds. */
  after(ms: number, run: () => void): TaskHandle;
}

/** node-cron tasks (v4: created, then started) and plain timers. */
export function nodeCronTasks(logger: Logger): TaskFactory {
  // node-cron's own messages go to our log rather than the console.
  const cronLogger = {
    info: (message: string) => logger.info({ source: 'node-cron' }, message),
    warn: (message: string) => logger.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) => logger.error({ source: 'node-cron', err: err ?? message }, String(message)),
    debug: () => undefined,
  };
  return {
    cron(expression, timezone, run) {
      const task = cron.createTask(expression, (context) => run(context.date), {
        timezone,
        noOverlap: true,
        logger: cronLogger,
        suppressMissedWarning: true,
      });
      // node-cron only reports a late wake-up; the scheduler's own sweep delivers that slot.
      task.on('execution:missed', (context) => logger.warn({ expression, timezone, slot: context.date }, 'node-cron missed a digest slot'));
      void task.start();
      return { stop: () => void task.destroy() };
    },
    after(ms, run) {
      const timer = setTimeout(run, ms);
      return { stop: () => clearTimeout(timer) };
    },
  };
}

/** Waits for `work`, but no longer than `ms`: a stop must not hang on a platform that never answers. */
export async function waitAtMost(tasks: TaskFactory, work: Promise<unknown>, ms: number): Promise<void> {
  let timer: TaskHandle | undefined;
  await Promise.race([work, new Promise<void>((done) => (timer = tasks.after(ms, done)))]);
  timer?.stop();
}
