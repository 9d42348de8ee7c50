// The periods a timeline chart draws, by week or by month, and the first day they start on: a map
// without since covers the same days, so an entry the timeline counts is on the map too.
import type { PeriodUnit } from '../../src/core/charts/chart.js';
import type { ChartData, ChartFilter, PeriodCounts } from '../../src/core/charts/chart-data-port.js';
import { periodStart } from '../../src/core/charts/periods.js';

/** Without `by`, ranges up to this many days are drawn by week, longer ones by month. */
const WEEKLY_UP_TO_DAYS = 400;

const dayCount = (since: string, until: string) => (Date.parse(until) - Date.parse(since)) / 86_400_000 + 1;

export const countedEntries = (counts: PeriodCounts) => counts.rows.reduce((sum, row) => sum + row.count, 0);

export type DayRangeFound = { since: string; until: string };

/** The unit a range is drawn by without `by`: its length's. */
export const unitForSpan = (range: DayRangeFound): PeriodUnit => (dayCount(range.since, range.until) > WEEKLY_UP_TO_DAYS ? 'month' : 'week');

/** The chart's first day: since as given; without it, its first period's first day, so no bar is cut. */
export const firstDayBy = (filter: ChartFilter, range: DayRangeFound, unit: PeriodUnit) => filter.since ?? periodStart(range.since, unit);

export interface CountedPeriods {
  unit: PeriodUnit;
  since: string;
  counts: PeriodCounts;
  /** Drawn by month although weeks fitted the range, as most entries are dated only to a month. */
  byMonthInstead: boolean;
  /** The counts by month, counted once when asked. */
  byMonth: () => Promise<PeriodCounts>;
}

/**
 * The range counted by `unit`; without `by` (`given`), weeks that would leave out more entries
 * dated to a month than they draw give way to months.
 */
export async function countPeriods(filter: ChartFilter, range: DayRangeFound, unit: PeriodUnit, given: PeriodUnit | undefined, data: ChartData): Promise<CountedPeriods> {
  const { until } = range;
  let monthly: PeriodCounts | undefined;
  const byMonth = async () => (monthly ??= await data.periodCounts({ ...filter, since: firstDayBy(filter, range, 'month'), until }, 'month'));
  const since = firstDayBy(filter, range, unit);
  const counts = await data.periodCounts({ ...filter, since, until }, unit);
  if (given === undefined && unit === 'week' && counts.imprecise > countedEntries(counts)) {
    const months = await byMonth();
    if (counts.imprecise - months.imprecise > countedEntries(counts)) return { unit: 'month', since: firstDayBy(filter, range, 'month'), counts: months, byMonthInstead: true, byMonth };
  }
  return { unit, since, counts, byMonthInstead: false, byMonth };
}

/** The first day a chart of the range by its default unit starts on, as /chart timeline draws it. */
export async function timelineSince(filter: ChartFilter, range: DayRangeFound, data: ChartData): Promise<string> {
  if (filter.since !== undefined) return filter.since;
  const unit = unitForSpan(range);
  return unit === 'month' ? firstDayBy(filter, range, unit) : (await countPeriods(filter, range, unit, undefined, data)).since;
}
