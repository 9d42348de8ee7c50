// The request log in SQLite, so "never twice" also holds across restarts.
import type { ClaimResult, RequestLog } from '../core/request-log.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';

export class SqliteRequestLog implements RequestLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  claim(requestId: string, command: string, caller: string): ClaimResult {
    const inserted = this.db
      .prepare(
        `INSERT INTO handled_requests (request_id, command, caller, view, handled_at) VALUES (?, ?, ?, NULL, ?)
         ON CONFLICT (request_id) DO NOTHING`,
      )
      .run(requestId, command, caller, this.now().toISOString());
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
