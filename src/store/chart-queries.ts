// The store's queries behind the charts' ports: entries counted by period and type, and the
// places of matching entries (run in the chart worker, on its own read-only connection), and
// entries added by type (for digest cards). An entry counts by the day it starts; one dated less
// precisely than the chart's period (a month, on a weekly chart) is counted apart.
import type { AddedCounts, ChartFilter, DayRange, PeriodCounts, PlaceActivity } from '../core/charts/chart-data-port.js';
import type { PeriodUnit } from '../core/charts/chart.js';
import type { EventType } from '../core/vocabulary.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

/** The first day of an entry's period, from its first day (weeks start on Monday). */
const PERIOD_START: Record<PeriodUnit, string> = {
  week: "date(e.day_from, '-' || ((CAST(strftime('%w', e.day_from) AS INTEGER) + 6) % 7) || ' days')",
  month: "substr(e.day_from, 1, 7) || '-01'",
};
/** Precisions that place an entry in one period of the unit. */
const PRECISE: Record<PeriodUnit, string> = { week: "('day')", month: "('day', 'month')" };

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
  return { where, params };
}

/** The queries a chart worker runs for ChartData, by name. */
export type ChartQuery = 'dayRange' | 'periodCounts' | 'placeActivity';

export class SqliteChartQueries implements AddedCounts {
  private readonly cache: StatementCache;

  constructor(db: Db) {
    this.cache = new StatementCache(db);
  }

  dayRange(filter: ChartFilter): DayRange | undefined {
    const { where, params } = entryTerms(filter);
    const sql = `SELECT min(e.day_from) AS oldest, max(e.day_from) AS newest FROM entries e WHERE ${where.join(' AND ')}`;
    const row = this.cache.get(sql).get(...params) as { oldest: string | null; newest: string | null };
    return row.oldest !== null && row.newest !== null ? { oldest: row.oldest, newest: row.newest } : undefined;
  }

  periodCounts(filter: ChartFilter & { since: string; until: string }, unit: PeriodUnit): PeriodCounts {
    const { where, params } = entryTerms(filter);
    const sql = `SELECT CASE WHEN e.occurred_precision IN ${PRECISE[unit]} THEN ${PERIOD_START[unit]} END AS start, e.event_type AS type, count(*) AS count
      FROM entries e WHERE ${where.join(' AND ')} GROUP BY start, type`;
    const rows = this.cache.get(sql).all(...params) as { start: string | null; type: EventType; count: number }[];
    const counted = rows.filter((r): r is { start: string; type: EventType; count: number } => r.start !== null);
    return { rows: counted, imprecise: rows.filter((r) => r.start === null).reduce((sum, r) => sum + r.count, 0) };
  }

  addedByType(filter: ChartFilter, from: Date, to: Date): { type: EventType; count: number }[] {
    const { where, params } = entryTerms(filter);
    const sql = `SELECT e.event_type AS type, count(*) AS count FROM entries e
      WHERE ${where.join(' AND ')} AND e.created_at > ? AND e.created_at <= ? GROUP BY e.event_type`;
    return this.cache.get(sql).all(...params, from.toISOString(), to.toISOString()) as { type: EventType; count: number }[];
  }

  placeActivity(filter: ChartFilter): PlaceActivity[] {
    const where = ['ep.live = 1'];
    const params: unknown[] = [];
    if (filter.topic !== undefined) (where.push('ep.topic = ?'), params.push(filter.topic));
    if (filter.since !== undefined) (where.push('ep.day_from >= ?'), params.push(filter.since));
    if (filter.until !== undefined) (where.push('ep.day_from <= ?'), params.push(filter.until));
    // With one max() in the query, SQLite takes the bare event_type from the newest entry's row.
    const sql = `SELECT p.name AS name, p.place_key AS placeKey, count(*) AS entries, max(ep.day_from || printf('%012d', ep.entry_id)) AS newest, ep.event_type AS latestType
      FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE ${where.join(' AND ')}
      GROUP BY ep.place_id ORDER BY entries DESC, p.name`;
    return (this.cache.get(sql).all(...params) as (PlaceActivity & { newest: string })[]).map(({ newest: _newest, ...place }) => place);
  }
}
