// Runs jobs in worker threads for work that would hold the event loop (drawing charts, reading
// feeds): at most `workers` jobs at once, each in its own worker, the rest waiting in order. A
// worker starts on first use, never keeps the process alive while idle, and stops after some idle
// time; a job past its time limit has its worker stopped (the next job gets a new one). Every
// job settles with an answer, never a throw: the owner turns failures into its own words.
import type { Worker } from 'node:worker_threads';

/** How a job ended: the worker's response, or why there is none. */
export type PoolAnswer<Response> =
  | { kind: 'answer'; response: Response }
  /** The job ran past its time limit; its worker was stopped. */
  | { kind: 'time-limit' }
  /** The worker did not say it was ready within `startLimitMs`; it was stopped. */
  | { kind: 'no-start' }
  /** The worker failed (an uncaught error, or ERR_WORKER_OUT_OF_MEMORY as `error.code`). */
  | { kind: 'error'; error: Error & { code?: string } }
  /** The worker exited while running the job. */
  | { kind: 'exit'; code: number }
  /** The pool was closed before the job ended. */
  | { kind: 'closing' };

export interface WorkerPoolOptions {
  /** Jobs run at once, each in its own worker thread (1 by default). */
  workers?: number;
  /** How long one job may take before its worker is stopped. */
  timeLimitMs: number;
  /**
   * When set, a worker posts `{ ready: true }` once loaded, and a job's time limit counts from
   * then; until then the worker has this long to start. Unset, the limit counts from the post.
   */
  startLimitMs?: number;
  /** How long a worker may stay idle before it is stopped. */
  idleMs: number;
  /** Makes a new worker (unref'd by the pool while it has no job). */
  start: () => Worker;
}

interface Job<Request, Response> {
  request: Request;
  transfer: readonly ArrayBuffer[];
  settle: (answer: PoolAnswer<Response>) => void;
}

interface Slot<Request, Response> {
  worker?: Worker | undefined;
  /** The worker has loaded its modules and listens. */
  ready?: boolean;
  /** Stops the worker when it has been idle for idleMs. */
  idle?: NodeJS.Timeout | undefined;
  job?: (Job<Request, Response> & { id: number; timer?: NodeJS.Timeout | undefined }) | undefined;
}

/** Workers answer `{ id, ... }` for the request `{ id, ...request }`, and may say `{ ready: true }`. */
export class WorkerPool<Request extends object, Response extends { id: number }> {
  readonly #slots: Slot<Request, Response>[];
  readonly #queue: Job<Request, Response>[] = [];
  readonly #options: WorkerPoolOptions;
  #nextId = 0;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    this.#slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => ({}));
  }

  /** Worker threads alive now (started, not yet stopped). */
  get liveWorkers(): number {
    return this.#slots.filter((slot) => slot.worker).length;
  }

  /** Runs `request` in a worker, moving the `transfer` buffers to it instead of copying them. */
  run(request: Request, transfer: readonly ArrayBuffer[] = []): Promise<PoolAnswer<Response>> {
    if (this.#closed) return Promise.resolve({ kind: 'closing' });
    return new Promise((settle) => {
      this.#queue.push({ request, transfer, settle });
      this.#pump();
    });
  }

  /** Ends the jobs waiting or running with `closing`, and stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.settle({ kind: 'closing' });
    await Promise.all(this.#slots.map((slot) => this.#stop(slot, { kind: 'closing' })));
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (!slot.job) this.#run(slot, this.#queue.shift()!);
    }
  }

  #run(slot: Slot<Request, Response>, job: Job<Request, Response>): void {
    clearTimeout(slot.idle);
    const worker = slot.worker ?? this.#start(slot);
    const id = ++this.#nextId;
    slot.job = { ...job, id };
    this.#arm(slot);
    worker.ref();
    worker.postMessage({ id, ...job.request }, job.transfer);
  }

  /** Starts the job's clock: its time limit once the worker is ready, until then the start's. */
  #arm(slot: Slot<Request, Response>): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    const { startLimitMs, timeLimitMs } = this.#options;
    const starting = startLimitMs !== undefined && !slot.ready;
    job.timer = setTimeout(() => void this.#stop(slot, { kind: starting ? 'no-start' : 'time-limit' }), starting ? startLimitMs : timeLimitMs);
  }

  #start(slot: Slot<Request, Response>): Worker {
    const worker = this.#options.start();
    slot.worker = worker;
    slot.ready = false;
    worker.unref();
    const current = () => slot.worker === worker;
    worker.on('message', (message: Response | { ready: true }) => {
      if (!current()) return;
      if ('ready' in message) {
        slot.ready = true;
        // Without a start limit, the job's clock has run since it was posted, start included.
        if (this.#options.startLimitMs !== undefined) this.#arm(slot);
        return;
      }
      if (slot.job?.id === message.id) this.#finish(slot, { kind: 'answer', response: message });
    });
    worker.on('error', (error: Error) => {
      if (current()) void this.#stop(slot, { kind: 'error', error });
    });
    worker.on('exit', (code) => {
      if (current()) void this.#stop(slot, { kind: 'exit', code });
    });
    return worker;
  }

  /** Stops the slot's worker, ending its job with `answer`; the next job gets a new worker. */
  async #stop(slot: Slot<Request, Response>, answer: PoolAnswer<Response>): Promise<void> {
    const worker = slot.worker;
    clearTimeout(slot.idle);
    slot.worker = undefined;
    slot.ready = false;
    this.#finish(slot, answer);
    await worker?.terminate();
  }

  /** Ends the slot's job, if any, and hands the slot the next one waiting. */
  #finish(slot: Slot<Request, Response>, answer: PoolAnswer<Response>): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker?.unref();
    job.settle(answer);
    if (this.#closed) return;
    this.#pump();
    this.#stopWhenIdle(slot);
  }

  #stopWhenIdle(slot: Slot<Request, Response>): void {
    const worker = slot.worker;
    if (!worker || slot.job) return;
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (slot.worker === worker && !slot.job) void this.#stop(slot, { kind: 'closing' });
    }, this.#options.idleMs).unref();
  }
}
