// Reads feeds in worker threads: a hostile feed (100,000 items in 5 MB) takes seconds of
// synchronous parsing, which on the main thread would hold every user's reply. At most `workers`
// parses run at once, the rest wait in order; a parse past its time limit has its worker stopped
// (a new one starts for the next feed). Workers start on first use, never keep the process
// alive while idle, and stop after some idle seconds.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script.js';
import { seconds } from './fetch-errors.js';
import type { FeedBody, FeedParser, ParseOutcome } from './feed-parser.js';
import type { ParseAnswer, ParseRequest } from './parse-worker.js';
import { WorkerPool } from '../worker-pool.js';

/**
 * A feed not read within this time is given up on. The worker runs at a lower priority than the
 * bot, so on a machine busy with other work a large feed's few seconds of parsing stretch several
 * times over; the limit is there for feeds that would never finish.
 */
export const PARSE_TIME_LIMIT_MS = 30_000;
/**
 * An idle worker holds about 20 MB, more after a large feed, and starts again in some 50 ms off
 * the main thread: it is stopped once it has read nothing for this long.
 */
export const WORKER_IDLE_MS = 10_000;
/** How long a worker may take to start (load its modules) before it is given up on. */
export const WORKER_START_LIMIT_MS = 30_000;
/**
 * The 100,000-item test feed (3.9 MB) parses in 64–96 MB of heap; denser feeds need more. A feed
 * needing more than this fails, instead of growing the bot.
 */
export const PARSE_HEAP_LIMIT_MB = 256;
/**
 * A parse makes short-lived objects by the megabyte: with V8's default young generation (tens of
 * MB) the worker keeps that much memory touched; a small one collects it sooner, for little time.
 */
export const PARSE_YOUNG_GENERATION_MB = 8;

export interface WorkerParserOptions {
  /** Parses run at once, each in its own worker thread (1 by default). */
  workers?: number;
  /** How long one parse may take before its worker is stopped. */
  timeLimitMs?: number;
  /** The heap a worker may use. */
  maxHeapMb?: number;
  /** How long a worker may stay idle before it is stopped. */
  idleMs?: number;
  /** Told what went wrong inside a worker (a crash, an unexpected exit), for the log. */
  onProblem?: (problem: string) => void;
}

const failed = (error: string): ParseOutcome => ({ kind: 'failed', error });
export const gaveUp = (limitMs: number) => failed(`Sitrep gave up reading this feed after ${seconds(limitMs)}; it is too large or too complex to read in time.`);
const tooBig = (heapMb: number) => failed(`The feed needs more than the ${heapMb} MB of memory Sitrep gives one feed, so it was not read.`);
export const broken = failed('The feed could not be read because of an error in Sitrep (see its log).');
export const closing = failed('Sitrep is shutting down, so the feed was not read.');
/** The machine too loaded to start a thread in time: Sitrep's failure, never counted against the feed. */
export const noStart: ParseOutcome = { kind: 'failed', error: `Sitrep's feed reader did not start within ${seconds(WORKER_START_LIMIT_MS)}, so the feed was not read.`, busy: true };

/** The bytes to move to the worker instead of copying: a buffer the body alone uses. */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

export class WorkerFeedParser implements FeedParser {
  readonly #pool: WorkerPool<Omit<ParseRequest, 'id'>, ParseAnswer>;
  readonly #timeLimitMs: number;
  readonly #maxHeapMb: number;
  readonly #onProblem: (problem: string) => void;

  constructor(options: WorkerParserOptions = {}) {
    this.#timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
    this.#maxHeapMb = options.maxHeapMb ?? PARSE_HEAP_LIMIT_MB;
    this.#onProblem = options.onProblem ?? (() => {});
    this.#pool = new WorkerPool({
      workers: options.workers ?? 1,
      timeLimitMs: this.#timeLimitMs,
      startLimitMs: WORKER_START_LIMIT_MS,
      idleMs: options.idleMs ?? WORKER_IDLE_MS,
      start: () => this.#start(),
    });
  }

  /** Worker threads alive now (started, not yet stopped). */
  get liveWorkers(): number {
    return this.#pool.liveWorkers;
  }

  async parse(read: FeedBody): Promise<ParseOutcome> {
    // A memo is kept on the thread reading for the checks, never in a parse worker: read whole.
    read.memo?.memos.forget(read.memo.source);
    const { memo: _memo, ...body } = read;
    const answer = await this.#pool.run({ body }, transferable(body.bytes));
    switch (answer.kind) {
      case 'answer':
        if ('outcome' in answer.response) return answer.response.outcome;
        this.#onProblem(`feed parser failed: ${answer.response.crashed}`);
        return broken;
      case 'time-limit':
        return gaveUp(this.#timeLimitMs);
      case 'no-start':
        return noStart;
      case 'closing':
        return closing;
      case 'error':
        if (answer.error.code === 'ERR_WORKER_OUT_OF_MEMORY') return tooBig(this.#maxHeapMb);
        this.#onProblem(`feed parser worker failed: ${answer.error.stack ?? answer.error.message}`);
        return broken;
      case 'exit':
        this.#onProblem(`feed parser worker exited with code ${answer.code} while reading a feed`);
        return broken;
    }
  }

  /** Fails the parses waiting or running, and stops the workers. */
  close(): Promise<void> {
    return this.#pool.close();
  }

  #start(): Worker {
    const { script, eval: evaluated } = workerScript(import.meta.url, 'parse-worker');
    // No flags of this process (--input-type, loaders, inspectors) apply to the worker's script.
    const resourceLimits = { maxOldGenerationSizeMb: this.#maxHeapMb, maxYoungGenerationSizeMb: PARSE_YOUNG_GENERATION_MB };
    return new Worker(script, { eval: evaluated, execArgv: [], name: 'sitrep-feed-parser', resourceLimits });
  }
}
