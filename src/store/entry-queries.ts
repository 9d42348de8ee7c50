// Timeline reads: which index drives a page, counted up to a cap.
import type { Page, TimelineQuery } from '../core/ports.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, type EntryRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';
import { LONG_SPAN_DAYS, entriesDriver, linkDriver, linkKindOf, spansCondition, type Driver, type Filter, type Scan, type Spans } from './timeline-drivers.js';

/** Counting every match of a broad query would cost more than the page itself; stop here. */
export const COUNT_CAP = 1000;

/**
 * To choose between an actor's and a place's links, count up to this many of each and read the
 * smaller; when both reach it, read the one whose PROBE_LIMIT-th newest link is older (the
 * sparser one), which costs no more than the counts.
 */
const PROBE_LIMIT = 2000;

/**
 * An actor and a place together are counted by looking up each of the driver's links in the
 * other's index. When both have PROBE_LIMIT links or more and the actor has this many in the
 * period, only entries from the day of its INTERSECTION_COUNT_WORK-th newest link on are
 * counted, and unless the page shows the last match the count is a lower bound ("at least N"):
 * a sparse overlap of two heavy sets costs a bounded number of lookups.
 */
const INTERSECTION_COUNT_WORK = 4000;

/**
 * Entries newest first, narrowed by the most selective index the filters allow; `heavyPair`
 * when an actor and a place are both given and both reach PROBE_LIMIT links.
 */
function driverFor(cache: StatementCache, query: TimelineQuery): { driver: Driver; heavyPair?: true } {
  const byPlace = placeDriver(query);
  if (query.actorId !== undefined && byPlace !== undefined) {
    const byActor = linkDriver('actor', query.actorId);
    const choice = cheapest(cache, [scanOf(byActor, [], []), scanOf(byPlace, [], [])]);
    const driver = choice.index === 0 ? byActor : byPlace;
    return choice.saturated ? { driver, heavyPair: true } : { driver };
  }
  return { driver: singleDriverFor(query) };
}

/** A place filter's links: an area's (a located place and all within it) or a stored place's. */
function placeDriver(query: TimelineQuery): Driver | undefined {
  if (query.placeArea !== undefined) return linkDriver('area', query.placeArea);
  return query.placeKey !== undefined ? linkDriver('place', query.placeKey) : undefined;
}

function singleDriverFor(query: TimelineQuery): Driver {
  if (query.actorId !== undefined) return linkDriver('actor', query.actorId);
  const byPlace = placeDriver(query);
  if (byPlace !== undefined) return byPlace;
  if (query.topic !== undefined && query.eventType !== undefined) {
    return entriesDriver('entries_live_by_topic_type', ['e.topic = ?', 'e.event_type = ?'], [query.topic, query.eventType], ['topic', 'type']);
  }
  if (query.topic !== undefined) return entriesDriver('entries_live_by_topic', ['e.topic = ?'], [query.topic], ['topic']);
  if (query.eventType !== undefined) return entriesDriver('entries_live_by_type', ['e.event_type = ?'], [query.eventType], ['type']);
  return entriesDriver('entries_live_by_date', [], [], []);
}

/** The filters the driver does not already apply, checked on its rows (from the index). */
function filterTerms(query: TimelineQuery, d: Driver): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (filter: Filter, term: string, value: unknown) => {
    if (value === undefined || d.applies.includes(filter)) return;
    where.push(term);
    params.push(value);
  };
  add('topic', `${d.alias}.topic = ?`, query.topic);
  add('type', `${d.alias}.event_type = ?`, query.eventType);
  // The other link is sought by (key, day_from, entry_id) in its date-ordered index: rows come
  // in that order, so successive lookups land on neighbouring pages.
  add(
    'actor',
    `EXISTS (SELECT 1 FROM entry_actors x INDEXED BY entry_actors_by_actor
             WHERE x.actor_id = ? AND x.day_from = ${d.day} AND x.entry_id = ${d.id})`,
    query.actorId,
  );
  add(
    'place',
    `EXISTS (SELECT 1 FROM entry_places x INDEXED BY entry_places_by_place
             WHERE x.place_id = (SELECT id FROM places WHERE place_key = ?) AND x.day_from = ${d.day} AND x.entry_id = ${d.id})`,
    query.placeKey,
  );
  add(
    'place',
    `EXISTS (SELECT 1 FROM entry_areas x
             WHERE x.area = ? AND x.day_from = ${d.day} AND x.entry_id = ${d.id})`,
    query.placeArea,
  );
  return { where, params };
}

