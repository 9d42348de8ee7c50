// The digest scheduler: holds each platform's lease (or stands by), keeps node-cron tasks in
// step with the active subscriptions, and on every heartbeat sweeps for slots that are owed —
// which is how it catches up after downtime, delivers slots node-cron skipped (a
// spring-forward gap, a missed wake-up) and resumes retries after a restart.
//
// Subscriptions with the same schedule and zone share one node-cron task that wakes each of
// them: a node-cron task costs about 8 KB of RSS, so one per subscription would put 10,000
// subscriptions 80 MB over the bot's memory budget, while most share a handful of schedules.
//
// A process that is not the desk of a platform (a console run once, fed by a pipe) neither takes
// its lease nor posts its digests: they are left to the process that is, as the review cards are.
import type { PlatformName } from '../core/caller.js';
import type { DigestStore } from '../core/digest/store-port.js';
import type { Logger } from '../core/logger.js';
import { logBackgroundFailure } from './background-failure.js';
import type { DigestDeliverer } from './delivery.js';
import type { PostEditRunner } from './edit-runner.js';
import { Heartbeat } from './heartbeat.js';
import { takingOver } from './lease-takeover.js';
import type { PosterRegistry } from './posters.js';
import { dueSlot, LATE_MS } from './slots.js';
import { waitAtMost, type TaskFactory, type TaskHandle } from './tasks.js';

export interface SchedulerOptions {
  store: DigestStore;
  deliverer: DigestDeliverer;
  posters: PosterRegistry;
  tasks: TaskFactory;
  now: () => Date;
  logger: Logger;
  /** This process's id in the lease table. */
  holder: string;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** How often leases are renewed and owed slots swept; well under leaseMs. */
  heartbeatMs?: number;
  /** A send left `sending` this long by another process is taken as interrupted. */
  staleMs?: number;
  /** Edits posted messages for corrections, on the platforms this process schedules. */
  edits?: PostEditRunner;
  /**
   * Whether this process schedules the platform's digests (all it has posters for when not
   * given): a console run once, fed by a pipe, leaves the console's to the console a person has
   * open, rather than print a digest into a script's output and record it as delivered.
   */
  isDesk?: (platform: PlatformName) => boolean;
}

/** Parsed revisions and composed ranges are dropped after this long without a digest. */
const RELEASE_CACHES_AFTER_MS = 60_000;
/** Settled rows of the delivery log are kept this long (each subscription's latest always). */
export const DELIVERY_LOG_RETENTION_MS = 90 * 24 * 3600_000;
/** The delivery log is pruned at most this often, by a process holding a lease. */
const PRUNE_EVERY_MS = 24 * 3600_000;

