// Runs synchronous work on this thread under a time limit: node:vm's watchdog stops V8 where the
// work stands once the limit passes, and the thread goes on with its next task. Only synchronous
// work is bounded: whatever it leaves to a later turn runs unbounded.
import { createContext, Script } from 'node:vm';

export type Timed<T> = { done: true; value: T } | { done: false };

/** Holds the work for the one script below, which calls it: V8 stops a running script, not a bare call. */
const slot: { work?: () => unknown } = {};
const context = createContext(slot);
const callWork = new Script('work()');

/** What `work` returned, or `done: false` when it ran past `limitMs` and was stopped. Its throws pass through. */
export function withinTime<T>(work: () => T, limitMs: number): Timed<T> {
  slot.work = work;
  try {
    return { done: true, value: callWork.runInContext(context, { timeout: limitMs }) as T };
  } catch (error) {
    if ((error as { code?: unknown } | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { done: false };
    throw error;
  } finally {
    delete slot.work;
  }
}
