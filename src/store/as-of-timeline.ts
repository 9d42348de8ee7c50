// A timeline page of a past view: the live timeline's filters, order, paging and capped count
// (entry-queries.ts), read from the spans that held at an instant, then each entry shown as
// its latest revision before that instant wrote it.
import type { EntryInput, EntrySummary } from '../core/domain.js';
import { summaryOf } from '../core/past-entry.js';
import type { Page, TimelineQuery } from '../core/ports.js';
import { ShownState } from './as-of-shown.js';
import { areaHeldTerms, asOfChecks, asOfDriver, DATED_AREA, heldTerms, type AsOfFilters, type DriverKind } from './as-of-drivers.js';
import { entrySnapshot } from './created-state.js';
import { COUNT_CAP, countRows, exactPage, shiftDays } from './entry-queries.js';
import type { StatementCache } from './statement-cache.js';
import { LONG_SPAN_DAYS, type Driver, type Scan, type Spans } from './timeline-drivers.js';

/** Spans of an actor or a place counted up to this many to tell which of the two is sparser. */
const PROBE_LIMIT = 2000;

/** When fewer spans than this had begun by the instant (early in the dossier's life), all are read and sorted. */
const FEW_SPANS = 4000;

/**
 * Rows of each part read to count its matches, when fewer than DENSE_SHARE of all spans had begun
 * by then. Early in a dossier later filled with older history, few of the spans of any period
 * held then: past this many rows the count says "at least", as a heavy filter pair does on the
 * live timeline. From DENSE_SHARE on, most rows read are matches, and the count runs to its cap
 * as the live one does.
 */
const COUNT_WORK = 20_000;
const DENSE_SHARE = 0.5;

/**
 * Every actor a merge ever folded into this one, through chains: those the revision log names
 * as merged into it, or into one of them. Only actors' revisions are read (a range of
 * revisions_by_entity), and merges are few.
 */
function actorsEverMergedInto(cache: StatementCache, actorId: number): number[] {
  return cache
    .get(
      `WITH RECURSIVE merges (from_id, into_id) AS MATERIALIZED (
         SELECT entity_id, json_extract(snapshot, '$.mergedInto') FROM revisions WHERE entity = 'actor' AND action = 'merge'),
       folded (id) AS (SELECT ? UNION SELECT m.from_id FROM merges m JOIN folded f ON m.into_id = f.id)
       SELECT id FROM folded`,
    )
    .pluck()
    .all(actorId) as number[];
}

/**
 * The actors an actor filter stands for at an instant, as snapshots keep the ids of their time:
 * the actor, and those the merges in force then had folded into it, directly or through others
 * (an actor unmerged since counts under it on the days it was merged, as the view shows it under
 * it). One merged into it after the instant was its own actor then, and is not counted.
 */
export function actorIdsAt(cache: StatementCache, actorId: number, before: string): number[] {
  const shown = new ShownState(cache);
  const then = actorsEverMergedInto(cache, actorId).filter((id) => shown.chain(id, 0, before).includes(actorId));
  return [...new Set([actorId, ...then])].sort((a, b) => a - b);
}

/** A range of a driver's index, and what each of its rows must meet. */
interface AsOfScan {
  driver: Driver;
  range: string[];
  rangeParams: unknown[];
  checks: string[];
  checkParams: unknown[];
}

const whole = (scan: AsOfScan): Scan => ({
  driver: scan.driver,
  where: [...scan.driver.key, ...scan.range, ...scan.checks],
  params: [...scan.driver.keyParams, ...scan.rangeParams, ...scan.checkParams],
});

/**
 * An actor's spans when it is one actor (an actor with others merged into it is checked on the
 * entries' spans instead: merges are rare), a place's, or the sparser of the two.
 */
function driverKind(cache: StatementCache, query: TimelineQuery, filters: AsOfFilters): DriverKind {
  const oneActor = filters.actorIds !== undefined && (JSON.parse(filters.actorIds) as number[]).length === 1;
  if (oneActor && query.placeKey !== undefined) {
    const count = (kind: DriverKind) => {
      const driver = asOfDriver(kind, query, filters);
      return countRows(cache, { driver, where: driver.key, params: driver.keyParams }, PROBE_LIMIT);
    };
    return count('actor') <= count('place') ? 'actor' : 'place';
  }
  if (oneActor) return 'actor';
  return query.placeKey !== undefined ? 'place' : 'entries';
}

