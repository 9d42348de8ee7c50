// Actor lookups: by name or alias (folded), profiles, and who appears alongside whom.
import type { ActorMatch, ActorProfile, ActorSummary, CoActor } from '../core/domain.js';
import { matchRank } from '../core/ranking.js';
import { spelledAs } from '../core/same-spelling.js';
import { actorNameKey } from '../core/actor-name-key.js';
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

export function findActors(cache: StatementCache, query: string, limit: number): ActorMatch[] {
  const key = actorNameKey(query);
  // Keys are folded (lower case, no punctuation) on both sides, so a plain substring test is
  // the contains-match. Three characters or more are looked up by trigram; shorter ones test
  // every key on its covering index. Only matching names are then read from the table.
  const keys =
    [...key].length >= 3
      ? `SELECT actor_id, name_key FROM actor_name_trigrams WHERE name_key LIKE '%' || ? || '%'`
      : 'SELECT actor_id, name_key FROM actor_names WHERE instr(name_key, ?) > 0';
  const rows = cache
    .get(
      `WITH keys AS MATERIALIZED (${keys})
       SELECT a.id, a.name, a.kind, a.title, n.name AS matched FROM keys
       CROSS JOIN actor_names n ON n.actor_id = keys.actor_id AND n.name_key = keys.name_key
       CROSS JOIN actors a ON a.id = n.actor_id
       WHERE a.merged_into_id IS NULL`,
    )
    .all(key) as (ActorRow & { matched: string })[];
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

/**
 * Actors one of whose names folds to exactly this key: the cheap first try of a lookup. Each is
 * matched by its name spelled as the query when it has one, so the caller can tell a name typed
 * letter for letter from one its fold also matches.
 */
export function actorsNamed(cache: StatementCache, query: string): ActorMatch[] {
  const rows = cache
    .get(
      `SELECT a.id, a.name, a.kind, a.title, n.name AS matched FROM actor_names n INDEXED BY actor_names_key
       CROSS JOIN actors a ON a.id = n.actor_id
       WHERE n.name_key = ? AND a.merged_into_id IS NULL`,
    )
    .all(actorNameKey(query)) as (ActorRow & { matched: string })[];
  const byActor = new Map<number, ActorMatch>();
  for (const row of rows) {
    if (!byActor.has(row.id) || spelledAs(row.matched, query)) byActor.set(row.id, { ...toSummary(row), matchedName: row.matched, rank: 0 });
  }
  return [...byActor.values()].sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name));
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

/**
 * The actors sharing most live entries with this one, then by name. Reads the counts kept in
 * actor_pairs: only pairs at or above the limit-th best count are sorted, so ties at the cut
 * are still decided by name.
 */
export function coActors(cache: StatementCache, actorId: number, limit: number): CoActor[] {
  const rows = cache
    .get(
      `SELECT a.id, a.name, a.kind, a.title, p.shared
       FROM actor_pairs p INDEXED BY actor_pairs_by_shared CROSS JOIN actors a ON a.id = p.other_id
       WHERE p.actor_id = @actorId AND p.shared > 0
         AND p.shared >= coalesce((SELECT shared FROM actor_pairs INDEXED BY actor_pairs_by_shared
                                   WHERE actor_id = @actorId AND shared > 0 ORDER BY shared DESC LIMIT 1 OFFSET @limit - 1), 1)
       ORDER BY p.shared DESC, a.name LIMIT @limit`,
    )
    .all({ actorId, limit }) as (ActorRow & { shared: number })[];
  return rows.map((row) => ({ ...toSummary(row), sharedEntries: row.shared }));
}
