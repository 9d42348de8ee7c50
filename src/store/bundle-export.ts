// Reads a dossier out of the store as bundle records (docs/bundle.md), in one read transaction so
// the bundle is one consistent state while the bot keeps writing. Records come in a fixed order
// and every value as stored, so the same dossier always gives the same bytes.
import type { Db } from './connection.js';
import { entrySnapshotText } from './created-state.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  JSON_COLUMNS,
  RECORD_KINDS,
  RECORD_TABLES,
  recordColumns,
  type BundleEnd,
  type BundleHeader,
  type BundleName,
  type EntryLinks,
  type RecordKind,
} from './bundle-format.js';

type Row = Record<string, unknown>;

/** Which rows of each kind a bundle holds: all, or those of one topic. */
type Selection = Record<RecordKind, number[] | string[] | 'all'>;

const idsOf = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).pluck().all(...params) as number[];

/**
 * A topic's dossier: its entries (removed ones too), their revisions and places, its trend calls, and every actor
 * they name now or in an earlier revision (so /entry undo finds the actor), with the actors those
 * belong to and the actors merged into them (so /actors unmerge has what it needs), repeatedly.
 */
function topicSelection(db: Db, topic: string): Selection {
  const entries = idsOf(db, 'SELECT id FROM entries WHERE topic = ? ORDER BY id', topic);
  const list = JSON.stringify(entries);
  const actors = new Set(
    idsOf(
      db,
      `SELECT actor_id FROM entry_actors WHERE entry_id IN (SELECT value FROM json_each(@ids))
       UNION SELECT actor_id FROM entry_claims WHERE entry_id IN (SELECT value FROM json_each(@ids))
       UNION SELECT json_extract(a.value, '$.actorId') FROM revisions r, json_each(r.snapshot, '$.actors') a
       WHERE r.entity = 'entry' AND r.entity_id IN (SELECT value FROM json_each(@ids))
       UNION SELECT json_extract(c.value, '$.actorId') FROM revisions r, json_each(r.snapshot, '$.claims') c
       WHERE r.entity = 'entry' AND r.entity_id IN (SELECT value FROM json_each(@ids))`,
      { ids: list },
    ),
  );
  const related = db.prepare(
    `SELECT affiliation_id FROM actors WHERE id IN (SELECT value FROM json_each(@ids)) AND affiliation_id IS NOT NULL
     UNION SELECT merged_into_id FROM actors WHERE id IN (SELECT value FROM json_each(@ids)) AND merged_into_id IS NOT NULL
     UNION SELECT id FROM actors WHERE merged_into_id IN (SELECT value FROM json_each(@ids))`,
  ).pluck();
  for (let size = -1; size !== actors.size; ) {
    size = actors.size;
    for (const id of related.all({ ids: JSON.stringify([...actors]) }) as number[]) actors.add(id);
  }
  const actorList = JSON.stringify([...actors]);
  const places = idsOf(db, 'SELECT DISTINCT place_id FROM entry_places WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY place_id', list);
  return {
    seed_run: 'all',
    topic: [topic],
    place: places,
    place_location: idsOf(db, 'SELECT id FROM place_locations WHERE place_id IN (SELECT value FROM json_each(?)) ORDER BY id', JSON.stringify(places)),
    actor: [...actors].sort((a, b) => a - b),
    entry: entries,
    revision: idsOf(
      db,
      `SELECT id FROM revisions WHERE (entity = 'entry' AND entity_id IN (SELECT value FROM json_each(?)))
       OR (entity = 'actor' AND entity_id IN (SELECT value FROM json_each(?))) ORDER BY id`,
      list,
      actorList,
    ),
    trend_call: idsOf(db, 'SELECT id FROM trend_calls WHERE topic = ? ORDER BY id', topic),
  };
}

const ALL: Selection = { seed_run: 'all', topic: 'all', place: 'all', place_location: 'all', actor: 'all', entry: 'all', revision: 'all', trend_call: 'all' };

function* rowsOf(db: Db, kind: RecordKind, selected: Selection[RecordKind]): Generator<Row> {
  const { table, order } = RECORD_TABLES[kind];
  const columns = recordColumns(db, kind).map((c) => `"${c}"`).join(', ');
  // Row by row, from the list of ids: a whole table would be held in memory at once, and an
  // iterating statement keeps the connection from reading an entry's links meanwhile.
  const ids = selected === 'all' ? (db.prepare(`SELECT ${order} FROM ${table} ORDER BY ${order}`).pluck().all() as unknown[]) : selected;
  const one = db.prepare(`SELECT ${columns} FROM ${table} WHERE ${order} = ?`);
  for (const id of ids) yield one.get(id) as Row;
}

function linkReaders(db: Db) {
  const places = db.prepare('SELECT place_id, position FROM entry_places WHERE entry_id = ? ORDER BY position, place_id');
  const actors = db.prepare('SELECT actor_id, role, position FROM entry_actors WHERE entry_id = ? ORDER BY position, actor_id, role');
  const sources = db.prepare('SELECT position, outlet, url, attribution, published_on, grade FROM sources WHERE entry_id = ? ORDER BY position, id');
  const tags = db.prepare('SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag').pluck();
  const fatalities = db.prepare('SELECT low, best, high, source FROM entry_fatalities WHERE entry_id = ?');
  const claims = db.prepare(
    'SELECT position, actor_id, stance, claimed_on, outlet, url, attribution, grade, note FROM entry_claims WHERE entry_id = ? ORDER BY position',
  );
  const names = db.prepare('SELECT name, is_primary FROM actor_names WHERE actor_id = ? ORDER BY name_key');
  return {
    entry: (id: number): EntryLinks => ({
      places: places.all(id) as EntryLinks['places'],
      actors: actors.all(id) as EntryLinks['actors'],
      sources: sources.all(id) as EntryLinks['sources'],
      tags: tags.all(id) as string[],
      fatalities: (fatalities.get(id) as EntryLinks['fatalities'] | undefined) ?? null,
      claims: claims.all(id) as EntryLinks['claims'],
    }),
    names: (id: number): BundleName[] => (names.all(id) as { name: string; is_primary: number }[]).map((n) => ({ name: n.name, primary: n.is_primary === 1 })),
  };
}

/** The bundle's records, header first and a count of each kind last. */
export function* bundleRecords(db: Db, topic?: string): Generator<object> {
  db.exec('BEGIN');
  try {
    const selection = topic === undefined ? ALL : topicSelection(db, topic);
    const links = linkReaders(db);
    const header: BundleHeader = { record: BUNDLE_FORMAT, version: BUNDLE_VERSION, topic: topic ?? null };
    yield header;
    const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as BundleEnd['counts'];
    for (const kind of RECORD_KINDS) {
      const json = JSON_COLUMNS[kind] ?? [];
      for (const row of rowsOf(db, kind, selection[kind])) {
        // A creation revision still as created is bundled as the entry it created (see created-state).
        if (kind === 'revision' && row.entity === 'entry') row.snapshot = entrySnapshotText(db, row.entity_id as number, row.snapshot as string);
        for (const column of json) row[column] = JSON.parse(row[column] as string);
        const extra = kind === 'entry' ? links.entry(row.id as number) : kind === 'actor' ? { names: links.names(row.id as number) } : {};
        yield { record: kind, ...row, ...extra };
        counts[kind] += 1;
      }
    }
    const end: BundleEnd = { record: 'end', counts };
    yield end;
  } finally {
    db.exec('COMMIT');
  }
}
