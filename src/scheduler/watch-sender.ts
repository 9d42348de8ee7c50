// Sends one watcher's direct message as digests are sent (delivery.ts): the intent is recorded
// with the composed message before anything is posted, the messages posted are recorded as they
// arrive, and each attempt carries the same mark, so a message whose answer was lost is found
// rather than sent again. Retryable failures back off; a permanent one (they cannot receive
// direct messages) pauses the person's watches with the platform's reason. A refusal of Sitrep
// itself (its token, its scopes) pauses no one: the platform's messages are held (see hold).
import type { PlatformName } from '../core/caller.js';
import { DeliveryError, type PostMark } from '../core/poster.js';
import type { WatchDelivery, WatchDeliveryStore, WatcherKey } from '../core/watch/watch-port.js';
import { AppFaults } from '../core/app-faults.js';
import { DEFAULT_RETRY, retryDelay, type PostingDeps, type RetryPolicy } from './delivery.js';
import { InFlightWork } from './in-flight-work.js';

export interface WatchSenderDeps extends PostingDeps {
  store: WatchDeliveryStore;
}

const personKey = (who: WatcherKey) => `${who.platform}:${who.userId}`;

/** The same on every attempt at one message, different for any other (a deleted row's id can come back). */
function markKey(row: Pick<WatchDelivery, 'id' | 'createdAt'>): string {
  return `w${row.id.toString(36)}-${row.createdAt.getTime().toString(36)}`;
}

export class WatchSender {
  /** By person (personKey). */
  private readonly inFlight = new InFlightWork<string>();
  private readonly retry: RetryPolicy;
  /** A platform refusing Sitrep itself: until when new messages on it wait. */
  private readonly heldUntil = new Map<PlatformName, Date>();
  /** What the operator is told of those refusals, once each (shared with digests). */
  private readonly faults: AppFaults;

  constructor(private readonly deps: WatchSenderDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY;
    this.faults = new AppFaults(deps.logger, 'watch messages');
  }

  isBusy(who: WatcherKey): boolean {
    return this.inFlight.has(personKey(who));
  }

  /**
   * Whether new messages on the platform wait: it refused Sitrep itself, and the message held
   * since is not due again yet. Their changes stay behind the person's cursor meanwhile.
   */
  private isHeld(platform: PlatformName): boolean {
    const until = this.heldUntil.get(platform);
    return until !== undefined && until > this.deps.now();
  }

  /** Posts a delivery whose intent `record` writes (in the caller's transaction); nothing when it records none. */
  send(who: WatcherKey, context: string, record: () => number | undefined): Promise<void> {
    if (this.isBusy(who) || this.isHeld(who.platform)) return Promise.resolve();
    return this.track(who, async () => {
      const id = record();
      const row = id === undefined ? undefined : this.deps.store.delivery(id);
      if (row) await this.post(row, context, false);
    });
  }

  /**
   * Tries a message again: one waiting to retry once its time has come, or one another process
   * left half-sent. The mark lets the platform find a message that did arrive last time.
   */
  resume(deliveryId: number, context: string): Promise<void> {
    const { store, now } = this.deps;
    const row = store.delivery(deliveryId);
    if (!row || this.isBusy(row.watcher)) return Promise.resolve();
    return this.track(row.watcher, async () => {
      const claimed = store.transaction(() => {
        const current = store.delivery(deliveryId);
        if (!current || current.status === 'delivered' || current.status === 'failed') return undefined;
        if (current.nextAttemptAt && current.nextAttemptAt > now()) return undefined;
        store.startAttempt(deliveryId, now());
        return store.delivery(deliveryId);
      });
      if (claimed) await this.post(claimed, context, true);
    });
  }

  cancelRetries(): void {
    this.inFlight.cancelRetries();
  }

  /** Resolves once no message of this process is being posted. */
  idle(): Promise<void> {
    return this.inFlight.idle();
  }

