// Live actors with a name that folds to the same key as another live actor's: an upgrade that
// reads more spellings as one (migrations 0036, 0041: `Mhamed` and `M'hamed`, `حركه` and `حركة`)
// can leave two actors that were told apart read alike, so a lookup finds both.
import type { ActorsSharingNameKey } from '../core/actors-read-alike.js';
import type { Db } from './connection.js';

/** Each key two or more live actors share, with those actors, the most linked to entries first (then the oldest). */
export function actorsSharingNameKeys(db: Db): ActorsSharingNameKey[] {
  const rows = db
    .prepare(
      `WITH shared AS (
         SELECT n.name_key FROM actor_names n INDEXED BY actor_names_key JOIN actors a ON a.id = n.actor_id
         WHERE a.merged_into_id IS NULL GROUP BY n.name_key HAVING count(DISTINCT n.actor_id) > 1
       )
       SELECT DISTINCT s.name_key AS key, a.id, a.name, a.kind,
              (SELECT count(*) FROM entry_actors ea WHERE ea.actor_id = a.id) AS links
       FROM shared s JOIN actor_names n ON n.name_key = s.name_key JOIN actors a ON a.id = n.actor_id
       WHERE a.merged_into_id IS NULL
       ORDER BY s.name_key, links DESC, a.id`,
    )
    .all() as { key: string; id: number; name: string; kind: string; links: number }[];
  const byKey = new Map<string, ActorsSharingNameKey>();
  for (const { key, id, name, kind } of rows) {
    const group = byKey.get(key) ?? { key, actors: [] };
    group.actors.push({ id, name, kind });
    byKey.set(key, group);
  }
  return [...byKey.values()];
}
