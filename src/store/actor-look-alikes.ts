// Refuses a new actor name or alias that could pass for another live actor's (see
// core/look-alike-names): the one check every path that adds a name goes through.
import { LOOK_ALIKE_RANGE, skeletonKey } from '../core/look-alike-letters.js';
import { lookAlikeNameError, type LookAlikeName } from '../core/look-alike-names.js';
import type { Db } from './connection.js';

const LIVE_NAMES = `SELECT n.name, a.name AS actor FROM actor_names n JOIN actors a ON a.id = n.actor_id
  WHERE a.merged_into_id IS NULL AND a.id IS NOT ?`;

/**
 * A live name, of an actor other than `exceptActorId`, with the skeleton given. A name without
 * Greek or Cyrillic letters is its own skeleton, so its key is looked up; those with some are
 * few (found by their key's letters) and each one's skeleton is made.
 */
function heldLookAlike(db: Db, skeleton: string, exceptActorId: number | null): LookAlikeName | undefined {
  const keyed = db.prepare(`${LIVE_NAMES} AND n.name_key = ?`).all(exceptActorId, skeleton) as LookAlikeName[];
  const lettered = db.prepare(`${LIVE_NAMES} AND n.name_key GLOB ?`).all(exceptActorId, `*[${LOOK_ALIKE_RANGE}]*`) as LookAlikeName[];
  return [...keyed, ...lettered].find((held) => skeletonKey(held.name) === skeleton);
}

/** Throws the refusal of a name that mixes alphabets in a word, or looks like another actor's. */
export function assertNoLookAlike(db: Db, name: string, exceptActorId?: number): void {
  const error = lookAlikeNameError(name, (skeleton) => heldLookAlike(db, skeleton, exceptActorId ?? null));
  if (error) throw error;
}