export class DigestScheduler {
  private readonly held = new Set<PlatformName>();
  private readonly standby = new Map<PlatformName, string>();
  /** One task per schedule and zone, with the subscriptions it wakes. */
  private readonly cronTasks = new Map<string, { handle: TaskHandle; subscriptions: Set<number> }>();
  /** Schedules node-cron refused, by task key, with its message: tried again at every heartbeat, logged once. */
  private readonly refusedTasks = new Map<string, string>();
  /** Per platform held: since when this process has scheduled it with heartbeats on time. */
  private readonly attendedSince = new Map<PlatformName, number>();
  private lastBeatAt: number | undefined;
  private readonly heartbeat: Heartbeat;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  private knownVersion = -1;
  private readonly leaseMs: number;
  private readonly staleMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.heartbeat = new Heartbeat(options.tasks, options.heartbeatMs ?? 15_000, () => this.beat());
    this.staleMs = options.staleMs ?? 10 * 60_000;
  }

  /** Platforms whose digests this process schedules right now. */
  get leading(): PlatformName[] {
    return [...this.held];
  }

  start(): void {
    this.heartbeat.start();
  }

  /** Stops the tasks, lets deliveries in flight finish, then hands the leases over. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.heartbeat.stop()) return;
    for (const task of this.cronTasks.values()) task.handle.stop();
    this.cronTasks.clear();
    this.refusedTasks.clear();
    this.attendedSince.clear();
    this.lastBeatAt = undefined;
    this.options.deliverer.cancelRetries();
    await waitAtMost(this.options.tasks, Promise.all([this.options.deliverer.idle(), this.options.edits?.idle()]), timeoutMs);
    const now = this.options.now();
    for (const platform of this.held) this.options.store.leases.release(platform, this.options.holder, now);
    this.held.clear();
  }

  /** Subscriptions changed in this process: update the tasks at once rather than at the next heartbeat. */
  refresh(): void {
    if (this.heartbeat.running) this.guard('refresh', () => this.reconcile(false));
  }

  /** Runs a heartbeat now and schedules the next one. */
  tick(): void {
    this.heartbeat.beatNow();
  }

  private beat(): void {
    this.guard('heartbeat', () => {
      const now = this.options.now();
      this.noteStall(now);
      const changed = this.renewLeases(now);
      this.reconcile(changed);
      this.sweep(now);
      if (this.held.size > 0) void this.options.edits?.runDue([...this.held]).catch((error) => this.options.logger.error({ err: error }, 'editing posts for corrections crashed'));
      this.pruneDeliveryLog(now);
      this.options.store.changes.releaseIfIdle(RELEASE_CACHES_AFTER_MS);
    });
  }

  /** Keeps the delivery log from growing without end: 10,000 daily digests add 3.6M rows a year. */
  private pruneDeliveryLog(now: Date): void {
    if (this.held.size === 0 || now.getTime() - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now.getTime();
    const pruned = this.options.store.deliveries.prune(new Date(now.getTime() - DELIVERY_LOG_RETENTION_MS));
    if (pruned > 0) this.options.logger.info({ pruned }, 'pruned old rows of the digest delivery log');
  }

  private guard(what: string, work: () => void, context: Record<string, unknown> = {}): void {
    try {
      work();
    } catch (error) {
      logBackgroundFailure(this.options.logger, `digest scheduler ${what}`, error, context);
    }
  }

  /**
   * A heartbeat far later than due means this process was stalled (suspended, or its event loop
   * blocked): slots that fell meanwhile were not attended, and their digests are catch-ups.
   */
  private noteStall(now: Date): void {
    const at = now.getTime();
    if (this.lastBeatAt !== undefined && at - this.lastBeatAt > 2 * this.heartbeat.everyMs) {
      for (const platform of this.attendedSince.keys()) this.attendedSince.set(platform, at);
    }
    this.lastBeatAt = at;
  }

  /** Takes, renews or loses each platform's lease; true when the set of held platforms changed. */
  private renewLeases(now: Date): boolean {
    const { store, posters, holder, logger, deliverer } = this.options;
    let changed = false;
    for (const platform of posters.platforms()) {
      if (!(this.options.isDesk?.(platform) ?? true)) continue;
      const lease = store.leases.acquire(platform, holder, now, this.leaseMs);
      if (lease.held && !this.held.has(platform)) {
        this.held.add(platform);
        this.attendedSince.set(platform, now.getTime());
        this.standby.delete(platform);
        changed = true;
        logger.info({ platform, holder, tookOverFrom: lease.tookOverFrom }, takingOver(`scheduling ${platform} digests`, lease.tookOverFrom));
      } else if (!lease.held && this.held.has(platform)) {
        this.held.delete(platform);
        this.attendedSince.delete(platform);
        changed = true;
        logger.warn({ platform, holder: lease.holder }, `lost the ${platform} digest lease; standing by`);
      }
      if (!lease.held && this.standby.get(platform) !== lease.holder) {
        this.standby.set(platform, lease.holder);
        logger.info(
          { platform, holder: lease.holder, until: lease.expiresAt },
          `standing by: ${platform} digests are scheduled by another process (${lease.holder})`,
        );
      }
      if (lease.held) {
        const stale = new Date(now.getTime() - this.staleMs);
        deliverer.recover(store.deliveries.interrupted([platform], holder, lease.tookOverFrom, stale));
      }
    }
    return changed;
  }

  /** node-cron tasks created, changed or removed to match the active subscriptions of held platforms. */
  private reconcile(force: boolean): void {
    const { store } = this.options;
    const version = store.subscriptions.scheduleVersion();
    // While node-cron refuses a schedule, every heartbeat tries it again.
    if (!force && version === this.knownVersion && this.refusedTasks.size === 0) return;
    const wanted = new Map<string, { cron: string; timezone: string; ids: Set<number> }>();
    for (const sub of store.subscriptions.active([...this.held])) {
      const key = `${sub.cron}|${sub.timezone}`;
      const group = wanted.get(key) ?? { cron: sub.cron, timezone: sub.timezone, ids: new Set<number>() };
      group.ids.add(sub.id);
      wanted.set(key, group);
    }
    for (const [key, task] of this.cronTasks) {
      if (wanted.has(key)) continue;
      task.handle.stop();
      this.cronTasks.delete(key);
    }
    for (const key of this.refusedTasks.keys()) if (!wanted.has(key)) this.refusedTasks.delete(key);
    for (const [key, group] of wanted) {
      const existing = this.cronTasks.get(key);
      if (existing) existing.subscriptions = group.ids;
      else this.createTask(key, group);
    }
    // Only once the tasks are in step: a failure above leaves the version to be tried again.
    this.knownVersion = version;
  }

  /**
   * One schedule's task. A schedule node-cron refuses must not cost the others theirs: it is
   * logged, left to the heartbeat's sweep (which delivers its slots, a heartbeat late at most)
   * and tried again at the next heartbeat.
   */
  private createTask(key: string, group: { cron: string; timezone: string; ids: Set<number> }): void {
    const { tasks, logger } = this.options;
    try {
      const handle = tasks.cron(group.cron, group.timezone, (firedFor) => this.wake(key, firedFor));
      this.cronTasks.set(key, { handle, subscriptions: group.ids });
      if (this.refusedTasks.delete(key)) logger.info({ cron: group.cron, timezone: group.timezone }, 'node-cron accepted a digest schedule it had refused');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.refusedTasks.get(key) !== message) {
        logger.error(
          { err: error, cron: group.cron, timezone: group.timezone, subscriptions: [...group.ids] },
          'node-cron refused a digest schedule; the heartbeat delivers its slots instead',
        );
      }
      this.refusedTasks.set(key, message);
    }
  }

  private wake(key: string, firedFor: Date): void {
    for (const id of this.cronTasks.get(key)?.subscriptions ?? []) this.guard('task', () => this.runDue(id, firedFor), { subscription: id });
  }

  /** How many node-cron tasks are running, and for how many subscriptions. */
  get taskCount(): { tasks: number; subscriptions: number } {
    let subscriptions = 0;
    for (const task of this.cronTasks.values()) subscriptions += task.subscriptions.size;
    return { tasks: this.cronTasks.size, subscriptions };
  }

  private sweep(now: Date): void {
    const { store, deliverer } = this.options;
    const platforms = [...this.held];
    // Retries first: a retry whose try was missed past its limits is given up, freeing its channel
    // for the slot now due; the other way round, that slot would find it waiting, mark the
    // channel busy for the sweep, and the retry would be skipped at every heartbeat.
    for (const row of store.deliveries.dueRetries(platforms, now)) void deliverer.resume(row.id).catch((error) => this.failed(error));
    // One subscription that cannot be worked out (a corrupt row) must not hold up the others.
    for (const sub of store.subscriptions.due(platforms, now)) this.guard('sweep', () => this.runDue(sub.id), { subscription: sub.id });
  }

  /** Delivers the subscription's owed slot, if it is owed one. */
  private runDue(subscriptionId: number, firedFor?: Date): void {
    const { store, deliverer, now } = this.options;
    const sub = store.subscriptions.byId(subscriptionId);
    if (!sub || sub.paused || !this.held.has(sub.channel.platform)) return;
    const at = firedFor && firedFor > now() ? firedFor : now();
    if (sub.nextSlotAt > at) return;
    const { slot, missed } = dueSlot(sub, at);
    const late = missed > 0 || now().getTime() - slot.getTime() > LATE_MS;
    // Late while this process was scheduling (say, held back by the previous digest's retries)
    // is no catch-up: Sitrep was running. Only an owed slot older than that is one.
    const unattended = sub.nextSlotAt.getTime() < (this.attendedSince.get(sub.channel.platform) ?? Number.POSITIVE_INFINITY);
    const kind = late && unattended ? 'catch-up' : 'scheduled';
    const request = { slot, kind, missedSlots: missed, fenced: true, late } as const;
    void deliverer.deliver(sub.id, request).catch((error) => this.failed(error));
  }

  private failed(error: unknown): void {
    this.options.logger.error({ err: error }, 'digest delivery crashed');
  }
}
