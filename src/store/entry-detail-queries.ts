// Single-entry reads: one live entry in full (with its claims), or what is left to say of a removed one.
import type { EntryDetail, RemovedEntry } from '../core/domain.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, SOURCES_OF_ENTRY, toSourceRecord, type EntryRow, type SourceRow } from './entry-rows.js';
import { claimDetails } from './entry-claims.js';
import type { StatementCache } from './statement-cache.js';

interface DetailRow extends EntryRow {
  summary: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function queryRemovedEntry(cache: StatementCache, id: number): RemovedEntry | undefined {
  return cache
    .get(
      `SELECT id, title, deleted_at AS removedAt, deleted_by AS removedBy, coalesce(delete_reason, '') AS reason
       FROM entries WHERE id = ? AND deleted_at IS NOT NULL`,
    )
    .get(id) as RemovedEntry | undefined;
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
  const sources = cache.get(SOURCES_OF_ENTRY).all(id) as SourceRow[];
  const tags = cache.get('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag').pluck().all(id) as string[];
  const revisionCount = cache
    .get("SELECT count(*) FROM revisions WHERE entity = 'entry' AND entity_id = ?")
    .pluck()
    .get(id) as number;
  return {
    ...summary!,
    summary: row.summary,
    tags,
    sources: sources.map(toSourceRecord),
    claims: claimDetails(cache, id),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    revisionCount,
  };
}
