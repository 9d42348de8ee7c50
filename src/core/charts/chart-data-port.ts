// What charts need from the store: entries counted by period and type, and the places entries
// were at with how many and of what latest type. Counting a year of a large store takes tens of
// milliseconds, so these answer asynchronously (the store's queries run off the bot's thread);
// a digest card's counts, read by an index, are cheap and answered at once.
import type { EventType } from '../vocabulary.js';
import type { PeriodUnit } from './chart.js';

/** The timeline filters a chart takes; days are YYYY-MM-DD, an entry counts by the day it starts. */
export interface ChartFilter {
  topic?: string;
  actorId?: number;
  /** Folded place key (see foldKey): a stored place not located. */
  placeKey?: string;
  /** A located place's area (`country:SY`): the entries at every place within it, as /timeline reads it. */
  placeArea?: string;
  eventType?: EventType;
  since?: string;
  until?: string;
}

export interface PeriodTypeCount {
  /** The period's first day. */
  start: string;
  type: EventType;
  count: number;
}

export interface PeriodFatalities {
  /** The period's first day. */
  start: string;
  /** The best estimates of the period's entries that record fatalities, summed. */
  best: number;
}

export interface PeriodCounts {
  rows: PeriodTypeCount[];
  /** Matching entries dated less precisely than the period (a month-dated entry on a weekly chart). */
  imprecise: number;
  /** Those entries by their date as given (`2025-07`, `1967`), oldest first: a note names them so. */
  impreciseDates: { date: string; count: number }[];
  /** Periods whose counted entries record fatality figures; none when no entry does. */
  fatalities: PeriodFatalities[];
}

/** A place entries matching a filter were at: how many, and the event type of the newest. */
export interface PlaceActivity {
  name: string;
  placeKey: string;
  entries: number;
  latestType: EventType;
}

export interface DayRange {
  oldest: string;
  newest: string;
}

export interface ChartData {
  /** The first days of the oldest and the newest matching entries, if any match. */
  dayRange(filter: ChartFilter): Promise<DayRange | undefined>;
  periodCounts(filter: ChartFilter & { since: string; until: string }, unit: PeriodUnit): Promise<PeriodCounts>;
  /** Places of the entries matching the filter (topic, since, until), busiest first. */
  placeActivity(filter: ChartFilter): Promise<PlaceActivity[]>;
}

export interface AddedCounts {
  /** Live entries matching the filter (topic, type, actor) added after `from`, up to `to`, by type. */
  addedByType(filter: ChartFilter, from: Date, to: Date): { type: EventType; count: number }[];
  /** Live entries matching the filter whose creation revision lies after cursor `from`, up to `to`, by type. */
  addedInRevisions(filter: ChartFilter, from: number, to: number): { type: EventType; count: number }[];
}
