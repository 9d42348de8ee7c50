// Country borders from world-atlas (Natural Earth), read from the package once per worker, and the
// countries that show in a window of longitude and latitude: at 1:50m for a region, at 1:110m
// for a wider view, where finer borders would only cost drawing time. A map gets them projected
// and cut to its plot once per window: projecting a whole country (Russia, for the Levant) on
// every picture cost more than drawing the rest of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeoProjection } from 'd3-geo';
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
  return shapes.map((shape) => ({ shape, bounds: lonLatBounds(shape) }));
}

/** Half a degree around a country's vertices covers its edges' bulge between them. */
const EDGE_MARGIN = 0.5;

/**
 * A country's bounds from its vertices, in plain longitude and latitude: what it takes to pick
 * the countries a window meets (d3's spherical geoBounds cost a worker's first map more than its
 * drawing). A country spanning more than half the globe in longitude crosses the antimeridian
 * (Russia, Fiji): it is given west > east, which meets every window of its latitudes.
 */
function lonLatBounds(shape: Feature<Geometry>): [[number, number], [number, number]] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (coordinates: unknown): void => {
    if (typeof (coordinates as number[])[0] === 'number') {
      const [lon, lat] = coordinates as [number, number];
      [west, east, south, north] = [Math.min(west, lon), Math.max(east, lon), Math.min(south, lat), Math.max(north, lat)];
    } else for (const inner of coordinates as unknown[]) visit(inner);
  };
  if (shape.geometry && 'coordinates' in shape.geometry) visit(shape.geometry.coordinates);
  if (west === Infinity) return [[180, 90], [-180, -90]];
  if (east - west > 180) return [[180, south - EDGE_MARGIN], [-180, north + EDGE_MARGIN]];
  return [[west - EDGE_MARGIN, south - EDGE_MARGIN], [east + EDGE_MARGIN, north + EDGE_MARGIN]];
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
