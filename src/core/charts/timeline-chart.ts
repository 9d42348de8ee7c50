// A timeline chart from counts: every period of the range (empty ones too), its entries by type,
// and what it shows in words: one sentence with the figures (alt text) and a table of them.
import { plural } from '../text.js';
import { span, type Line } from '../view.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../vocabulary.js';
import { markText, type ChartSeries, type PeriodBar, type PeriodUnit, type TimelineChart } from './chart.js';
import type { PeriodCounts } from './chart-data-port.js';
import { formatIsoPartial } from '../partial-date.js';
import { marksWords } from './mark-words.js';
import { daysLabel, periodEnd, periodLabel, periodStarts } from './periods.js';

export interface TimelineChartInput {
  title: string;
  unit: PeriodUnit;
  since: string;
  until: string;
  counts: PeriodCounts;
  /** More figures drawn over the bars (casualties, trend calls), from whoever has them. */
  series?: readonly ChartSeries[];
  /**
   * The last day counted when it falls before the end of the last period (an until within it;
   * not today, whose period is not over): that bar is then labelled by its days, as the first is
   * when `since` falls after its first day.
   */
  countedTo?: string;
}

/** A bar's label: the period's, or the days counted when since or until cuts it. */
function periodBar(start: string, input: TimelineChartInput, counts: Partial<Record<EventType, number>>): PeriodBar {
  const end = periodEnd(start, input.unit);
  const from = input.since > start ? input.since : start;
  const to = input.countedTo !== undefined && input.countedTo < end ? input.countedTo : end;
  if (from === start && to === end) return { start, label: periodLabel(start, input.unit), counts };
  return { start, label: daysLabel(from, to), counts, days: { from, to } };
}

