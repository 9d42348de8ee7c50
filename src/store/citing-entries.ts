// Which live entries cite these addresses as one of their sources: the oldest of each, by address
// (an import's rows matched to stored entries, a feed item already in the dossier).
import type { Statement } from 'better-sqlite3';

const CITING = `SELECT j.value, min(s.entry_id) FROM json_each(?) j JOIN sources s ON s.url = j.value
  JOIN entries e ON e.id = s.entry_id AND e.deleted_at IS NULL GROUP BY j.value`;

/** `prepare`: the caller's way to a statement (a StatementCache's, or the connection's own). */
export function citingEntries(prepare: (sql: string) => Statement, urls: readonly string[]): Map<string, number> {
  if (urls.length === 0) return new Map();
  return new Map(prepare(CITING).raw().all(JSON.stringify([...new Set(urls)])) as [string, number][]);
}
