// The actor directory for /actors list: live actors by name, with how many entries name them.
import type { ActorListItem } from '../core/domain.js';
import type { Page } from '../core/ports.js';
import type { ActorKind } from '../core/vocabulary.js';
import type { StatementCache } from './statement-cache.js';

export function listActors(cache: StatementCache, kind: ActorKind | undefined, limit: number, offset: number): Page<ActorListItem> {
  const where = kind ? 'a.merged_into_id IS NULL AND a.kind = ?' : 'a.merged_into_id IS NULL';
  const params = kind ? [kind] : [];
  const rows = cache
    .get(
      `SELECT a.id, a.name, a.kind, a.title,
         (SELECT count(DISTINCT ea.entry_id) FROM entry_actors ea JOIN entries e ON e.id = ea.entry_id
          WHERE ea.actor_id = a.id AND e.deleted_at IS NULL) AS entryCount
       FROM actors a WHERE ${where} ORDER BY a.name COLLATE NOCASE LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as { id: number; name: string; kind: ActorKind; title: string | null; entryCount: number }[];
  const total = cache.get(`SELECT count(*) FROM actors a WHERE ${where}`).pluck().get(...params) as number;
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, entryCount: r.entryCount, ...(r.title ? { title: r.title } : {}) })),
    total,
    totalIsLowerBound: false,
  };
}
