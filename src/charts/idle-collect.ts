// resvg's trees and pictures live in native memory that V8 does not count, freed only when the
// JavaScript objects holding them are collected; a worker left idle after a chart may not collect
// for minutes and keeps tens of MB. This runs one full collection once the worker has been idle
// a moment, so the bot's memory between charts is what drawing needs, not what it left behind.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long the worker must have had nothing to do before it collects. */
export const IDLE_COLLECT_MS = 1_000;

/** V8's `gc()`, exposed to a fresh context only: the flag changes nothing else in the process. */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Call `busy()` when work starts and `idle()` when it ends; a collection follows a quiet second. */
export function idleCollector(delayMs = IDLE_COLLECT_MS, collect = fullCollection()): { busy(): void; idle(): void } {
  let working = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    busy() {
      working += 1;
      clearTimeout(timer);
    },
    idle() {
      working -= 1;
      if (working > 0) return;
      clearTimeout(timer);
      timer = setTimeout(collect, delayMs);
      timer.unref();
    },
  };
}
