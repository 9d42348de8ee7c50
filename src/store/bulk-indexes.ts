// Rebuilding an index costs time in proportion to the whole table but sorts once; updating it
// row by row costs several times more per row. So a load that is large against what is stored
// drops the secondary indexes of the tables it writes and creates them again at the end (inside
// its transaction, so a killed load still leaves everything as it was).
import type { Db } from './connection.js';

/** The tables an entry load writes, with what its triggers (or it, once) derive from them. */
export const LOADED_TABLES = [
  'entries', 'entry_actors', 'entry_places', 'sources', 'entry_tags', 'revisions',
  'entry_areas', 'entry_spans', 'entry_actor_spans', 'entry_place_spans',
];

/** Indexes a trigger names (INDEXED BY): its statements could not be prepared without them. */
function indexesTriggersName(db: Db): Set<string> {
  const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  return new Set(triggers.flatMap((sql) => [...sql.matchAll(/INDEXED BY\s+"?(\w+)/gi)].map((m) => m[1]!)));
}

/**
 * Drops the secondary indexes of `tables` but those triggers name; returns the statements that
 * create them again.
 */
export function dropSecondaryIndexes(db: Db, tables: readonly string[] = LOADED_TABLES): string[] {
  const named = indexesTriggersName(db);
  const indexes = (
    db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { name: string; sql: string }[]
  ).filter((index) => !named.has(index.name));
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return indexes.map((i) => i.sql);
}
