// How far V8 lets the heap grow past what is live before its next full collection. For a heap
// allowed gigabytes V8 grows it up to 4× the live size, so the garbage of a burst of work (a
// check cycle over hundreds of feeds) piles up for long before it is collected; at 1.5× the same
// cycle peaks lower, for a few more collections (see BENCHMARKS.md).
import { setFlagsFromString } from 'node:v8';

/** Growth past the live size allowed between full collections, in percent of it. */
export const HEAP_GROWING_PERCENT = 50;

/** Applies to every isolate of the process (the bot's thread and its workers); call it at start. */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