function scanOf(driver: Driver, range: string[], rangeParams: unknown[], query?: TimelineQuery): Scan {
  const filters = query ? filterTerms(query, driver) : { where: [], params: [] };
  return {
    driver,
    where: [...driver.key, ...range, ...filters.where],
    params: [...driver.keyParams, ...rangeParams, ...filters.params],
  };
}

/**
 * Which of the scans reads the fewest index rows (see PROBE_LIMIT): its position, and whether
 * every scan reached PROBE_LIMIT.
 */
function cheapest(cache: StatementCache, scans: Scan[]): { index: number; saturated: boolean } {
  const rows = scans.map((scan) => countRows(cache, scan, PROBE_LIMIT));
  const least = Math.min(...rows);
  if (least < PROBE_LIMIT) return { index: rows.indexOf(least), saturated: false };
  const days = scans.map((scan) => dayOfRow(cache, scan, PROBE_LIMIT) ?? '');
  return { index: days.indexOf(days.reduce((oldest, day) => (day < oldest ? day : oldest))), saturated: true };
}

/** The day of the scan's nth row, newest first; undefined when it has fewer rows. */
function dayOfRow(cache: StatementCache, scan: Scan, n: number): string | undefined {
  const d = scan.driver;
  return cache
    .get(`SELECT ${d.day} FROM ${d.table} WHERE ${scan.where.join(' AND ')} ORDER BY ${d.day} DESC, ${d.id} DESC LIMIT 1 OFFSET ?`)
    .pluck()
    .get(...scan.params, n - 1) as string | undefined;
}

/**
 * Entries that started on or after `since` (all entries, without `since`): a plain range of
 * the driving index, read only as far as the page or the count cap needs.
 */
function startedScan(driver: Driver, query: TimelineQuery): Scan {
  const range: string[] = [];
  const params: unknown[] = [];
  if (query.since !== undefined) {
    range.push(`${driver.day} >= ?`);
    params.push(query.since);
  }
  if (query.until !== undefined) {
    range.push(`${driver.day} <= ?`);
    params.push(query.until);
  }
  return scanOf(driver, range, params, query);
}

/**
 * Entries that started before `since` and are still running at it, in two disjoint parts
 * each read from a bounded range of a spans index: multi-day entries ending within
 * LONG_SPAN_DAYS of `since` (any that started before it must end there unless longer), and
 * the few longer ones ending later.
 */
function runningScans(driver: Driver, query: TimelineQuery, since: string): Scan[] {
  const later = shiftDays(since, LONG_SPAN_DAYS);
  const spansOf = (spans: Spans): Driver =>
    driver.alias === 'e'
      ? entriesDriver(`entries_live_${spans}`, [spansCondition('e', spans)], [], [])
      : linkDriver(linkKindOf(driver.alias), driver.keyParams[0], spans);
  const until = query.until !== undefined ? [query.until] : [];
  const part = (d: Driver, dayTo: string[], dayToParams: string[]) =>
    scanOf(d, [...dayTo, `${d.day} < ?`, ...(until.length > 0 ? [`${d.day} <= ?`] : [])], [...dayToParams, since, ...until], query);
  const near = spansOf('spans');
  const far = spansOf('long_spans');
  return [part(near, [`${near.dayTo} >= ?`, `${near.dayTo} < ?`], [since, later]), part(far, [`${far.dayTo} >= ?`], [later])];
}

export function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function countRows(cache: StatementCache, scan: Scan, cap: number): number {
  const d = scan.driver;
  const rows = d.dedupe ? `DISTINCT ${d.dedupe.countDistinct}` : '1';
  return cache
    .get(`SELECT count(*) FROM (SELECT ${rows} FROM ${d.table} WHERE ${scan.where.join(' AND ')} LIMIT ?)`)
    .pluck()
    .get(...scan.params, cap) as number;
}

