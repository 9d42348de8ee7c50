// Reads feeds in worker threads: a hostile feed (100,000 items in 5 MB) takes seconds of
// synchronous parsing, which on the main thread would hold every user's reply. At most `workers`
// parses run at once, the rest wait in order; a parse past its time limit has its worker stopped
// (a new one starts for the next feed). Workers start on first use, never keep the process
// alive while idle, and stop after some idle seconds.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../worker-script.js';
import { seconds } from './fetch-errors.js';
import type { FeedBody, FeedParser, ParseOutcome } from './feed-parser.js';
import type { ParseRequest, ParseResponse } from './parse-worker.js';

export const PARSE_TIME_LIMIT_MS = 10_000;
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
const broken = failed('The feed could not be read because of an error in Sitrep (see its log).');
const closing = failed('Sitrep is shutting down, so the feed was not read.');
const noStart = failed(`Sitrep's feed reader did not start within ${seconds(WORKER_START_LIMIT_MS)}, so the feed was not read.`);

interface Job {
  body: FeedBody;
  done: (outcome: ParseOutcome) => void;
}

interface Slot {
  worker?: Worker | undefined;
  /** The worker has loaded its modules and listens. */
  ready?: boolean;
  /** Stops the worker when it has been idle for idleMs. */
  idle?: NodeJS.Timeout | undefined;
  job?: { id: number; done: Job['done']; timer?: NodeJS.Timeout | undefined } | undefined;
}

/** The bytes to move to the worker instead of copying: a buffer the body alone uses. */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

export class WorkerFeedParser implements FeedParser {
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  readonly #timeLimitMs: number;
  readonly #maxHeapMb: number;
  readonly #idleMs: number;
  readonly #onProblem: (problem: string) => void;
  #nextId = 0;
  #closed = false;

  constructor(options: WorkerParserOptions = {}) {
    this.#slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, (): Slot => ({}));
    this.#timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
    this.#maxHeapMb = options.maxHeapMb ?? PARSE_HEAP_LIMIT_MB;
    this.#idleMs = options.idleMs ?? WORKER_IDLE_MS;
    this.#onProblem = options.onProblem ?? (() => {});
  }

  /** Worker threads alive now (started, not yet stopped). */
  get liveWorkers(): number {
    return this.#slots.filter((slot) => slot.worker).length;
  }

  parse(body: FeedBody): Promise<ParseOutcome> {
    if (this.#closed) return Promise.resolve(closing);
    return new Promise((done) => {
      this.#queue.push({ body, done });
      this.#pump();
    });
  }

  /** Fails the parses waiting or running, and stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.done(closing);
    const stopping: Promise<number>[] = [];
    for (const slot of this.#slots) {
      const worker = slot.worker;
      this.#finish(slot, closing);
      this.#discard(slot);
      if (worker) stopping.push(worker.terminate());
    }
    await Promise.all(stopping);
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (!slot.job) this.#run(slot, this.#queue.shift()!);
    }
  }

  #run(slot: Slot, job: Job): void {
    clearTimeout(slot.idle);
    const worker = slot.worker ?? this.#start(slot);
    const id = ++this.#nextId;
    slot.job = { id, done: job.done };
    this.#arm(slot);
    worker.ref();
    const request: ParseRequest = { id, body: job.body };
    worker.postMessage(request, transferable(job.body.bytes));
  }

  /** Starts the parse's clock: its time limit once the worker is ready, until then the start's. */
  #arm(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    const [limitMs, outcome] = slot.ready ? [this.#timeLimitMs, gaveUp(this.#timeLimitMs)] : [WORKER_START_LIMIT_MS, noStart];
    job.timer = setTimeout(() => this.#giveUp(slot, outcome), limitMs);
  }

  #start(slot: Slot): Worker {
    const { script, eval: evaluated } = workerScript(import.meta.url, 'parse-worker');
    // No flags of this process (--input-type, loaders, inspectors) apply to the worker's script.
    const resourceLimits = { maxOldGenerationSizeMb: this.#maxHeapMb, maxYoungGenerationSizeMb: PARSE_YOUNG_GENERATION_MB };
    const worker = new Worker(script, { eval: evaluated, execArgv: [], name: 'sitrep-feed-parser', resourceLimits });
    slot.worker = worker;
    slot.ready = false;
    worker.unref();
    const current = () => slot.worker === worker;
    worker.on('message', (response: ParseResponse) => {
      if (!current()) return;
      if ('ready' in response) {
        slot.ready = true;
        return this.#arm(slot);
      }
      if (slot.job?.id !== response.id) return;
      if ('crashed' in response) this.#onProblem(`feed parser failed: ${response.crashed}`);
      this.#finish(slot, 'crashed' in response ? broken : response.outcome);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!current()) return;
      this.#discard(slot);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!outOfMemory) this.#onProblem(`feed parser worker failed: ${error.stack ?? error.message}`);
      this.#finish(slot, outOfMemory ? tooBig(this.#maxHeapMb) : broken);
    });
    worker.on('exit', (code) => {
      if (!current()) return;
      this.#discard(slot);
      if (slot.job) this.#onProblem(`feed parser worker exited with code ${code} while reading a feed`);
      this.#finish(slot, broken);
    });
    return worker;
  }

  /** Stops a worker past its time limit; the next feed gets a new one. */
  #giveUp(slot: Slot, outcome: ParseOutcome): void {
    const worker = slot.worker;
    this.#discard(slot);
    void worker?.terminate();
    this.#finish(slot, outcome);
  }

  #discard(slot: Slot): void {
    clearTimeout(slot.idle);
    slot.worker = undefined;
    slot.ready = false;
  }

  #stopWhenIdle(slot: Slot): void {
    const worker = slot.worker;
    if (!worker || slot.job) return;
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (slot.worker !== worker || slot.job) return;
      this.#discard(slot);
      void worker.terminate();
    }, this.#idleMs).unref();
  }

  /** Answers the slot's parse, if any, and hands the slot the next one waiting. */
  #finish(slot: Slot, outcome: ParseOutcome): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker?.unref();
    job.done(outcome);
    if (this.#closed) return;
    this.#pump();
    this.#stopWhenIdle(slot);
  }
}
