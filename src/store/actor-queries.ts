// Actor lookups: by name or alias (folded), profiles, and who appears alongside whom.
import type { ActorMatch, ActorProfile, ActorSummary, CoActor } from '../core/domain.js';
import { matchRank } from '../core/ranking.js';
import { foldKey } from '../core/text.js';
import type { ActorKind } from '../core/vocabulary.js';
import type { StatementCache } from './statement-cache.js';

interface ActorRow {
  id: number;
  name: string;
  kind: string;
  title: string | null;
}

function toSummary(row: ActorRow): ActorSummary {
  const actor: ActorSummary = { id: row.id, name: row.name, kind: row.kind as ActorKind };
  if (row.title) actor.title = row.title;
  return actor;
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likeContains(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function findActors(cache: StatementCache, query: string, limit: number): ActorMatch[] {
  const key = foldKey(query);
  const rows = cache
    .get(
      `SELECT a.id, a.name, a.kind, a.title, n.name AS matched FROM actor_names n
       JOIN actors a ON a.id = n.actor_id
       WHERE a.merged_into_id IS NULL AND n.name_key LIKE ? ESCAPE '\\'`,
    )
    .all(likeContains(key)) as (ActorRow & { matched: string })[];
  const best = new Map<number, ActorMatch>();
  for (const row of rows) {
    const rank = matchRank(row.matched, query) ?? 3;
    const previous = best.get(row.id);
    if (!previous || rank < previous.rank) best.set(row.id, { ...toSummary(row), matchedName: row.matched, rank });
  }
  return [...best.values()]
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export function allActorNames(cache: StatementCache): { actorId: number; name: string }[] {
  return cache
    .get(
      `SELECT n.actor_id AS actorId, n.name FROM actor_names n JOIN actors a ON a.id = n.actor_id
       WHERE a.merged_into_id IS NULL`,
    )
    .all() as { actorId: number; name: string }[];
}

export function actorProfile(cache: StatementCache, actorId: number): ActorProfile | undefined {
  const row = cache
    .get('SELECT id, name, kind, title, affiliation_id FROM actors WHERE id = ?')
    .get(actorId) as (ActorRow & { affiliation_id: number | null }) | undefined;
  if (!row) return undefined;
  const affiliation = row.affiliation_id
    ? (cache.get('SELECT id, name, kind, title FROM actors WHERE id = ?').get(row.affiliation_id) as ActorRow)
    : undefined;
  const aliases = cache
    .get('SELECT name FROM actor_names WHERE actor_id = ? AND is_primary = 0 ORDER BY name')
    .pluck()
    .all(actorId) as string[];
  const members = cache
    .get('SELECT id, name, kind, title FROM actors WHERE affiliation_id = ? AND merged_into_id IS NULL ORDER BY name')
    .all(actorId) as ActorRow[];
  const profile: ActorProfile = { ...toSummary(row), aliases, members: members.map(toSummary) };
  if (affiliation) profile.affiliation = toSummary(affiliation);
  return profile;
}

export function coActors(cache: StatementCache, actorId: number, limit: number): CoActor[] {
  const rows = cache
    .get(
      `SELECT a.id, a.name, a.kind, a.title, count(DISTINCT other.entry_id) AS shared
       FROM entry_actors mine
       JOIN entries e ON e.id = mine.entry_id AND e.deleted_at IS NULL
       JOIN entry_actors other ON other.entry_id = mine.entry_id AND other.actor_id <> mine.actor_id
       JOIN actors a ON a.id = other.actor_id
       WHERE mine.actor_id = ?
       GROUP BY a.id ORDER BY shared DESC, a.name LIMIT ?`,
    )
    .all(actorId, limit) as (ActorRow & { shared: number })[];
  return rows.map((row) => ({ ...toSummary(row), sharedEntries: row.shared }));
}
