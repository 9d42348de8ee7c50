// The digest repositories over one connection, with the transaction helper the scheduler uses
// to make each step of a delivery atomic: the SQLite side of the scheduler's DigestStore port.
import type { DigestStore } from '../core/digest/store-port.js';
import type { Db } from './connection.js';
import { SqliteDigestChanges, type ChangeReaderOptions } from './digest-changes.js';
import { SqliteDeliveries } from './digest-deliveries.js';
import { SqliteLeases } from './digest-leases.js';
import { SqliteSubscriptions } from './digest-subscriptions.js';
import { SqliteTrendCalls } from './trend-calls.js';

/** The port with its concrete repositories, for the tools and tests that read more than the scheduler does. */
export interface SqliteDigestStore extends DigestStore {
  subscriptions: SqliteSubscriptions;
  deliveries: SqliteDeliveries;
  changes: SqliteDigestChanges;
  leases: SqliteLeases;
  trends: SqliteTrendCalls;
}

export function createDigestStore(db: Db, options: ChangeReaderOptions = {}): SqliteDigestStore {
  return {
    subscriptions: new SqliteSubscriptions(db),
    deliveries: new SqliteDeliveries(db),
    changes: new SqliteDigestChanges(db, options),
    leases: new SqliteLeases(db),
    trends: new SqliteTrendCalls(db),
    // IMMEDIATE takes the write lock up front, so two processes never interleave.
    transaction: <T>(work: () => T): T => (db.inTransaction ? work() : db.transaction(work).immediate()),
  };
}
