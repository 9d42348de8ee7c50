// Writing entries with their places, actors, sources and tags, plus the revision, in one
// transaction so nothing partial is ever stored.
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import { firstDay, lastDay, precisionOf, toIsoPartial } from '../core/partial-date.js';
import { foldKey } from '../core/text.js';
import type { Db } from './connection.js';
import { writeRevision, type RevisionWrite } from './revisions.js';

/** The id of a place, created on first use; places are shared between entries. */
export function placeId(db: Db, name: string): number {
  const key = foldKey(name);
  db.prepare('INSERT INTO places (name, place_key) VALUES (?, ?) ON CONFLICT (place_key) DO NOTHING').run(name, key);
  return (db.prepare('SELECT id FROM places WHERE place_key = ?').get(key) as { id: number }).id;
}

export function ensureTopic(db: Db, slug: string, at: string): void {
  db.prepare('INSERT INTO topics (slug, created_at) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING').run(slug, at);
}

/** The entries columns derived from an input, in the order ENTRY_COLUMNS lists them. */
function entryColumnValues(input: EntryInput): unknown[] {
  return [
    input.topic,
    input.title,
    input.summary,
    input.eventType,
    toIsoPartial(input.start),
    precisionOf(input.start),
    input.end ? toIsoPartial(input.end) : null,
    input.end ? precisionOf(input.end) : null,
    firstDay(input.start),
    lastDay(input.end ?? input.start),
    input.confidence,
  ];
}
const ENTRY_COLUMNS = [
  'topic', 'title', 'summary', 'event_type', 'occurred_on', 'occurred_precision',
  'ends_on', 'ends_precision', 'day_from', 'day_to', 'confidence',
];

function writeEntryLinks(db: Db, entryId: number, input: EntryInput): void {
  const addPlace = db.prepare('INSERT OR IGNORE INTO entry_places (entry_id, place_id, position) VALUES (?, ?, ?)');
  input.places.forEach((place, i) => addPlace.run(entryId, placeId(db, place), i));
  const addActor = db.prepare(
    'INSERT OR IGNORE INTO entry_actors (entry_id, actor_id, role, position) VALUES (?, ?, ?, ?)',
  );
  input.actors.forEach((link, i) => addActor.run(entryId, link.actorId, link.role, i));
  const addSource = db.prepare(
    `INSERT INTO sources (entry_id, position, outlet, url, attribution, published_on)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  input.sources.forEach((s, i) =>
    addSource.run(entryId, i, s.outlet, s.url ?? null, s.attribution ?? null, s.published ?? null),
  );
  const addTag = db.prepare('INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)');
  for (const tag of input.tags) addTag.run(entryId, tag);
}

function clearEntryLinks(db: Db, entryId: number): void {
  for (const table of ['entry_places', 'entry_actors', 'sources', 'entry_tags']) {
    db.prepare(`DELETE FROM ${table} WHERE entry_id = ?`).run(entryId);
  }
}

export function insertEntry(db: Db, input: EntryInput, stamp: ChangeStamp): number {
  return db.transaction(() => {
    ensureTopic(db, input.topic, stamp.at);
    const columns = [...ENTRY_COLUMNS, 'created_at', 'created_by', 'updated_at', 'updated_by'];
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO entries (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...entryColumnValues(input), stamp.at, stamp.by, stamp.at, stamp.by);
    const entryId = Number(lastInsertRowid);
    writeEntryLinks(db, entryId, input);
    writeRevision(db, { entity: 'entry', entityId: entryId, action: 'create', snapshot: input }, stamp);
    return entryId;
  })();
}

/**
 * Replaces an entry's whole state (fields and links) and records the revision. `deleted`
 * decides whether the entry is live afterwards (undo can restore or re-remove).
 */
export function replaceEntryState(
  db: Db,
  entryId: number,
  input: EntryInput,
  deleted: { reason: string } | undefined,
  revision: Omit<RevisionWrite, 'entity' | 'entityId' | 'snapshot'>,
  stamp: ChangeStamp,
): number {
  return db.transaction(() => {
    ensureTopic(db, input.topic, stamp.at);
    const assignments = ENTRY_COLUMNS.map((c) => `${c} = ?`).join(', ');
    db.prepare(
      `UPDATE entries SET ${assignments}, updated_at = ?, updated_by = ?,
         deleted_at = ?, deleted_by = ?, delete_reason = ? WHERE id = ?`,
    ).run(
      ...entryColumnValues(input),
      stamp.at,
      stamp.by,
      deleted ? stamp.at : null,
      deleted ? stamp.by : null,
      deleted ? deleted.reason : null,
      entryId,
    );
    clearEntryLinks(db, entryId);
    writeEntryLinks(db, entryId, input);
    return writeRevision(db, { ...revision, entity: 'entry', entityId: entryId, snapshot: input }, stamp);
  })();
}
