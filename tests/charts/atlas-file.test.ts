// GIVEN no decoded atlas yet, WHEN a map needs its borders, THEN the atlas file is written once,
// older ones are removed, and each country read back from it is the package's outline.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterEach, describe, expect, it } from 'vitest';
import { AtlasCountries, ensureAtlasFile, readAtlas } from '../../src/charts/atlas-file.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-atlas-'));
  dirs.push(dir);
  return dir;
};

const packageCountries = (): Feature<Geometry>[] => {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries).features as Feature<Geometry>[];
};

/** Every vertex, to a ten-thousandth of a degree. */
const vertices = (shape: Feature<Geometry>) => (JSON.stringify(shape.geometry).match(/-?\d+(\.\d+)?/g) ?? []).map((n) => Math.round(Number(n) * 1e4));

describe('the decoded atlas', () => {
  it('is written when missing, once, and replaces a file of an older atlas', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'countries-110m-000000000000.ndjson'), 'stale');
    const path = ensureAtlasFile('110m', dir);
    const written = statSync(path).mtimeMs;
    expect(ensureAtlasFile('110m', dir)).toBe(path);
    expect(statSync(path).mtimeMs).toBe(written);
    expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]);
  });

  it('is decoded in memory where it cannot be written', () => {
    const dir = freshDir();
    const blocked = join(dir, 'not-a-directory');
    writeFileSync(blocked, '');
    const atlas = new AtlasCountries(readAtlas('110m', blocked));
    expect(atlas.parts).toHaveLength(packageCountries().length);
    expect(readdirSync(dir)).toEqual(['not-a-directory']);
  });

  it('gives back every country as the package draws it, and only the polygons a window asks for', () => {
    const atlas = new AtlasCountries(readAtlas('110m', freshDir()));
    const expected = packageCountries();
    expect(atlas.parts).toHaveLength(expected.length);
    expected.forEach((country, i) => {
      const read = atlas.shapeWith(i, () => true);
      expect(read.properties).toEqual(country.properties);
      expect(vertices(read)).toEqual(vertices(country));
    });
    const france = expected.findIndex((country) => country.properties?.name === 'France');
    // Maps name the countries from the decoded atlas.
    expect(atlas.shapeWith(france, () => true).properties?.name).toBe('France');
    const whole = atlas.shapeWith(france, () => true).geometry;
    expect(whole.type === 'MultiPolygon' && whole.coordinates.length).toBeGreaterThan(1);
    expect(atlas.parts[france]).toHaveLength(whole.type === 'MultiPolygon' ? whole.coordinates.length : 0);
    const second = atlas.shapeWith(france, (part) => part === 1).geometry;
    expect(second).toEqual({ type: 'MultiPolygon', coordinates: [whole.type === 'MultiPolygon' && whole.coordinates[1]] });
  });
});
