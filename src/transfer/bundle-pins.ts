// A bundle merged into a store brings the pins its entries are at (places an admin pinned at
// coordinates, src/core/places/pins.ts): a pin the store lacks is stored with the entries at it;
// the same pin stored already is kept; a place this store has located elsewhere refuses the merge,
// naming both, since a store holds one place by a name; a place it holds but has not located stays
// so, said with the `/places locate` that pins it as the bundle does.
import { placeChain, type GazetteerPlace, type PlacePrecision } from '../core/places/gazetteer-port.js';
import { isPinRef, pinCommand, pinnedWhere } from '../core/places/pins.js';
import { foldKey } from '../core/text.js';
import type { BundleRecord } from '../store/bundle-load.js';
import type { Db } from '../store/connection.js';
import { placeKeyOf } from '../store/place-keys.js';
import { StatementCache } from '../store/statement-cache.js';

export interface MergedPins {
  /** The pins the store lacks, by folded name: stored before the entries at them (see import-write). */
  created: Map<string, GazetteerPlace>;
  /** Places the store holds, not located, that the bundle pins: left as they are, each said with the command pinning it. */
  unpinned: string[];
  /** Places the store has located elsewhere than the bundle pins them: the merge is refused, each said. */
  clashes: string[];
}

/** The columns a place has in `places` and in a bundle's place record. */
type PlaceColumns = Record<string, unknown>;

const PLACE_COLUMNS = 'name, location, precision, gazetteer_ref, country_code, country_alpha3, country_name, region_code, region_name, latitude, longitude';

/** The record a located place's columns hold; undefined for a place not located. */
function locatedAt(row: PlaceColumns): GazetteerPlace | undefined {
  if (row.location !== 'located' || typeof row.gazetteer_ref !== 'string' || typeof row.country_code !== 'string') return undefined;
  return {
    precision: row.precision as PlacePrecision,
    ref: row.gazetteer_ref,
    name: String(row.name),
    country: { code: row.country_code, alpha3: String(row.country_alpha3), name: String(row.country_name) },
    ...(typeof row.region_code === 'string' && typeof row.region_name === 'string' ? { region: { code: row.region_code, name: row.region_name } } : {}),
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    population: 0,
  };
}

/** `pinned at 33.416, 35.857 in Quneitra, Syria`, or `located as Nawa, Daraa, Syria (locality:166365)`. */
const whereStored = (place: GazetteerPlace) => (isPinRef(place.ref) ? `pinned at ${pinnedWhere(place)}` : `located as ${placeChain(place)} (${place.ref})`);

function clash(name: string, pin: GazetteerPlace, stored: GazetteerPlace): string {
  const keepOurs = isPinRef(stored.ref) ? ` (\`${pinCommand(name, stored)}\`)` : '';
  return (
    `the bundle pins “${name}” at ${pinnedWhere(pin)}, but this store has it ${whereStored(stored)}, and a store holds one place by a name. ` +
    `To take the bundle's pin, run \`${pinCommand(name, pin)}\` here, then import the bundle again; to keep this store's, locate it so in the store the bundle came from${keepOurs} and export it again`
  );
}

/**
 * What becomes of the bundle's pinned places that `names` (the places of the entries merged)
 * name, against the store's places of those names.
 */
export function mergedPins(db: Db, records: readonly BundleRecord[], names: readonly string[]): MergedPins {
  const merged: MergedPins = { created: new Map(), unpinned: [], clashes: [] };
  const named = new Set(names.map(foldKey));
  const cache = new StatementCache(db);
  const storedRow = cache.get(`SELECT ${PLACE_COLUMNS} FROM places WHERE place_key = ?`);
  for (const record of records) {
    if (record.kind !== 'place') continue;
    // Read from the file each time it is asked for (see bundle-file): asked once.
    const fields = record.fields;
    if (!named.has(foldKey(String(fields.name)))) continue;
    const pin = locatedAt(fields);
    if (!pin || !isPinRef(pin.ref)) continue;
    const name = String(fields.name);
    const stored = storedRow.get(placeKeyOf(cache, name)) as PlaceColumns | undefined;
    if (!stored) {
      merged.created.set(foldKey(name), pin);
      continue;
    }
    const here = locatedAt(stored);
    if (here?.ref === pin.ref) continue;
    if (here) merged.clashes.push(clash(name, pin, here));
    else merged.unpinned.push(`${String(stored.name)}: stored here as not located, and the bundle pins it at ${pinnedWhere(pin)}; it stays as it is. To pin it so: \`${pinCommand(String(stored.name), pin)}\``);
  }
  return merged;
}
