// A map as a Vega-Lite spec: the region's country borders and names, one circle per located place
// sized by its entries and coloured by its latest event type, the busiest places named. The
// projection is fitted to the places with d3-geo, so the map shows their region rather than the
// world, and applied here: Vega gets plot coordinates (an identity projection) and clips nothing
// itself.
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, type LocatedPoint, type MapChart } from '../core/charts/chart.js';
import { foldKey } from '../core/text.js';
import { EVENT_TYPE_IDS, eventTypeLabel } from '../core/vocabulary.js';
import { COUNTRY_NAME_FONT, placeCountryNames } from './country-labels.js';
import { boxAround, labelSize, placeLabels } from './label-placement.js';
import { CHART_CONFIG, CHART_SCALE, typeScale } from './palette.js';
import { projectedCountriesIn, type Window } from './world.js';

/** Places named on the map: the busiest, each where its name covers no other (see label-placement.ts). */
const NAMED_PLACES = 8;
/** The least span of the window, in degrees, so one place shows its surroundings. */
const MIN_SPAN = 4;
/**
 * Room kept for the title above the plot and for the legends right of it, in layout units, and
 * the padding on the other sides. The plot's size is fixed rather than fitted by Vega: the
 * projection, the borders' clipping and the names' places are computed for it, so a plot Vega
 * narrowed for a wide legend would cut the places and names at its right edge.
 */
const TITLE_ROOM = 40;
const LEGEND_ROOM = 200;
const PADDING = 12;
/** Circle areas, in square layout units: no entries would be the first, the busiest place the last. */
const CIRCLE_AREAS: [number, number] = [40, 1200];
const LABEL_FONT = { size: 11, charWidth: 0.6 };

/**
 * The places' longitudes as one run: as given, or with the western ones taken round the globe
 * (Apia at -171.8 as 188.2) when that makes the run shorter, as for places either side of 180°.
 */
function longitudeRun(lons: readonly number[]): number[] {
  const across = lons.map((lon) => (lon < 0 ? lon + 360 : lon));
  const span = (run: readonly number[]) => Math.max(...run) - Math.min(...run);
  return span(across) < span(lons) ? across : [...lons];
}

/**
 * The places' box, widened to at least MIN_SPAN and by a margin on every side. Its longitudes may
 * run past 180° (the projection is turned to its middle), so a place near 180° keeps its margin.
 */
export function windowAround(points: readonly LocatedPoint[]): Window {
  const lons = longitudeRun(points.map((p) => p.lon));
  const lats = points.map((p) => p.lat);
  const widen = (low: number, high: number, limit: number) => {
    const pad = Math.max((MIN_SPAN - (high - low)) / 2, (high - low) * 0.15, 0.5);
    return [Math.max(low - pad, -limit), Math.min(high + pad, limit)] as const;
  };
  const [wideWest, wideEast] = widen(Math.min(...lons), Math.max(...lons), Infinity);
  // Places all round the globe get the whole of it, once: a window over 360° would show a part twice.
  const [west, east] = wideEast - wideWest < 360 ? [wideWest, wideEast] : [-180, 180];
  const [south, north] = widen(Math.min(...lats), Math.max(...lats), 84);
  return { west, south, east, north };
}

/** Mercator turned to the window's middle longitude and fitted to the plot, cut at its edges. */
export function mapProjection(window: Window, plot: { width: number; height: number }): GeoProjection {
  const middle = (window.west + window.east) / 2;
  const corners = { type: 'MultiPoint' as const, coordinates: [[window.west, window.south], [window.east, window.north]] };
  return geoMercator().rotate([-middle, 0]).fitSize([plot.width, plot.height], corners).clipExtent([[0, 0], [plot.width, plot.height]]);
}

