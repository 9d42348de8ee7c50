// Direct messages for watches: on each heartbeat, in the process holding the platform's watch
// lease, each watcher's cursor is read forward over the revision log. Changes none of their
// watches cover only move the cursor; changes one covers become a message, at most one per person
// every 10 minutes (what changes meanwhile waits and goes in the next). Messages another process
// left unsettled, and retries whose time has come, are sent again with their marks. A process
// that is not the desk of a platform (a console run once, fed by a pipe) sends none there.
import type { PlatformName } from '../core/caller.js';
import type { ChangeSet } from '../core/digest/changes.js';
import type { ChangeReader, SchedulerLeases } from '../core/digest/store-port.js';
import { changesAsSeen } from '../core/digest/subscription-changes.js';
import type { Logger } from '../core/logger.js';
import { logBackgroundFailure } from './background-failure.js';
import { takingOver } from './lease-takeover.js';
import type { PlaceDirectory } from '../core/places/place-port.js';
import { PlaceAreas, watchedChanges } from '../core/watch/matching.js';
import { watchMessage } from '../core/watch/message.js';
import type { Watch, WatchDeliveryStore, Watcher } from '../core/watch/watch-port.js';
import type { RetryPolicy } from './delivery.js';
import { Heartbeat } from './heartbeat.js';
import { reportLiftedWatchPauses, type LiftedWatchPauses } from './lifted-watch-pauses.js';
import type { PosterRegistry } from './posters.js';
import { waitAtMost, type TaskFactory } from './tasks.js';
import { WatchSender } from './watch-sender.js';

/** At most one direct message per person in this long. */
export const WATCH_MESSAGE_GAP_MS = 10 * 60_000;
/**
 * Revisions read per step of a watcher's cursor: below what the change reader summarises at
 * once, so a large import is read in steps rather than skipped as too large.
 */
const CHANGES_PER_STEP = 10_000;

export interface WatchRunnerOptions {
  store: WatchDeliveryStore & LiftedWatchPauses;
  changes: ChangeReader;
  places: PlaceDirectory;
  leases: SchedulerLeases;
  posters: PosterRegistry;
  tasks: TaskFactory;
  now: () => Date;
  logger: Logger;
  /** This process's id in leases and the delivery log. */
  holder: string;
  retry?: RetryPolicy;
  /** How often watchers are looked at (30 s by default). */
  tickMs?: number;
  /** How long the watch lease lasts without renewal; well over tickMs. */
  leaseMs?: number;
  /** Revisions read per step of a watcher's cursor (CHANGES_PER_STEP by default). */
  changesPerStep?: number;
  /**
   * Whether this process sends the platform's watch messages (all it has posters for when not
   * given): a console run once, fed by a pipe, leaves the console's to the console a person has open.
   */
  isDesk?: (platform: PlatformName) => boolean;
}

const leaseScope = (platform: PlatformName) => `watch:${platform}`;

export class WatchRunner {
  private readonly sender: WatchSender;
  private readonly held = new Set<PlatformName>();
  /** Platforms whose watch lease another process holds, as the log last said. */
  private readonly standingBy = new Set<PlatformName>();
  private readonly heartbeat: Heartbeat;
  private readonly leaseMs: number;

  constructor(private readonly options: WatchRunnerOptions) {
    this.heartbeat = new Heartbeat(options.tasks, options.tickMs ?? 30_000, () => this.beat());
    this.leaseMs = options.leaseMs ?? 90_000;
    const { store, posters, tasks, now, logger, holder } = options;
    this.sender = new WatchSender({ store, posters, tasks, now, logger, sender: holder, ...(options.retry ? { retry: options.retry } : {}) });
  }

  start(): void {
    try {
      reportLiftedWatchPauses(this.options.store, this.options.logger);
    } catch (error) {
      // Said at a later start instead: the watches are resumed already.
      logBackgroundFailure(this.options.logger, 'telling of the watches an upgrade resumed', error);
    }
    this.heartbeat.start();
  }

  /** Stops the heartbeat, lets messages in flight finish (up to `timeoutMs`), then hands the leases over. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.heartbeat.stop()) return;
    this.sender.cancelRetries();
    await waitAtMost(this.options.tasks, this.sender.idle(), timeoutMs);
    for (const platform of this.held) this.options.leases.release(leaseScope(platform), this.options.holder, this.options.now());
    this.held.clear();
  }

  /** Resolves once no message of this process is being posted. */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  /** One round now, and the next after tickMs. */
  tick(): void {
    this.heartbeat.beatNow();
  }

  private beat(): void {
    try {
      this.round();
    } catch (error) {
      logBackgroundFailure(this.options.logger, 'watch messages round', error);
    }
  }

