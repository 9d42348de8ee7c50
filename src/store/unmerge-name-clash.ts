// The refusal of an unmerge whose actor's own name the actor holding its links has taken since
// (renamed to it, or merged on into an actor of that name): giving the folded actor a made-up
// name instead would rename it on every entry it comes back to, unasked.
import { UserError } from '../core/errors.js';
import { actorNameKey } from '../core/actor-name-key.js';
import type { Db } from './connection.js';

/** The name the actor had before it took `taken`, read from its revisions; undefined if it always had it. */
function nameBefore(db: Db, actorId: number, taken: string): string | undefined {
  const names = db
    .prepare("SELECT json_extract(snapshot, '$.name') FROM revisions WHERE entity = 'actor' AND entity_id = ? ORDER BY id DESC")
    .pluck()
    .all(actorId) as (string | null)[];
  return names.find((name): name is string => typeof name === 'string' && actorNameKey(name) !== actorNameKey(taken));
}

/**
 * `name` is the folded actor's own name and now the own name of the actor holding its links
 * (`holderId`); `free` is a name it could come back under instead. The fixes: give the holder
 * another name (the one it had before, when it had one), or bring the actor back as `free`.
 */
export function holderTookName(db: Db, name: string, holderId: number, free: string): UserError {
  const before = nameBefore(db, holderId, name);
  const rename = before === undefined
    ? `Give that actor another name first: /actors edit name:"${name}" new_name:NAME, then /actors unmerge name:"${name}"`
    : `Give that actor back the name it had before first: /actors edit name:"${name}" new_name:"${before}", then /actors unmerge name:"${name}"`;
  return new UserError('conflict', `The actor ${name} was merged into is now called “${name}” itself, so the merged ${name} cannot come back under that name.`, [
    rename,
    `Or bring the merged ${name} back under another name: /actors unmerge name:"${name}" as:"${free}"`,
  ], 'name');
}
