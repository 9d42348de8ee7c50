// How a running bot is known (migration 0012, bot_processes): each bot process keeps a row naming
// itself, renewed every 30 seconds and deleted when it stops, so `npm run restore` can refuse to
// swap the store from under it. A process killed outright leaves its row: it counts as stopped
// once not renewed for 90 seconds, or at once when it was on this host and its pid is gone.
import { hostname } from 'node:os';
import { isStoreBusy } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Db } from './connection.js';
import { processAlive } from './process-alive.js';

export const PRESENCE_RENEW_MS = 30_000;
export const PRESENCE_STALE_MS = 90_000;
/** Who may hold a busy store: often this bot's own feed checks, on their worker's connection. */
const BUSY_NOTE = ' (the store was busy with another write: a feed check, an import or a backup)';

export interface BotProcess {
  holder: string;
  host: string;
  pid: number;
  seenAt: string;
}

/** The bots running on the store now, by their rows. */
export function runningBots(db: Db, now: Date): BotProcess[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bot_processes'").get();
  if (!hasTable) return [];
  const rows = db.prepare('SELECT holder, host, pid, seen_at AS seenAt FROM bot_processes ORDER BY seen_at DESC').all() as BotProcess[];
  const here = hostname();
  return rows.filter((row) => now.getTime() - Date.parse(row.seenAt) < PRESENCE_STALE_MS && (row.host !== here || processAlive(row.pid)));
}

/**
 * Marks this process as a bot running on the store until stop(). A renewal that finds the store
 * busy (this bot's feed checks, an import) is skipped, and the log says the next one comes 30 seconds later.
 */
export function markBotRunning(db: Db, holder: string, logger: Logger, now: () => Date = () => new Date()): { stop(): void } {
  const started = now().toISOString();
  const upsert = db.prepare(
    `INSERT INTO bot_processes (holder, host, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (holder) DO UPDATE SET seen_at = excluded.seen_at`,
  );
  // A store held by another writer (a feed check, an import) costs a renewal or the goodbye, never the bot:
  // a row not renewed ages out, one left behind too.
  const attempt = (what: string, write: () => void, then: string) => {
    try {
      write();
    } catch (error) {
      logger.warn({ err: (error as Error).message }, `could not ${what} this bot process in bot_processes${isStoreBusy(error) ? BUSY_NOTE : ''}; ${then}`);
    }
  };
  const renew = () => attempt('renew', () => upsert.run(holder, hostname(), process.pid, started, now().toISOString()), `the next renewal, in ${PRESENCE_RENEW_MS / 1000} seconds, tries again`);
  renew();
  const timer = setInterval(renew, PRESENCE_RENEW_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      attempt('remove', () => db.prepare('DELETE FROM bot_processes WHERE holder = ?').run(holder), `its row counts as stopped once ${PRESENCE_STALE_MS / 1000} seconds old`);
    },
  };
}
