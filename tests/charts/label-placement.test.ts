// Place names on a map: beside their circle, never over another name or another named circle,
// inside the plot; a name with no free side is left out.
import { describe, expect, it } from 'vitest';
import { placeLabels, type PlacedLabel } from '../../src/charts/label-placement.js';

const FONT = { size: 10, charWidth: 0.6 };
const PLOT = { width: 400, height: 300 };
const box = (label: PlacedLabel) => {
  const width = [...label.name].length * FONT.size * FONT.charWidth;
  const height = FONT.size * 1.2;
  return { left: label.x - width / 2, right: label.x + width / 2, top: label.y - height / 2, bottom: label.y + height / 2 };
};
const apart = (a: PlacedLabel, b: PlacedLabel) => {
  const [p, q] = [box(a), box(b)];
  return p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
};

describe('GIVEN places to name on a map', () => {
  it('THEN a lone place is named just above its circle', () => {
    expect(placeLabels([{ name: 'Paris', x: 100, y: 100, r: 10 }], PLOT, FONT)).toEqual([{ name: 'Paris', x: 100, y: 100 - 12 - 6 }]);
  });

  it('THEN neighbours whose names would cover each other above their circles are named on other sides', () => {
    const points = [
      { name: 'Azerbaijan', x: 300, y: 150, r: 12 },
      { name: 'Baku', x: 320, y: 152, r: 16 },
      { name: 'Damascus', x: 200, y: 200, r: 8 },
      { name: 'Sweida province', x: 204, y: 212, r: 10 },
    ];
    const labels = placeLabels(points, PLOT, FONT);
    expect(labels.map((l) => l.name)).toEqual(['Azerbaijan', 'Baku', 'Damascus', 'Sweida province']);
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(apart(a, b), `${a.name} / ${b.name}`).toBe(true);
    for (const label of labels) {
      const b = box(label);
      expect(b.left >= 0 && b.top >= 0 && b.right <= PLOT.width && b.bottom <= PLOT.height).toBe(true);
    }
  });

  it('THEN a name may pass by the curve of a busier circle, not only outside the square around it', () => {
    // Above Damascus, the name's box takes a corner of the square around Syria's circle, clear of the circle.
    const labels = placeLabels([{ name: 'Syria', x: 100, y: 100, r: 20 }, { name: 'Damascus', x: 140, y: 136, r: 4 }], PLOT, FONT);
    expect(labels).toEqual([
      { name: 'Syria', x: 100, y: 100 - 22 - 6 },
      { name: 'Damascus', x: 140, y: 136 - 6 - 6 },
    ]);
  });

  it('THEN a name with every side taken slides along its circle before going to a corner', () => {
    // Above is taken by A's circle, below and left by B's, right by C's; above, slid right, is free.
    const labels = placeLabels(
      [
        { name: 'Damascus', x: 200, y: 200, r: 5 },
        { name: 'A', x: 186, y: 180, r: 6 },
        { name: 'B', x: 175, y: 215, r: 18 },
        { name: 'C', x: 240, y: 203, r: 6 },
      ],
      PLOT,
      FONT,
    );
    expect(labels[0]).toEqual({ name: 'Damascus', x: 200 + 16, y: 200 - 7 - 6 });
  });

  it('THEN a place hemmed in on every side by busier ones is left unnamed, and one at the edge is named inside the plot', () => {
    const busy = [
      { name: 'North', x: 100, y: 70, r: 20 },
      { name: 'South', x: 100, y: 130, r: 20 },
      { name: 'East', x: 150, y: 100, r: 20 },
      { name: 'West', x: 50, y: 100, r: 20 },
    ];
    const labels = placeLabels([...busy, { name: 'Middle of it all', x: 100, y: 100, r: 5 }, { name: 'Edge', x: 395, y: 5, r: 4 }], PLOT, FONT);
    expect(labels.map((l) => l.name)).toEqual(['North', 'South', 'East', 'West', 'Edge']);
    const edge = box(labels.at(-1)!);
    expect(edge.right).toBeLessThanOrEqual(PLOT.width);
    expect(edge.top).toBeGreaterThanOrEqual(0);
  });
});
