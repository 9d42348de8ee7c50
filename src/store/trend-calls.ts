// The store's trend calls (migration 0012's trend_calls) and the figures behind a suggestion.
// Calls are ordered by when they were made, not by their day: the day is each call's label on its
// channel's clock, and a channel ahead of another's is already on tomorrow while the other is not.
import { sumFatalities, type FatalityFigures } from '../core/fatalities.js';
import type { EventType } from '../core/vocabulary.js';
import type { TrendCalls } from '../core/trend-port.js';
import type { TrendAlert, TrendCall, TrendDirection, WindowFigures } from '../core/trends.js';
import type { Db } from './connection.js';
import { StatementCache } from './statement-cache.js';

interface CallRow {
  topic: string;
  day: string;
  direction: TrendDirection;
  alert: TrendAlert | null;
  note: string;
  made_by: string;
  made_at: string;
}

const COLUMNS = 'topic, day, direction, alert, note, made_by, made_at';
/** Oldest made first; `id` orders calls written in the same millisecond (imported ones). */
const MADE_ORDER = 'made_at, id';
const NEWEST_FIRST = 'made_at DESC, id DESC';

/**
 * An entry whose first day is known. Only an entry starting on the first of a month can be dated
 * to a month or a year: the index answers for the others, and only those rows are read for their
 * precision. (Not told by a one-day span, as the weekly chart does: entries stored before spans
 * had to end after their date may end on the first day of the month they are dated to.)
 */
const DAY_DATED = "(substr(day_from, 9, 2) <> '01' OR occurred_precision = 'day')";

function toCall(row: CallRow): TrendCall {
  const call: TrendCall = { topic: row.topic, day: row.day, direction: row.direction, note: row.note, madeBy: row.made_by, madeAt: row.made_at };
  if (row.alert) call.alert = row.alert;
  return call;
}

export class SqliteTrendCalls implements TrendCalls {
  private readonly cache: StatementCache;
  /**
   * Every digest of a burst opens with the latest calls: they are read once per change to the
   * file (PRAGMA data_version moves when another connection commits; this object's own writes
   * drop them, so the app shares one between commands and digests).
   */
  private latest?: { version: number; calls: ReadonlyMap<string, TrendCall> };

  constructor(private readonly db: Db) {
    this.cache = new StatementCache(db);
  }

  record(call: TrendCall): { replaced?: TrendCall } {
    return this.db.transaction(() => {
      const earlier = this.cache.get(`SELECT ${COLUMNS} FROM trend_calls WHERE topic = ? AND day = ?`).get(call.topic, call.day) as CallRow | undefined;
      this.cache
        .get(
          `INSERT INTO trend_calls (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (topic, day) DO UPDATE SET direction = excluded.direction, alert = excluded.alert, note = excluded.note,
             made_by = excluded.made_by, made_at = excluded.made_at`,
        )
        .run(call.topic, call.day, call.direction, call.alert ?? null, call.note, call.madeBy, call.madeAt);
      this.latest = undefined;
      return earlier ? { replaced: toCall(earlier) } : {};
    })();
  }

  history(topic: string, limit: number, offset: number) {
    const rows = this.cache.get(`SELECT ${COLUMNS} FROM trend_calls WHERE topic = ? ORDER BY ${NEWEST_FIRST} LIMIT ? OFFSET ?`).all(topic, limit, offset) as CallRow[];
    const total = this.cache.get('SELECT count(*) FROM trend_calls WHERE topic = ?').pluck().get(topic) as number;
    return { items: rows.map(toCall), total, totalIsLowerBound: false };
  }

  between(topic: string | undefined, from: string, to: string): TrendCall[] {
    const rows = topic === undefined
      ? this.cache.get(`SELECT ${COLUMNS} FROM trend_calls WHERE day BETWEEN ? AND ? ORDER BY topic, ${MADE_ORDER}`).all(from, to)
      : this.cache.get(`SELECT ${COLUMNS} FROM trend_calls WHERE topic = ? AND day BETWEEN ? AND ? ORDER BY ${MADE_ORDER}`).all(topic, from, to);
    return (rows as CallRow[]).map(toCall);
  }

  latestByTopic(): ReadonlyMap<string, TrendCall> {
    const version = this.cache.get('PRAGMA data_version').pluck().get() as number;
    if (this.latest?.version === version) return this.latest.calls;
    const rows = this.cache
      .get(`SELECT ${COLUMNS} FROM trend_calls c WHERE id = (SELECT id FROM trend_calls WHERE topic = c.topic ORDER BY ${NEWEST_FIRST} LIMIT 1) ORDER BY topic`)
      .all() as CallRow[];
    const calls = new Map(rows.map((row) => [row.topic, toCall(row)]));
    this.latest = { version, calls };
    return calls;
  }

  figures(topic: string, from: string, to: string): WindowFigures {
    const rows = this.cache
      .get(
        `SELECT event_type, count(*) AS n FROM entries INDEXED BY entries_live_by_topic
         WHERE topic = ? AND deleted_at IS NULL AND day_from BETWEEN ? AND ? AND ${DAY_DATED} GROUP BY event_type`,
      )
      .all(topic, from, to) as { event_type: EventType; n: number }[];
    const figures: WindowFigures = { from, to, entries: rows.reduce((sum, r) => sum + r.n, 0), byType: new Map(rows.map((r) => [r.event_type, r.n])) };
    const casualties = sumFatalities(this.fatalities(topic, from, to));
    return casualties ? { ...figures, casualties } : figures;
  }

  undated(topic: string, from: string, to: string): number {
    // A year-dated start may reach back a year before `from`; the month or year it names must overlap the days.
    return this.cache
      .get(
        `SELECT count(*) FROM entries INDEXED BY entries_live_by_topic
         WHERE topic = ? AND deleted_at IS NULL AND day_from BETWEEN date(?, '-1 year', '+1 day') AND ? AND NOT ${DAY_DATED}
           AND date(day_from, CASE occurred_precision WHEN 'month' THEN '+1 month' ELSE '+1 year' END, '-1 day') >= ?`,
      )
      .pluck()
      .get(topic, from, to, from) as number;
  }

  newestDayDated(topic: string): string | undefined {
    return this.cache
      .get(`SELECT day_from FROM entries INDEXED BY entries_live_by_topic WHERE topic = ? AND deleted_at IS NULL AND ${DAY_DATED} ORDER BY day_from DESC LIMIT 1`)
      .pluck()
      .get(topic) as string | undefined;
  }

  /** The fatality figures of the same entries, for those that carry any. */
  private fatalities(topic: string, from: string, to: string): FatalityFigures[] {
    const rows = this.cache
      .get(
        `SELECT f.low, f.best, f.high FROM entries e INDEXED BY entries_live_by_topic CROSS JOIN entry_fatalities f ON f.entry_id = e.id
         WHERE e.topic = ? AND e.deleted_at IS NULL AND e.day_from BETWEEN ? AND ? AND ${DAY_DATED}`,
      )
      .all(topic, from, to) as { low: number | null; best: number; high: number | null }[];
    return rows.map(({ low, best, high }) => ({ best, ...(low !== null ? { low } : {}), ...(high !== null ? { high } : {}) }));
  }
}
