// Country names on a map, as a cartographer sets them: once per country, inside it, where the
// name's box sits deepest within the country's visible part (a pole of inaccessibility for a box
// rather than a point, so a long name goes where the country is wide). A country with no room for
// its name, such as a sliver at the window's edge, is left unnamed rather than named over its
// neighbours; place names and circles come first, and a country name that would cover one moves
// to the country's next roomy spot, or is left out.
//
// The spots are found once per window from the projected, clipped borders (world.ts caches them
// with the borders): a grid of which points lie inside the country, and its running sums, tell in
// constant time whether a box around a point lies wholly inside.
import type { Feature, Geometry, Position } from 'geojson';
import { boxAround, coversCircle, labelSize, overlaps, type Box, type LabelFont, type LabelledPoint } from './label-placement.js';

/** Smaller than place names and not bold: the countries are the background the places stand on. */
export const COUNTRY_NAME_FONT: LabelFont = { size: 10, charWidth: 0.55 };
/** Room kept between a name's box and its country's border, and between it and other names, in plot units. */
const MARGIN = 2;
/** The grid's cells per name height, and its most cells per country: finer costs time for no better spot. */
const CELLS_PER_NAME_HEIGHT = 3;
const MAX_CELLS = 8_000;
/** Spots kept per country, for when place names take the first. */
const SPOTS_KEPT = 8;
/**
 * A country cut by the plot's edge is named only when this share of the plot shows it: a corner
 * of a neighbour (Cyprus or Sinai on a map of the Levant) is not what the map is about.
 */
const EDGE_CUT_LEAST_SHARE = 0.03;
/** How near the plot's edge, in plot units, a border counts as cut by it. */
const EDGE = 0.5;

export interface CountryNameSpots {
  name: string;
  /** Visible area, in square plot units: larger countries are named first. */
  area: number;
  /** Centres where the name's box lies inside the country, the deepest first. */
  spots: { x: number; y: number }[];
}

export interface CountryName {
  name: string;
  x: number;
  y: number;
}

/** A projected country's polygons, each its outer ring then its holes. */
function polygonsOf(geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Which grid cells' centres lie inside the rings (even-odd, so holes are outside), one scan line per row. */
function insideCells(rings: Position[][], grid: { left: number; top: number; step: number; cols: number; rows: number }): Uint8Array {
  const { left, top, step, cols, rows } = grid;
  const inside = new Uint8Array(cols * rows);
  const crossings: number[] = [];
  for (let row = 0; row < rows; row++) {
    const y = top + (row + 0.5) * step;
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j]!;
        const b = ring[i]!;
        if (a[1]! > y !== b[1]! > y) crossings.push(a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil((crossings[k]! - left) / step - 0.5));
      const to = Math.min(cols - 1, Math.floor((crossings[k + 1]! - left) / step - 0.5));
      inside.fill(1, row * cols + from, row * cols + to + 1);
    }
  }
  return inside;
}

/** A grid over a box of the plot, with running sums of its inside cells: any block's count in four look-ups. */
class InsideGrid {
  readonly cols: number;
  readonly rows: number;
  readonly inside: Uint8Array;
  readonly #sums: Int32Array;

  constructor(rings: Position[][], readonly bounds: Box, readonly step: number) {
    const cols = Math.ceil((bounds.right - bounds.left) / step);
    const rows = Math.ceil((bounds.bottom - bounds.top) / step);
    const inside = insideCells(rings, { left: bounds.left, top: bounds.top, step, cols, rows });
    const width = cols + 1;
    const sums = new Int32Array(width * (rows + 1));
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        sums[(row + 1) * width + col + 1] = inside[row * cols + col]! + sums[row * width + col + 1]! + sums[(row + 1) * width + col]! - sums[row * width + col]!;
      }
    }
    [this.cols, this.rows, this.inside, this.#sums] = [cols, rows, inside, sums];
  }

  /** Whether every cell from (col0, row0) to (col1, row1) lies inside (none does off the grid). */
  wholeInside(col0: number, row0: number, col1: number, row1: number): boolean {
    if (col0 < 0 || row0 < 0 || col1 >= this.cols || row1 >= this.rows) return false;
    const sums = this.#sums;
    const width = this.cols + 1;
    const count = sums[(row1 + 1) * width + col1 + 1]! - sums[row0 * width + col1 + 1]! - sums[(row1 + 1) * width + col0]! + sums[row0 * width + col0]!;
    return count === (col1 - col0 + 1) * (row1 - row0 + 1);
  }
}

/**
 * The cells around which a box of `across` by `down` cells either side lies inside, grouped by
 * depth (how many cells more it could grow on every side and stay inside), deepest last.
 */
function cellsByDepth(grid: InsideGrid, across: number, down: number): number[][] {
  const byDepth: number[][] = [];
  for (let row = 0; row < grid.rows; row++) {
    // The box one cell to the left, grown by d, holds this one's grown by d - 1: the search starts there.
    let depth = -1;
    for (let col = 0; col < grid.cols; col++) {
      depth = Math.max(-1, depth - 1);
      if (depth < 0 && !(grid.inside[row * grid.cols + col] && grid.wholeInside(col - across, row - down, col + across, row + down))) continue;
      depth = Math.max(depth, 0);
      while (grid.wholeInside(col - across - depth - 1, row - down - depth - 1, col + across + depth + 1, row + down + depth + 1)) depth++;
      (byDepth[depth] ??= []).push(row * grid.cols + col);
    }
  }
  return byDepth;
}

