// A bulk load of new entries drops the insert triggers of the tables it writes and does their
// work itself, once and set-based, for the whole load (indexEntriesForSearch, the actor-pairs
// count, fillSpansAndAreas); the links carry their copies of the entry's columns already. Row by
// row, those triggers cost a load most of its write time. They are created again before the
// load's transaction ends, so a killed load leaves them as they were.
import type { Db } from './connection.js';

/** The insert triggers whose work a bulk load of new entries does itself, and where. */
const REDONE_BY_THE_LOAD: Record<string, string> = {
  entries_search_insert: 'search index',
  entry_actors_search_insert: 'search index',
  entry_places_search_insert: 'search index',
  entry_actors_fill_copies: 'copies written with the link',
  entry_places_fill_copies: 'copies written with the link',
  entry_actors_pair: 'actor pairs',
  revisions_entry_spans: 'as-of spans',
  entry_places_add_areas: 'entry areas',
};

/** Insert triggers a load leaves in place: cheap per row, and their work is the load's too. */
const KEPT_BY_THE_LOAD: Record<string, string> = {
  revisions_queue_post_edits: 'fires only on corrections and removals, which must reach earlier posts',
  revisions_after_creation_written_out: 'looks only at corrections and removals, which must find the creation written out',
};

/** The tables a load of new entries inserts into, each entry's own. */
const ENTRY_TABLES = ['entries', 'entry_actors', 'entry_places', 'sources', 'entry_tags', 'entry_fatalities', 'entry_claims', 'revisions'];

/**
 * Drops the insert triggers of the entry tables but those it keeps; returns the statements that
 * create them again, in their order. A trigger the load neither redoes nor keeps is refused: a
 * new one must be added above, with its work added to the load.
 */
export function dropEntryInsertTriggers(db: Db): string[] {
  const listed = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${ENTRY_TABLES.map(() => '?').join(', ')})
       AND sql LIKE '%INSERT ON%' ORDER BY rowid`,
    )
    .all(...ENTRY_TABLES) as { name: string; sql: string }[];
  const triggers = listed.filter((t) => !(t.name in KEPT_BY_THE_LOAD));
  const unknown = triggers.filter((t) => !(t.name in REDONE_BY_THE_LOAD));
  if (unknown.length > 0) throw new Error(`A bulk load does not do the work of trigger ${unknown.map((t) => t.name).join(', ')}.`);
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);
  return triggers.map((t) => t.sql);
}