/** Whole counts for the size legend, from 1 to the busiest place's: a place has no half entry. */
function sizeLegendValues(most: number): number[] {
  if (most <= 4) return Array.from({ length: most }, (_, i) => i + 1);
  // The steps between are rounded as people round (50 and 100, not 50.25 and 100.5), the busiest count kept as it is.
  const round = (value: number) => {
    if (value < 10) return Math.round(value);
    const unit = 10 ** Math.floor(Math.log10(value)) / 2;
    return Math.round(value / unit) * unit;
  };
  return [...new Set([1, round(most / 4), round(most / 2), most])].filter((value) => value >= 1 && value <= most);
}

export function mapSpec(chart: MapChart): TopLevelSpec {
  const { width, height } = CHART_SIZES.map;
  const plot = { width: width / CHART_SCALE - PADDING - LEGEND_ROOM, height: height / CHART_SCALE - TITLE_ROOM - PADDING };
  const window = windowAround(chart.points);
  const projection = mapProjection(window, plot);
  const { borders, nameSpots } = projectedCountriesIn(window, projection, JSON.stringify(window));
  const points = [...chart.points]
    .sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name))
    .map((p) => {
      const [x, y] = projection([p.lon, p.lat])!;
      return { name: p.name, x, y, entries: p.entries, type: eventTypeLabel(p.latestType) };
    });
  // The size scale starts at zero entries, so a circle's area grows in proportion to its count.
  const most = Math.max(1, ...points.map((p) => p.entries));
  const radius = (entries: number) => Math.sqrt((CIRCLE_AREAS[0] + ((CIRCLE_AREAS[1] - CIRCLE_AREAS[0]) * entries) / most) / Math.PI);
  const circles = points.map((p) => ({ name: p.name, x: p.x, y: p.y, r: radius(p.entries) }));
  const labels = placeLabels(circles.slice(0, NAMED_PLACES), plot, LABEL_FONT, circles);
  // Country names go where the places' names and circles leave room; a country named as a place
  // (France, for an entry at France) is named once, beside its circle.
  const named = new Set(labels.map((l) => foldKey(l.name)));
  const countryNames = placeCountryNames(
    nameSpots.filter((country) => !named.has(foldKey(country.name))),
    labels.map((l) => boxAround(l.x, l.y, labelSize(l.name, LABEL_FONT))),
    circles,
  );
  const types = EVENT_TYPE_IDS.filter((t) => chart.points.some((p) => p.latestType === t));
  // With the identity projection, longitude and latitude are read as plot x and y.
  const position = { longitude: { field: 'x', type: 'quantitative' }, latitude: { field: 'y', type: 'quantitative' } };
  return {
    width: plot.width,
    height: plot.height,
    autosize: { type: 'none' },
    padding: { top: TITLE_ROOM, left: PADDING, bottom: PADDING, right: LEGEND_ROOM },
    title: chart.title,
    config: CHART_CONFIG,
    projection: { type: 'identity', scale: 1, translate: [0, 0] },
    layer: [
      { data: { values: borders }, mark: { type: 'geoshape', fill: '#eef0f2', stroke: '#8f98a3', strokeWidth: 0.6 } },
      {
        // Under the places, grey and smaller than their names.
        data: { values: countryNames },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: COUNTRY_NAME_FONT.size, color: '#6b7480' },
        encoding: { ...position, text: { field: 'name' } },
      },
      {
        data: { values: points },
        // The window has a margin around every place, so circles need no clipping (which costs).
        mark: { type: 'circle', opacity: 0.85, stroke: '#ffffff', strokeWidth: 0.8 },
        encoding: {
          ...position,
          size: { field: 'entries', type: 'quantitative', scale: { range: CIRCLE_AREAS, zero: true }, legend: { title: 'Entries', values: sizeLegendValues(most), format: 'd' } },
          color: { field: 'type', type: 'nominal', scale: typeScale(types), legend: { title: 'Latest event type' } },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: LABEL_FONT.size, fontWeight: 'bold' },
        encoding: { ...position, text: { field: 'name' } },
      },
    ],
  } as TopLevelSpec;
}
