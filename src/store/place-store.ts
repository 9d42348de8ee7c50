// The store's side of /place and /places: stored places with where they are, and their log.
import type { ChangeStamp } from '../core/domain.js';
import type { Gazetteer } from '../core/places/gazetteer-port.js';
import type { Bounds, CountryExtents } from '../core/places/pins.js';
import type { CountedPlace, PlaceDecision, PlaceDirectory, PlaceLocationRecord, StoredPlace } from '../core/places/place-port.js';
import type { Page } from '../core/ports.js';
import type { Db } from './connection.js';
import { placeKeyOf } from './place-keys.js';
import { dossierCountries, KEPT_NOT_LOCATED, setPlaceLocation } from './place-locations.js';
import { GazetteerWithPins } from './place-pins.js';
import { StatementCache } from './statement-cache.js';

interface PlaceRow {
  id: number;
  name: string;
  place_key: string;
  location: StoredPlace['location'] | null;
  precision: StoredPlace['precision'] | null;
  gazetteer_ref: string | null;
  candidates: string | null;
}

const PLACE_COLUMNS = 'p.id, p.name, p.place_key, p.location, p.precision, p.gazetteer_ref, p.candidates';
const ENTRIES_AT = '(SELECT count(*) FROM entry_places ep WHERE ep.place_id = p.id AND ep.live = 1)';

function toStored(row: PlaceRow): StoredPlace {
  return {
    id: row.id,
    name: row.name,
    key: row.place_key,
    ...(row.location !== null ? { location: row.location } : {}),
    ...(row.precision !== null ? { precision: row.precision } : {}),
    ...(row.gazetteer_ref !== null ? { ref: row.gazetteer_ref } : {}),
    candidates: row.candidates ? (JSON.parse(row.candidates) as string[]) : [],
  };
}

export class SqlitePlaces implements PlaceDirectory {
  private readonly cache: StatementCache;
  readonly gazetteer: Gazetteer;

  constructor(
    private readonly db: Db,
    private readonly records: Gazetteer & CountryExtents,
  ) {
    this.cache = new StatementCache(db);
    this.gazetteer = new GazetteerWithPins(db, records);
  }

  countryBounds(countryCode: string): Bounds | undefined {
    return this.records.countryBounds(countryCode);
  }

  stored(name: string): StoredPlace | undefined {
    const row = this.cache.get(`SELECT ${PLACE_COLUMNS} FROM places p WHERE p.place_key = ?`).get(placeKeyOf(this.cache, name)) as PlaceRow | undefined;
    return row ? toStored(row) : undefined;
  }

  nearCountries(): ReadonlySet<string> {
    return dossierCountries(this.db);
  }

  entriesAt(placeId: number): number {
    return this.db.prepare(`SELECT ${ENTRIES_AT} FROM places p WHERE p.id = ?`).pluck().get(placeId) as number;
  }

  locatedAs(ref: string): CountedPlace[] {
    // No index on the record: a dossier stores a few thousand places, and this runs on a write's reply.
    const rows = this.db
      .prepare(`SELECT ${PLACE_COLUMNS}, ${ENTRIES_AT} AS entries FROM places p WHERE p.gazetteer_ref = ? AND p.location = 'located' ORDER BY entries DESC, p.id`)
      .all(ref) as (PlaceRow & { entries: number })[];
    return rows.map((row) => ({ ...toStored(row), entries: row.entries }));
  }

  unsettled(limit: number, offset: number): Page<CountedPlace> {
    return this.countedPage("p.location IS NULL OR p.location = 'ambiguous'", limit, offset);
  }

  freeText(limit: number): Page<StoredPlace> {
    const where = "p.location = 'not-located' AND EXISTS (SELECT 1 FROM entry_places ep WHERE ep.place_id = p.id AND ep.live = 1)";
    const total = this.db.prepare(`SELECT count(*) FROM places p WHERE ${where}`).pluck().get() as number;
    const rows = this.db.prepare(`SELECT ${PLACE_COLUMNS} FROM places p WHERE ${where} ORDER BY p.id DESC LIMIT ?`).all(limit) as PlaceRow[];
    return { items: rows.map(toStored), total, totalIsLowerBound: false };
  }

  /** The places `where` holds, with their live entries counted, most used first. */
  private countedPage(where: string, limit: number, offset: number): Page<CountedPlace> {
    const total = this.db.prepare(`SELECT count(*) FROM places p WHERE ${where}`).pluck().get() as number;
    const rows = this.db
      .prepare(`SELECT ${PLACE_COLUMNS}, ${ENTRIES_AT} AS entries FROM places p WHERE ${where} ORDER BY entries DESC, p.name LIMIT ? OFFSET ?`)
      .all(limit, offset) as (PlaceRow & { entries: number })[];
    return { items: rows.map((row) => ({ ...toStored(row), entries: row.entries })), total, totalIsLowerBound: false };
  }

  settle(placeId: number, decision: PlaceDecision, stamp: ChangeStamp): void {
    const outcome = decision.kind === 'located' ? decision : KEPT_NOT_LOCATED;
    this.db.transaction(() => setPlaceLocation(this.db, placeId, outcome, stamp))();
  }

  locationsOf(names: readonly string[]): PlaceLocationRecord[] {
    const rows = this.db
      .prepare(
        `SELECT p.name AS place, l.location, l.detail, l.changed_by, l.changed_at
         FROM places p JOIN place_locations l ON l.place_id = p.id
         WHERE p.place_key IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
      )
      .all(JSON.stringify([...new Set(names.map((name) => placeKeyOf(this.cache, name)))])) as { place: string; location: PlaceLocationRecord['location']; detail: string; changed_by: string; changed_at: string }[];
    return rows.map((r) => ({ place: r.place, location: r.location, detail: r.detail, changedBy: r.changed_by, changedAt: r.changed_at }));
  }
}
