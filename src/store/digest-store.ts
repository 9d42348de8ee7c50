// The digest repositories over one connection, with the transaction helper the scheduler uses
// to make each step of a delivery atomic.
import type { Db } from './connection.js';
import { SqliteDigestChanges, type ChangeReaderOptions } from './digest-changes.js';
import { SqliteDeliveries } from './digest-deliveries.js';
import { SqliteLeases } from './digest-leases.js';
import { SqliteSubscriptions } from './digest-subscriptions.js';

export interface DigestStore {
  subscriptions: SqliteSubscriptions;
  deliveries: SqliteDeliveries;
  changes: SqliteDigestChanges;
  leases: SqliteLeases;
  /** Runs `work` in an IMMEDIATE transaction: it takes the write lock up front, so two processes never interleave. */
  transaction<T>(work: () => T): T;
}

export function createDigestStore(db: Db, options: ChangeReaderOptions = {}): DigestStore {
  return {
    subscriptions: new SqliteSubscriptions(db),
    deliveries: new SqliteDeliveries(db),
    changes: new SqliteDigestChanges(db, options),
    leases: new SqliteLeases(db),
    transaction: <T>(work: () => T): T => (db.inTransaction ? work() : db.transaction(work).immediate()),
  };
}
