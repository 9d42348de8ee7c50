// The feed poller: a thin loop that, every minute, checks the watched feeds that are due — only
// in the process holding the sources lease, so two bot processes never check a feed twice —
// and posts what the review channels are owed. Deciding what a check found is the core's.
// A few checks run at once, so the next feeds are fetched and read (in the parse worker) while
// the current one is recorded.
import pMap from 'p-map';
import type { SchedulerLeases } from '../core/digest/store-port.js';
import type { Logger } from '../core/logger.js';
import { logBackgroundFailure } from './background-failure.js';
import { takingOver } from './lease-takeover.js';
import type { ReviewQueue } from '../core/review/review-queue.js';
import type { WatchService } from '../core/sources/watch-service.js';
import type { TaskFactory, TaskHandle } from './tasks.js';

/** The lease row of the poller; a colon keeps it apart from the platforms' digest leases. */
export const SOURCES_LEASE_SCOPE = 'sources:poller';

export interface SourcePollerOptions {
  sources: WatchService;
  review: ReviewQueue;
  leases: SchedulerLeases;
  /** This process's id in the lease table. */
  holder: string;
  tasks: TaskFactory;
  now: () => Date;
  logger: Logger;
  /** How often due feeds are looked for. */
  tickMs?: number;
  /** How long the lease lasts without renewal; renewed before every check. */
  leaseMs?: number;
  /** Feeds checked per tick at most; the rest wait for the next one. */
  batch?: number;
}

/**
 * Enough to keep the parse worker and the recording busy while other feeds are fetched; few
 * enough that the feeds waiting to be read hold little memory.
 */
export const CHECKS_AT_ONCE = 4;

export class SourcePoller {
  private running = false;
  private leading = false;
  /** Whether the log has said yet which this process does: check, or stand by. */
  private told = false;
  /** When this process last wrote its lease (ms). */
  private renewedAt: number | undefined;
  private timer: TaskHandle | undefined;
  private current: Promise<void> | undefined;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private readonly batch: number;

  constructor(private readonly options: SourcePollerOptions) {
    this.tickMs = options.tickMs ?? 60_000;
    this.leaseMs = options.leaseMs ?? 3 * 60_000;
    this.batch = options.batch ?? 10;
  }

  /** Whether this process holds the lease, as of its last tick. */
  get isLeading(): boolean {
    return this.leading;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  /** Stops ticking, lets a check in flight finish, and hands the lease over. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.timer?.stop();
    await this.options.sources.cutShort();
    await this.idle();
    if (this.leading) this.options.leases.release(SOURCES_LEASE_SCOPE, this.options.holder, this.options.now());
    this.leading = false;
    this.renewedAt = undefined;
  }

  /** Resolves once no tick or check runs in this process. */
  async idle(): Promise<void> {
    while (this.current) await this.current;
    await this.options.sources.idle();
  }

  private loop(): void {
    if (!this.running) return;
    this.current = this.tick().finally(() => {
      this.current = undefined;
      if (this.running) this.timer = this.options.tasks.after(this.tickMs, () => this.loop());
    });
  }

  /**
   * Takes or renews the lease; true while this process holds it. A lease renewed less than a
   * quarter of its length ago is not written again: the checks' worker is writing meanwhile, and
   * every renewal would wait for it on this thread.
   */
  private lease(): boolean {
    const { leases, holder, now, logger } = this.options;
    const at = now();
    if (this.leading && this.renewedAt !== undefined && at.getTime() - this.renewedAt < this.leaseMs / 4) return true;
    const state = leases.acquire(SOURCES_LEASE_SCOPE, holder, at, this.leaseMs);
    this.renewedAt = state.held ? at.getTime() : undefined;
    if (state.held !== this.leading || !this.told) {
      this.told = true;
      if (state.held) logger.info({ holder, tookOverFrom: state.tookOverFrom }, takingOver('checking watched feeds', state.tookOverFrom));
      // Until its lease expires, unless that process is gone sooner (then it is taken over at once).
      else logger.info({ holder: state.holder, until: state.expiresAt }, 'watched feeds are checked by another process; standing by');
    }
    this.leading = state.held;
    return state.held;
  }

  /** One pass: the due feeds (while the lease holds), then the review channels' posts. */
  async tick(): Promise<void> {
    const { sources, review, logger } = this.options;
    try {
      if (this.lease()) {
        // The lease is renewed before each check; once it is lost, the checks not started are left to its holder.
        const check = async (id: number) => {
          if (!this.lease()) return;
          await sources.checkUnread(id, 'schedule').catch((error: unknown) => {
            // Cut short by this process stopping: checked again after the restart.
            if (!this.running) logger.info({ source: id }, 'feed check cut short by the stop; it runs again after the restart');
            else logBackgroundFailure(logger, 'feed check', error, { source: id });
          });
        };
        await pMap(sources.due(this.batch), check, { concurrency: CHECKS_AT_ONCE });
      }
      if (this.running) await review.postPending();
    } catch (error) {
      logBackgroundFailure(logger, 'feed poller tick', error);
    }
  }
}
