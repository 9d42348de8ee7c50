// Draws charts, and counts their figures, in worker threads: drawing one takes a few hundred
// milliseconds of synchronous work and counting a year of a large store tens, which on the main
// thread would hold every other user's reply. At most `workers` jobs run at once, the others wait
// in order. Workers start on first use (the renderer is not loaded until someone asks for a
// chart), never keep the process alive, and stop once idle.
import { Worker } from 'node:worker_threads';
import type { Chart, ChartRenderer, RenderedChart } from '../core/charts/chart.js';
import type { ChartQuery } from '../store/chart-queries.js';
import { workerScript } from '../worker-script.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './render-worker.js';

/** A worker holding Vega, the atlas and resvg takes some 60 MB: it is stopped after this long unused. */
export const RENDER_IDLE_MS = 60_000;
/** A chart not drawn within this time (the worker's start included) fails, and its worker is stopped. */
export const RENDER_TIME_LIMIT_MS = 30_000;
/** The same chart asked again soon (a digest card for many channels) is drawn once. */
const REMEMBERED = 16;

export interface RenderPoolOptions {
  /** Charts drawn at once, each in its own worker thread (1 by default). */
  workers?: number;
  timeLimitMs?: number;
  idleMs?: number;
  /** Which resvg build to use: the native one where it loads (default), or WebAssembly. */
  prefer?: 'native' | 'wasm';
  /** The store the workers count in (read-only); without it, they only draw. */
  dbPath?: string;
  /** Told what went wrong inside a worker, for the log. */
  onProblem?: (problem: string) => void;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Job {
  request: Request;
  resolve: (outcome: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker?: Worker | undefined;
  idle?: NodeJS.Timeout | undefined;
  job?: (Job & { id: number; timer: NodeJS.Timeout }) | undefined;
}

export class WorkerChartRenderer implements ChartRenderer {
  readonly #slots: Slot[];
  readonly #queue: Job[] = [];
  readonly #recent = new Map<string, Promise<RenderedChart>>();
  readonly #options: Required<Omit<RenderPoolOptions, 'workers' | 'dbPath'>>;
  readonly #dbPath: string | undefined;
  #nextId = 0;
  #closed = false;

  constructor(options: RenderPoolOptions = {}) {
    this.#slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, (): Slot => ({}));
    const { workers: _workers, dbPath, ...rest } = options;
    this.#options = { timeLimitMs: RENDER_TIME_LIMIT_MS, idleMs: RENDER_IDLE_MS, prefer: 'native', onProblem: () => {}, ...rest };
    this.#dbPath = dbPath;
  }

  /** Worker threads alive now. */
  get liveWorkers(): number {
    return this.#slots.filter((slot) => slot.worker).length;
  }

  render(chart: Chart): Promise<RenderedChart> {
    const key = JSON.stringify(chart);
    const known = this.#recent.get(key);
    if (known) return known;
    const rendering = this.#enqueue({ kind: 'draw', chart }) as Promise<RenderedChart>;
    this.#recent.set(key, rendering);
    if (this.#recent.size > REMEMBERED) this.#recent.delete(this.#recent.keys().next().value!);
    rendering.catch(() => this.#recent.delete(key));
    return rendering;
  }

  /** Runs one of the store's chart queries in a worker. */
  query(query: ChartQuery, args: unknown[]): Promise<unknown> {
    return this.#enqueue({ kind: 'count', query, args });
  }

  #enqueue(request: Request): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('Sitrep is shutting down, so the picture was not drawn.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const closing = new Error('Sitrep is shutting down, so the picture was not drawn.');
    for (const job of this.#queue.splice(0)) job.reject(closing);
    await Promise.all(this.#slots.map((slot) => this.#stop(slot, closing)));
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
    const timer = setTimeout(() => void this.#stop(slot, new Error(`The picture took longer than ${this.#options.timeLimitMs / 1000} s to draw.`)), this.#options.timeLimitMs);
    slot.job = { ...job, id, timer };
    worker.ref();
    worker.postMessage({ id, ...job.request } as WorkerRequest);
  }

  #start(slot: Slot): Worker {
    const { script, eval: evaluated } = workerScript(import.meta.url, 'render-worker', 'esm');
    const setup: WorkerSetup = { prefer: this.#options.prefer, ...(this.#dbPath ? { dbPath: this.#dbPath } : {}) };
    const worker = new Worker(script, { eval: evaluated, execArgv: [], name: 'sitrep-chart-renderer', workerData: setup });
    slot.worker = worker;
    worker.unref();
    const current = () => slot.worker === worker;
    worker.on('message', (response: WorkerResponse) => {
      if (!current() || 'ready' in response || slot.job?.id !== response.id) return;
      if ('failed' in response) {
        this.#options.onProblem(`drawing a chart failed: ${response.failed}`);
        return this.#finish(slot, new Error('The picture could not be drawn because of an error in Sitrep (see its log).'));
      }
      this.#finish(slot, 'result' in response ? response.result : { png: response.png, width: response.width, height: response.height });
    });
    worker.on('error', (error: Error) => {
      if (!current()) return;
      this.#options.onProblem(`chart worker failed: ${error.stack ?? error.message}`);
      void this.#stop(slot, new Error('The picture could not be drawn because of an error in Sitrep (see its log).'));
    });
    worker.on('exit', () => {
      if (current()) void this.#stop(slot, new Error('The chart renderer stopped while drawing.'));
    });
    return worker;
  }

  /** Stops the slot's worker, failing its chart with `error`; the next chart gets a new worker. */
  async #stop(slot: Slot, error: Error): Promise<void> {
    const worker = slot.worker;
    clearTimeout(slot.idle);
    slot.worker = undefined;
    this.#finish(slot, error);
    await worker?.terminate();
  }

  /** Answers the slot's chart and hands the slot the next one waiting. */
  #finish(slot: Slot, outcome: unknown): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker?.unref();
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    if (this.#closed) return;
    this.#pump();
    this.#stopWhenIdle(slot);
  }

  #stopWhenIdle(slot: Slot): void {
    const worker = slot.worker;
    if (!worker || slot.job) return;
    slot.idle = setTimeout(() => {
      if (slot.worker !== worker || slot.job) return;
      slot.worker = undefined;
      void worker.terminate();
    }, this.#options.idleMs).unref();
  }
}