function scanOf(driver: Driver, range: string[], rangeParams: unknown[], query: TimelineQuery, filters: AsOfFilters): AsOfScan {
  const checks = asOfChecks(query, filters, driver);
  return { driver, range, rangeParams, checks: checks.where, checkParams: checks.params };
}

/** Entries that started within since–until. */
function startedScan(kind: DriverKind, query: TimelineQuery, filters: AsOfFilters): AsOfScan {
  const driver = asOfDriver(kind, query, filters);
  const range: string[] = [];
  const params: unknown[] = [];
  if (query.since !== undefined) (range.push(`${driver.day} >= ?`), params.push(query.since));
  if (query.until !== undefined) (range.push(`${driver.day} <= ?`), params.push(query.until));
  return scanOf(driver, range, params, query, filters);
}

/** Entries that started before `since` and still ran at it, in two bounded parts (see entry-queries.ts). */
function runningScans(kind: DriverKind, query: TimelineQuery, filters: AsOfFilters, since: string): AsOfScan[] {
  const later = shiftDays(since, LONG_SPAN_DAYS);
  const until = query.until !== undefined ? [query.until] : [];
  const part = (spans: Spans, dayTo: (d: Driver) => string[], dayToParams: string[]) => {
    const d = asOfDriver(kind, query, filters, spans);
    return scanOf(d, [...dayTo(d), `${d.day} < ?`, ...until.map(() => `${d.day} <= ?`)], [...dayToParams, since, ...until], query, filters);
  };
  return [
    part('spans', (d) => [`${d.dayTo} >= ?`, `${d.dayTo} < ?`], [since, later]),
    part('long_spans', (d) => [`${d.dayTo} >= ?`], [later]),
  ];
}

/**
 * The matches among the first COUNT_WORK rows of the scan's range, up to `cap`, and whether
 * they are all of them: the count stopped neither at the cap nor at COUNT_WORK rows.
 */
function boundedCount(cache: StatementCache, scan: AsOfScan, cap: number): { matches: number; exhausted: boolean } {
  const d = scan.driver;
  const columns = ['entry_id', 'day_from', 'day_to', 'topic', 'event_type', 'valid_from', 'valid_to'].map((c) => `${d.alias}.${c} AS ${c}`);
  const range = `FROM ${d.table} WHERE ${[...d.key, ...scan.range].join(' AND ')}`;
  const matches = cache
    .get(
      `SELECT count(*) FROM (SELECT 1 FROM (SELECT ${columns.join(', ')} ${range} ORDER BY ${d.day} DESC, ${d.id} DESC LIMIT ?) AS ${d.alias}
                             WHERE ${scan.checks.join(' AND ')} LIMIT ?)`,
    )
    .pluck()
    .get(...d.keyParams, ...scan.rangeParams, COUNT_WORK, ...scan.checkParams, cap) as number;
  if (matches >= cap) return { matches, exhausted: false };
  const rows = cache.get(`SELECT count(*) FROM (SELECT 1 ${range} LIMIT ?)`).pluck().get(...d.keyParams, ...scan.rangeParams, COUNT_WORK) as number;
  return { matches, exhausted: rows < COUNT_WORK };
}

interface PageRow {
  id: number;
}

function pageRows(cache: StatementCache, scans: Scan[], limit: number, offset: number): PageRow[] {
  const selects = scans.map(({ driver: d, where }) => `SELECT ${d.id} AS id, ${d.day} AS sort_day FROM ${d.table} WHERE ${where.join(' AND ')}`);
  const sql =
    selects.length === 1
      ? `${selects[0]} ORDER BY ${scans[0]!.driver.day} DESC, ${scans[0]!.driver.id} DESC LIMIT ? OFFSET ?`
      : `SELECT * FROM (${selects.join(' UNION ALL ')}) ORDER BY sort_day DESC, id DESC LIMIT ? OFFSET ?`;
  return cache.get(sql).all(...scans.flatMap((scan) => scan.params), limit, offset) as PageRow[];
}

interface SpansBegun {
  /** The latest first day of the entry spans begun by the end of the instant's month. */
  lastDay: string;
  /** How many began by then (at most), and in all. */
  spans: number;
  all: number;
}