  private round(): void {
    const platforms = this.renewLeases();
    if (platforms.length === 0) return;
    const { store, now } = this.options;
    for (const row of store.unsettled(platforms)) {
      // Our own in flight are being posted; another process's (it stopped) or a due retry are sent again.
      if (this.sender.isBusy(row.watcher) || (row.status === 'retrying' && row.nextAttemptAt && row.nextAttemptAt > now())) continue;
      if (row.status === 'sending' && row.sender === this.options.holder) continue;
      void this.sender.resume(row.id, store.watcher(row.watcher)?.context ?? '');
    }
    const areas = new PlaceAreas(this.options.places);
    const round = this.changesThisRound();
    for (const { watcher, watches } of store.active(platforms)) {
      try {
        this.consider(watcher, watches, areas, round);
      } catch (error) {
        this.options.logger.error({ err: error, watcher: { platform: watcher.platform, userId: watcher.userId } }, 'watch messages: a watcher could not be worked out');
      }
    }
  }

  /** Platforms whose poster sends direct messages and whose watch lease this process holds. */
  private renewLeases(): PlatformName[] {
    const { posters, leases, holder, now, logger } = this.options;
    for (const platform of posters.platforms()) {
      if (!posters.get(platform)?.direct || !(this.options.isDesk?.(platform) ?? true)) continue;
      const lease = leases.acquire(leaseScope(platform), holder, now(), this.leaseMs);
      if (lease.held && !this.held.has(platform)) logger.info({ platform, holder, tookOverFrom: lease.tookOverFrom }, takingOver(`sending ${platform} watch messages`, lease.tookOverFrom));
      if (!lease.held && !this.standingBy.has(platform)) logger.info({ platform, holder: lease.holder, until: lease.expiresAt }, `${platform} watch messages are sent by another process; standing by`);
      if (lease.held) (this.held.add(platform), this.standingBy.delete(platform));
      else (this.held.delete(platform), this.standingBy.add(platform));
    }
    return [...this.held];
  }

  /**
   * The revision log as one round reads it: its end, read once, and each stretch of it read once
   * for every watcher whose cursor stands at the same place (most do, once they are up to date).
   */
  private changesThisRound(): { latest: number; between: (from: number, to: number) => ChangeSet; liveSpans: ChangeReader['liveSpans'] } {
    const { changes } = this.options;
    const read = new Map<string, ChangeSet>();
    return {
      latest: changes.latestCursor(),
      liveSpans: (entryIds, upTo) => changes.liveSpans(entryIds, upTo),
      between: (from, to) => {
        const key = `${from}-${to}`;
        let set = read.get(key);
        if (!set) read.set(key, (set = changes.between(from, to)));
        return set;
      },
    };
  }

  /** Moves the cursor over changes nobody here watches; sends what a watch covers once the gap has passed. */
  private consider(watcher: Watcher, watches: readonly Watch[], areas: PlaceAreas, changes: ReturnType<WatchRunner['changesThisRound']>): void {
    const { store, now } = this.options;
    if (this.sender.isBusy(watcher) || store.inFlight(watcher)) return;
    const latest = changes.latest;
    let cursor = watcher.cursor;
    while (cursor < latest) {
      const to = Math.min(latest, cursor + (this.options.changesPerStep ?? CHANGES_PER_STEP));
      // An entry added and removed between two of their messages and restored now is new to them.
      const set = changesAsSeen(changes, cursor, to, (upTo) => store.boundaries(watcher, upTo));
      const covered = watchedChanges(set.entries, watches, areas);
      if (covered.length === 0) {
        store.advanceCursor(watcher, to);
        cursor = to;
        continue;
      }
      const waitUntil = (watcher.lastMessageAt?.getTime() ?? 0) + WATCH_MESSAGE_GAP_MS;
      if (now().getTime() < waitUntil) return;
      const view = watchMessage(covered, set.actorNames, watches.map((w) => w.label), { moreFollow: to < latest });
      void this.sender.send(watcher, watcher.context, () => this.recordIntent(watcher, { from: cursor, to }, view));
      return;
    }
  }

  /** The intent, unless another process took the lease or recorded one first. */
  private recordIntent(watcher: Watcher, range: { from: number; to: number }, view: ReturnType<typeof watchMessage>): number | undefined {
    const { store, leases, holder, now } = this.options;
    return store.transaction(() => {
      if (!leases.holds(leaseScope(watcher.platform), holder, now())) return undefined;
      if (store.inFlight(watcher)) return undefined;
      const current = store.watcher(watcher);
      if (!current || current.paused || current.cursor !== range.from) return undefined;
      return store.insertDelivery(watcher, range, view, holder, now());
    });
  }
}
