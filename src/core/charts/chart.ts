// Pictures as data: what a chart shows, in the core's terms. The renderer (src/charts) draws them;
// commands and digests only build these and say what they show in words (alt text, data table).
import type { EventType } from '../vocabulary.js';

export type PeriodUnit = 'week' | 'month';

/** One bar of a timeline chart: a period and its entries by event type. */
export interface PeriodBar {
  /** The period's first day, YYYY-MM-DD (a week starts on Monday). */
  start: string;
  /** As people read it: `7 Jul 2025` (week starting) or `Jul 2025`; a cut period by its days, `16–31 Jul 2025`. */
  label: string;
  counts: Partial<Record<EventType, number>>;
  /** The days counted, when since or until falls within the period: its bar holds only those. */
  days?: { from: string; to: string };
}

/** An arrow a mark is drawn with: a shape, as the charts' fonts have no arrow glyphs. */
export type MarkArrow = 'up' | 'down' | 'right';
export const ARROW_TEXT: Record<MarkArrow, string> = { up: '↑', down: '↓', right: '→' };

export interface SeriesPoint {
  /** The start of the period it belongs to. */
  start: string;
  /** A line's figure. */
  value?: number;
  arrow?: MarkArrow;
  label?: string;
  /** What a mark's arrow stands for, in words (`deteriorated`): an arrow alone says nothing to a screen reader. */
  meaning?: string;
  /** What else the mark says, in words: `conflict risk alert`. */
  flag?: string;
}

/**
 * More figures drawn over the bars, by period start: a `line` on its own axis (casualties), or
 * `marks` on the period axis, each an arrow and/or a label (trend calls; one period may have
 * several). Built by whoever has the figures.
 */
export interface ChartSeries {
  name: string;
  /** One mark's name, for `1 trend call` (marks only): the name, lower-cased, otherwise. */
  markName?: string;
  kind: 'line' | 'marks';
  points: readonly SeriesPoint[];
}

/** What a mark says without its label: `deteriorated (↑), conflict risk alert`, or its arrow alone when it has no words. */
export function markMeaning(point: SeriesPoint): string {
  const arrow = point.arrow ? ARROW_TEXT[point.arrow] : undefined;
  const what = point.meaning && arrow ? `${point.meaning} (${arrow})` : (point.meaning ?? arrow);
  return [what, point.flag].filter(Boolean).join(', ');
}

/** A mark as words: `syria-israel deteriorated (↑), conflict risk alert`. */
export const markText = (point: SeriesPoint) => [point.label, markMeaning(point)].filter(Boolean).join(' ');

export interface TimelineChart {
  kind: 'timeline';
  title: string;
  unit: PeriodUnit;
  /** Every period of the range in order, empty ones included. */
  periods: readonly PeriodBar[];
  series: readonly ChartSeries[];
}

/** A place with coordinates and what the dossier has there for a filter. */
export interface LocatedPoint {
  name: string;
  lat: number;
  lon: number;
  entries: number;
  latestType: EventType;
}

export interface MapChart {
  kind: 'map';
  title: string;
  points: readonly LocatedPoint[];
}

/** A digest's summary picture: entries by type this period beside the previous one. */
export interface CardChart {
  kind: 'card';
  title: string;
  currentLabel: string;
  previousLabel: string;
  rows: readonly { type: EventType; current: number; previous: number }[];
  /** No period before to compare with (a channel's first digest): each bar shows its count alone. */
  uncompared?: boolean;
}

export type Chart = TimelineChart | MapChart | CardChart;

export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Draws charts as PNG pictures (off the event loop, a few at a time). */
export interface ChartRenderer {
  render(chart: Chart): Promise<RenderedChart>;
}

/** The picture size of each kind of chart, in pixels: fixed, so a view can state it before drawing. */
export const CHART_SIZES: Record<Chart['kind'], { width: number; height: number }> = {
  timeline: { width: 1200, height: 600 },
  map: { width: 1200, height: 800 },
  card: { width: 900, height: 420 },
};
