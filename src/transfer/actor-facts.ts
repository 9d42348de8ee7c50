// Every stored actor's kind and affiliation, which side an actor takes in ACLED's columns (and
// which actor type it has) is read from: by the ACLED export, the CSV export and the import's
// check of the CSV's ACLED-named copies.
import type { Db } from '../store/connection.js';
import type { ActorKind } from '../core/vocabulary.js';
import type { ActorFacts } from './acled-sides.js';

export function storedActorFacts(db: Db): Map<number, ActorFacts> {
  const rows = db.prepare('SELECT id, kind, affiliation_id FROM actors').raw().all() as [number, ActorKind, number | null][];
  return new Map(rows.map(([id, kind, affiliationId]) => [id, { kind, affiliationId }]));
}