/** Undefined before the first span began. */
function spansBegun(cache: StatementCache, before: string): SpansBegun | undefined {
  const row = cache
    .get(
      `SELECT max(last_day) FILTER (WHERE month <= @month) AS lastDay, sum(spans) FILTER (WHERE month <= @month) AS spans, sum(spans) AS "all"
       FROM entry_span_months`,
    )
    .get({ month: before.slice(0, 7) }) as { lastDay: string | null; spans: number | null; all: number | null };
  return row.lastDay === null ? undefined : { lastDay: row.lastDay, spans: row.spans ?? 0, all: row.all ?? 0 };
}

/** Early in the dossier's life: every span begun by then, checked and sorted, counted exactly. */
function fewSpansPage(cache: StatementCache, query: TimelineQuery, filters: AsOfFilters): { rows: PageRow[]; count: number; lowerBound: boolean } {
  const driver = asOfDriver('started', query, filters);
  const range: string[] = [];
  const params: unknown[] = [];
  if (query.since !== undefined) (range.push(`${driver.dayTo} >= ?`), params.push(query.since));
  if (query.until !== undefined) (range.push(`${driver.day} <= ?`), params.push(query.until));
  const scan = whole(scanOf(driver, range, params, query, filters));
  const count = countRows(cache, scan, COUNT_CAP + 1);
  return { rows: pageRows(cache, [scan], query.limit, query.offset), count, lowerBound: false };
}

/** The matches of the scan up to `cap`, all of them: where most spans had begun, as the live timeline counts. */
function cappedCount(cache: StatementCache, scan: AsOfScan, cap: number): { matches: number; exhausted: boolean } {
  const matches = countRows(cache, whole(scan), cap);
  return { matches, exhausted: matches < cap };
}

/** What a country or region alone (or with a topic, a type or a last day) reads from its side. */
interface AreaSide {
  from: string;
  params: unknown[];
}

/**
 * The spans held then of the places that lay in the country or region then, when the query has
 * no filter but a topic, a type or a last day; undefined for any other query.
 */
function areaSide(query: TimelineQuery, filters: AsOfFilters): AreaSide | undefined {
  const area = query.placeArea;
  if (area === undefined || !DATED_AREA.test(area) || query.actorId !== undefined || query.placeKey !== undefined || query.since !== undefined) return undefined;
  const where = [...areaHeldTerms('pa'), 'xp.place_id = pa.place_id', ...heldTerms('xp')];
  const params: unknown[] = [area, filters.before, filters.before, filters.before, filters.before];
  if (query.topic !== undefined) (where.push('xp.topic = ?'), params.push(query.topic));
  if (query.eventType !== undefined) (where.push('xp.event_type = ?'), params.push(query.eventType));
  if (query.until !== undefined) (where.push('xp.day_from <= ?'), params.push(query.until));
  return { from: `FROM place_area_spans pa CROSS JOIN entry_place_spans xp WHERE ${where.join(' AND ')}`, params };
}

/**
 * A country's entries of then counted up to `cap` from its side, each entry once (an entry's
 * spans held then share their first day). Reading the entries in day order and checking each
 * costs the entries that are not in it as well.
 */
function areaCount(cache: StatementCache, side: AreaSide, cap: number): number {
  return cache.get(`SELECT count(*) FROM (SELECT DISTINCT xp.entry_id ${side.from} LIMIT ?)`).pluck().get(...side.params, cap) as number;
}

