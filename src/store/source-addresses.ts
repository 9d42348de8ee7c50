// Which live source watches a feed: at its address, at another form of it, or at an address the
// feed moved from (its server redirected there for good). Adding a feed, moving one by an edit
// and following a permanent redirect all ask, so that no feed is watched twice.
import { canonicalLink } from '../core/sources/item-key.js';
import type { MovedFrom, MovedTo, WatchedSource } from '../core/sources/watched-source.js';
import type { StatementCache } from './statement-cache.js';

/** The live source watching a feed, and how: at the very address, another form of it, or the address it moved from. */
export interface FeedWatcher {
  id: number;
  /** The address it reads the feed at. */
  url: string;
  topic: string;
  /** The address asked about is one it moved from. */
  movedFrom?: MovedFrom;
}

interface MoveRow {
  from_url: string;
  to_url: string;
  status: number;
  moved_at: string;
}

const movedFrom = (row: MoveRow): MovedFrom => ({ url: row.from_url, at: new Date(row.moved_at), status: row.status });

/**
 * The live source (other than `except`) watching the feed at `url`: http or https, capitals in the
 * host, the default port, a fragment, utm_* parameters or a trailing slash make no other feed, as
 * they make no other item (canonicalLink); nor does an address the feed moved from.
 */
export function feedWatcher(cache: StatementCache, url: string, except?: number): FeedWatcher | undefined {
  const key = canonicalLink(url);
  const same = (address: string) => address === url || (key !== undefined && canonicalLink(address) === key);
  const live = cache.get('SELECT id, url, topic FROM feed_sources WHERE removed_at IS NULL AND id IS NOT ? ORDER BY id').all(except ?? null) as FeedWatcher[];
  const watching = live.find((source) => source.url === url) ?? live.find((source) => same(source.url));
  if (watching) return watching;
  // The latest move from that address, of a source still reading where it moved.
  const moves = cache
    .get(
      `SELECT m.source_id AS id, s.url, s.topic, m.from_url, m.to_url, m.status, m.moved_at FROM feed_source_moves m JOIN feed_sources s ON s.id = m.source_id
       WHERE s.removed_at IS NULL AND s.id IS NOT ? ORDER BY m.id DESC`,
    )
    .all(except ?? null) as (MoveRow & Omit<FeedWatcher, 'movedFrom'>)[];
  const move = moves.find((row) => row.from_url === url) ?? moves.find((row) => same(row.from_url));
  return move && { id: move.id, url: move.url, topic: move.topic, movedFrom: movedFrom(move) };
}

/**
 * Moves the source to where its feed moved for good, noting the move with the check that followed
 * it; false, with nothing written, when another live source watches that address.
 */
export function moveSource(cache: StatementCache, source: WatchedSource, movedTo: MovedTo, at: Date, checkId: number): boolean {
  if (feedWatcher(cache, movedTo.url, source.id) !== undefined) return false;
  cache.get('UPDATE feed_sources SET url = ? WHERE id = ?').run(movedTo.url, source.id);
  cache
    .get('INSERT INTO feed_source_moves (source_id, from_url, to_url, status, moved_at, check_id) VALUES (?, ?, ?, ?, ?, ?)')
    .run(source.id, source.url, movedTo.url, movedTo.status, at.toISOString(), checkId);
  return true;
}

/** The move that brought each source to the address it reads now, by source. */
export function currentMoves(cache: StatementCache, sourceIds: readonly number[]): Map<number, MovedFrom> {
  const rows = cache
    .get(
      `SELECT m.source_id AS id, m.from_url, m.to_url, m.status, m.moved_at FROM feed_source_moves m JOIN feed_sources s ON s.id = m.source_id
       WHERE m.source_id IN (SELECT value FROM json_each(?)) AND m.to_url = s.url ORDER BY m.id`,
    )
    .all(JSON.stringify(sourceIds)) as (MoveRow & { id: number })[];
  // The latest wins: a feed that moved back and forth reads where its last move led.
  return new Map(rows.map((row) => [row.id, movedFrom(row)]));
}

/** The moves the checks followed, by check. */
export function checkMoves(cache: StatementCache, checkIds: readonly number[]): Map<number, MovedFrom> {
  const rows = cache
    .get('SELECT check_id AS id, from_url, to_url, status, moved_at FROM feed_source_moves WHERE check_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(checkIds)) as (MoveRow & { id: number })[];
  return new Map(rows.map((row) => [row.id, movedFrom(row)]));
}
