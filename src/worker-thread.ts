// What every worker thread of Sitrep does the same way: yield the cores to the bot's own thread,
// and turn a failure into text the bot's thread can log (errors do not cross threads whole).
import { setPriority } from 'node:os';

/** Nice value of Sitrep's worker threads (0 normal, 19 lowest). */
export const WORKER_THREAD_NICE = 10;

/**
 * Linux keeps a nice value per thread: a worker at a lower priority yields the cores to the bot's
 * thread, so its work slows replies to users as little as it can (it takes longer on a busy
 * machine instead). Where that is not allowed, or not per thread, the work runs at the bot's priority.
 */
export function yieldCoresToBot(): void {
  try {
    setPriority(WORKER_THREAD_NICE);
  } catch {
    // Not allowed here, or not per thread on this system.
  }
}

/** A thrown value as text: an error's stack (or message), anything else as a string. */
export function failureText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
