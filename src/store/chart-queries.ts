// The store's queries behind the charts' ports: entries counted by period and type (with the
// fatalities they record), and the places of matching entries (run in the chart worker, on its
// own read-only connection), and entries added by type (for digest cards). An entry counts by
// the day it starts; one dated less precisely than the chart's period (a month, on a weekly
// chart) is counted apart.
import type { AddedCounts, ChartFilter, DayRange, PeriodCounts, PeriodFatalities, PeriodTypeCount, PlaceActivity } from '../core/charts/chart-data-port.js';
import type { PeriodUnit } from '../core/charts/chart.js';
import type { EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

/** The first day of an entry's period, from its first day (weeks start on Monday). */
const PERIOD_START: Record<PeriodUnit, string> = {
  week: "date(e.day_from, '-' || ((CAST(strftime('%w', e.day_from) AS INTEGER) + 6) % 7) || ' days')",
  month: "substr(e.day_from, 1, 7) || '-01'",
};
/**
 * Whether an entry lies in one period of the unit. Only an entry spanning days from the first of
 * a month (of a year, for months) can be a month- (year-) dated one: the others are told from the
 * date index alone, and only those few rows are read from the table for their precision.
 */
const PRECISE: Record<PeriodUnit, string> = {
  week: "(e.day_to = e.day_from OR substr(e.day_from, 9, 2) <> '01' OR e.occurred_precision = 'day')",
  month: "(e.day_to = e.day_from OR substr(e.day_from, 6, 5) <> '01-01' OR e.occurred_precision <> 'year')",
};

const AREA_ENTRIES = 'SELECT entry_id FROM entry_areas WHERE area = ? AND live = 1';

/** Terms on `entries e` for a filter, with their parameters. */
function entryTerms(filter: ChartFilter): { where: string[]; params: unknown[] } {
  const where = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (term: string, ...values: unknown[]) => {
    where.push(term);
    params.push(...values);
  };
  if (filter.since !== undefined) add('e.day_from >= ?', filter.since);
  if (filter.until !== undefined) add('e.day_from <= ?', filter.until);
  if (filter.topic !== undefined) add('e.topic = ?', filter.topic);
  if (filter.eventType !== undefined) add('e.event_type = ?', filter.eventType);
  if (filter.actorId !== undefined) add('e.id IN (SELECT entry_id FROM entry_actors WHERE actor_id = ? AND live = 1)', filter.actorId);
  if (filter.placeKey !== undefined) add('e.id IN (SELECT entry_id FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = ?) AND live = 1)', filter.placeKey);
  if (filter.placeArea !== undefined) add(`e.id IN (${AREA_ENTRIES})`, filter.placeArea);
  return { where, params };
}

/**
 * Where a filter's days are read: an actor's or a place's links, which copy their entry's days,
 * liveness, topic and type in a date-ordered index (aliased `e`, so the terms read alike), or else
 * the entries' own date-ordered indexes.
 */
function dayTerms(filter: ChartFilter): { from: string; where: string[]; params: unknown[] } {
  const byLink = filter.actorId !== undefined ? 'actor' : filter.placeKey !== undefined ? 'place' : filter.placeArea !== undefined ? 'area' : undefined;
  if (!byLink) return { from: 'entries e', ...entryTerms(filter) };
  const { actorId: _actor, placeKey: _place, placeArea: _area, ...copied } = filter;
  const { where, params } = entryTerms(copied);
  where[0] = 'e.live = 1';
  if (byLink === 'actor') {
    where.push('e.actor_id = ?');
    params.push(filter.actorId);
    if (filter.placeKey !== undefined) (where.push('e.entry_id IN (SELECT entry_id FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = ?) AND live = 1)'), params.push(filter.placeKey));
    if (filter.placeArea !== undefined) (where.push(`e.entry_id IN (${AREA_ENTRIES})`), params.push(filter.placeArea));
    return { from: 'entry_actors e', where, params };
  }
  if (byLink === 'area') {
    where.push('e.area = ?');
    params.push(filter.placeArea);
    return { from: 'entry_areas e', where, params };
  }
  where.push('e.place_id = (SELECT id FROM places WHERE place_key = ?)');
  params.push(filter.placeKey);
  return { from: 'entry_places e', where, params };
}

/** A stored place's activity, with the gazetteer record it is located as (null: not located). */
interface SpellingActivity extends PlaceActivity {
  placeId: number;
  ref: string | null;
}

/** The queries a chart worker runs for ChartData, by name. */
export type ChartQuery = 'dayRange' | 'periodCounts' | 'placeActivity';

/**
 * Counts of a revision range are kept a minute, at most this many: the subscriptions due at one
 * slot share their range, and a range too large for a digest to list is as costly to count.
 */
const ADDED_KEPT = 256;
const ADDED_KEPT_MS = 60_000;

export class SqliteChartQueries implements AddedCounts {
  private readonly cache: StatementCache;
  private readonly addedInRanges = new Map<string, { at: number; rows: { type: EventType; count: number }[] }>();

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  dayRange(filter: ChartFilter): DayRange | undefined {
    const { from, where, params } = dayTerms(filter);
    // Two ordered reads of one row each: min() and max() in one SELECT would scan every entry.
    const end = (order: 'ASC' | 'DESC') => `(SELECT e.day_from FROM ${from} WHERE ${where.join(' AND ')} ORDER BY e.day_from ${order} LIMIT 1)`;
    const sql = `SELECT ${end('ASC')} AS oldest, ${end('DESC')} AS newest`;
    const row = this.cache.get(sql).get(...params, ...params) as { oldest: string | null; newest: string | null };
    return row.oldest !== null && row.newest !== null ? { oldest: row.oldest, newest: row.newest } : undefined;
  }

  periodCounts(filter: ChartFilter & { since: string; until: string }, unit: PeriodUnit): PeriodCounts {
    const { where, params } = entryTerms(filter);
    // The precision test sits in WHERE, where SQLite reads a table row only when the index cannot answer it.
    const counted = `SELECT ${PERIOD_START[unit]} AS start, e.event_type AS type, count(*) AS count
      FROM entries e WHERE ${where.join(' AND ')} AND ${PRECISE[unit]} GROUP BY start, type`;
    const imprecise = `SELECT e.occurred_on AS date, count(*) AS count FROM entries e WHERE ${where.join(' AND ')} AND NOT ${PRECISE[unit]} GROUP BY e.occurred_on ORDER BY e.occurred_on`;
    const fatalities = `SELECT ${PERIOD_START[unit]} AS start, sum(f.best) AS best
      FROM entries e JOIN entry_fatalities f ON f.entry_id = e.id WHERE ${where.join(' AND ')} AND ${PRECISE[unit]} GROUP BY start ORDER BY start`;
    const impreciseDates = this.cache.get(imprecise).all(...params) as { date: string; count: number }[];
    return {
      rows: this.cache.get(counted).all(...params) as PeriodTypeCount[],
      imprecise: impreciseDates.reduce((sum, dated) => sum + dated.count, 0),
      impreciseDates,
      fatalities: this.cache.get(fatalities).all(...params) as PeriodFatalities[],
    };
  }

  addedByType(filter: ChartFilter, from: Date, to: Date): { type: EventType; count: number }[] {
    const { where, params } = entryTerms(filter);
    const sql = `SELECT e.event_type AS type, count(*) AS count FROM entries e
      WHERE ${where.join(' AND ')} AND e.created_at > ? AND e.created_at <= ? GROUP BY e.event_type`;
    return this.cache.get(sql).all(...params, from.toISOString(), to.toISOString()) as { type: EventType; count: number }[];
  }

  addedInRevisions(filter: ChartFilter, from: number, to: number): { type: EventType; count: number }[] {
    const key = JSON.stringify([filter.topic, filter.eventType, filter.actorId, from, to]);
    const now = performance.now();
    const kept = this.addedInRanges.get(key);
    if (kept && now - kept.at < ADDED_KEPT_MS) return kept.rows;
    const { where, params } = entryTerms(filter);
    // The range's revisions first, by id (CROSS JOIN keeps that order; unary + keeps the planner off
    // the by-entity index, which would read every entry's revisions): a range is small beside the store.
    const sql = `SELECT e.event_type AS type, count(*) AS count FROM revisions r CROSS JOIN entries e ON e.id = r.entity_id
      WHERE r.id > ? AND r.id <= ? AND +r.entity = 'entry' AND r.action = 'create' AND ${where.join(' AND ')} GROUP BY e.event_type`;
    const rows = this.cache.get(sql).all(from, to, ...params) as { type: EventType; count: number }[];
    if (this.addedInRanges.size >= ADDED_KEPT) this.addedInRanges.clear();
    this.addedInRanges.set(key, { at: now, rows });
    return rows;
  }

  placeActivity(filter: ChartFilter): PlaceActivity[] {
    const terms = (alias: string) => {
      const where = [`${alias}.live = 1`];
      if (filter.topic !== undefined) where.push(`${alias}.topic = ?`);
      if (filter.since !== undefined) where.push(`${alias}.day_from >= ?`);
      if (filter.until !== undefined) where.push(`${alias}.day_from <= ?`);
      return where.join(' AND ');
    };
    const params = [filter.topic, filter.since, filter.until].filter((value) => value !== undefined);
    // Each place counts its own links in the range, read from its date-ordered index: grouping
    // every link by place read the whole index whatever the range. Then each place's newest type,
    // from the same index: a max() over every link in the range cost the map several times the count.
    const sql = `WITH c AS MATERIALIZED (SELECT p.id AS place_id, p.name AS name, p.place_key AS placeKey,
          CASE WHEN p.location = 'located' THEN p.gazetteer_ref END AS ref,
          (SELECT count(*) FROM entry_places ep WHERE ep.place_id = p.id AND ${terms('ep')}) AS entries
        FROM places p)
      SELECT c.place_id AS placeId, c.name AS name, c.placeKey AS placeKey, c.ref AS ref, c.entries AS entries,
        (SELECT n.event_type FROM entry_places n WHERE n.place_id = c.place_id AND ${terms('n')}
         ORDER BY n.day_from DESC, n.entry_id DESC LIMIT 1) AS latestType
      FROM c WHERE c.entries > 0 ORDER BY c.entries DESC, c.name`;
    const rows = this.cache.get(sql).all(...params, ...params) as SpellingActivity[];
    // Spellings of one gazetteer place (Quneitra, Kuneitra, القنيطرة) are one place on the map.
    const byRef = new Map<string, SpellingActivity[]>();
    for (const row of rows) {
      const key = row.ref ?? `place:${row.placeId}`;
      const spellings = byRef.get(key);
      if (spellings) spellings.push(row);
      else byRef.set(key, [row]);
    }
    const places = [...byRef.values()].map((spellings) => (spellings.length === 1 ? spellings[0]! : this.onePlace(spellings, terms('n'), params)));
    return places
      .map(({ name, placeKey, entries, latestType }) => ({ name, placeKey, entries, latestType }))
      // As SQLite orders names (byte by byte), as before the spellings were grouped.
      .sort((a, b) => b.entries - a.entries || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Several stored spellings of one located place as one: its entries counted once each, its
   * newest type among them all, named by the spelling most of the dossier's entries use.
   */
  private onePlace(spellings: readonly SpellingActivity[], terms: string, params: unknown[]): SpellingActivity {
    const ids = JSON.stringify(spellings.map((s) => s.placeId));
    const inGroup = 'n.place_id IN (SELECT value FROM json_each(?))';
    const entries = this.cache.get(`SELECT count(DISTINCT n.entry_id) FROM entry_places n WHERE ${inGroup} AND ${terms}`).pluck().get(ids, ...params) as number;
    const latestType = this.cache
      .get(`SELECT n.event_type FROM entry_places n WHERE ${inGroup} AND ${terms} ORDER BY n.day_from DESC, n.entry_id DESC LIMIT 1`)
      .pluck()
      .get(ids, ...params) as EventType;
    const used = this.cache.get('SELECT count(*) FROM entry_places WHERE place_id = ? AND live = 1').pluck();
    const named = spellings
      .map((spelling) => ({ spelling, used: used.get(spelling.placeId) as number }))
      .sort((a, b) => b.used - a.used || a.spelling.placeId - b.spelling.placeId)[0]!.spelling;
    return { ...named, entries, latestType };
  }
}
