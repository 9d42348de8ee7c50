// The gazetteer as a read-only SQLite file derived from its packages (place-gazetteer-build.ts),
// made once per set of package versions and aliases, and read through a connection of its own:
// its 200,000 places and 800,000 names stay on disk, and the bot's memory holds SQLite's small
// page cache instead of them.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distance } from 'fastest-levenshtein';
import type { Gazetteer, GazetteerPlace, PlacePrecision } from '../core/places/gazetteer-port.js';
import type { Bounds, CountryExtents } from '../core/places/pins.js';
import { foldKey } from '../core/text.js';
import { projectPath } from '../paths.js';
import { gazetteerSources } from './place-gazetteer-build.js';

/** Bumped when the builder's tables change, so an older file is built again. */
const FORMAT = 8;

export const DEFAULT_GAZETTEER_DIR = projectPath('data', 'gazetteer');

/** What the file is made of: package versions, the alias table, the format and the name fold. */
export function gazetteerFingerprint(): string {
  const sources = gazetteerSources();
  const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, version(sources.localitiesPackage), version(sources.regionsPackage), version(sources.countriesPackage), version(sources.demonymsPackage)]))
    .update(readFileSync(sources.aliases))
    .update(readFileSync(sources.arabicDemonyms))
    .update(readFileSync(sources.countryNames))
    .update(foldKey('Āş-Şuwaydā’ U.S. Київ Quneit\u00adra دمـشق Dar‘ā Sharaʿa'))
    .digest('hex')
    .slice(0, 16);
}

/** The builder as a program: compiled beside this file, or its source through tsx. */
function builderCommand(): string[] {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return [fileURLToPath(new URL('./place-gazetteer-cli.js', self))];
  const tsx = pathToFileURL(createRequire(self).resolve('tsx/esm')).href;
  return ['--import', tsx, fileURLToPath(new URL('./place-gazetteer-cli.ts', self))];
}

/**
 * The gazetteer file for the installed packages, built first when missing (about 20 s, once per
 * upgrade of a package or of the aliases) in a child process; older files are removed.
 */
