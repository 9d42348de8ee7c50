// Where a map's place names go: beside their circle, on the first side (above, below, right,
// left, those slid along the circle, then the corners) where the name, kept inside the plot,
// overlaps no name already placed nor any place's circle (its own included), busiest place first;
// a name with no free side is left out rather than drawn over another. Vega-Lite places no labels
// itself, and one fixed offset above every circle writes neighbours' names over each other (Baku
// and Azerbaijan, Damascus and Sweida). Country names (country-labels.ts) are kept off these names
// and circles with the same boxes.

export interface LabelledPoint {
  name: string;
  /** The circle's centre and radius, in plot units. */
  x: number;
  y: number;
  r: number;
}

export interface PlacedLabel {
  name: string;
  /** The centre of the name's box, in plot units (the text is drawn centred on it). */
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelFont {
  /** Font size, in plot units. */
  size: number;
  /** Mean width of a character, as a share of the font size (bold Latin text is about 0.6). */
  charWidth: number;
}

const GAP = 2;

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/** A name's box: its characters at the font's mean width, one line high. */
export const labelSize = (name: string, font: LabelFont) => ({ width: [...name].length * font.size * font.charWidth, height: font.size * 1.2 });
/** The box of that size centred on (x, y), as names are drawn. */
export const boxAround = (x: number, y: number, { width, height }: { width: number; height: number }): Box => ({
  left: x - width / 2,
  top: y - height / 2,
  right: x + width / 2,
  bottom: y + height / 2,
});

export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** Whether a box covers part of a circle: the box's point nearest the centre lies inside it. */
export const coversCircle = (box: Box, c: LabelledPoint) => Math.hypot(clamp(c.x, box.left, box.right) - c.x, clamp(c.y, box.top, box.bottom) - c.y) < c.r;

/**
 * The names of `points`, in their order of importance, placed so that none covers another name nor
 * any of `circles` (the points' own, and the unnamed places' beside them).
 */
export function placeLabels(points: readonly LabelledPoint[], plot: { width: number; height: number }, font: LabelFont, circles: readonly LabelledPoint[] = points): PlacedLabel[] {
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  points.forEach((point) => {
    const size = labelSize(point.name, font);
    const { width, height } = size;
    const reach = point.r + GAP;
    const sides = [
      { x: point.x, y: point.y - reach - height / 2 },
      { x: point.x, y: point.y + reach + height / 2 },
      { x: point.x + reach + width / 2, y: point.y },
      { x: point.x - reach - width / 2, y: point.y },
      // Then the same sides slid along the circle by a third of the name (or half its height).
      ...[-1, 1].flatMap((d) => [
        { x: point.x + (d * width) / 3, y: point.y - reach - height / 2 },
        { x: point.x + (d * width) / 3, y: point.y + reach + height / 2 },
        { x: point.x + reach + width / 2, y: point.y + (d * height) / 2 },
        { x: point.x - reach - width / 2, y: point.y + (d * height) / 2 },
      ]),
      // Then the corners, the name's nearest corner by the circle's edge.
      ...[1, -1].flatMap((dx) => [-1, 1].map((dy) => ({ x: point.x + dx * (reach * Math.SQRT1_2 + width / 2), y: point.y + dy * (reach * Math.SQRT1_2 + height / 2) }))),
    ];
    for (const side of sides) {
      // A name that would stick out of the plot is moved back in, along the edge.
      const x = clamp(side.x, width / 2, plot.width - width / 2);
      const y = clamp(side.y, height / 2, plot.height - height / 2);
      const box = boxAround(x, y, size);
      if (taken.some((other) => overlaps(box, other)) || circles.some((circle) => coversCircle(box, circle))) continue;
      taken.push(box);
      placed.push({ name: point.name, x, y });
      return;
    }
  });
  return placed;
}
