// Loads a bundle into a store that holds no dossier yet, row for row with the bundle's own ids, so
// the store exports the same bundle again. One transaction: a load killed half-way leaves the
// store as it was. The search index and actor pairs, derived, are built once at the end.
import { actorNameKey } from '../core/actor-name-key.js';
import { foldKey } from '../core/text.js';
import type { Db } from './connection.js';
import { dropSecondaryIndexes } from './bulk-indexes.js';
import { JSON_COLUMNS, RECORD_TABLES, recordColumns, type BundleName, type EntryLinks, type RecordKind } from './bundle-format.js';
import { compactSearchIndex, indexEntriesForSearch } from './search-index.js';

export interface BundleRecord {
  kind: RecordKind;
  /** The line of the bundle it was read from, for errors. */
  line: number;
  fields: Record<string, unknown>;
}

/** A record the store refused (a constraint), with the line it came from. */
export class BundleLoadError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the store's refusal of a record means, in the record's words: a CHECK on a list of values
 * names the field, the values taken and the one given, rather than the multi-line SQL.
 */
function refusal(error: Error, kind: RecordKind, fields: Record<string, unknown>): string {
  const message = error.message.replace(/\s+/g, ' ');
  const choice = /^CHECK constraint failed: (\w+) IN \(([^)]*)\)$/.exec(message);
  const record = `${kind} ${String(fields.id ?? fields.slug ?? fields.name)}`;
  if (!choice) return `${record}: the store refused it (${message})`;
  const [, column, values] = choice;
  const given = column! in fields ? ` — got \`${String(fields[column!])}\`` : '';
  return `${record}: \`${column}\` must be one of ${values!.replace(/'/g, '')}${given}`;
}

/** Whether the store holds no dossier: nothing a bundle's ids could collide with. */
export function holdsNoDossier(db: Db): boolean {
  return !db.prepare('SELECT EXISTS (SELECT 1 FROM entries) OR EXISTS (SELECT 1 FROM actors) OR EXISTS (SELECT 1 FROM revisions) OR EXISTS (SELECT 1 FROM places) OR EXISTS (SELECT 1 FROM trend_calls)').pluck().get();
}

