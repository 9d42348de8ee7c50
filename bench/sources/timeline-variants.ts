// The /timeline requests the sources benchmark sends while feeds are checked: the shapes users
// send most, with parameters from the store (its largest topic, a heavily covered actor).
import type { Db } from '../../src/store/connection.js';
import type { TimelineArgs } from './timeline-probe.js';

export function pickVariants(db: Db): TimelineArgs[] {
  const topic = db.prepare('SELECT topic FROM entries WHERE deleted_at IS NULL AND id % 50 = 0 GROUP BY topic ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  // A sample of the links is enough to find an actor with many entries.
  const actor = db
    .prepare('SELECT a.name FROM entry_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.entry_id % 50 = 0 GROUP BY ea.actor_id ORDER BY count(*) DESC LIMIT 1 OFFSET 5')
    .pluck()
    .get() as string;
  return [{}, { page: '5' }, { topic }, { type: 'talks' }, { actor }, { topic, since: '2024' }];
}
