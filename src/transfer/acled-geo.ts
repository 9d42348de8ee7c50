// Where an entry took place, in ACLED's geography columns. Places are located by a function the
// exporter is given (a gazetteer: place name → located record); an entry with no located place
// leaves every geography column empty.
import countries from 'i18n-iso-countries';
import type { PlaceDirectory } from '../core/places/place-port.js';

/** How precisely a place is known, from the most precise down. */
export type LocatedPrecision = 'locality' | 'region' | 'country';

export interface LocatedPlace {
  /** ISO 3166-1 alpha-2 code of the country. */
  countryCode: string;
  country: string;
  /** ACLED's world region (`Middle East`), where the gazetteer knows it. */
  region?: string;
  /** First-level administrative region. */
  admin1?: string;
  /** The locality, or the region or country itself when that is all that is known. */
  location: string;
  latitude?: number;
  longitude?: number;
  precision: LocatedPrecision;
}

export type PlaceLocator = (place: string) => LocatedPlace | undefined;

/** The store's own locations: a place an admin or the gazetteer located, as its record says. */
export function gazetteerLocator(places: PlaceDirectory): PlaceLocator {
  return (name) => {
    const stored = places.stored(name);
    const record = stored?.location === 'located' && stored.ref ? places.gazetteer.byRef(stored.ref) : undefined;
    if (!record) return undefined;
    return {
      countryCode: record.country.code,
      country: record.country.name,
      ...(record.region ? { admin1: record.region.name } : {}),
      location: record.name,
      latitude: record.latitude,
      longitude: record.longitude,
      precision: record.precision,
    };
  };
}

const PRECISION_ORDER: readonly LocatedPrecision[] = ['locality', 'region', 'country'];

/**
 * ACLED's geo_precision: 1 for a known town, 3 for a larger region (the codebook codes a region
 * at its capital or a natural location; it records almost nothing at country level, so a country
 * is 3 as well). Its 2, "near a town or part of a region", is a judgement no gazetteer makes.
 */
const GEO_PRECISION: Record<LocatedPrecision, number> = { locality: 1, region: 3, country: 3 };

/** The entry's most precise located place (the first listed among equals), or undefined. */
export function entryLocation(places: readonly string[], locate: PlaceLocator): LocatedPlace | undefined {
  const located = places.map(locate).filter((place): place is LocatedPlace => place !== undefined);
  return located.sort((a, b) => PRECISION_ORDER.indexOf(a.precision) - PRECISION_ORDER.indexOf(b.precision))[0];
}

/** Coordinates in four decimals, as ACLED gives them. */
const coordinate = (value: number | undefined) => (value === undefined ? '' : value.toFixed(4));

export interface GeoColumns {
  iso: number | '';
  region: string;
  country: string;
  admin1: string;
  location: string;
  latitude: string;
  longitude: string;
  geo_precision: number | '';
}

export function geoColumns(place: LocatedPlace | undefined): GeoColumns {
  if (!place) return { iso: '', region: '', country: '', admin1: '', location: '', latitude: '', longitude: '', geo_precision: '' };
  const numeric = countries.alpha2ToNumeric(place.countryCode.toUpperCase());
  return {
    iso: numeric === undefined ? '' : Number(numeric),
    region: place.region ?? '',
    country: place.country,
    admin1: place.admin1 ?? '',
    location: place.location,
    latitude: coordinate(place.latitude),
    longitude: coordinate(place.longitude),
    geo_precision: GEO_PRECISION[place.precision],
  };
}
