// Reading claims: an entry's, as stored (for its state and revisions) or as shown (actors named as
// they stand now), and an actor's across the dossier.
import type { ActorClaim, ClaimDetail, ClaimInput } from '../core/domain.js';
import { parsePartialDate } from '../core/partial-date.js';
import type { Page } from '../core/ports.js';
import type { ClaimStance } from '../core/vocabulary.js';
import { toSourceRecord, type SourceRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';

interface ClaimRow extends SourceRow {
  actor_id: number;
  stance: string;
  claimed_on: string;
  note: string | null;
}

const CLAIM_COLUMNS = 'c.actor_id, c.stance, c.claimed_on, c.outlet, c.url, c.attribution, c.grade, c.note';
const CLAIMS_OF_ENTRY = `SELECT ${CLAIM_COLUMNS} FROM entry_claims c WHERE c.entry_id = ? ORDER BY c.position`;

function toClaim(row: ClaimRow): ClaimInput {
  const claim: ClaimInput = {
    actorId: row.actor_id,
    stance: row.stance as ClaimStance,
    date: parsePartialDate(row.claimed_on)!,
    source: toSourceRecord(row),
  };
  if (row.note) claim.note = row.note;
  return claim;
}

/** The entry's claims as its state holds them: each with the actor id it was recorded with. */
export function readClaims(cache: StatementCache, entryId: number): ClaimInput[] {
  return (cache.get(CLAIMS_OF_ENTRY).all(entryId) as ClaimRow[]).map(toClaim);
}

/** The entry's claims as shown: an actor merged since is named as the actor it went into. */
export function claimDetails(cache: StatementCache, entryId: number): ClaimDetail[] {
  const rows = cache.get(CLAIMS_OF_ENTRY).all(entryId) as ClaimRow[];
  if (rows.length === 0) return [];
  const actor = cache.get('SELECT name, merged_into_id FROM actors WHERE id = ?');
  const liveName = (id: number): string => {
    let current = actor.get(id) as { name: string; merged_into_id: number | null };
    // The bound only guards against a corrupt cycle.
    for (let hop = 0; hop < 64 && current.merged_into_id !== null; hop++) current = actor.get(current.merged_into_id) as typeof current;
    return current.name;
  };
  return rows.map((row) => ({ ...toClaim(row), actorName: liveName(row.actor_id) }));
}

/** The claims an actor made (under its own id or that of an actor merged into it), latest first, on live entries. */
export function claimsByActor(cache: StatementCache, actorId: number, limit: number): Page<ActorClaim> {
  const rows = cache
    .get(
      `WITH RECURSIVE folded (id) AS (SELECT ? UNION SELECT a.id FROM actors a JOIN folded f ON a.merged_into_id = f.id)
       SELECT ${CLAIM_COLUMNS}, c.entry_id, e.title, count(*) OVER () AS total
       FROM entry_claims c JOIN entries e ON e.id = c.entry_id AND e.deleted_at IS NULL
       WHERE c.actor_id IN (SELECT id FROM folded)
       ORDER BY c.claimed_on DESC, c.entry_id DESC, c.position LIMIT ?`,
    )
    .all(actorId, limit) as (ClaimRow & { entry_id: number; title: string; total: number })[];
  const items = rows.map((row) => ({ ...toClaim(row), entryId: row.entry_id, entryTitle: row.title }));
  return { items, total: rows[0]?.total ?? 0, totalIsLowerBound: false };
}
