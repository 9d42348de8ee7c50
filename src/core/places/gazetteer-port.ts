// What the core knows of the gazetteer: records at three levels (country, first-level region,
// locality), found by folded name. The store builds and reads it (src/store/place-gazetteer*.ts).

export type PlacePrecision = 'locality' | 'region' | 'country';

export interface GazetteerCountry {
  /** ISO 3166-1 alpha-2 and alpha-3. */
  code: string;
  alpha3: string;
  name: string;
}

export interface GazetteerRegion {
  /** GeoNames' first-level code, country first: `SY.05`. */
  code: string;
  name: string;
}

/** One gazetteer record: a country, a region in it, or a locality in a region. */
export interface GazetteerPlace {
  precision: PlacePrecision;
  /** `country:SY`, `region:SY.05`, `locality:172408` (a GeoNames id): the record's own key. */
  ref: string;
  name: string;
  country: GazetteerCountry;
  region?: GazetteerRegion;
  latitude: number;
  longitude: number;
  /** People living there (localities; 0 when unknown), used to tell a capital from a namesake. */
  population: number;
}

export interface Gazetteer {
  /**
   * Every record one of whose names folds to this key, with the name's tier: 0 its own name or
   * an alias of Sitrep's table, 1 one of the gazetteer's alternate names.
   */
  named(key: string): { place: GazetteerPlace; tier: number }[];
  /** The records whose own name or alias of Sitrep's table folds to this key (tier 0 only). */
  ownNamed(key: string): GazetteerPlace[];
  /** A record by its ref, or undefined. */
  byRef(ref: string): GazetteerPlace | undefined;
  /** The record's names in Arabic script (GeoNames' alternate names): what Arabic news calls it. */
  arabicNames(ref: string): string[];
  /**
   * How the record is spelt in Latin script where its own name is not how English news writes it,
   * best first: the aliases of Sitrep's table (`Daraa` for `Dar‘ā`), then its ASCII name (`Jasim`).
   */
  latinNames(ref: string): string[];
  /** What a country's people are called, by its ISO alpha-2 code: `Israeli`, `Israelis`, `Israélien`, `إسرائيلي`… */
  demonyms(countryCode: string): string[];
  /** The countries whose people a folded name calls so (`lebanese` → LB), by their ISO alpha-2 codes. */
  countriesOfPeople(key: string): string[];
  /** What English, French and Arabic news call a country, by its ISO alpha-2 code: `Syria`, `Syrie`, `سوريا`… */
  countryNames(countryCode: string): string[];
  /** The countries a folded name is one of those names of (`liban` → LB). */
  countriesNamed(key: string): string[];
  /** The countries sharing a land border with this one, by ISO alpha-2 code (`SY` → IQ, IL, JO, LB, TR). */
  neighbours(countryCode: string): string[];
  /** Names close to a misspelling, most likely first: `[name, record]`; only records `within` accepts, when given. */
  closest(typed: string, count: number, within?: (place: GazetteerPlace) => boolean): { name: string; place: GazetteerPlace }[];
}

/**
 * The areas a located place lies in, widest first: its country, its region, itself. Entries are
 * indexed by each (entry_areas), so a filter on any of them reads one index range.
 */
export function areasOf(place: GazetteerPlace): string[] {
  const areas = [`country:${place.country.code}`];
  if (place.region) areas.push(`region:${place.region.code}`);
  if (place.precision === 'locality') areas.push(place.ref);
  return areas;
}

/** Where a record lies, most precise last: `Damascus, Damascus Governorate, Syria`. */
export function placeChain(place: GazetteerPlace): string {
  const parts = place.precision === 'country' ? [] : [place.name];
  if (place.region && place.precision === 'locality') parts.push(place.region.name);
  parts.push(place.country.name);
  return parts.join(', ');
}
