// Start-up work that must be done once however many processes share the store (migrations, the
// seed): each piece takes the write lock before reading what is left to do, so a second process
// waits for the first, then finds the piece done and skips it.
import { isStoreBusy } from '../core/errors.js';
import type { Db } from './connection.js';

export interface LockWait {
  /** Called once, when another connection holds the write lock and this one starts waiting. */
  onWait?: () => void;
  /** How long to wait for the lock in all (another process's migrations take tens of seconds on a big store). */
  maxWaitMs?: number;
}

/** Another process migrating a big store holds the lock for tens of seconds; a store locked longer is refused. */
export const START_LOCK_WAIT_MS = 5 * 60_000;
/** Between two tries, so a connection with a short busy timeout does not spin. */
const RETRY_PAUSE_MS = 50;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` in an IMMEDIATE transaction, committed when it returns and rolled back when it
 * throws. The lock is waited for past the connection's busy timeout, up to `maxWaitMs`; then the
 * last SQLITE_BUSY is thrown.
 */
export function underWriteLock<T>(db: Db, work: () => T, wait: LockWait = {}): T {
  retryWhileBusy(() => db.exec('BEGIN IMMEDIATE'), wait);
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may have rolled back already (a full disk, an I/O error).
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Runs `work` again while it fails for another connection's lock, up to `maxWaitMs`; then the last SQLITE_BUSY is thrown. */
export function retryWhileBusy<T>(work: () => T, { onWait, maxWaitMs = START_LOCK_WAIT_MS }: LockWait): T {
  const started = Date.now();
  for (let waiting = false; ; ) {
    try {
      return work();
    } catch (error) {
      if (!isStoreBusy(error) || Date.now() - started >= maxWaitMs) throw error;
      if (!waiting) onWait?.();
      waiting = true;
      pause(RETRY_PAUSE_MS);
    }
  }
}
