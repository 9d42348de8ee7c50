// Draws charts, and counts their figures, in worker threads: drawing one takes a few hundred
// milliseconds of synchronous work and counting a year of a large store tens, which on the main
// thread would hold every other user's reply. At most `workers` jobs run at once, the others wait
// in order. Workers start on first use (the renderer is not loaded until someone asks for a
// chart), never keep the process alive, and stop once idle.
import { Worker } from 'node:worker_threads';
import type { Chart, ChartRenderer, RenderedChart } from '../core/charts/chart.js';
import type { ChartQuery } from '../store/chart-queries.js';
import { WorkerPool } from '../worker-pool.js';
import { workerScript } from '../worker-script.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './render-worker.js';

/** A worker holding Vega, the atlas and resvg takes some 60 MB: it is stopped after this long unused. */
export const RENDER_IDLE_MS = 60_000;
/** A chart not drawn within this time (the worker's start included) fails, and its worker is stopped. */
export const RENDER_TIME_LIMIT_MS = 30_000;
/** The same card asked again soon (a digest card for many channels) is drawn once. */
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
type Answer = Exclude<WorkerResponse, { ready: true }>;

const failedToDraw = () => new Error('The picture could not be drawn because of an error in Sitrep (see its log).');

export class WorkerChartRenderer implements ChartRenderer {
  readonly #pool: WorkerPool<Request, Answer>;
  readonly #recent = new Map<string, Promise<RenderedChart>>();
  readonly #options: Required<Omit<RenderPoolOptions, 'workers' | 'dbPath'>>;
  readonly #dbPath: string | undefined;

  constructor(options: RenderPoolOptions = {}) {
    const { workers, dbPath, ...rest } = options;
    this.#options = { timeLimitMs: RENDER_TIME_LIMIT_MS, idleMs: RENDER_IDLE_MS, prefer: 'native', onProblem: () => {}, ...rest };
    this.#dbPath = dbPath;
    this.#pool = new WorkerPool({ workers: workers ?? 1, timeLimitMs: this.#options.timeLimitMs, idleMs: this.#options.idleMs, start: () => this.#start() });
  }

  /** Worker threads alive now. */
  get liveWorkers(): number {
    return this.#pool.liveWorkers;
  }

  render(chart: Chart): Promise<RenderedChart> {
    // Only cards come again soon; keying a map by its text would cost the bot's thread milliseconds.
    if (chart.kind !== 'card') return this.#enqueue({ kind: 'draw', chart }) as Promise<RenderedChart>;
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

  async #enqueue(request: Request): Promise<unknown> {
    const answer = await this.#pool.run(request);
    switch (answer.kind) {
      case 'answer': {
        const response = answer.response;
        if ('failed' in response) {
          this.#options.onProblem(`drawing a chart failed: ${response.failed}`);
          throw failedToDraw();
        }
        return 'result' in response ? response.result : { png: response.png, width: response.width, height: response.height };
      }
      case 'time-limit':
      case 'no-start':
        throw new Error(`The picture took longer than ${this.#options.timeLimitMs / 1000} s to draw.`);
      case 'closing':
        throw new Error('Sitrep is shutting down, so the picture was not drawn.');
      case 'error':
        this.#options.onProblem(`chart worker failed: ${answer.error.stack ?? answer.error.message}`);
        throw failedToDraw();
      case 'exit':
        throw new Error('The chart renderer stopped while drawing.');
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  #start(): Worker {
    const { script, eval: evaluated } = workerScript(import.meta.url, 'render-worker', 'esm');
    const setup: WorkerSetup = { prefer: this.#options.prefer, ...(this.#dbPath ? { dbPath: this.#dbPath } : {}) };
    return new Worker(script, { eval: evaluated, execArgv: [], name: 'sitrep-chart-renderer', workerData: setup });
  }
}