export function buildTimelineChart(input: TimelineChartInput): TimelineChart {
  const byStart = new Map<string, Partial<Record<EventType, number>>>();
  for (const row of input.counts.rows) {
    const counts = byStart.get(row.start) ?? {};
    counts[row.type] = (counts[row.type] ?? 0) + row.count;
    byStart.set(row.start, counts);
  }
  const periods = periodStarts(input.since, input.until, input.unit).map((start) => periodBar(start, input, byStart.get(start) ?? {}));
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

/** `the week starting 7 Jul 2025` or `Jul 2025`; a cut period by its days, `16–31 Jul 2025`. */
function periodWords(chart: TimelineChart, start: string): string {
  const period = chart.periods.find((p) => p.start === start);
  const label = period?.label ?? start;
  return chart.unit === 'week' && !period?.days ? `the week starting ${label}` : label;
}

/**
 * A line's figures in words: the periods with none are unknown, not zero, so they are neither
 * added nor named; the most is named only where it stands out (above zero), ties as the bars'.
 */
function lineWords(chart: TimelineChart, series: ChartSeries): string {
  const known = series.points.filter((p): p is typeof p & { value: number } => p.value !== undefined);
  const name = `a line of ${series.name.toLowerCase()}`;
  if (known.length === 0) return `${name}, with no figure in any ${chart.unit}`;
  const total = known.reduce((sum, p) => sum + p.value, 0);
  const most = Math.max(...known.map((p) => p.value));
  if (most === 0) return `${name}, 0 in all`;
  const named = known.filter((p) => p.value === most).map((p) => periodWords(chart, p.start));
  if (named.length === 1) return `${name}, ${total} in all, most in ${named[0]} (${most})`;
  if (named.length <= 3) return `${name}, ${total} in all, most in ${named.slice(0, -1).join(', ')} and ${named.at(-1)} (${most} each)`;
  return `${name}, ${total} in all, most in ${named.length} ${chart.unit}s (${most} each), the latest ${named.at(-1)}`;
}

/** What a series over the bars shows, as a clause of the alt text. */
function seriesWords(chart: TimelineChart, series: ChartSeries): string {
  if (series.kind === 'line') return lineWords(chart, series);
  return marksWords(series, (start) => periodWords(chart, start));
}

/** One sentence saying what the chart shows, with its figures, for screen readers. */
export function timelineAlt(chart: TimelineChart): string {
  const first = chart.periods[0]!;
  const last = chart.periods[chart.periods.length - 1]!;
  const most = Math.max(...chart.periods.map((p) => totalOf(p.counts)));
  const busiest = chart.periods.filter((p) => totalOf(p.counts) === most);
  const types = typeTotals(chart).map((t) => `${eventTypeLabel(t.type)} ${t.count}`).join(', ');
  const unit = chart.unit === 'week' ? 'week' : 'month';
  const overlays = chart.series.map((series) => `; ${seriesWords(chart, series)}`).join('');
  // A cut period is named by the first or last day counted, not by the days of the whole bar.
  const from = first.days ? formatIsoPartial(first.days.from) : first.label;
  // A week is labelled by its first day, which would read as where the chart ends.
  const to = last.days ? `to ${formatIsoPartial(last.days.to)}` : chart.unit === 'week' ? `through the week starting ${last.label}` : `to ${last.label}`;
  // One whole period is named once, not as a range from it to itself.
  const range = first === last && !first.days ? `in ${periodWords(chart, first.start)}` : `from ${from} ${to}`;
  return `Bar chart of ${plural(chartTotal(chart), 'entry', 'entries')} per ${unit} ${range}, stacked by event type (${types}); ${busiestWords(chart, busiest, most)}${overlays}.`;
}

/** The busiest period, or those tied for it: named up to three, else counted with the latest. */
function busiestWords(chart: TimelineChart, busiest: readonly TimelineChart['periods'][number][], most: number): string {
  const named = busiest.map((p) => periodWords(chart, p.start));
  if (named.length === 1) return `the busiest was ${named[0]}, with ${most}`;
  if (named.length <= 3) return `the busiest were ${named.slice(0, -1).join(', ')} and ${named.at(-1)}, with ${most} each`;
  return `${named.length} ${chart.unit}s were the busiest, with ${most} each, the latest ${named.at(-1)}`;
}

/**
 * A period's figures from the series over the bars: `Fatalities (best estimates) 12`, `Trend calls:
 * syria-israel deteriorated (↑), conflict risk alert; lebanon-israel improved (↓)`.
 */
function seriesCells(chart: TimelineChart, start: string): string[] {
  return chart.series.flatMap((series) => {
    const points = series.points.filter((p) => p.start === start && (series.kind === 'marks' || p.value !== undefined));
    if (points.length === 0) return [];
    return [series.kind === 'line' ? `${series.name} ${points[0]!.value}` : `${series.name}: ${points.map(markText).join('; ')}`];
  });
}

/**
 * A run of empty periods: months by name (`Feb 2025 – Mar 2025`); weeks by their days, to the
 * last one's Sunday (`3 Feb – 30 Mar 2025`), as a week's label is its Monday and would read as
 * where the run ends; by its days too when since or until cuts a month of it (`1–27 Jul 2025`).
 */
function runLabel(unit: PeriodUnit, first: PeriodBar, last: PeriodBar): string {
  if (first === last) return first.label;
  if (unit === 'month' && !first.days && !last.days) return `${first.label} – ${last.label}`;
  return daysLabel(first.days?.from ?? first.start, last.days?.to ?? periodEnd(last.start, unit));
}

/**
 * The chart's figures as lines of a table: a period, its total, then its entries by type and its
 * series' figures. A run of periods with nothing in them is one row (`3 Feb 2025 – 24 Mar 2025`).
 */
export function timelineTable(chart: TimelineChart): Line[] {
  const rows: { label: string; total: number; cells: string[] }[] = [];
  let emptyRun: { first: PeriodBar; last: PeriodBar } | undefined;
  const endRun = () => {
    if (emptyRun) rows.push({ label: runLabel(chart.unit, emptyRun.first, emptyRun.last), total: 0, cells: [] });
    emptyRun = undefined;
  };
  for (const p of chart.periods) {
    const cells = [...EVENT_TYPE_IDS.filter((t) => (p.counts[t] ?? 0) > 0).map((t) => `${eventTypeLabel(t)} ${p.counts[t]}`), ...seriesCells(chart, p.start)];
    if (cells.length === 0) {
      emptyRun = { first: emptyRun?.first ?? p, last: p };
      continue;
    }
    endRun();
    rows.push({ label: p.label, total: totalOf(p.counts), cells });
  }
  endRun();
  const width = Math.max(...rows.map((row) => row.label.length));
  const header = `${(chart.unit === 'week' ? 'Week of' : 'Month').padEnd(width)}  Total`;
  return [
    [span.code(header)],
    ...rows.map((row): Line => [span.code(`${row.label.padEnd(width)}  ${String(row.total).padStart(5)}`), ...(row.cells.length > 0 ? [span.plain(`  ${row.cells.join(', ')}`)] : [])]),
  ];
}
