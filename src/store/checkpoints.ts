// Who copies the write-ahead log back into the store file. SQLite has the connection whose commit
// takes the log past 1,000 pages do it, and waits for the file to reach the disk: up to tens of
// ms of a thread's time. While the checks' worker writes (a check cycle), its connection commits
// most and does them; the bot's thread leaves them to it, and takes them up again once the worker
// stops. Should the worker fall far behind (a machine whose cores other programs keep busy), the
// bot's connection still checkpoints once the log is ten times that long, so it cannot grow
// unchecked.
import type { Db } from './connection.js';

/** SQLite's own default: a checkpoint once the log holds this many pages. */
export const CHECKPOINT_PAGES = 1000;
/** While another connection checkpoints: only if it falls this far behind. */
export const CHECKPOINT_PAGES_LEFT_TO_OTHERS = 10 * CHECKPOINT_PAGES;

/** `elsewhere`: another connection of this process checkpoints for now, and `db` only if that one falls far behind. */
export function leaveCheckpoints(db: Db, elsewhere: boolean): void {
  if (db.open) db.pragma(`wal_autocheckpoint = ${elsewhere ? CHECKPOINT_PAGES_LEFT_TO_OTHERS : CHECKPOINT_PAGES}`);
}
