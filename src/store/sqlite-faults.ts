// SQLite's refusals of a file, by what they say of the file: read by backup and restore, and by
// start-up's messages, which the platform adapters share (so no SQLite module is imported here).
import { storeDiskFault } from '../core/errors.js';

/** What SQLite's refusal of a file says of the file: none for a refusal of another kind. */
export function sqliteFileFault(error: unknown): 'not-a-database' | 'damaged' | 'busy' | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return 'busy';
  return undefined;
}

/**
 * What SQLite's refusal of a file says of where it is kept: its disk is full or failing, or the
 * file (or its directory) could not be opened or written. None for a refusal of another kind.
 */
export function sqlitePlaceFault(error: unknown): 'full' | 'io' | 'cannot-open' | 'read-only' | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return 'read-only';
  return storeDiskFault(error);
}
