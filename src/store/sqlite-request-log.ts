// The request log in SQLite, so "never twice" also holds across restarts.
import type { ClaimResult, RequestLog } from '../core/request-log.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';

/**
 * A claim still without a reply after this long was abandoned: its command wrote nothing (every
 * change is one transaction) and the process died, or could not release the claim because
 * another writer held the store. A chat command answers within Discord's and Slack's 3 s, so a
 * redelivery after this may run it; before, it is told the first delivery is in progress.
 */
export const ABANDONED_CLAIM_MS = 30_000;

export class SqliteRequestLog implements RequestLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  claim(requestId: string, command: string, caller: string): ClaimResult {
    const now = this.now();
    const inserted = this.db
      .prepare(
        `INSERT INTO handled_requests (request_id, command, caller, view, handled_at) VALUES (@requestId, @command, @caller, NULL, @at)
         ON CONFLICT (request_id) DO UPDATE SET command = excluded.command, caller = excluded.caller, handled_at = excluded.handled_at
         WHERE handled_requests.view IS NULL AND handled_requests.handled_at < @abandonedBefore`,
      )
      .run({
        requestId,
        command,
        caller,
        at: now.toISOString(),
        abandonedBefore: new Date(now.getTime() - ABANDONED_CLAIM_MS).toISOString(),
      });
    if (inserted.changes === 1) return { state: 'new' };
    const view = this.db.prepare('SELECT view FROM handled_requests WHERE request_id = ?').pluck().get(requestId) as string | null;
    return { state: 'seen', view: view ? (JSON.parse(view) as View) : undefined };
  }

  complete(requestId: string, view: View): void {
    this.db.prepare('UPDATE handled_requests SET view = ? WHERE request_id = ?').run(JSON.stringify(view), requestId);
  }

  release(requestId: string): void {
    this.db.prepare('DELETE FROM handled_requests WHERE request_id = ?').run(requestId);
  }
}
