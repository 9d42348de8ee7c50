// Trend calls: an admin's judgement of which way a topic is going (deteriorated, improved or
// unchanged, with an optional risk or opportunity alert and a note), at most one per topic and
// day; and the figures that help make one. The store keeps them (trend-port.ts).
import { shiftDay } from './as-of-day.js';
import type { EntrySummary } from './domain.js';
import { formatFatalities, type FatalityFigures } from './fatalities.js';
import { leftOutSentence } from './left-out-tolls.js';
import { formatIsoPartial } from './partial-date.js';
import { authorLabel } from './author-label.js';
import { plural } from './text.js';
import { eventTypeLabel, type EventType } from './vocabulary.js';
import type { TrendCalls } from './trend-port.js';
import { span, type Line } from './view.js';

export const TREND_DIRECTIONS = ['deteriorated', 'improved', 'unchanged'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];
export const TREND_ALERTS = ['risk', 'opportunity'] as const;
export type TrendAlert = (typeof TREND_ALERTS)[number];

export interface TrendCall {
  topic: string;
  /** The day it was made for, `YYYY-MM-DD`, as its channel reads today: one call per topic and day. */
  day: string;
  direction: TrendDirection;
  alert?: TrendAlert;
  note: string;
  madeBy: string;
  /** ISO instant. */
  madeAt: string;
}

export const ALERT_WORDS: Record<TrendAlert, string> = { risk: 'conflict risk alert', opportunity: 'resolution opportunity' };

/**
 * `deteriorated (conflict risk alert)`: the word alone, with no arrow, as a screen reader reads an
 * arrow by its sign's name ("downwards arrow improved"). Charts draw the arrows (timeline-series).
 */
export function callHeadline(call: Pick<TrendCall, 'direction' | 'alert'>): string {
  return `${call.direction}${call.alert ? ` (${ALERT_WORDS[call.alert]})` : ''}`;
}

/** `deteriorated — note` then who made it and on which day; the note is stored text, in a plain span. */
export function callLine(call: TrendCall, withTopic: boolean): Line {
  return [
    ...(withTopic ? [span.bold(`${call.topic}: `)] : []),
    span.bold(callHeadline(call)),
    span.plain(` — ${call.note}`),
    span.italic(` (${formatIsoPartial(call.day)}, ${authorLabel(call.madeBy)})`),
  ];
}

/** Entries of a topic over one window, by the day each starts. */
export interface WindowFigures {
  from: string;
  to: string;
  entries: number;
  byType: ReadonlyMap<EventType, number>;
  /**
   * People reported killed: the entries' fatality figures added up (best estimates, with the
   * range where they give one), and how many entries carry figures; absent when none does.
   */
  casualties?: { figures: FatalityFigures; entries: number };
}

/** A suggestion weighs the last this many days against as many before. */
export const WINDOW_DAYS = 30;

export interface TrendWindows {
  before: WindowFigures;
  recent: WindowFigures;
  /** Entries dated only to a month or a year whose period overlaps the two windows: counted in neither. */
  undated: number;
}

/**
 * The two windows ending on `end`. Entries count by the day each starts, so one dated only to a
 * month or a year counts in neither, even where its period fits in one: a 30-day window holds a
 * whole month only as the calendar falls (never the whole month before it), and counting it then
 * would tip the comparison.
 */
export function trendWindows(trends: Pick<TrendCalls, 'figures' | 'undated'>, topic: string, end: string): TrendWindows {
  const start = shiftDay(end, 1 - 2 * WINDOW_DAYS);
  return {
    before: trends.figures(topic, start, shiftDay(end, -WINDOW_DAYS)),
    recent: trends.figures(topic, shiftDay(end, 1 - WINDOW_DAYS), end),
    undated: trends.undated(topic, start, end),
  };
}

/**
 * The months and years overlapping the days `from`–`to`, as entries are dated to them (`2025-06`,
 * `2025`): the dates of the entries the windows leave out.
 */
export function undatedPeriods(from: string, to: string): string[] {
  const years: string[] = [];
  const months: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) years.push(String(year).padStart(4, '0'));
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftDay(`${month}-28`, 4).slice(0, 7)) months.push(month);
  return [...years, ...months];
}

