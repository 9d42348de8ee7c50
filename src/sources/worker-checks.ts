// Runs the watched feeds' checks in a worker thread (intake-worker.ts) with its own connection to
// the store: fetching, deciding about every item and writing the candidates cost a check cycle
// seconds of work, which on the bot's thread would sit between users and their replies. The
// worker starts on the first check, takes any number at once (it overlaps their fetches and
// parses), and stops after some idle time. If it fails or exits, the checks it held fail (each
// of their transactions was whole, so the next check of those feeds takes up where they were)
// and the next check starts a new one.
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import { within } from '../core/within.js';
import type { Logger } from '../core/logger.js';
import type { CheckRunner } from '../core/sources/watch-service.js';
import type { CheckTrigger } from '../core/sources/watched-source.js';
import { workerScript } from '../worker-script.js';
import type { IntakeClose, IntakeRequest, IntakeResponse, IntakeSetup } from './intake-worker.js';

/**
 * The poller looks for due feeds every minute: a worker idle longer than this has had a tick
 * with nothing due, and is stopped (it holds the dossier's folded names, tens of MB).
 */
export const INTAKE_IDLE_MS = 90_000;
/**
 * Short-lived objects by the megabyte (parsed items, plans): a small young generation keeps
 * little of them touched, as for the parse worker. (`node --max-semi-space-size=4`, as `npm start`
 * runs, bounds it the same; a larger one halves the thread's collections for tens of MB of RSS.)
 */
const INTAKE_YOUNG_GENERATION_MB = 8;

export interface WorkerChecksOptions extends IntakeSetup {
  logger: Logger;
  now: () => Date;
  idleMs?: number;
  /** Told when the worker starts (true) and stops (false): while it runs, its connection checkpoints the store. */
  onLive?: (live: boolean) => void;
  /** The review desk's clock, sent with each check (see IntakeRequest.zone). */
  reviewZone?: () => string;
}

interface Waiting {
  resolve: (checkId: number) => void;
  reject: (error: Error) => void;
}

/** How long a worker asked to close may take before it is terminated. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Asks the worker to close its stores and end, and terminates it only if it has not within
 * CLOSE_WAIT_MS: a thread terminated inside a call into SQLite can take the process down.
 */
async function closeWorker(worker: Worker, logger: Logger): Promise<void> {
  // Ended already (it failed or exited): there is nothing to ask.
  if (worker.threadId === -1) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  try {
    worker.postMessage({ close: true } satisfies IntakeClose);
  } catch {
    // Ended already: 'exit' has fired or will.
  }
  if (await within(exited, CLOSE_WAIT_MS)) return logger.info({}, "the feed checks' worker closed its stores and ended");
  logger.warn({ waitedMs: CLOSE_WAIT_MS }, "the feed checks' worker did not close in time: terminated");
  await worker.terminate();
}

export class WorkerChecks implements CheckRunner {
  #worker: Worker | undefined;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;
  #idle: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(private readonly options: WorkerChecksOptions) {}

  /** Whether the worker thread is alive now. */
  get live(): boolean {
    return this.#worker !== undefined;
  }

  run(sourceId: number, trigger: CheckTrigger): Promise<number> {
    if (this.#closed) return Promise.reject(new Error('Sitrep is shutting down, so the feed was not checked.'));
    clearTimeout(this.#idle);
    const worker = this.#worker ?? this.#start();
    const id = ++this.#nextId;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const zone = this.options.reviewZone?.();
      worker.postMessage({ id, sourceId, trigger, at: this.options.now().toISOString(), ...(zone ? { zone } : {}) } satisfies IntakeRequest);
    });
  }

  /** Fails the checks running and stops the worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stop(new Error('Sitrep is shutting down, so the feed check was cut short.'));
  }

  #start(): Worker {
    const { logger, dbPath, busyTimeoutMs, allowPrivate, gazetteerDir, feedReaders } = this.options;
    const setup: IntakeSetup = { dbPath, allowPrivate, feedReaders, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }), ...(gazetteerDir === undefined ? {} : { gazetteerDir }) };
    const { script, eval: evaluated } = workerScript(import.meta.url, 'intake-worker');
    // No flags of this process (--input-type, loaders, inspectors) apply to the worker's script.
    const worker = new Worker(script, { eval: evaluated, execArgv: [], name: 'sitrep-feed-checks', workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: INTAKE_YOUNG_GENERATION_MB } });
    this.#worker = worker;
    this.options.onLive?.(true);
    const current = () => this.#worker === worker;
    worker.on('message', (message: IntakeResponse) => {
      if ('log' in message) return logger[message.log.level](message.log.context, message.log.message);
      if ('ready' in message || !current()) return;
      const waiting = this.#waiting.get(message.id);
      if (!waiting) return;
      this.#waiting.delete(message.id);
      if ('checkId' in message) waiting.resolve(message.checkId);
      else if ('refused' in message) waiting.reject(new UserError(message.refused.code, message.refused.message, message.refused.hints, message.refused.option));
      else waiting.reject(new Error(`the feed check failed in its worker: ${message.failed}`));
      this.#stopWhenIdle();
    });
    worker.on('error', (error: Error) => {
      if (current()) void this.#stop(new Error(`the feed checks' worker failed: ${error.stack ?? error.message}`));
    });
    worker.on('exit', (code) => {
      if (current()) void this.#stop(new Error(`the feed checks' worker exited with code ${code}`));
    });
    return worker;
  }

  #stopWhenIdle(): void {
    if (this.#waiting.size > 0 || !this.#worker) return;
    this.#worker.unref();
    const worker = this.#worker;
    this.#idle = setTimeout(() => {
      if (this.#worker === worker && this.#waiting.size === 0) void this.#stop(new Error('idle'));
    }, this.options.idleMs ?? INTAKE_IDLE_MS).unref();
  }

  async #stop(reason: Error): Promise<void> {
    const worker = this.#worker;
    clearTimeout(this.#idle);
    this.#worker = undefined;
    if (worker) this.options.onLive?.(false);
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const { reject } of waiting) reject(reason);
    if (worker) await closeWorker(worker, this.options.logger);
  }
}
