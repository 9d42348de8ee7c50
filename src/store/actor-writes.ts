// Creating actors with their names and aliases; each creation writes its revision in the same
// transaction.
import type { ActorInput, ChangeStamp } from '../core/domain.js';
import { foldKey } from '../core/text.js';
import type { Db } from './connection.js';
import { writeRevision } from './revisions.js';

export function insertActor(db: Db, input: ActorInput, stamp: ChangeStamp): number {
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO actors (name, kind, title, affiliation_id, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.name, input.kind, input.title ?? null, input.affiliationId ?? null, stamp.at, stamp.by, stamp.at, stamp.by);
    const actorId = Number(lastInsertRowid);
    const addName = db.prepare(
      'INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, ?)',
    );
    addName.run(actorId, input.name, foldKey(input.name), 1);
    for (const alias of input.aliases) addName.run(actorId, alias, foldKey(alias), 0);
    writeRevision(db, { entity: 'actor', entityId: actorId, action: 'create', snapshot: input }, stamp);
    return actorId;
  })();
}
