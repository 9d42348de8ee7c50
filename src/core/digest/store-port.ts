// What the digest scheduler needs from the store, as one port: subscriptions, the delivery log,
// the change log and the per-platform leases, with a transaction around several of them. The
// store implements it; the composition root hands the concrete one to the scheduler.
import type { TrendCalls } from '../trend-port.js';
import type { ChangeSet } from './changes.js';
import type { DeliveryLog } from './delivery-log-port.js';
import type { NewEntries } from './new-entries.js';
import type { DigestSubscriptions } from './subscriptions-port.js';

/** What changed in the dossier, by change cursor (revision id). */
export interface ChangeReader {
  /** The newest cursor: the one a digest taken now runs up to. */
  latestCursor(): number;
  /** Everything that changed after `from` up to and including `to`. */
  between(from: number, to: number): ChangeSet;
  /**
   * Each entry's spans of the log up to `upTo` in which it stood live, as [the revision that
   * created or restored it, the one that removed it (or none)], ascending.
   */
  liveSpans(entryIds: readonly number[], upTo: number): Map<number, [number, number | undefined][]>;
  /** The range's new entries counted for digest cards; undefined when it is too large to list. */
  newEntries(from: number, to: number): NewEntries | undefined;
  /** Drops what it caches once no digest was composed for `idleMs`; true if it did. */
  releaseIfIdle(idleMs: number): boolean;
}

export interface LeaseState {
  held: boolean;
  holder: string;
  expiresAt: Date;
  /** When this call took the lease over from another holder, who that was. */
  tookOverFrom?: string;
}

/** Per scope (a platform), the one process that schedules its digests until the lease expires. */
export interface SchedulerLeases {
  /** Takes or renews the lease unless another holder's is still valid. */
  acquire(scope: string, holder: string, now: Date, ttlMs: number): LeaseState;
  /** Whether `holder` holds a valid lease: checked inside each delivery's intent transaction. */
  holds(scope: string, holder: string, now: Date): boolean;
  /** Gives the lease up at once, so a standby can take over without waiting for expiry. */
  release(scope: string, holder: string, now: Date): void;
}

export interface DigestStore {
  subscriptions: DigestSubscriptions;
  deliveries: DeliveryLog;
  changes: ChangeReader;
  leases: SchedulerLeases;
  /** The trend calls digests open with. */
  trends: Pick<TrendCalls, 'latestByTopic'>;
  /** Runs `work` in one transaction that takes the write lock up front, so two processes never interleave. */
  transaction<T>(work: () => T): T;
}
