// Writing entries with their places, actors, sources, tags, figures and claims, plus the revision, in one
// transaction so nothing partial is ever stored. Statements are prepared once per writer so
// bulk imports stay fast.
import type Database from 'better-sqlite3';
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import { firstDay, lastDay, precisionOf, toIsoPartial } from '../core/partial-date.js';
import type { Db } from './connection.js';
import { creationSnapshot, writeOutCreations } from './created-state.js';
import { newEntryKey } from './entry-keys.js';
import { placeKeyOf } from './place-keys.js';
import { locateNewPlace } from './place-locations.js';
import { RevisionWriter, type RevisionWrite } from './revisions.js';
import { StatementCache } from './statement-cache.js';

/** The tables holding an entry's parts besides its own row: replaced whole on every change. */
const LINK_TABLES = ['entry_places', 'entry_actors', 'sources', 'entry_tags', 'entry_fatalities', 'entry_claims'];

const ENTRY_COLUMNS = [
  'topic', 'title', 'summary', 'event_type', 'occurred_on', 'occurred_precision',
  'ends_on', 'ends_precision', 'day_from', 'day_to', 'confidence',
];

/** The entries columns derived from an input, in ENTRY_COLUMNS order. */
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

export class EntryWriter {
  private readonly revisions: RevisionWriter;
  private readonly statements: Record<string, Database.Statement>;
  private readonly placeIds = new Map<string, number>();
  private readonly placeNames: StatementCache;
  private readonly knownTopics = new Set<string>();

