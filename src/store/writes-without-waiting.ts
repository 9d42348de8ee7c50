// Store work that fails at once when another connection is writing, instead of holding the
// thread in SQLite's busy wait: the caller tries again on a later turn of the event loop (see
// Turns), and the replies waiting meanwhile are answered. For background work on the bot's
// thread (posting review cards) while the checks' worker writes to the same store.
import { isStoreBusy } from '../core/errors.js';
import type { TurnsOptions } from '../core/turns.js';
import type { Db } from './connection.js';

/**
 * Turns options for `db`: each piece runs with no busy wait, and is tried again as long as the
 * connection's own wait would have lasted; once `db` is closed (the process ending), the pieces
 * still queued are not run (each is answered with TurnsEnded) rather than failing on the closed connection.
 */
export function withoutWaiting(db: Db): Required<TurnsOptions> {
  const waitMs = db.pragma('busy_timeout', { simple: true }) as number;
  return {
    run: (work) => {
      db.pragma('busy_timeout = 0');
      try {
        return work();
      } finally {
        db.pragma(`busy_timeout = ${waitMs}`);
      }
    },
    // Busy or locked: nothing was written, the same work may run again.
    retryable: isStoreBusy,
    retryForMs: waitMs,
    ended: () => !db.open,
  };
}

