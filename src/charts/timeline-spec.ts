// A timeline chart as a Vega-Lite spec: entries per period stacked by event type, with any line
// series on a right-hand axis and any marks as rules on the period axis, with arrows and labels.
import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, type ChartSeries, type MarkArrow, type TimelineChart } from '../core/charts/chart.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../core/vocabulary.js';
import { CHART_CONFIG, CHART_SCALE, typeScale } from './palette.js';

/** At most this many period labels on the axis; the others are left unlabelled. */
const MAX_AXIS_LABELS = 14;
const LINE_COLOUR = '#222222';

/** Every k-th label, so that at most MAX_AXIS_LABELS show, the first one always among them. */
export function shownLabels(labels: readonly string[]): string[] {
  const step = Math.ceil(labels.length / MAX_AXIS_LABELS);
  return labels.filter((_, i) => i % step === 0);
}

function periodAxis(chart: TimelineChart, labels: readonly string[]) {
  return {
    field: 'label',
    type: 'ordinal' as const,
    scale: { domain: [...labels] },
    axis: { title: chart.unit === 'week' ? 'Week starting' : 'Month', values: shownLabels(labels), labelAngle: -40 },
  };
}

/** Arrows as symbol paths (the fonts have no arrow glyphs), in Vega's unit square. */
const ARROW_PATHS: Record<MarkArrow, string> = {
  up: 'M0,-1L0.8,-0.1L0.3,-0.1L0.3,1L-0.3,1L-0.3,-0.1L-0.8,-0.1Z',
  down: 'M0,1L0.8,0.1L0.3,0.1L0.3,-1L-0.3,-1L-0.3,0.1L-0.8,0.1Z',
  right: 'M1,0L0.1,0.8L0.1,0.3L-1,0.3L-1,-0.3L0.1,-0.3L0.1,-0.8Z',
};
/** Marks of one period stack downwards from the top of the plot, this many layout units apart. */
const MARK_ROW = 14;

function seriesLayer(series: ChartSeries, labelOf: ReadonlyMap<string, string>, band: ReturnType<typeof periodAxis>) {
  // Over bars, a figure belongs to the middle of its period's band.
  const x = { ...band, bandPosition: 0.5 };
  const shown = series.points.filter((p) => labelOf.has(p.start));
  if (series.kind === 'line') {
    return {
      data: { values: shown.map((p) => ({ label: labelOf.get(p.start)!, value: p.value ?? null })) },
      mark: { type: 'line' as const, point: { color: LINE_COLOUR, filled: true }, color: LINE_COLOUR, strokeWidth: 2 },
      // The series count people: a small figure must not draw its axis in steps of 0.2.
      encoding: { x, y: { field: 'value', type: 'quantitative' as const, axis: { title: series.name, orient: 'right' as const, tickMinStep: 1 } } },
    };
  }
  const rows = new Map<string, number>();
  const periods = [...labelOf.keys()];
  const values = shown.map((p) => {
    const row = rows.get(p.start) ?? 0;
    rows.set(p.start, row + 1);
    // In the right half of the chart a mark's text goes left of its rule, clear of the right-hand axis.
    const side = periods.indexOf(p.start) >= periods.length / 2 ? 'left' : 'right';
    return { label: labelOf.get(p.start)!, arrow: p.arrow ?? null, text: p.label ?? '', y: 8 + row * MARK_ROW, side };
  });
  // Pixel positions down the plot, on no scale.
  const y = { field: 'y', type: 'quantitative' as const, scale: null };
  const arrows = Object.keys(ARROW_PATHS) as MarkArrow[];
  return {
    data: { values },
    layer: [
      { mark: { type: 'rule' as const, color: LINE_COLOUR, strokeDash: [4, 3] }, encoding: { x } },
      {
        transform: [{ filter: 'datum.arrow !== null' }],
        mark: { type: 'point' as const, filled: true, size: 90, color: LINE_COLOUR, opacity: 1 },
        encoding: { x, y, shape: { field: 'arrow', type: 'nominal' as const, scale: { domain: arrows, range: arrows.map((a) => ARROW_PATHS[a]) }, legend: null } },
      },
      // Beside the rule, clear of the arrow on it.
      ...(['right', 'left'] as const).map((side) => ({
        transform: [{ filter: `datum.text !== '' && datum.side === '${side}'` }],
        mark: { type: 'text' as const, align: side === 'right' ? ('left' as const) : ('right' as const), baseline: 'middle' as const, dx: side === 'right' ? 8 : -8, fontSize: 10 },
        encoding: { x, y, text: { field: 'text' } },
      })),
    ],
  };
}

export function timelineSpec(chart: TimelineChart): TopLevelSpec {
  const { width, height } = CHART_SIZES.timeline;
  const labels = chart.periods.map((p) => p.label);
  const labelOf = new Map(chart.periods.map((p) => [p.start, p.label]));
  const types = EVENT_TYPE_IDS.filter((t) => chart.periods.some((p) => (p.counts[t] ?? 0) > 0));
  const bars = chart.periods.flatMap((p) =>
    types.filter((t) => (p.counts[t] ?? 0) > 0).map((t: EventType) => ({ label: p.label, type: eventTypeLabel(t), order: EVENT_TYPE_IDS.indexOf(t), count: p.counts[t]! })),
  );
  const x = periodAxis(chart, labels);
  const barLayer = {
    data: { values: bars },
    mark: { type: 'bar' as const },
    encoding: {
      x,
      y: { field: 'count', type: 'quantitative' as const, stack: 'zero' as const, axis: { title: 'Entries', tickMinStep: 1 } },
      color: { field: 'type', type: 'nominal' as const, scale: typeScale(types), legend: { title: 'Event type' } },
      order: { field: 'order' },
    },
  };
  const lines = chart.series.filter((s) => s.kind === 'line');
  return {
    width: width / CHART_SCALE,
    height: height / CHART_SCALE,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    title: chart.title,
    config: CHART_CONFIG,
    layer: [barLayer, ...chart.series.map((s) => seriesLayer(s, labelOf, x))],
    ...(lines.length > 0 ? { resolve: { scale: { y: 'independent' } } } : {}),
  } as TopLevelSpec;
}
