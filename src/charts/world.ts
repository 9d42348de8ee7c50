// Country borders from world-atlas (Natural Earth), read from the package once per worker, and the
// countries that show in a window of longitude and latitude: at 1:50m for a region, at 1:110m
// for a wider view, where finer borders would only cost drawing time. A map gets them projected
// and cut to its plot once per window: projecting a whole country (Russia, for the Levant) on
// every picture cost more than drawing the rest of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, type GeoProjection } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface Window {
  west: number;
  south: number;
  east: number;
  north: number;
}

interface Country {
  shape: Feature<Geometry>;
  bounds: [[number, number], [number, number]];
}

type Detail = '50m' | '110m';
/** Windows wider than this many degrees of longitude get the coarser borders. */
const FINE_SPAN = 30;

const atlases = new Map<Detail, Country[]>();
/** Projected borders of the last few windows: maps of one region are drawn again and again. */
const projected = new Map<string, Feature<Geometry>[]>();
const PROJECTED_KEPT = 8;

function loadCountries(detail: Detail): Country[] {
  const file = createRequire(import.meta.url).resolve(`world-atlas/countries-${detail}.json`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(topology, topology.objects.countries).features as Feature<Geometry>[];
  return shapes.map((shape) => ({ shape, bounds: geoBounds(shape) }));
}

/** Whether a country's bounds meet the window; bounds across the antimeridian (west > east) always do. */
function meets({ bounds: [[west, south], [east, north]] }: Country, w: Window): boolean {
  if (south > w.north || north < w.south) return false;
  return west > east || (west <= w.east && east >= w.west);
}

/** The borders of the countries in the window, so the picture holds only what it shows. */
function countriesIn(window: Window): Feature<Geometry>[] {
  const detail: Detail = window.east - window.west > FINE_SPAN ? '110m' : '50m';
  let countries = atlases.get(detail);
  if (!countries) atlases.set(detail, (countries = loadCountries(detail)));
  return countries.filter((c) => meets(c, window)).map((c) => c.shape);
}

/**
 * The borders of the countries in the window in the projection's plane (pixels), cut to its clip
 * extent; `key` names the window and the projection, which are the same for the same key.
 */
export function projectedBordersIn(window: Window, projection: GeoProjection, key: string): Feature<Geometry>[] {
  const known = projected.get(key);
  if (known) return known;
  const countries: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: countriesIn(window) };
  const shapes = geoProject(countries, projection).features.filter((shape) => shape.geometry !== null);
  projected.set(key, shapes);
  if (projected.size > PROJECTED_KEPT) projected.delete(projected.keys().next().value!);
  return shapes;
}
