// GIVEN a map of many places, of every event type (so its legend is at its widest), WHEN it is
// drawn, THEN every circle and every name lies inside the map's frame, no name covers a place's
// circle (named or not), and a country that is itself a mapped place is named once.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { coversCircle } from '../../src/charts/label-placement.js';
import type { LocatedPoint, MapChart } from '../../src/core/charts/chart.js';
import { EVENT_TYPE_IDS } from '../../src/core/vocabulary.js';
import { DRAWING } from '../support/drawing.js';

// Wider than tall, so the window's east edge is Qamishli's margin, the least it has.
const SYRIA: [string, number, number][] = [
  ['Qamishli', 37.05, 41.23], ['Deir ez-Zor', 35.34, 40.14], ['Aleppo', 36.2, 37.16], ['Idlib', 35.93, 36.63], ['Latakia', 35.53, 35.79],
  ['Homs', 34.73, 36.72], ['Hama', 35.13, 36.76], ['Raqqa', 35.95, 39.01], ['Hasakah', 36.5, 40.75], ['Palmyra', 34.56, 38.28], ['Damascus', 33.51, 36.29],
];
const syria: LocatedPoint[] = SYRIA.map(([name, lat, lon], i) => ({ name, lat, lon, entries: name === 'Qamishli' ? 6 : 1, latestType: EVENT_TYPE_IDS[i % EVENT_TYPE_IDS.length]! }));
const chart = (points: LocatedPoint[]): MapChart => ({ kind: 'map', title: 'Where entries happened — from Nov 2026 to 12 Nov 2026', points });

/** The map's frame (its plot), and its circles and names where the SVG draws them, in plot units. */
function layout(svg: string) {
  const frame = /<path class="background" aria-hidden="true" d="M0,0h([\d.]+)v([\d.]+)h/.exec(svg)!;
  const circles = [...svg.matchAll(/<path aria-label="x: ([-\d.]+); y: ([-\d.]+);[^"]*" role="graphics-symbol" aria-roledescription="circle"[^>]* d="M([\d.]+),/g)].map((m) => ({ name: '', x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
  // A name's box: its characters at a mean width a little wider than the fonts' (0.55 of the size regular, 0.6 bold).
  const names = [...svg.matchAll(/<text aria-label="x: ([-\d.]+); y: ([-\d.]+); name: ([^"]*)"[^>]* font-size="([\d.]+)px"([^>]*)>/g)].map((m) => {
    const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[4])];
    const width = [...m[3]!].length * size * (m[5]!.includes('bold') ? 0.6 : 0.55);
    return { name: m[3]!, box: { left: x - width / 2, right: x + width / 2, top: y - size * 0.6, bottom: y + size * 0.6 } };
  });
  return { frame: { width: Number(frame[1]), height: Number(frame[2]) }, circles, names };
}

describe('a map’s layout', DRAWING, () => {
  it('keeps every circle and name inside the frame, whatever the legend’s width', async () => {
    const svg = await chartSvg(chart(syria));
    // The picture keeps its size; the legend takes its room beside the frame, not from it.
    expect(/<svg[^>]* width="(\d+)" height="([\d.]+)"/.exec(svg)?.slice(1).map(Number)).toEqual([800, 533.3333333333334]);
    const { frame, circles, names } = layout(svg);
    expect(circles).toHaveLength(SYRIA.length);
    for (const c of circles) {
      expect(c.x - c.r >= 0 && c.y - c.r >= 0 && c.x + c.r <= frame.width && c.y + c.r <= frame.height, `circle at ${c.x},${c.y}`).toBe(true);
    }
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(['Qamishli', 'Syria', 'Iraq']));
    for (const { name, box } of names) {
      expect(box.left >= 0 && box.top >= 0 && box.right <= frame.width && box.bottom <= frame.height, name).toBe(true);
    }
  });

  it('names a country that is a mapped place once, and covers no place’s circle with a name', async () => {
    const points = [...syria.map((p) => ({ ...p, entries: 1 })), { name: 'Paris', lat: 48.85, lon: 2.35, entries: 1, latestType: 'talks' as const }, { name: 'France', lat: 47.4, lon: 2.47, entries: 1, latestType: 'talks' as const }];
    const { names, circles } = layout(await chartSvg(chart(points)));
    expect(names.filter((n) => n.name === 'France')).toHaveLength(1);
    for (const { name, box } of names) {
      for (const circle of circles) expect(coversCircle(box, circle), `${name} over a circle at ${circle.x},${circle.y}`).toBe(false);
    }
  });
});
