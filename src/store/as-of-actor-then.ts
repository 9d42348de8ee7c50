// What an actor filter of a past view stands for (ActorThen): a merge moved the merged actor's
// names to the actor kept, so the name typed may have been another actor's own then, and the
// actors merged in after the instant were still their own.
import type { ActorThen } from '../core/as-of-port.js';
import { actorNameKey } from '../core/actor-name-key.js';
import type { MergeRecord } from './actor-merges.js';
import { ShownState } from './as-of-shown.js';
import type { StatementCache } from './statement-cache.js';

interface MergedActor {
  id: number;
  name: string;
  /** Every name its latest merge moved to the actor it was folded into. */
  names: string[];
}

/** The actors merged into this one now, directly or through others, earliest merge first. */
function actorsMergedIntoNow(cache: StatementCache, actorId: number): MergedActor[] {
  const rows = cache
    .get(
      `WITH RECURSIVE folded (id) AS (SELECT ? UNION SELECT a.id FROM actors a JOIN folded f ON a.merged_into_id = f.id)
       SELECT a.id, a.name, r.snapshot FROM folded f JOIN actors a ON a.id = f.id
       JOIN revisions r ON r.id = (SELECT max(id) FROM revisions WHERE entity = 'actor' AND entity_id = a.id AND action = 'merge')
       WHERE a.id <> ? AND a.merged_into_id IS NOT NULL ORDER BY r.id`,
    )
    .all(actorId, actorId) as { id: number; name: string; snapshot: string }[];
  return rows.map((row) => ({ id: row.id, name: row.name, names: (JSON.parse(row.snapshot) as MergeRecord).names }));
}

/**
 * The actor whose own name `name` is: `actorId` when it is its name, else the merged actor named
 * so, else the first merge that moved the name (later merges of a chain carry it on).
 */
function ownerOfName(cache: StatementCache, actorId: number, name: string, merged: readonly MergedActor[]): number {
  const key = actorNameKey(name);
  const ownName = cache.get('SELECT name FROM actors WHERE id = ?').pluck().get(actorId) as string | undefined;
  if (ownName !== undefined && actorNameKey(ownName) === key) return actorId;
  const named = merged.find((actor) => actorNameKey(actor.name) === key) ?? merged.find((actor) => actor.names.some((n) => actorNameKey(n) === key));
  return named?.id ?? actorId;
}

/** When the actor was added (its 'create' revision), if it has one. */
function addedAt(cache: StatementCache, actorId: number): { changedAt: string; at: string } | undefined {
  return cache
    .get(
      `SELECT changed_at AS changedAt, strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) AS at FROM revisions
       WHERE entity = 'actor' AND entity_id = ? AND action = 'create' ORDER BY id LIMIT 1`,
    )
    .get(actorId) as { changedAt: string; at: string } | undefined;
}

export function actorThen(cache: StatementCache, actorId: number, name: string, before: string): ActorThen {
  const shown = new ShownState(cache);
  const own = ownerOfName(cache, actorId, name, actorsMergedIntoNow(cache, actorId));
  const holder = shown.holder(own, 0, before);
  // Those that stood apart then and existed by then: an actor added since had no entries to miss.
  const mergedSince = actorsMergedIntoNow(cache, holder)
    .map((actor) => actor.id)
    .filter((id) => shown.holder(id, 0, before) === id && (addedAt(cache, id)?.at ?? '') < before);
  const added = addedAt(cache, own);
  return { own, holder, mergedSince, ...(added && added.at >= before ? { addedAfter: added.changedAt } : {}) };
}