export function ensureGazetteerFile(dir = DEFAULT_GAZETTEER_DIR, log?: (message: string) => void): string {
  const fingerprint = gazetteerFingerprint();
  const path = join(dir, `gazetteer-${fingerprint}.db`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  log?.('building the gazetteer from its packages (once per upgrade, about 20 s)');
  const built = spawnSync(process.execPath, [...builderCommand(), path, fingerprint], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (built.status !== 0 || !existsSync(path)) {
    throw new Error(`The gazetteer could not be built (${built.error?.message ?? built.stderr.trim().split('\n').slice(-3).join(' ')})`);
  }
  for (const file of readdirSync(dir)) {
    if (/^gazetteer-[0-9a-f]+\.db$/.test(file) && join(dir, file) !== path) rmSync(join(dir, file), { force: true });
  }
  return path;
}

interface PlaceRow {
  precision: PlacePrecision;
  ref: string;
  name: string;
  country_code: string;
  alpha3: string;
  country_name: string;
  region_code: string | null;
  region_name: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number;
}

/** Each kind of record with its country and region, as one row shape. */
const PLACE_SELECTS: Record<PlacePrecision, string> = {
  country: `SELECT 'country' AS precision, 'country:' || c.code AS ref, c.name, c.code AS country_code, c.alpha3, c.name AS country_name,
              NULL AS region_code, NULL AS region_name, c.latitude, c.longitude, c.population
            FROM countries c WHERE c.code = ?`,
  region: `SELECT 'region' AS precision, 'region:' || r.code AS ref, r.name, c.code AS country_code, c.alpha3, c.name AS country_name,
             r.code AS region_code, r.name AS region_name, r.latitude, r.longitude, r.population
           FROM regions r JOIN countries c ON c.code = r.country WHERE r.code = ?`,
  locality: `SELECT 'locality' AS precision, 'locality:' || l.id AS ref, l.name, c.code AS country_code, c.alpha3, c.name AS country_name,
               r.code AS region_code, r.name AS region_name, l.latitude, l.longitude, l.population
             FROM localities l JOIN countries c ON c.code = l.country LEFT JOIN regions r ON r.code = l.region WHERE l.id = ?`,
};

function toPlace(row: PlaceRow): GazetteerPlace {
  return {
    precision: row.precision,
    ref: row.ref,
    name: row.name,
    country: { code: row.country_code, alpha3: row.alpha3, name: row.country_name },
    ...(row.region_code !== null && row.region_name !== null ? { region: { code: row.region_code, name: row.region_name } } : {}),
    latitude: row.latitude ?? 0,
    longitude: row.longitude ?? 0,
    population: row.population,
  };
}

/**
 * Degrees around the outermost places of a country its land may still reach: a mountain or a
 * crossing on a border lies beyond its last town, seldom half a degree (about 50 km) beyond.
 */
const EXTENT_MARGIN = 0.5;

/** How many names sharing a misspelling's first letters are weighed for "closest". */
const CLOSEST_CONSIDERED = 4000;
/** Edits per character beyond which a name is no longer a plausible misspelling. */
const CLOSEST_MAX_EDITS = 0.34;

export class SqliteGazetteer implements Gazetteer, CountryExtents {
  private readonly db: Database.Database;
  private readonly selects: Record<PlacePrecision, Database.Statement>;
  private readonly names: Database.Statement;
  private readonly ownNames: Database.Statement;
  private readonly near: Database.Statement;
  private readonly arabic: Database.Statement;
  private readonly latin: Database.Statement;
  private readonly peoples: Database.Statement;
  private readonly pressNames: Database.Statement;
  private readonly bordering: Database.Statement;
  private readonly extent: Database.Statement;
  /** Borders never change while the file is open, and each resolution of a place asks them. */
  private readonly neighbourMemo = new Map<string, string[]>();
  // Peoples' and countries' names are a few hundred rows each, and place spotting asks them for
  // nearly every word it reads: held in memory, a word costs a map lookup, not a query.
  private peoplesByKey?: Map<string, string[]>;
  private countriesByKey?: Map<string, string[]>;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.selects = {
      country: this.db.prepare(PLACE_SELECTS.country),
      region: this.db.prepare(PLACE_SELECTS.region),
      locality: this.db.prepare(PLACE_SELECTS.locality),
    };
    this.names = this.db.prepare('SELECT ref, tier FROM names WHERE name_key = ?');
    this.ownNames = this.db.prepare('SELECT ref FROM names WHERE name_key = ? AND tier = 0').pluck();
    this.near = this.db.prepare('SELECT name_key, ref, name FROM names WHERE name_key >= ? AND name_key < ? AND tier = 0 LIMIT ?');
    // The WHERE of the partial index names_in_arabic_script_by_ref, as written there.
    this.arabic = this.db.prepare("SELECT name FROM names WHERE ref = ? AND name GLOB '*[ء-ي]*' ORDER BY name").pluck();
    this.latin = this.db.prepare('SELECT name FROM latin_names WHERE ref = ? ORDER BY rank').pluck();
    this.peoples = this.db.prepare('SELECT name FROM demonyms WHERE country = ? ORDER BY name').pluck();
    this.pressNames = this.db.prepare('SELECT name FROM press_names WHERE country = ? ORDER BY name').pluck();
    this.bordering = this.db.prepare('SELECT neighbour FROM borders WHERE country = ? ORDER BY neighbour').pluck();
    // Localities, regions and the country's own point: a country of few towns still has its regions' centres.
    this.extent = this.db
      .prepare(
        `SELECT min(longitude), min(latitude), max(longitude), max(latitude), count(*) FROM (
           SELECT latitude, longitude FROM localities WHERE country = @country
           UNION ALL SELECT latitude, longitude FROM regions WHERE country = @country AND latitude IS NOT NULL
           UNION ALL SELECT latitude, longitude FROM countries WHERE code = @country AND latitude IS NOT NULL)`,
      )
      .raw();
  }

  arabicNames(ref: string): string[] {
    return this.arabic.all(ref) as string[];
  }

  latinNames(ref: string): string[] {
    return this.latin.all(ref) as string[];
  }

  demonyms(countryCode: string): string[] {
    return this.peoples.all(countryCode) as string[];
  }

  countriesOfPeople(key: string): string[] {
    this.peoplesByKey ??= this.countriesByNameKey('demonyms');
    return this.peoplesByKey.get(key) ?? [];
  }

  countryNames(countryCode: string): string[] {
    return this.pressNames.all(countryCode) as string[];
  }

  countriesNamed(key: string): string[] {
    this.countriesByKey ??= this.countriesByNameKey('press_names');
    return this.countriesByKey.get(key) ?? [];
  }

  /** Each name key of the table with its countries, each once, in order. */
  private countriesByNameKey(table: 'demonyms' | 'press_names'): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    const rows = this.db.prepare(`SELECT DISTINCT name_key, country FROM ${table} WHERE name_key <> '' ORDER BY name_key, country`).raw().all() as [string, string][];
    for (const [key, country] of rows) {
      const countries = byKey.get(key);
      if (countries) countries.push(country);
      else byKey.set(key, [country]);
    }
    return byKey;
  }

  neighbours(countryCode: string): string[] {
    let found = this.neighbourMemo.get(countryCode);
    if (found === undefined) {
      found = this.bordering.all(countryCode) as string[];
      this.neighbourMemo.set(countryCode, found);
    }
    return found;
  }

  /**
   * The box holding the country's places, widened by EXTENT_MARGIN; undefined for a country
   * without any. Spread over the antimeridian (Fiji, Russia), it spans every longitude between.
   */
  countryBounds(countryCode: string): Bounds | undefined {
    const [west, south, east, north, count] = this.extent.get({ country: countryCode }) as [number, number, number, number, number];
    if (count === 0) return undefined;
    return [Math.max(-180, west - EXTENT_MARGIN), Math.max(-90, south - EXTENT_MARGIN), Math.min(180, east + EXTENT_MARGIN), Math.min(90, north + EXTENT_MARGIN)];
  }

  byRef(ref: string): GazetteerPlace | undefined {
    const colon = ref.indexOf(':');
    const precision = ref.slice(0, colon) as PlacePrecision;
    const select = this.selects[precision];
    if (!select) return undefined;
    const row = select.get(precision === 'locality' ? Number(ref.slice(colon + 1)) : ref.slice(colon + 1)) as PlaceRow | undefined;
    return row ? toPlace(row) : undefined;
  }

  named(key: string): { place: GazetteerPlace; tier: number }[] {
    if (key === '') return [];
    const rows = this.names.all(key) as { ref: string; tier: number }[];
    return rows.flatMap(({ ref, tier }) => {
      const place = this.byRef(ref);
      return place ? [{ place, tier }] : [];
    });
  }

  ownNamed(key: string): GazetteerPlace[] {
    if (key === '') return [];
    return (this.ownNames.all(key) as string[]).flatMap((ref) => this.byRef(ref) ?? []);
  }

  closest(typed: string, count: number, within?: (place: GazetteerPlace) => boolean): { name: string; place: GazetteerPlace }[] {
    const key = foldKey(typed);
    if (key.length < 2) return [];
    const prefix = key.slice(0, 2);
    const rows = this.near.all(prefix, `${prefix}\uffff`, CLOSEST_CONSIDERED) as { name_key: string; ref: string; name: string }[];
    const scored = rows
      .map((row) => ({ row, edits: distance(key, row.name_key) / key.length }))
      .filter((s) => s.edits <= CLOSEST_MAX_EDITS)
      .map((s) => ({ ...s, place: this.byRef(s.row.ref) }))
      .filter((s): s is typeof s & { place: GazetteerPlace } => s.place !== undefined && (within === undefined || within(s.place)))
      // Fewest edits first; among equals, the place more people know.
      .sort((a, b) => a.edits - b.edits || weight(b.place) - weight(a.place));
    const seen = new Set<string>();
    return scored.filter((s) => !seen.has(s.place.ref) && seen.add(s.place.ref)).slice(0, count).map((s) => ({ name: s.row.name, place: s.place }));
  }

  close(): void {
    this.db.close();
  }
}

/** Countries before regions before localities, then by people. */
const weight = (place: GazetteerPlace) => ({ country: 3e9, region: 1e9, locality: 0 })[place.precision] + place.population;

/** Opens the gazetteer for the installed packages, building it first if needed. */
export function openGazetteer(dir?: string, log?: (message: string) => void): SqliteGazetteer {
  return new SqliteGazetteer(ensureGazetteerFile(dir, log));
}
