// Who copies the write-ahead log back into the store file. SQLite has the connection whose commit
// takes the log past 1,000 pages do it, and waits for the file to reach the disk: up to tens of
// ms of a thread's time. While the checks' worker writes (a check cycle), its connection commits
// most and does them; the bot's thread leaves them to it, and takes them up again once the worker
// stops.
import type { Db } from './connection.js';

/** SQLite's own default: a checkpoint once the log holds this many pages. */
const CHECKPOINT_PAGES = 1000;

/** `elsewhere`: another connection of this process checkpoints for now, and `db` does none. */
export function leaveCheckpoints(db: Db, elsewhere: boolean): void {
  if (db.open) db.pragma(`wal_autocheckpoint = ${elsewhere ? 0 : CHECKPOINT_PAGES}`);
}