/** The cells nearest the grid's middle first: sorted by one number, the squared distance then the cell, natively. */
function byOffMiddle(grid: InsideGrid, cells: readonly number[]): number[] {
  const count = grid.cols * grid.rows;
  const keys = new Float64Array(cells.length);
  cells.forEach((cell, i) => {
    // Doubled offsets from the middle are whole numbers, so the key is too.
    const [dx, dy] = [2 * (cell % grid.cols) - grid.cols, 2 * Math.floor(cell / grid.cols) - grid.rows];
    keys[i] = (dx * dx + dy * dy) * count + cell;
  });
  return Array.from(keys.sort(), (key) => key % count);
}

/** A ring's area (shoelace), whichever way it winds. */
function ringArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twice += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return Math.abs(twice) / 2;
}

/** Where a country's name fits inside its visible part, or null when it fits nowhere or shows too little. */
function nameSpots(shape: Feature<Geometry>, plot: Box): CountryNameSpots | null {
  const name: unknown = shape.properties?.name;
  const polygons = polygonsOf(shape.geometry);
  const rings = polygons.flat();
  if (typeof name !== 'string' || rings.length === 0) return null;
  const bounds = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const ring of rings) {
    for (const point of ring) {
      bounds.left = Math.min(bounds.left, point[0]!);
      bounds.top = Math.min(bounds.top, point[1]!);
      bounds.right = Math.max(bounds.right, point[0]!);
      bounds.bottom = Math.max(bounds.bottom, point[1]!);
    }
  }
  const size = labelSize(name, COUNTRY_NAME_FONT);
  // A name wider or taller than the visible part's bounds fits nowhere in it.
  if (bounds.right - bounds.left < size.width + 2 * MARGIN || bounds.bottom - bounds.top < size.height + 2 * MARGIN) return null;
  const area = polygons.reduce((sum, [outer, ...holes]) => sum + ringArea(outer ?? []) - holes.reduce((inHoles, hole) => inHoles + ringArea(hole), 0), 0);
  const cutByEdge = bounds.left <= plot.left + EDGE || bounds.top <= plot.top + EDGE || bounds.right >= plot.right - EDGE || bounds.bottom >= plot.bottom - EDGE;
  if (cutByEdge && area < EDGE_CUT_LEAST_SHARE * (plot.right - plot.left) * (plot.bottom - plot.top)) return null;
  const step = Math.max(size.height / CELLS_PER_NAME_HEIGHT, Math.sqrt(((bounds.right - bounds.left) * (bounds.bottom - bounds.top)) / MAX_CELLS));
  // The grid spans the visible part only, so a box wholly inside it is inside the plot too.
  const grid = new InsideGrid(rings, bounds, step);
  const byDepth = cellsByDepth(grid, Math.ceil((size.width / 2 + MARGIN) / step), Math.ceil((size.height / 2 + MARGIN) / step));
  // Deepest first; among equally deep, nearest the middle of the visible part. Each spot clear of
  // the ones before, so that a place name over one may leave the next free.
  const spots: { x: number; y: number }[] = [];
  for (let depth = byDepth.length - 1; depth >= 0 && spots.length < SPOTS_KEPT; depth--) {
    for (const cell of byOffMiddle(grid, byDepth[depth] ?? [])) {
      const x = bounds.left + ((cell % grid.cols) + 0.5) * step;
      const y = bounds.top + (Math.floor(cell / grid.cols) + 0.5) * step;
      if (spots.some((s) => Math.abs(s.x - x) < size.width && Math.abs(s.y - y) < size.height)) continue;
      spots.push({ x, y });
      if (spots.length === SPOTS_KEPT) break;
    }
  }
  return spots.length > 0 ? { name, area, spots } : null;
}

/** The spots for every country of a window's borders, projected and cut to `plot`, that has room for its name, largest first. */
export function countryNameSpots(borders: readonly Feature<Geometry>[], plot: Box): CountryNameSpots[] {
  return borders.flatMap((shape) => nameSpots(shape, plot) ?? []).sort((a, b) => b.area - a.area);
}

/**
 * Each country's name at its deepest spot that covers no place name (`taken`, plot-unit boxes), no
 * place circle and no country name already set; a country whose every spot is covered is left unnamed.
 */
export function placeCountryNames(countries: readonly CountryNameSpots[], taken: readonly Box[], circles: readonly LabelledPoint[]): CountryName[] {
  const boxes = [...taken];
  return countries.flatMap((country) => {
    const size = labelSize(country.name, COUNTRY_NAME_FONT);
    const clear = { width: size.width + 2 * MARGIN, height: size.height + 2 * MARGIN };
    for (const { x, y } of country.spots) {
      const box = boxAround(x, y, clear);
      if (boxes.some((other) => overlaps(box, other)) || circles.some((circle) => coversCircle(box, circle))) continue;
      boxes.push(box);
      return [{ name: country.name, x, y }];
    }
    return [];
  });
}