  /**
   * `bulk` caches place and topic ids: only for a writer used inside one transaction (an
   * import), since a rollback would leave the cache pointing at rows that no longer exist.
   */
  constructor(
    private readonly db: Db,
    private readonly bulk = false,
  ) {
    this.revisions = new RevisionWriter(db);
    this.placeNames = new StatementCache(db);
    const insertColumns = [...ENTRY_COLUMNS, 'key', 'created_at', 'created_by', 'updated_at', 'updated_by'];
    this.statements = {
      topic: db.prepare('INSERT INTO topics (slug, created_at) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING'),
      placeInsert: db.prepare('INSERT INTO places (name, place_key) VALUES (?, ?) ON CONFLICT (place_key) DO NOTHING'),
      placeId: db.prepare('SELECT id FROM places WHERE place_key = ?').pluck(),
      insert: db.prepare(`INSERT INTO entries (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`),
      update: db.prepare(
        `UPDATE entries SET ${ENTRY_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ?,
           deleted_at = ?, deleted_by = ?, delete_reason = ? WHERE id = ?`,
      ),
      // Links carry copies of the entry's days, liveness, topic and type (the fill triggers
      // would otherwise UPDATE each row right after inserting it).
      addPlace: db.prepare(
        `INSERT OR IGNORE INTO entry_places (entry_id, place_id, position, day_from, day_to, live, topic, event_type)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      addActor: db.prepare(
        `INSERT OR IGNORE INTO entry_actors (entry_id, actor_id, role, position, day_from, day_to, live, topic, event_type)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      addSource: db.prepare(
        'INSERT INTO sources (entry_id, position, outlet, url, attribution, published_on, grade) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      addTag: db.prepare('INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)'),
      addFatalities: db.prepare('INSERT INTO entry_fatalities (entry_id, low, best, high, source) VALUES (?, ?, ?, ?, ?)'),
      addClaim: db.prepare(
        `INSERT INTO entry_claims (entry_id, position, actor_id, stance, claimed_on, outlet, url, attribution, grade, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      ...Object.fromEntries(LINK_TABLES.map((t) => [`clear_${t}`, db.prepare(`DELETE FROM ${t} WHERE entry_id = ?`)])),
    };
  }

  /**
   * The id of a place, created on first use (and then located in the gazetteer); places are
   * shared between entries.
   */
  private placeId(name: string, stamp: ChangeStamp): number {
    const cached = this.bulk ? this.placeIds.get(name) : undefined;
    if (cached !== undefined) return cached;
    const key = placeKeyOf(this.placeNames, name);
    // Looked up before inserting: an insert that finds the place costs several times the lookup.
    let id = this.statements.placeId!.get(key) as number | undefined;
    if (id === undefined) {
      const created = this.statements.placeInsert!.run(name, key).changes > 0;
      id = this.statements.placeId!.get(key) as number;
      if (created) locateNewPlace(this.db, id, name, stamp);
    }
    if (this.bulk) this.placeIds.set(name, id);
    return id;
  }

  private ensureTopic(slug: string, at: string): void {
    if (this.knownTopics.has(slug)) return;
    this.statements.topic!.run(slug, at);
    if (this.bulk) this.knownTopics.add(slug);
  }

  /** Runs `work` in a transaction, or directly when the caller already holds one. */
  private atomically<T>(work: () => T): T {
    return this.db.inTransaction ? work() : this.db.transaction(work)();
  }

  /** Writes the entry's links; returns the row id its first source takes (or would take). */
  private writeLinks(entryId: number, input: EntryInput, live: boolean, stamp: ChangeStamp): number {
    const s = this.statements;
    let firstSource = Number.MAX_SAFE_INTEGER;
    const copies = [firstDay(input.start), lastDay(input.end ?? input.start), live ? 1 : 0, input.topic, input.eventType];
    input.places.forEach((place, i) => s.addPlace!.run(entryId, this.placeId(place, stamp), i, ...copies));
    input.actors.forEach((link, i) => s.addActor!.run(entryId, link.actorId, link.role, i, ...copies));
    input.sources.forEach((src, i) => {
      const { lastInsertRowid } = s.addSource!.run(entryId, i, src.outlet, src.url ?? null, src.attribution ?? null, src.published ?? null, src.grade ?? null);
      firstSource = Math.min(firstSource, Number(lastInsertRowid));
    });
    for (const tag of input.tags) s.addTag!.run(entryId, tag);
    const figures = input.fatalities;
    if (figures) s.addFatalities!.run(entryId, figures.low ?? null, figures.best, figures.high ?? null, figures.source);
    (input.claims ?? []).forEach((claim, i) => {
      const { source } = claim;
      s.addClaim!.run(entryId, i, claim.actorId, claim.stance, toIsoPartial(claim.date), source.outlet, source.url ?? null, source.attribution ?? null, source.grade ?? null, claim.note ?? null);
    });
    return firstSource;
  }

  /**
   * Inserts a new entry with its 'create' revision; callers wrap bulk inserts in a transaction.
   * `key` is the entry's stable key when a file gives one; a new key otherwise.
   */
  insert(input: EntryInput, stamp: ChangeStamp, key: string = newEntryKey()): number {
    return this.atomically(() => {
      this.ensureTopic(input.topic, stamp.at);
      const { lastInsertRowid } = this.statements.insert!.run(...entryColumnValues(input), key, stamp.at, stamp.by, stamp.at, stamp.by);
      const entryId = Number(lastInsertRowid);
      const firstSource = this.writeLinks(entryId, input, true, stamp);
      // The rows hold the created state while nothing changes the entry (see created-state).
      const snapshot = creationSnapshot(this.db, entryId, input, firstSource);
      this.revisions.write({ entity: 'entry', entityId: entryId, action: 'create', snapshot }, stamp);
      return entryId;
    });
  }

  /**
   * Replaces an entry's whole state (fields and links) and records the revision. `deleted`
   * decides whether the entry is live afterwards (undo can restore or re-remove).
   */
  replace(
    entryId: number,
    input: EntryInput,
    deleted: { reason: string } | undefined,
    revision: Omit<RevisionWrite, 'entity' | 'entityId' | 'snapshot'>,
    stamp: ChangeStamp,
  ): number {
    return this.atomically(() => {
      writeOutCreations(this.db, [entryId]);
      this.ensureTopic(input.topic, stamp.at);
      this.statements.update!.run(
        ...entryColumnValues(input),
        stamp.at,
        stamp.by,
        deleted ? stamp.at : null,
        deleted ? stamp.by : null,
        deleted ? deleted.reason : null,
        entryId,
      );
      for (const table of LINK_TABLES) this.statements[`clear_${table}`]!.run(entryId);
      this.writeLinks(entryId, input, !deleted, stamp);
      return this.revisions.write({ ...revision, entity: 'entry', entityId: entryId, snapshot: input }, stamp);
    });
  }
}

/** A place's stored spelling and the one an edit gave it. */
export interface Spelling {
  from: string;
  to: string;
}

/**
 * How a revision's reason records a re-spelling, in words a reader of /entry history follows;
 * /entry undo reads it back to spell the place as it was.
 */
export const respellingReason = (spellings: readonly Spelling[]): string =>
  spellings.map(({ from, to }) => `re-spelled place “${from}” as “${to}” on every entry`).join('; ');

export function respellingsIn(reason: string | null | undefined): Spelling[] {
  return [...(reason ?? '').matchAll(/re-spelled place “([^”]+)” as “([^”]+)”/g)].map(([, from, to]) => ({ from: from!, to: to! }));
}

/**
 * The places given with another spelling of a stored place: places are shared rows found by their
 * folded key, so the stored spelling is what every entry shows.
 */
export function newSpellings(db: Db, places: readonly string[]): Spelling[] {
  const stored = db.prepare('SELECT name FROM places WHERE place_key = ?').pluck();
  const names = new StatementCache(db);
  const seen = new Set<string>();
  const spellings: Spelling[] = [];
  for (const place of places) {
    const key = placeKeyOf(names, place);
    if (seen.has(key)) continue;
    seen.add(key);
    const from = stored.get(key) as string | undefined;
    if (from !== undefined && from !== place) spellings.push({ from, to: place });
  }
  return spellings;
}

/**
 * Spells each place anew where it still has its old spelling; returns those re-spelled with the
 * live entries that show them. Those entries are re-indexed for search through the entries update
 * trigger (a no-op update), so the index follows the name however the search document is built.
 */
export function respellPlaces(db: Db, spellings: readonly Spelling[]): { from: string; to: string; entryIds: number[] }[] {
  const rename = db.prepare('UPDATE places SET name = ? WHERE place_key = ? AND name = ?');
  const reindex = db.prepare('UPDATE entries SET title = title WHERE id IN (SELECT entry_id FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = ?))');
  const showing = db
    .prepare(
      `SELECT ep.entry_id FROM entry_places ep JOIN entries e ON e.id = ep.entry_id AND e.deleted_at IS NULL
       WHERE ep.place_id = (SELECT id FROM places WHERE place_key = ?) ORDER BY ep.entry_id`,
    )
    .pluck();
  const onPlace = db.prepare('SELECT entry_id FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = ? AND name = ?)').pluck();
  const names = new StatementCache(db);
  const done: { from: string; to: string; entryIds: number[] }[] = [];
  for (const { from, to } of spellings) {
    const key = placeKeyOf(names, to);
    // Every entry on the place shows the new spelling: those still as created keep the old one in their history.
    writeOutCreations(db, onPlace.all(key, from) as number[]);
    if (rename.run(to, key, from).changes === 0) continue;
    reindex.run(key);
    done.push({ from, to, entryIds: showing.all(key) as number[] });
  }
  return done;
}
