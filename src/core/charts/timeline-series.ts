// What a timeline chart draws over its bars: the fatalities its entries record, as a line (best
// estimates summed per period), and the trend calls made in its range, as arrows at their period.
import { ALERT_WORDS, type TrendCall, type TrendDirection } from '../trends.js';
import type { ChartSeries, MarkArrow, PeriodUnit } from './chart.js';
import type { PeriodFatalities } from './chart-data-port.js';
import { periodStart, periodStarts } from './periods.js';

export const FATALITIES_SERIES = 'Fatalities (best estimates)';
const TREND_SERIES = 'Trend calls';

/**
 * A point for every period once any records fatalities, else no line. A period whose entries
 * record no figure has no value: unknown is not zero, so the line breaks there.
 */
export function fatalityLine(fatalities: readonly PeriodFatalities[], since: string, until: string, unit: PeriodUnit): ChartSeries[] {
  if (fatalities.length === 0) return [];
  const byStart = new Map(fatalities.map((f) => [f.start, f.best]));
  const points = periodStarts(since, until, unit).map((start) => {
    const value = byStart.get(start);
    return value === undefined ? { start } : { start, value };
  });
  return [{ name: FATALITIES_SERIES, kind: 'line', points }];
}

/** The arrows of /trend's words: ↑ deteriorated, ↓ improved, → unchanged. */
const ARROWS: Record<TrendDirection, MarkArrow> = { deteriorated: 'up', improved: 'down', unchanged: 'right' };

/**
 * A mark per call at the period of its day: its arrow, with its topic when the chart is not of one
 * topic; its direction and alert in words, for the alt text and the Data table.
 */
export function trendMarks(calls: readonly TrendCall[], unit: PeriodUnit, withTopic: boolean): ChartSeries[] {
  if (calls.length === 0) return [];
  const points = calls.map((call) => ({
    start: periodStart(call.day, unit),
    arrow: ARROWS[call.direction],
    meaning: call.direction,
    ...(call.alert ? { flag: ALERT_WORDS[call.alert] } : {}),
    ...(withTopic ? { label: call.topic } : {}),
  }));
  return [{ name: TREND_SERIES, markName: 'trend call', kind: 'marks', points }];
}