/** The page from the country's side, when it held fewer entries than the count reads: they are sorted, not sought in day order. */
function areaPage(cache: StatementCache, side: AreaSide, limit: number, offset: number): PageRow[] {
  return cache
    .get(`SELECT DISTINCT xp.entry_id AS id, xp.day_from AS sort_day ${side.from} ORDER BY sort_day DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...side.params, limit, offset) as PageRow[];
}

/**
 * Newest first from the driver's index, counted up to COUNT_CAP; within COUNT_WORK rows of each
 * part unless the spans are `dense`.
 */
function indexedPage(cache: StatementCache, query: TimelineQuery, filters: AsOfFilters, dense: boolean): { rows: PageRow[]; count: number; lowerBound: boolean } {
  const cap = COUNT_CAP + 1;
  const side = areaSide(query, filters);
  const byArea = side === undefined ? undefined : areaCount(cache, side, cap);
  // Few entries in the country then: read from its side, a day-order reading would pass over the rest.
  if (side !== undefined && byArea !== undefined && byArea < cap) return { rows: areaPage(cache, side, query.limit, query.offset), count: byArea, lowerBound: false };
  const kind = driverKind(cache, query, filters);
  const started = startedScan(kind, query, filters);
  const running = query.since !== undefined ? runningScans(kind, query, filters, query.since) : [];
  const counter = dense ? cappedCount : boundedCount;
  const startedCount = byArea !== undefined ? { matches: byArea, exhausted: false } : counter(cache, started, cap);
  let count = startedCount.matches;
  let lowerBound = !startedCount.exhausted && count < cap;
  for (const part of running) {
    if (count >= cap) break;
    const counted = counter(cache, part, cap - count);
    count += counted.matches;
    lowerBound ||= !counted.exhausted && count < cap;
  }
  const rows = pageRows(cache, [whole(started)], query.limit, query.offset);
  if (running.length > 0 && rows.length < query.limit) {
    // The started part ran out on this page: continue into the running part.
    const startedTotal = startedCount.exhausted && startedCount.matches < cap ? startedCount.matches : rows.length > 0 ? query.offset + rows.length : countRows(cache, whole(started), query.offset + 1);
    rows.push(...pageRows(cache, running.map(whole), query.limit - rows.length, Math.max(0, query.offset - startedTotal)));
  }
  return { rows, count, lowerBound };
}

/** Newest first, counted up to COUNT_CAP as the live timeline counts (a lower bound when the count stopped at its work). */
export function queryTimelineAsOf(cache: StatementCache, query: TimelineQuery, before: string): Page<EntrySummary> {
  const filters: AsOfFilters = { before };
  if (query.actorId !== undefined) filters.actorIds = JSON.stringify(actorIdsAt(cache, query.actorId, before));
  const begun = spansBegun(cache, before);
  if (begun === undefined) return exactPage([], 0);
  // Nothing held then starts after the latest day begun by then: the reading starts there.
  const bounded: TimelineQuery = { ...query, until: query.until !== undefined && query.until < begun.lastDay ? query.until : begun.lastDay };
  const { rows, count, lowerBound } =
    begun.spans < FEW_SPANS ? fewSpansPage(cache, bounded, filters) : indexedPage(cache, bounded, filters, begun.spans >= DENSE_SHARE * begun.all);
  const items = entriesAsOf(cache, rows.map((r) => r.id), before);
  return { items, total: Math.min(count, COUNT_CAP), totalIsLowerBound: lowerBound || count > COUNT_CAP };
}

/** Each entry as its latest revision before the instant wrote it, with that revision's id. */
export function snapshotsBefore(cache: StatementCache, ids: readonly number[], before: string): Map<number, { state: EntryInput; revisionId: number }> {
  const rows = cache
    .get(
      `SELECT j.value AS id, r.id AS revision_id, r.snapshot FROM json_each(?) j
       JOIN revisions r ON r.id = (SELECT max(id) FROM revisions
                                   WHERE entity = 'entry' AND entity_id = j.value AND strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) < ?)`,
    )
    .all(JSON.stringify(ids), before) as { id: number; revision_id: number; snapshot: string }[];
  return new Map(rows.map((row) => [row.id, { state: entrySnapshot(cache.db, row.id, row.snapshot), revisionId: row.revision_id }]));
}

export function actorNamesOf(cache: StatementCache, ids: readonly number[]): Map<number, string> {
  const rows = cache
    .get('SELECT a.id, a.name FROM json_each(?) j JOIN actors a ON a.id = j.value')
    .all(JSON.stringify([...new Set(ids)])) as { id: number; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Each entry as the dossier showed it then (see as-of-shown.ts), in the order given. */
function entriesAsOf(cache: StatementCache, ids: readonly number[], before: string): EntrySummary[] {
  const snapshots = snapshotsBefore(cache, ids, before);
  const shownState = new ShownState(cache);
  const shown = new Map([...snapshots].map(([id, { state, revisionId }]) => [id, shownState.shown(state, revisionId, before)]));
  const names = actorNamesOf(cache, [...shown.values()].flatMap((s) => s.actors.map((a) => a.actorId)));
  return ids.flatMap((id) => {
    const state = shown.get(id);
    return state ? [summaryOf(id, state, names)] : [];
  });
}