/**
 * Why entries are missing from the windows, worded as /chart timeline words those it leaves out,
 * with the people they report killed (`entries`: those found of them), which neither window counts.
 */
export function undatedText(undated: number, entries: readonly EntrySummary[] = []): string {
  const [one, many] = ['is not counted in either window: the day it starts is not known.', 'are not counted in either window: the day each starts is not known.'];
  return leftOutSentence({ count: undated, entries, vaguely: 'dated less precisely than a day' }, [one, many]);
}

/** The event types counted as violence when proposing a direction: clashes and strikes. */
export const CLASH_TYPES: readonly EventType[] = ['armed-clash'];
export const STRIKE_TYPES: readonly EventType[] = ['air-strike', 'shelling'];

const countOf = (w: WindowFigures, types: readonly EventType[]) => types.reduce((n, t) => n + (w.byType.get(t) ?? 0), 0);
export const clashes = (w: WindowFigures) => countOf(w, CLASH_TYPES);
export const strikes = (w: WindowFigures) => countOf(w, STRIKE_TYPES);

/** Below this many violent events (or deaths) in both windows, a change is noise. */
const MIN_EVENTS = 3;
/** A rise or fall by this share or more (and by MIN_EVENTS or more) is a change. */
const CHANGE_SHARE = 0.25;

export interface Suggestion {
  direction: TrendDirection;
  /** Why, in a sentence with the figures. */
  reason: string;
  /** The windows hold too few events to propose anything: `unchanged` says only that nothing was seen. */
  tooFew?: true;
}

function compare(what: string, before: number, after: number): Suggestion | undefined {
  const change = after - before;
  if (Math.max(before, after) < MIN_EVENTS || Math.abs(change) < MIN_EVENTS) return undefined;
  if (after >= before * (1 + CHANGE_SHARE)) return { direction: 'deteriorated', reason: `${what} rose from ${before} to ${after}.` };
  if (after <= before * (1 - CHANGE_SHARE)) return { direction: 'improved', reason: `${what} fell from ${before} to ${after}.` };
  return undefined;
}

/**
 * Proposes a direction from the last window against the one before: casualties when both
 * windows record them, else armed clashes and strikes together. Fewer than MIN_EVENTS, or a
 * change under CHANGE_SHARE, is no change.
 */
export function suggestDirection(before: WindowFigures, after: WindowFigures): Suggestion {
  if (before.casualties !== undefined && after.casualties !== undefined) {
    const byDeaths = compare('People reported killed', before.casualties.figures.best, after.casualties.figures.best);
    if (byDeaths) return byDeaths;
  }
  const violence = (w: WindowFigures) => clashes(w) + strikes(w);
  const byViolence = compare('Armed clashes and strikes', violence(before), violence(after));
  if (byViolence) return byViolence;
  const [b, a] = [violence(before), violence(after)];
  return { direction: 'unchanged', reason: unchangedReason(b, a), ...(Math.max(b, a) < MIN_EVENTS ? { tooFew: true as const } : {}) };
}

function unchangedReason(before: number, after: number): string {
  if (Math.max(before, after) < MIN_EVENTS) return `Too few armed clashes and strikes to see a change (${before}, then ${after}).`;
  if (before === after) return `Armed clashes and strikes held steady (${before}, then ${after}).`;
  // 3 → 5 is +67% but two events: saying "steady" would read as a misreading of the figures.
  return `Armed clashes and strikes went from ${before} to ${after}: too small a change to call (a call takes a difference of ${MIN_EVENTS} or more, and of a quarter or more, either way).`;
}

/** `12 entries: Armed clash 5, Air/drone strike 4, …`, most frequent first. */
export function figuresText(w: WindowFigures): string {
  const types = [...w.byType].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([t, n]) => `${eventTypeLabel(t)} ${n}`);
  return `${plural(w.entries, 'entry', 'entries')}${types.length > 0 ? `: ${types.join(', ')}` : ''}`;
}

/** `40 (35 to 52) in 5 of 18 entries`, or that no entry gives figures: who is counted, and how many. */
export function casualtiesText(w: WindowFigures): string {
  if (!w.casualties) return `no figures (${plural(w.entries, 'entry', 'entries')})`;
  return `${formatFatalities(w.casualties.figures)} in ${w.casualties.entries} of ${plural(w.entries, 'entry', 'entries')}`;
}