  private track(who: WatcherKey, work: () => Promise<void>): Promise<void> {
    return this.inFlight.track(personKey(who), () =>
      work().catch((error: unknown) => this.deps.logger.error({ err: error, watcher: who }, 'sending a watch message crashed')),
    );
  }

  private async post(row: WatchDelivery, context: string, retry: boolean): Promise<void> {
    const { store, posters, now, logger } = this.deps;
    const poster = posters.get(row.watcher.platform);
    // Unsettled rows keep their message; one without it can never be sent, and must not hold the person's next.
    if (!row.view) {
      store.settle(row.id, 'failed', now(), 'the message was not kept');
      return;
    }
    if (!poster?.direct) return this.fail(row, new DeliveryError('retryable', `no ${row.watcher.platform} poster with direct messages is running in this process`));
    const mark: PostMark = {
      key: markKey(row),
      ...(retry ? { retryOf: row.createdAt } : {}),
      onLateAnswer: (note) => logger.warn({ delivery: row.id, watcher: row.watcher, note }, 'watch message answered late'),
    };
    let refs: string[];
    try {
      refs = [...row.messageRefs, ...(await poster.direct(row.watcher.userId, row.view, row.messageRefs.length, context, mark))];
    } catch (error) {
      if (error instanceof DeliveryError && error.delivered.length > 0) store.recordPosted(row.id, [...row.messageRefs, ...error.delivered], now());
      return this.fail(row, error);
    }
    store.transaction(() => {
      store.recordPosted(row.id, refs, now());
      store.settle(row.id, 'delivered', now());
    });
    this.release(row.watcher.platform);
  }

  /** A message went out: a hold on its platform is over, and the messages it kept follow. */
  private release(platform: PlatformName): void {
    if (this.heldUntil.delete(platform)) this.faults.accepted(platform);
  }

  /**
   * The platform refused Sitrep itself, as it will everyone: the message waits (never given up,
   * its changes kept) and is tried again with the usual back-off, new messages on the platform wait
   * with it, and the operator is told once what to fix, not once per person.
   */
  private hold(row: WatchDelivery, error: DeliveryError, fix: string): void {
    const { store, now, tasks } = this.deps;
    const at = now();
    const delay = retryDelay(this.retry, row.attempts, error);
    const until = new Date(at.getTime() + delay);
    store.retryLater(row.id, error.message, until, at);
    const platform = row.watcher.platform;
    this.faults.refused(platform, error.message, fix);
    const held = this.heldUntil.get(platform);
    this.heldUntil.set(platform, held && held > until ? held : until);
    const context = store.watcher(row.watcher)?.context ?? '';
    this.inFlight.retryAfter(tasks, delay, () => void this.resume(row.id, context));
  }

  private fail(row: WatchDelivery, error: unknown): void {
    const { store, now, logger, tasks } = this.deps;
    const at = now();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DeliveryError && error.operatorFix !== undefined) return this.hold(row, error, error.operatorFix);
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      store.transaction(() => {
        store.settle(row.id, 'failed', at, message);
        store.pause(row.watcher, message, at);
      });
      logger.warn({ watcher: row.watcher, error: message }, 'a watch message was refused for good; the watches are paused');
      return;
    }
    if (row.attempts >= this.retry.maxAttempts) {
      store.settle(row.id, 'failed', at, `gave up after ${row.attempts} attempts: ${message}`);
      logger.warn({ watcher: row.watcher, attempts: row.attempts, error: message }, 'a watch message gave up; the next one carries its changes');
      return;
    }
    const delay = retryDelay(this.retry, row.attempts, error);
    store.retryLater(row.id, message, new Date(at.getTime() + delay), at);
    logger.warn({ watcher: row.watcher, attempts: row.attempts, error: message, delay }, 'a watch message failed; will retry');
    const context = store.watcher(row.watcher)?.context ?? '';
    this.inFlight.retryAfter(tasks, delay, () => void this.resume(row.id, context));
  }
}
