// A timeline chart from counts: every period of the range (empty ones too), its entries by type,
// and what it shows in words: one sentence with the figures (alt text) and a table of them.
import { plural } from '../text.js';
import { span, type Line } from '../view.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../vocabulary.js';
import type { ChartSeries, PeriodUnit, TimelineChart } from './chart.js';
import type { PeriodCounts } from './chart-data-port.js';
import { periodLabel, periodStarts } from './periods.js';

export interface TimelineChartInput {
  title: string;
  unit: PeriodUnit;
  since: string;
  until: string;
  counts: PeriodCounts;
  /** More figures drawn over the bars (casualties, trend calls), from whoever has them. */
  series?: readonly ChartSeries[];
}

export function buildTimelineChart(input: TimelineChartInput): TimelineChart {
  const byStart = new Map<string, Partial<Record<EventType, number>>>();
  for (const row of input.counts.rows) {
    const counts = byStart.get(row.start) ?? {};
    counts[row.type] = (counts[row.type] ?? 0) + row.count;
    byStart.set(row.start, counts);
  }
  const periods = periodStarts(input.since, input.until, input.unit).map((start) => ({ start, label: periodLabel(start, input.unit), counts: byStart.get(start) ?? {} }));
  return { kind: 'timeline', title: input.title, unit: input.unit, periods, series: input.series ?? [] };
}

const totalOf = (counts: Partial<Record<EventType, number>>) => Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);

/** Entries by type over the whole chart, most first. */
export function typeTotals(chart: TimelineChart): { type: EventType; count: number }[] {
  return EVENT_TYPE_IDS.map((type) => ({ type, count: chart.periods.reduce((sum, p) => sum + (p.counts[type] ?? 0), 0) }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
}

export function chartTotal(chart: TimelineChart): number {
  return chart.periods.reduce((sum, p) => sum + totalOf(p.counts), 0);
}

/** One sentence saying what the chart shows, with its figures, for screen readers. */
export function timelineAlt(chart: TimelineChart): string {
  const first = chart.periods[0]!;
  const last = chart.periods[chart.periods.length - 1]!;
  const busiest = chart.periods.reduce((best, p) => (totalOf(p.counts) > totalOf(best.counts) ? p : best), first);
  const types = typeTotals(chart).map((t) => `${eventTypeLabel(t.type)} ${t.count}`).join(', ');
  const unit = chart.unit === 'week' ? 'week' : 'month';
  const when = chart.unit === 'week' ? `the week starting ${busiest.label}` : busiest.label;
  return `Bar chart of ${plural(chartTotal(chart), 'entry', 'entries')} per ${unit} from ${first.label} to ${last.label}, stacked by event type (${types}); the busiest was ${when}, with ${totalOf(busiest.counts)}.`;
}

/** The chart's figures as lines of a table: a period, its total, then its entries by type. */
export function timelineTable(chart: TimelineChart): Line[] {
  const width = Math.max(...chart.periods.map((p) => p.label.length));
  const header = `${(chart.unit === 'week' ? 'Week of' : 'Month').padEnd(width)}  Total`;
  return [
    [span.code(header)],
    ...chart.periods.map((p): Line => {
      const types = EVENT_TYPE_IDS.filter((t) => (p.counts[t] ?? 0) > 0).map((t) => `${eventTypeLabel(t)} ${p.counts[t]}`);
      return [span.code(`${p.label.padEnd(width)}  ${String(totalOf(p.counts)).padStart(5)}`), ...(types.length > 0 ? [span.plain(`  ${types.join(', ')}`)] : [])];
    }),
  ];
}
