// Country borders from world-atlas (Natural Earth), read a country at a time from the decoded atlas
// (atlas-file.ts), and the countries that show in a window of longitude and latitude: at 1:50m
// for a region, at 1:110m for a wider view, where finer borders would only cost drawing time. A
// map gets them projected and cut to its plot once per window, with the spots where the countries'
// names fit (country-labels.ts): projecting a whole country (Russia, for the Levant) on every
// picture cost more than drawing the rest of it.
import type { GeoProjection } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { AtlasCountries, readAtlas, type Bounds, type Detail } from './atlas-file.js';
import { countryNameSpots, type CountryNameSpots } from './country-labels.js';

/** Degrees; east may run past 180 (and west below -180) for a window across the antimeridian. */
export interface Window {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Windows wider than this many degrees of longitude get the coarser borders. */
const FINE_SPAN = 30;

export interface ProjectedCountries {
  /** The countries' borders in the projection's plane (pixels), cut to its clip extent. */
  borders: Feature<Geometry>[];
  /** Where each country with room for its name can be named, largest country first. */
  nameSpots: CountryNameSpots[];
}

const atlases = new Map<Detail, AtlasCountries>();
/** The last few windows' countries: maps of one region are drawn again and again. */
const projected = new Map<string, ProjectedCountries>();
const PROJECTED_KEPT = 8;

/**
 * Whether a polygon's bounds meet the window; bounds across the antimeridian (west > east) always
 * do. A window across 180° runs past it (160 to 200), so the bounds are tried a turn either way.
 */
function meets([west, south, east, north]: Bounds, w: Window): boolean {
  if (south > w.north || north < w.south) return false;
  return west > east || [-360, 0, 360].some((turn) => west + turn <= w.east && east + turn >= w.west);
}

/** The borders of the countries in the window, so the picture holds only what it shows. */
function countriesIn(window: Window): Feature<Geometry>[] {
  const detail: Detail = window.east - window.west > FINE_SPAN ? '110m' : '50m';
  let atlas = atlases.get(detail);
  if (!atlas) atlases.set(detail, (atlas = new AtlasCountries(readAtlas(detail))));
  return atlas.parts.flatMap((parts, i) => {
    const shown = parts.map((bounds) => meets(bounds, window));
    return shown.includes(true) ? [atlas.shapeWith(i, (part) => shown[part]!)] : [];
  });
}

/**
 * The countries in the window, projected and cut to the projection's clip extent; `key` names the
 * window and the projection, which are the same for the same key.
 */
export function projectedCountriesIn(window: Window, projection: GeoProjection, key: string): ProjectedCountries {
  const known = projected.get(key);
  if (known) return known;
  const countries: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: countriesIn(window) };
  const borders = geoProject(countries, projection).features.filter((shape) => shape.geometry !== null);
  const [[left, top], [right, bottom]] = projection.clipExtent() ?? [[-Infinity, -Infinity], [Infinity, Infinity]];
  const result = { borders, nameSpots: countryNameSpots(borders, { left, top, right, bottom }) };
  projected.set(key, result);
  if (projected.size > PROJECTED_KEPT) projected.delete(projected.keys().next().value!);
  return result;
}
