// Timeline and single-entry reads.
import type { EntryDetail, SourceRecord } from '../core/domain.js';
import type { Page, TimelineQuery } from '../core/ports.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, type EntryRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';

/** Counting every match of a broad query would cost more than the page itself; stop here. */
export const COUNT_CAP = 1000;

function timelineWhere(query: TimelineQuery): { sql: string; params: unknown[] } {
  const clauses = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (query.topic !== undefined) {
    clauses.push('e.topic = ?');
    params.push(query.topic);
  }
  if (query.eventType !== undefined) {
    clauses.push('e.event_type = ?');
    params.push(query.eventType);
  }
  if (query.since !== undefined) {
    clauses.push('e.day_to >= ?');
    params.push(query.since);
  }
  if (query.until !== undefined) {
    clauses.push('e.day_from <= ?');
    params.push(query.until);
  }
  if (query.actorId !== undefined) {
    clauses.push('e.id IN (SELECT entry_id FROM entry_actors WHERE actor_id = ?)');
    params.push(query.actorId);
  }
  if (query.placeKey !== undefined) {
    clauses.push(
      'e.id IN (SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE p.place_key = ?)',
    );
    params.push(query.placeKey);
  }
  return { sql: clauses.join(' AND '), params };
}

export function queryTimeline(cache: StatementCache, query: TimelineQuery): Page<ReturnType<typeof hydrateEntries>[number]> {
  const where = timelineWhere(query);
  const rows = cache
    .get(`SELECT ${ENTRY_ROW_COLUMNS} FROM entries e WHERE ${where.sql} ORDER BY e.day_from DESC, e.id DESC LIMIT ? OFFSET ?`)
    .all(...where.params, query.limit, query.offset) as EntryRow[];
  const counted = cache
    .get(`SELECT count(*) AS n FROM (SELECT 1 FROM entries e WHERE ${where.sql} LIMIT ?)`)
    .get(...where.params, COUNT_CAP + 1) as { n: number };
  return {
    items: hydrateEntries(cache, rows),
    total: Math.min(counted.n, COUNT_CAP),
    totalIsLowerBound: counted.n > COUNT_CAP,
  };
}

interface DetailRow extends EntryRow {
  summary: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function queryEntry(cache: StatementCache, id: number): EntryDetail | undefined {
  const row = cache
    .get(
      `SELECT ${ENTRY_ROW_COLUMNS}, e.summary, e.created_at, e.created_by, e.updated_at, e.updated_by
       FROM entries e WHERE e.id = ? AND e.deleted_at IS NULL`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) return undefined;
  const [summary] = hydrateEntries(cache, [row]);
  const sources = cache
    .get('SELECT outlet, url, attribution, published_on FROM sources WHERE entry_id = ? ORDER BY position')
    .all(id) as { outlet: string; url: string | null; attribution: string | null; published_on: string | null }[];
  const tags = cache.get('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag').pluck().all(id) as string[];
  const revisionCount = cache
    .get("SELECT count(*) FROM revisions WHERE entity = 'entry' AND entity_id = ?")
    .pluck()
    .get(id) as number;
  return {
    ...summary!,
    summary: row.summary,
    tags,
    sources: sources.map((s) => {
      const source: SourceRecord = { outlet: s.outlet };
      if (s.url) source.url = s.url;
      if (s.attribution) source.attribution = s.attribution;
      if (s.published_on) source.published = s.published_on;
      return source;
    }),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    revisionCount,
  };
}