function inserter(db: Db, kind: RecordKind) {
  const columns = recordColumns(db, kind);
  const extra = kind === 'place' ? ['place_key'] : [];
  const all = [...columns, ...extra];
  const statement = db.prepare(`INSERT INTO ${RECORD_TABLES[kind].table} (${all.map((c) => `"${c}"`).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  const json = JSON_COLUMNS[kind] ?? [];
  return (fields: Record<string, unknown>) => {
    const values = columns.map((c) => (json.includes(c) ? JSON.stringify(fields[c]) : (fields[c] ?? null)));
    if (kind === 'place') values.push(foldKey(String(fields.name)));
    statement.run(...values);
  };
}

function linkWriters(db: Db) {
  const name = db.prepare('INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, ?)');
  const place = db.prepare('INSERT INTO entry_places (entry_id, place_id, position, day_from, day_to, live, topic, event_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const actor = db.prepare('INSERT INTO entry_actors (entry_id, actor_id, role, position, day_from, day_to, live, topic, event_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const source = db.prepare('INSERT INTO sources (entry_id, position, outlet, url, attribution, published_on, grade) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const tag = db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)');
  const fatalities = db.prepare('INSERT INTO entry_fatalities (entry_id, low, best, high, source) VALUES (?, ?, ?, ?, ?)');
  const claim = db.prepare(
    'INSERT INTO entry_claims (entry_id, position, actor_id, stance, claimed_on, outlet, url, attribution, grade, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const area = db.prepare('INSERT INTO place_areas (place_id, area) VALUES (?, ?)');
  return {
    names(actorId: number, names: readonly BundleName[]) {
      // Keyed as every name now is (actorNameKey); a name that keys as another of the same actor
      // does keeps the key it was stored with, as migration 0041 left it, so that no name is lost.
      const keys = new Set<string>();
      for (const n of names) {
        const key = keys.has(actorNameKey(n.name)) ? foldKey(n.name) : actorNameKey(n.name);
        keys.add(key);
        name.run(actorId, n.name, key, n.primary ? 1 : 0);
      }
    },
    entry(fields: Record<string, unknown>, links: EntryLinks) {
      const id = fields.id;
      // The link tables' copies of the entry's days, liveness, topic and type (see 0001).
      const copies = [fields.day_from, fields.day_to, fields.deleted_at === null || fields.deleted_at === undefined ? 1 : 0, fields.topic, fields.event_type];
      for (const p of links.places) place.run(id, p.place_id, p.position, ...copies);
      for (const a of links.actors) actor.run(id, a.actor_id, a.role, a.position, ...copies);
      for (const s of links.sources) source.run(id, s.position, s.outlet, s.url, s.attribution, s.published_on, s.grade ?? null);
      for (const t of links.tags) tag.run(id, t);
      // A version 1 bundle has neither.
      const f = links.fatalities;
      if (f) fatalities.run(id, f.low, f.best, f.high, f.source);
      for (const c of links.claims ?? []) claim.run(id, c.position, c.actor_id, c.stance, c.claimed_on, c.outlet, c.url, c.attribution, c.grade, c.note);
    },
    /** The areas a located place lies in, from its columns as setPlaceLocation derived them (areasOf). */
    areas(fields: Record<string, unknown>) {
      if (fields.location !== 'located') return;
      area.run(fields.id, `country:${String(fields.country_code)}`);
      if (fields.region_code !== null) area.run(fields.id, `region:${String(fields.region_code)}`);
      if (fields.precision === 'locality') area.run(fields.id, fields.gazetteer_ref);
    },
  };
}

/** Actor pairs for every live entry, as the triggers would have counted them (see bulk-write). */
function countActorPairs(db: Db): void {
  db.prepare(
    `INSERT INTO actor_pairs (actor_id, other_id, shared)
     SELECT a.actor_id, b.actor_id, count(DISTINCT a.entry_id) FROM entry_actors a
     JOIN entry_actors b ON b.entry_id = a.entry_id AND b.actor_id <> a.actor_id
     WHERE a.live = 1
     GROUP BY a.actor_id, b.actor_id`,
  ).run();
}

export function loadBundle(db: Db, records: readonly BundleRecord[], onProgress?: (done: number) => void): void {
  db.transaction(() => {
    // Records refer to each other in any order (an actor to the actor it belongs to): foreign
    // keys are checked at commit.
    db.pragma('defer_foreign_keys = ON');
    db.prepare("INSERT INTO settings (key, value) VALUES ('search_index_paused', 'bundle'), ('actor_pairs_paused', 'bundle')").run();
    // Every row is new to the store: its indexes are built once, at the end.
    const dropped = dropSecondaryIndexes(db);
    const inserts = new Map<RecordKind, (fields: Record<string, unknown>) => void>();
    const links = linkWriters(db);
    records.forEach(({ kind, line, fields }, i) => {
      onProgress?.(i);
      try {
        if (!inserts.has(kind)) inserts.set(kind, inserter(db, kind));
        inserts.get(kind)!(fields);
        if (kind === 'place') links.areas(fields);
        if (kind === 'actor') links.names(fields.id as number, fields.names as BundleName[]);
        if (kind === 'entry') links.entry(fields, fields as unknown as EntryLinks);
      } catch (error) {
        throw new BundleLoadError(line, refusal(error as Error, kind, fields));
      }
    });
    for (const sql of dropped) db.exec(sql);
    // A bundle holds where places lie, not where they lay: their areas count from the start, as
    // a store's did when migration 0052 began keeping them.
    db.exec(`DELETE FROM place_area_spans;
      INSERT INTO place_area_spans (area, place_id, held_from, held_until) SELECT area, place_id, '', NULL FROM place_areas`);
    const range = db.prepare('SELECT min(id), max(id) FROM entries').raw().get() as [number | null, number | null];
    if (range[0] !== null) {
      indexEntriesForSearch(db, range[0], range[1]!);
      compactSearchIndex(db);
    }
    countActorPairs(db);
    db.prepare("DELETE FROM settings WHERE key IN ('search_index_paused', 'actor_pairs_paused')").run();
    onProgress?.(records.length);
  })();
}
