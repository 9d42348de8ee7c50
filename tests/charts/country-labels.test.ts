// Country names on a map: inside their country where the name has room, the deepest spot first;
// a country too small for its name, or only a corner of it at the plot's edge, goes unnamed; place
// names and circles come first, and a country name moves off them or is left out.
import { geoMercator } from 'd3-geo';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAME_FONT, countryNameSpots, placeCountryNames, type CountryNameSpots } from '../../src/charts/country-labels.js';
import { boxAround, labelSize } from '../../src/charts/label-placement.js';
import { windowAround } from '../../src/charts/map-spec.js';
import { projectedCountriesIn } from '../../src/charts/world.js';

const PLOT = { left: 0, top: 0, right: 600, bottom: 500 };
const country = (name: string, ...rings: Position[][]): Feature<Geometry> => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: rings } });
const rectangle = (left: number, top: number, right: number, bottom: number): Position[] => [[left, top], [right, top], [right, bottom], [left, bottom], [left, top]];

/** Even-odd point in polygon, holes included. */
const insideRings = (rings: Position[][], x: number, y: number) =>
  rings.reduce((inside, ring) => {
    let crossings = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[j]!, ring[i]!];
      if (a[1]! > y !== b[1]! > y && x < a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!)) crossings++;
    }
    return crossings % 2 === 1 ? !inside : inside;
  }, false);
/** Whether the name's box around (x, y) lies inside the rings: its corners and the middles of its sides. */
const boxInside = (rings: Position[][], name: string, x: number, y: number) => {
  const box = boxAround(x, y, labelSize(name, COUNTRY_NAME_FONT));
  const xs = [box.left, x, box.right];
  const ys = [box.top, y, box.bottom];
  return xs.every((px) => ys.every((py) => insideRings(rings, px, py)));
};

describe('GIVEN the projected borders of a window', () => {
  it('THEN a U-shaped country is named in one of its arms or its base, not in the notch where its centroid falls', () => {
    // Arms 60 wide, base 60 high, notch 180 wide: the area's centroid is in the notch.
    const u: Position[] = [[100, 100], [160, 100], [160, 340], [340, 340], [340, 100], [400, 100], [400, 400], [100, 400], [100, 100]];
    const [spots] = countryNameSpots([country('Utopia', u)], PLOT);
    expect(spots?.name).toBe('Utopia');
    expect(spots!.spots.length).toBeGreaterThan(1);
    for (const { x, y } of spots!.spots) expect(boxInside([u], 'Utopia', x, y), `${x},${y}`).toBe(true);
    // The deepest spot is in the base, which is wider than the name, at its middle.
    expect(spots!.spots[0]!.x).toBeCloseTo(250, -1);
    expect(spots!.spots[0]!.y).toBeGreaterThan(340);
  });

  it('THEN a name stays out of a country’s hole (a country within it)', () => {
    const rings = [rectangle(100, 100, 300, 200), rectangle(130, 120, 270, 180)];
    const [spots] = countryNameSpots([country('Ring', ...rings)], PLOT);
    for (const { x, y } of spots!.spots) expect(boxInside(rings, 'Ring', x, y), `${x},${y}`).toBe(true);
  });

  it('THEN a country smaller than its name, or only a corner of it at the plot’s edge, is not named; the same corner whole inside the plot is', () => {
    const tiny = country('Liechtenstein', rectangle(300, 300, 330, 330));
    // 2% of the plot, cut by its left and top edges, though the name would fit in it.
    const corner = country('Cyprus', rectangle(0, 0, 100, 60));
    const island = country('Cyprus', rectangle(200, 200, 300, 260));
    expect(countryNameSpots([tiny, corner], PLOT)).toEqual([]);
    expect(countryNameSpots([island], PLOT).map((c) => c.name)).toEqual(['Cyprus']);
  });

  it('THEN the larger countries come first', () => {
    const spots = countryNameSpots([country('Small', rectangle(400, 100, 500, 150)), country('Large', rectangle(50, 50, 350, 450))], PLOT);
    expect(spots.map((c) => c.name)).toEqual(['Large', 'Small']);
  });
});

describe('GIVEN the places’ names and circles', () => {
  const syria: CountryNameSpots = { name: 'Syria', area: 10_000, spots: [{ x: 100, y: 100 }, { x: 100, y: 150 }] };

  it('THEN a country is named at its first spot when it is free', () => {
    expect(placeCountryNames([syria], [], [])).toEqual([{ name: 'Syria', x: 100, y: 100 }]);
  });

  it('THEN a country name moves off a place’s name or circle to its next spot, and is left out when every spot is covered', () => {
    const damascus = boxAround(110, 98, labelSize('Damascus', { size: 11, charWidth: 0.6 }));
    expect(placeCountryNames([syria], [damascus], [])).toEqual([{ name: 'Syria', x: 100, y: 150 }]);
    expect(placeCountryNames([syria], [damascus], [{ name: 'Homs', x: 104, y: 152, r: 5 }])).toEqual([]);
  });

  it('THEN two countries’ names do not cover each other: the first placed keeps its spot', () => {
    const lebanon: CountryNameSpots = { name: 'Lebanon', area: 2_000, spots: [{ x: 110, y: 104 }, { x: 60, y: 200 }] };
    expect(placeCountryNames([syria, lebanon], [], [])).toEqual([
      { name: 'Syria', x: 100, y: 100 },
      { name: 'Lebanon', x: 60, y: 200 },
    ]);
  });
});

describe('GIVEN a map of the Levant', () => {
  it('THEN Syria, Lebanon, Jordan and Israel have room for their names, and the corners of Cyprus and Sinai at its edges have none', () => {
    const points = [
      [33.51, 36.29],
      [32.71, 36.57],
      [33.89, 35.5],
      [31.95, 35.93],
      [32.79, 34.99],
    ].map(([lat, lon]) => ({ name: '', lat: lat!, lon: lon!, entries: 1, latestType: 'talks' as const }));
    const window = windowAround(points);
    const corners = { type: 'MultiPoint' as const, coordinates: [[window.west, window.south], [window.east, window.north]] };
    const projection = geoMercator().fitSize([600, 493], corners).clipExtent([[0, 0], [600, 493]]);
    const { borders, nameSpots } = projectedCountriesIn(window, projection, `country-labels test ${JSON.stringify(window)}`);
    expect(borders.map((b) => b.properties?.name)).toEqual(expect.arrayContaining(['Syria', 'Lebanon', 'Jordan', 'Israel', 'Cyprus', 'Egypt']));
    expect(nameSpots.map((c) => c.name)).toEqual(expect.arrayContaining(['Syria', 'Lebanon', 'Jordan', 'Israel']));
    expect(nameSpots.map((c) => c.name)).not.toEqual(expect.arrayContaining(['Cyprus']));
    expect(nameSpots.map((c) => c.name)).not.toEqual(expect.arrayContaining(['Egypt']));
    // Each spot is inside its own country.
    for (const { name, spots } of nameSpots) {
      const shape = borders.find((b) => b.properties?.name === name)!.geometry;
      const rings = shape.type === 'Polygon' ? shape.coordinates : shape.type === 'MultiPolygon' ? shape.coordinates.flat() : [];
      for (const { x, y } of spots) expect(insideRings(rings, x, y), `${name} at ${x},${y}`).toBe(true);
    }
  });
});
