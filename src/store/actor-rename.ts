// Renaming an actor: the new name becomes its own, the old one an alias (or dropped), in one
// transaction with an edit revision holding the actor's state after.
import type { ChangeStamp } from '../core/domain.js';
import type { ActorRename } from '../core/editor-port.js';
import { UserError } from '../core/errors.js';
import { actorNameKey } from '../core/actor-name-key.js';
import { findMergedActor } from './actor-merges.js';
import type { Db } from './connection.js';
import { addName, assertNameFree, changedActorFields, readActorState, recordActor, takenName } from './actor-writes.js';

/**
 * Refuses a new name the actor cannot take: another live actor's name or alias (with the merge
 * that makes them one, if they are), or the own name of an actor merged into this one, which
 * /actors unmerge gives back to it. Then the checks every new name passes (a comma, a look-alike).
 */
function assertRenameFree(db: Db, actorId: number, from: string, newName: string): void {
  const key = actorNameKey(newName);
  const owner = db
    .prepare('SELECT a.name FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.name_key = ? AND a.merged_into_id IS NULL AND a.id <> ?')
    .pluck()
    .get(key, actorId) as string | undefined;
  if (owner !== undefined) {
    throw new UserError('conflict', `${takenName(newName, owner)}.`, [
      `See /actor ${owner}`,
      `If the two are one actor, fold this one into it: /actors merge from:"${from}" into:"${owner}"`,
    ], 'new_name');
  }
  const merged = findMergedActor(db, newName);
  if (merged !== undefined && merged.holderId === actorId && actorNameKey(merged.name) === key) {
    throw new UserError('conflict', `“${merged.name}” is the own name of the actor merged into ${from}, which /actors unmerge gives back to it, so ${from} cannot take it.`, [
      `To keep that actor and its name, take the merge back and fold ${from} into it: /actors unmerge name:"${merged.name}", then /actors merge from:"${from}" into:"${merged.name}"`,
    ], 'new_name');
  }
  try {
    assertNameFree(db, newName, actorId);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(error.code, error.message, error.hints, error.option ?? 'new_name', error.gathered);
    throw error;
  }
}

export function renameActor(db: Db, actorId: number, newName: string, keepOld: boolean, stamp: ChangeStamp): ActorRename {
  return db.transaction(() => {
    const before = readActorState(db, actorId);
    const from = before.name;
    if (newName === from) throw new UserError('invalid-option', `Nothing to change: ${from} already has that name.`, [], 'new_name');
    assertRenameFree(db, actorId, from, newName);
    const newKey = actorNameKey(newName);
    const respelled = newKey === actorNameKey(from);
    const alias = respelled
      ? undefined
      : (db.prepare('SELECT name FROM actor_names WHERE actor_id = ? AND name_key = ? AND is_primary = 0').pluck().get(actorId, newKey) as string | undefined);
    // The search index follows actor_names by its insert and delete triggers, each re-indexing
    // every entry of the actor: a name that stays a name only changes its flag, and a new
    // spelling is deleted and inserted so the index reads it.
    if (respelled || !keepOld) db.prepare('DELETE FROM actor_names WHERE actor_id = ? AND is_primary = 1').run(actorId);
    else db.prepare('UPDATE actor_names SET is_primary = 0 WHERE actor_id = ? AND is_primary = 1').run(actorId);
    if (alias === newName) {
      db.prepare('UPDATE actor_names SET is_primary = 1 WHERE actor_id = ? AND name_key = ?').run(actorId, newKey);
    } else {
      if (alias !== undefined) db.prepare('DELETE FROM actor_names WHERE actor_id = ? AND name_key = ?').run(actorId, newKey);
      addName(db, actorId, newName, true);
    }
    db.prepare('UPDATE actors SET name = ? WHERE id = ?').run(newName, actorId);
    const changed = changedActorFields(before, readActorState(db, actorId));
    recordActor(db, actorId, { action: 'edit', changedFields: changed, reason: `renamed from “${from}”` }, stamp);
    const oldName: ActorRename['oldName'] = respelled ? 'respelled' : keepOld ? 'alias' : 'dropped';
    return { from, to: newName, oldName, wasAlias: alias !== undefined };
  })();
}
