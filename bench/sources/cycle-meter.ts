// What one check cycle of the sources benchmark costs the bot process: wall time, time spent
// fetching and parsing (awaited from the fetcher), the main thread's load and longest stall,
// and the process's memory (its parse worker included) sampled while the cycle runs.
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { FeedFetcher, FetchOutcome, FetchState } from '../../src/core/sources/feed-port.js';
import { mainThreadCpuMs, processCpuMs } from '../thread-cpu.js';

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** The fetcher the app is given, timing each fetch (HTTP, then parsing in the worker). */
export class TimedFetcher implements FeedFetcher {
  fetchMs = 0;
  fetches = 0;
  failures: string[] = [];

  constructor(private readonly inner: FeedFetcher) {}

  async fetch(url: string, state: FetchState, source?: number): Promise<FetchOutcome> {
    const started = performance.now();
    const outcome = await this.inner.fetch(url, state, source);
    this.fetchMs += performance.now() - started;
    this.fetches++;
    if (outcome.kind === 'failed') this.failures.push(outcome.error);
    return outcome;
  }
}

export interface CycleCost {
  ms: number;
  fetchMs: number;
  fetches: number;
  failures: string[];
  /** Share of the cycle the main thread was busy (0–1). */
  mainThreadBusy: number;
  /** The longest the event loop was held, and its p99 (ms). */
  stallMaxMs: number;
  stallP99Ms: number;
  /** CPU time of the bot's thread, and of the process's other threads (parse workers, V8's and libuv's helpers). */
  mainCpuMs: number;
  otherCpuMs: number;
  rssPeakMb: number;
  /** The V8 heap (main thread) and memory outside it, when RSS peaked. */
  heapAtPeakMb: number;
  heapUsedAtPeakMb: number;
  externalAtPeakMb: number;
  rssEndMb: number;
}

export class CycleMeter {
  private started = 0;
  private cpu = { main: 0, all: 0 };
  private elu: EventLoopUtilization | undefined;
  private readonly delay = monitorEventLoopDelay({ resolution: 1 });
  private sampler: NodeJS.Timeout | undefined;
  private peak: NodeJS.MemoryUsage = process.memoryUsage();

  /** Without a fetcher (checks run in the checks' worker), fetches are not timed. */
  constructor(private readonly fetcher?: TimedFetcher) {}

  start(): void {
    if (this.fetcher) {
      this.fetcher.fetchMs = 0;
      this.fetcher.fetches = 0;
      this.fetcher.failures = [];
    }
    this.peak = process.memoryUsage();
    this.sampler = setInterval(() => this.sample(), 50);
    this.delay.reset();
    this.delay.enable();
    this.elu = performance.eventLoopUtilization();
    this.started = performance.now();
    this.cpu = { main: mainThreadCpuMs(), all: processCpuMs() };
  }

  /** RSS alone is cheap to read; the heap's figures (a walk of its spaces) only at a new peak. */
  private sample(): void {
    if (process.memoryUsage.rss() > this.peak.rss) this.peak = process.memoryUsage();
  }

  stop(): CycleCost {
    const ms = performance.now() - this.started;
    const mainCpuMs = mainThreadCpuMs() - this.cpu.main;
    const otherCpuMs = processCpuMs() - this.cpu.all - mainCpuMs;
    const busy = performance.eventLoopUtilization(this.elu).utilization;
    this.delay.disable();
    clearInterval(this.sampler);
    this.sample();
    const rss = process.memoryUsage.rss();
    return {
      ms,
      fetchMs: this.fetcher?.fetchMs ?? Number.NaN,
      fetches: this.fetcher?.fetches ?? Number.NaN,
      failures: [...new Set(this.fetcher?.failures ?? [])],
      mainThreadBusy: busy,
      mainCpuMs,
      otherCpuMs,
      stallMaxMs: this.delay.max / 1e6,
      stallP99Ms: this.delay.percentile(99) / 1e6,
      rssPeakMb: mb(this.peak.rss),
      heapAtPeakMb: mb(this.peak.heapTotal),
      heapUsedAtPeakMb: mb(this.peak.heapUsed),
      externalAtPeakMb: mb(this.peak.external),
      rssEndMb: mb(rss),
    };
  }
}