function pageRows(cache: StatementCache, scans: Scan[], limit: number, offset: number): EntryRow[] {
  const selects = scans.map((scan) => {
    const d = scan.driver;
    const from = d.alias === 'e' ? d.table : `${d.table} CROSS JOIN entries e ON e.id = ${d.id}`;
    const where = d.dedupe ? [...scan.where, d.dedupe.pageWhere] : scan.where;
    return `SELECT ${ENTRY_ROW_COLUMNS}, ${d.day} AS sort_day FROM ${from} WHERE ${where.join(' AND ')}`;
  });
  // One scan is read in its index's order; several (disjoint) are merged by a sort.
  const sql =
    selects.length === 1
      ? `${selects[0]} ORDER BY ${scans[0]!.driver.day} DESC, ${scans[0]!.driver.id} DESC LIMIT ? OFFSET ?`
      : `SELECT * FROM (${selects.join(' UNION ALL ')}) ORDER BY sort_day DESC, id DESC LIMIT ? OFFSET ?`;
  return cache.get(sql).all(...scans.flatMap((scan) => scan.params), limit, offset) as EntryRow[];
}

/**
 * Newest first (day_from, then id), with an exact count up to COUNT_CAP. With `since`, the
 * matches are the entries that started on or after it, then those that started earlier and
 * still run at it: two disjoint parts, each already in order, so each is read only as far as
 * needed instead of scanning everything older than `since` for entries still running.
 */
export function queryTimeline(cache: StatementCache, query: TimelineQuery): Page<ReturnType<typeof hydrateEntries>[number]> {
  const cap = COUNT_CAP + 1;
  const { driver, heavyPair } = driverFor(cache, query);
  const started = startedScan(driver, query);
  const running = query.since !== undefined ? runningScans(driver, query, query.since) : [];
  const bounded = heavyPair ? workBound(cache, query, started) : undefined;
  const startedCount = countRows(cache, bounded ?? started, cap);
  let count = startedCount;
  if (!bounded) for (const part of running) if (count < cap) count += countRows(cache, part, cap - count);

  const rows = pageRows(cache, [started], query.limit, query.offset);
  if (running.length > 0 && rows.length < query.limit) {
    // The started part ran out on this page: continue into the running part.
    const startedTotal =
      startedCount < cap && !bounded
        ? startedCount
        : rows.length > 0
          ? query.offset + rows.length
          : countRows(cache, started, query.offset + 1);
    rows.push(...pageRows(cache, running, query.limit - rows.length, Math.max(0, query.offset - startedTotal)));
  }
  const items = hydrateEntries(cache, rows);
  if (bounded && count < cap) {
    // A page that is not full read every match: its end is the exact total. Otherwise the
    // count stopped at the work bound: at least what it counted and what the page shows.
    if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return exactPage(items, query.offset + rows.length);
    const atLeast = rows.length > 0 ? Math.max(count, query.offset + rows.length) : count;
    return { items, total: Math.min(atLeast, COUNT_CAP), totalIsLowerBound: true };
  }
  return exactPage(items, count);
}

/** A page whose count is exact up to COUNT_CAP. */
export function exactPage<T>(items: T[], count: number): Page<T> {
  return { items, total: Math.min(count, COUNT_CAP), totalIsLowerBound: count > COUNT_CAP };
}

/**
 * For an actor and a place that both have many links, the started scan cut at the day of the
 * actor's INTERSECTION_COUNT_WORK-th newest link in the period, for counting; undefined when
 * there is no such link (the count is then exact).
 */
function workBound(cache: StatementCache, query: TimelineQuery, started: Scan): Scan | undefined {
  const period = { limit: query.limit, offset: query.offset, ...(query.since ? { since: query.since } : {}), ...(query.until ? { until: query.until } : {}) };
  const day = dayOfRow(cache, startedScan(linkDriver('actor', query.actorId), period), INTERSECTION_COUNT_WORK);
  if (day === undefined) return undefined;
  return { driver: started.driver, where: [...started.where, `${started.driver.day} >= ?`], params: [...started.params, day] };
}
