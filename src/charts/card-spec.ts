// A digest card as a Vega-Lite spec: per event type, this period's entries beside the previous
// period's, with the trend at the end of each pair: an arrow (up: more, down: fewer) and the change.
import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES, type CardChart } from '../core/charts/chart.js';
import { eventTypeLabel } from '../core/vocabulary.js';
import { CHART_CONFIG, CHART_SCALE } from './palette.js';

export function trendText(current: number, previous: number): string {
  if (current === previous) return `${current} (=)`;
  return `${current} (${current > previous ? '+' : '\u2212'}${Math.abs(current - previous)})`;
}

const ARROWS = { up: 'triangle-up', down: 'triangle-down', same: 'diamond' };
const trendOf = (current: number, previous: number) => (current > previous ? 'up' : current < previous ? 'down' : 'same');

export function cardSpec(chart: CardChart): TopLevelSpec {
  const { width, height } = CHART_SIZES.card;
  const types = chart.rows.map((r) => eventTypeLabel(r.type));
  const bars = chart.rows.flatMap((r) => [
    { type: eventTypeLabel(r.type), period: chart.previousLabel, count: r.previous, text: '', trend: 'none' },
    chart.uncompared
      ? { type: eventTypeLabel(r.type), period: chart.currentLabel, count: r.current, text: String(r.current), trend: 'none' }
      : { type: eventTypeLabel(r.type), period: chart.currentLabel, count: r.current, text: trendText(r.current, r.previous), trend: trendOf(r.current, r.previous) },
  ]);
  const encoding = {
    y: { field: 'type', type: 'nominal' as const, sort: types, axis: { title: null } },
    yOffset: { field: 'period', type: 'nominal' as const, sort: [chart.previousLabel, chart.currentLabel] },
    x: { field: 'count', type: 'quantitative' as const, axis: { title: 'Entries', tickMinStep: 1 } },
  };
  return {
    width: width / CHART_SCALE,
    height: height / CHART_SCALE,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    title: chart.title,
    config: CHART_CONFIG,
    data: { values: bars },
    encoding,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'period', type: 'nominal', scale: { domain: [chart.previousLabel, chart.currentLabel], range: ['#c7ccd1', '#4e79a7'] }, legend: { title: null, orient: 'bottom' } },
        },
      },
      {
        transform: [{ filter: "datum.trend !== 'none'" }],
        mark: { type: 'point', filled: true, size: 60, xOffset: 9 },
        encoding: {
          shape: { field: 'trend', type: 'nominal', scale: { domain: Object.keys(ARROWS), range: Object.values(ARROWS) }, legend: null },
          color: { value: '#444444' },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 18, fontSize: 10 }, encoding: { text: { field: 'text' } } },
    ],
  } as TopLevelSpec;
}
