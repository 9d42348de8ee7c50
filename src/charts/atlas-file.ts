// The world atlas's countries, decoded once per install into a file a chart worker can read a
// country at a time: decoding the whole TopoJSON (parsing it, then every country's outline) was
// most of a worker's first map, for the ten countries a region shows. `npm run build` writes the
// files; a worker that finds one missing writes it on the spot (or, on a read-only install, keeps
// it in memory).
//
// A file is one line of JSON per country after a first line that indexes them:
// `{"parts": [[[west, south, east, north], …], …], "lengths": [bytes, …]}`, with the bounds of
// each of a country's polygons: France's overseas departments or Alaska's islands do not bring
// their mainland into a map of the Levant.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { projectPath } from '../paths.js';

export type Detail = '50m' | '110m';
export const DETAILS: readonly Detail[] = ['50m', '110m'];

/** West, south, east, north in degrees; west > east for a polygon across the antimeridian. */
export type Bounds = [number, number, number, number];

export const DEFAULT_ATLAS_DIR = projectPath('data', 'atlas');
/** Bumped when the file's layout or content changes, so older files are rebuilt. */
const FORMAT = 2;
/** Degrees kept: a ten-thousandth (about 11 m) is finer than the 1:50m atlas itself. */
const DECIMALS = 1e4;
/** Half a degree around a country's vertices covers its edges' bulge between them. */
const EDGE_MARGIN = 0.5;

const require = createRequire(import.meta.url);
const topologyFile = (detail: Detail) => require.resolve(`world-atlas/countries-${detail}.json`);

function atlasPath(detail: Detail, dir: string): string {
  const version = (JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as { version: string }).version;
  const fingerprint = createHash('sha256').update(JSON.stringify([FORMAT, version, detail])).digest('hex').slice(0, 12);
  return join(dir, `countries-${detail}-${fingerprint}.ndjson`);
}

/**
 * A polygon's bounds from its vertices, in plain longitude and latitude (d3's spherical
 * geoBounds cost more than drawing a map). One spanning more than half the globe in longitude
 * crosses the antimeridian: it is given west > east, which meets every window of its latitudes.
 */
function lonLatBounds(coordinates: unknown): Bounds {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (coordinates: unknown): void => {
    if (typeof (coordinates as number[])[0] === 'number') {
      const [lon, lat] = coordinates as [number, number];
      [west, east, south, north] = [Math.min(west, lon), Math.max(east, lon), Math.min(south, lat), Math.max(north, lat)];
    } else for (const inner of coordinates as unknown[]) visit(inner);
  };
  visit(coordinates);
  if (west === Infinity) return [180, 90, -180, -90];
  if (east - west > 180) return [180, south - EDGE_MARGIN, -180, north + EDGE_MARGIN];
  return [west - EDGE_MARGIN, south - EDGE_MARGIN, east + EDGE_MARGIN, north + EDGE_MARGIN];
}

/** Bounds of each polygon of a country (none for a country without a shape). */
function partBounds(shape: Feature<Geometry>): Bounds[] {
  const geometry = shape.geometry;
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates.map(lonLatBounds);
  if (geometry && 'coordinates' in geometry) return [lonLatBounds(geometry.coordinates)];
  return [];
}

const rounded = (_key: string, value: unknown) => (typeof value === 'number' ? Math.round(value * DECIMALS) / DECIMALS : value);

/** The file's bytes, decoded from the package's TopoJSON. */
function decodeAtlas(detail: Detail): Buffer {
  const topology = JSON.parse(readFileSync(topologyFile(detail), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(topology, topology.objects.countries).features as Feature<Geometry>[];
  const lines = shapes.map((shape) => Buffer.from(JSON.stringify(shape, rounded)));
  const index = { parts: shapes.map(partBounds), lengths: lines.map((line) => line.length + 1) };
  return Buffer.concat([Buffer.from(JSON.stringify(index)), ...lines.flatMap((line) => [Buffer.from('\n'), line])]);
}

/** Writes the file through a temporary name (readers see all of it or none) and removes older ones. */
function writeAtlasFile(detail: Detail, dir: string, path: string, text: Buffer): void {
  mkdirSync(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  const prefix = `countries-${detail}-`;
  for (const file of readdirSync(dir)) {
    if (file.startsWith(prefix) && file.endsWith('.ndjson') && join(dir, file) !== path) rmSync(join(dir, file), { force: true });
  }
}

/** The file for the installed atlas, written first when missing. */
export function ensureAtlasFile(detail: Detail, dir = DEFAULT_ATLAS_DIR): string {
  const path = atlasPath(detail, dir);
  if (!existsSync(path)) writeAtlasFile(detail, dir, path, decodeAtlas(detail));
  return path;
}

/** The atlas's bytes: from its file, written first when missing, or decoded in memory where it cannot be written. */
export function readAtlas(detail: Detail, dir = DEFAULT_ATLAS_DIR): Buffer {
  const path = atlasPath(detail, dir);
  if (existsSync(path)) return readFileSync(path);
  const text = decodeAtlas(detail);
  try {
    writeAtlasFile(detail, dir, path, text);
  } catch {
    // A read-only install: this worker keeps the decoded atlas, the next one decodes it again.
  }
  return text;
}

/** An atlas from its bytes (readAtlas): the bounds of every country's polygons, and each outline parsed when first asked for. */
export class AtlasCountries {
  readonly parts: readonly (readonly Bounds[])[];
  readonly #text: Buffer;
  /** Where each country's line starts and ends in the file. */
  readonly #lines: [number, number][];
  readonly #shapes = new Map<number, Feature<Geometry>>();

  constructor(text: Buffer) {
    this.#text = text;
    const headerEnd = this.#text.indexOf(10);
    const index = JSON.parse(this.#text.toString('utf8', 0, headerEnd)) as { parts: Bounds[][]; lengths: number[] };
    this.parts = index.parts;
    let at = headerEnd + 1;
    this.#lines = index.lengths.map((length) => [at, (at += length) - 1]);
  }

  /** Country `i` with only the polygons `keep` says yes to (by their index among its parts). */
  shapeWith(i: number, keep: (part: number) => boolean): Feature<Geometry> {
    const shape = this.#shape(i);
    if (shape.geometry?.type !== 'MultiPolygon') return shape;
    const coordinates = shape.geometry.coordinates.filter((_, part) => keep(part));
    return { ...shape, geometry: { type: 'MultiPolygon', coordinates } };
  }

  #shape(i: number): Feature<Geometry> {
    let shape = this.#shapes.get(i);
    if (!shape) {
      const [start, end] = this.#lines[i]!;
      shape = JSON.parse(this.#text.toString('utf8', start, end)) as Feature<Geometry>;
      this.#shapes.set(i, shape);
    }
    return shape;
  }
}
