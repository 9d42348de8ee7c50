// The scheduler lease: per platform, one row naming the process that schedules its digests
// until the lease expires. Holders renew well before expiry; others stand by and take over —
// at once when the holder is a process of this host that is gone (killed outright).
import type { LeaseState, SchedulerLeases } from '../core/digest/store-port.js';
import type { Db } from './connection.js';
import { holderIsGone } from './lease-holders.js';
import { StatementCache } from './statement-cache.js';

export class SqliteLeases implements SchedulerLeases {
  private readonly cache: StatementCache;

  /** `isGone`: whether a holder's process no longer runs, so its lease is void before it expires. */
  constructor(
    private readonly db: Db,
    private readonly isGone: (holder: string) => boolean = holderIsGone,
  ) {
    this.cache = new StatementCache(db);
  }

  /** Takes or renews the lease unless another holder's is still valid and its process still runs. */
  acquire(scope: string, holder: string, now: Date, ttlMs: number): LeaseState {
    const run = this.db.transaction((): LeaseState => {
      const row = this.cache.get('SELECT holder, expires_at FROM digest_leases WHERE scope = ?').get(scope) as
        | { holder: string; expires_at: string }
        | undefined;
      if (row && row.holder !== holder && new Date(row.expires_at) > now && !this.isGone(row.holder)) {
        return { held: false, holder: row.holder, expiresAt: new Date(row.expires_at) };
      }
      const expiresAt = new Date(now.getTime() + ttlMs);
      this.cache
        .get(
          `INSERT INTO digest_leases (scope, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (scope) DO UPDATE SET expires_at = excluded.expires_at,
             acquired_at = CASE WHEN holder = excluded.holder THEN acquired_at ELSE excluded.acquired_at END,
             holder = excluded.holder`,
        )
        .run(scope, holder, now.toISOString(), expiresAt.toISOString());
      const state: LeaseState = { held: true, holder, expiresAt };
      if (row && row.holder !== holder) state.tookOverFrom = row.holder;
      return state;
    });
    return run.immediate();
  }

  /** Whether `holder` holds a valid lease: checked inside each delivery's intent transaction. */
  holds(scope: string, holder: string, now: Date): boolean {
    const expires = this.cache
      .get('SELECT expires_at FROM digest_leases WHERE scope = ? AND holder = ?')
      .pluck()
      .get(scope, holder) as string | undefined;
    return expires !== undefined && new Date(expires) > now;
  }

  /** Gives the lease up at once so a standby can take over without waiting for expiry. */
  release(scope: string, holder: string, now: Date): void {
    this.cache.get('UPDATE digest_leases SET expires_at = ? WHERE scope = ? AND holder = ?').run(now.toISOString(), scope, holder);
  }
}
