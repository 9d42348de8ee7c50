// GIVEN places either side of 180° (Suva, Apia, Nuku'alofa, Pago Pago), WHEN they are mapped, THEN
// the map shows the few degrees of Pacific around them across 180°, not the globe the long way
// round, and every circle lies inside the frame.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { windowAround } from '../../src/charts/map-spec.js';
import type { LocatedPoint, MapChart } from '../../src/core/charts/chart.js';
import { DRAWING } from '../support/drawing.js';

const PACIFIC: LocatedPoint[] = [
  { name: 'Suva', lat: -18.14, lon: 178.44, entries: 3, latestType: 'statement' },
  { name: 'Apia', lat: -13.83, lon: -171.76, entries: 1, latestType: 'talks' },
  { name: "Nuku'alofa", lat: -21.14, lon: -175.2, entries: 1, latestType: 'talks' },
  { name: 'Pago Pago', lat: -14.28, lon: -170.7, entries: 1, latestType: 'talks' },
];
const chart: MapChart = { kind: 'map', title: 'Where entries happened — topic pacific, in 2026', points: PACIFIC };

describe('a map across 180°', DRAWING, () => {
  it('spans the few degrees between the places across 180°', () => {
    const window = windowAround(PACIFIC);
    expect(window.east - window.west).toBeLessThan(20);
    expect(window.west).toBeLessThan(178.44);
    expect(window.east).toBeGreaterThan(360 - 170.7);
  });

  it('draws every circle inside the frame, over the islands’ borders', async () => {
    const svg = await chartSvg(chart);
    const frame = /<path class="background" aria-hidden="true" d="M0,0h([\d.]+)v([\d.]+)h/.exec(svg)!;
    const [width, height] = [Number(frame[1]), Number(frame[2])];
    const circles = [...svg.matchAll(/<path aria-label="x: ([-\d.]+); y: ([-\d.]+);[^"]*" role="graphics-symbol" aria-roledescription="circle"[^>]* d="M([\d.]+),/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
    expect(circles).toHaveLength(PACIFIC.length);
    for (const c of circles) expect(c.x - c.r >= 0 && c.y - c.r >= 0 && c.x + c.r <= width && c.y + c.r <= height, `circle at ${c.x},${c.y}`).toBe(true);
    // The places lie apart, as they do across a few hundred kilometres of ocean, not at the frame's two ends.
    const xs = circles.map((c) => c.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(width * 0.9);
    // The islands' borders are drawn, from either side of 180°.
    expect(svg.match(/fill="#eef0f2"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });
});
