// Where stored places are: each place row is located in the gazetteer when it is first stored
// (or, for places stored before Sitrep located them, when it next starts), and an admin can
// settle the ones the gazetteer could not. Every outcome is logged in place_locations.
import type { ChangeStamp } from '../core/domain.js';
import { areasOf, placeChain, type Gazetteer, type GazetteerPlace } from '../core/places/gazetteer-port.js';
import { isPinned, pinnedWhere } from '../core/places/pins.js';
import { resolvePlace, type PlaceResolution } from '../core/places/resolve-place.js';
import type { Db } from './connection.js';
import { placeKeyOf } from './place-keys.js';
import { StatementCache } from './statement-cache.js';
import { underWriteLock, type LockWait } from './write-lock.js';

/** The gazetteer places written through a connection are located with (see attachGazetteer). */
const gazetteers = new WeakMap<Db, Gazetteer>();

/**
 * Lets every writer on this connection (commands, the seed, imports, approved candidates) locate
 * the places it creates. Without one, new places wait, unlocated, for the next start.
 */
export function attachGazetteer(db: Db, gazetteer: Gazetteer): void {
  gazetteers.set(db, gazetteer);
}

export function gazetteerOf(db: Db): Gazetteer | undefined {
  return gazetteers.get(db);
}

/** What a place is decided to be: a record, ambiguous among spellings, or not located. */
export type PlaceOutcome = { kind: 'located'; place: GazetteerPlace } | { kind: 'ambiguous'; spellings: string[] } | { kind: 'not-located'; why: string };

export function outcomeOf(resolution: PlaceResolution): PlaceOutcome {
  if (resolution.kind === 'located') return { kind: 'located', place: resolution.place };
  if (resolution.kind === 'ambiguous') return { kind: 'ambiguous', spellings: resolution.options.map((o) => o.spelling) };
  return { kind: 'not-located', why: 'not in the gazetteer' };
}

/** The outcome in words, for the log and /entry history. */
export function outcomeDetail(outcome: PlaceOutcome): string {
  if (outcome.kind === 'located' && isPinned(outcome.place)) return `pinned at ${pinnedWhere(outcome.place)} (point)`;
  if (outcome.kind === 'located') return `${placeChain(outcome.place)} (${outcome.place.precision})`;
  if (outcome.kind === 'ambiguous') return `could be ${outcome.spellings.join(', ')}`;
  return outcome.why;
}

/** Records a place's outcome: its columns, the areas it lies in, and a line in the log. */
export function setPlaceLocation(db: Db, placeId: number, outcome: PlaceOutcome, stamp: ChangeStamp): void {
  const place = outcome.kind === 'located' ? outcome.place : undefined;
  db.prepare(
    `UPDATE places SET location = ?, precision = ?, gazetteer_ref = ?, country_code = ?, country_alpha3 = ?, country_name = ?,
       region_code = ?, region_name = ?, latitude = ?, longitude = ?, candidates = ? WHERE id = ?`,
  ).run(
    outcome.kind,
    place?.precision ?? null,
    place?.ref ?? null,
    place?.country.code ?? null,
    place?.country.alpha3 ?? null,
    place?.country.name ?? null,
    place?.region?.code ?? null,
    place?.region?.name ?? null,
    place?.latitude ?? null,
    place?.longitude ?? null,
    outcome.kind === 'ambiguous' ? JSON.stringify(outcome.spellings) : null,
    placeId,
  );
  const areas = place ? areasOf(place) : [];
  const current = db.prepare('SELECT area FROM place_areas WHERE place_id = ?').pluck().all(placeId) as string[];
  const drop = db.prepare('DELETE FROM place_areas WHERE place_id = ? AND area = ?');
  const add = db.prepare('INSERT INTO place_areas (place_id, area) VALUES (?, ?)');
  for (const area of current) if (!areas.includes(area)) drop.run(placeId, area);
  for (const area of areas) if (!current.includes(area)) add.run(placeId, area);
  db.prepare('INSERT INTO place_locations (place_id, location, detail, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)').run(
    placeId,
    outcome.kind,
    outcomeDetail(outcome),
    stamp.by,
    stamp.at,
  );
}

/** An admin's choice for a place the gazetteer cannot settle (/places, located:false, an import's). */
export const KEPT_NOT_LOCATED: PlaceOutcome = { kind: 'not-located', why: 'kept as not located by an admin' };

/** Marks stored places not located, by name, unless they are already (an import's `located: false`). */
export function keepNotLocated(db: Db, names: readonly string[], stamp: ChangeStamp): void {
  const find = db.prepare('SELECT id, location FROM places WHERE place_key = ?');
  const keys = new StatementCache(db);
  for (const name of names) {
    const place = find.get(placeKeyOf(keys, name)) as { id: number; location: string | null } | undefined;
    if (place && place.location !== 'not-located') setPlaceLocation(db, place.id, KEPT_NOT_LOCATED, stamp);
  }
}

/** The countries the dossier's located places are in: where a name shared by several places most likely is. */
export function dossierCountries(db: Db): Set<string> {
  const codes = db.prepare("SELECT DISTINCT country_code FROM places WHERE location = 'located' AND country_code IS NOT NULL").pluck().all() as string[];
  return new Set(codes);
}

/** Locates a place just stored, if the connection has a gazetteer. */
export function locateNewPlace(db: Db, placeId: number, name: string, stamp: ChangeStamp): void {
  const gazetteer = gazetteers.get(db);
  if (gazetteer) setPlaceLocation(db, placeId, outcomeOf(resolvePlace(gazetteer, name, false, dossierCountries(db))), stamp);
}

/** Who looks up the places stored before Sitrep located them, as /entry history names it. */
export const UPGRADE_LOCATOR = 'Sitrep, locating the places stored before it used a gazetteer';

/**
 * Looks up every place not looked up yet (those stored before the gazetteer, or written without
 * one), in one transaction; returns how many were located, ambiguous and not located. Two
 * processes starting together on an upgraded store take turns: the second waits for the write
 * lock, then finds the places located and looks up none again.
 */
export function locatePendingPlaces(db: Db, gazetteer: Gazetteer, at: string, wait: LockWait = {}): Record<PlaceOutcome['kind'], number> {
  const counts = { located: 0, ambiguous: 0, 'not-located': 0 };
  const pendingPlaces = () => db.prepare('SELECT id, name FROM places WHERE location IS NULL ORDER BY id').all() as { id: number; name: string }[];
  // Most starts have nothing to look up, and need not take the write lock to learn it.
  if (pendingPlaces().length === 0) return counts;
  underWriteLock(
    db,
    () => {
      const near = dossierCountries(db);
      for (const { id, name } of pendingPlaces()) {
        const outcome = outcomeOf(resolvePlace(gazetteer, name, false, near));
        setPlaceLocation(db, id, outcome, { by: UPGRADE_LOCATOR, at });
        counts[outcome.kind] += 1;
      }
    },
    wait,
  );
  return counts;
}
