// The raw SQL of a /timeline page: the plan a developer who knows the schema and the data would
// write for the same rows, prepared once per set of filters. Written by hand from the schema's
// indexes (data/migrations), not from the store's query code:
// - an actor or a place is read from its links, which carry copies of the entry's days,
//   liveness, topic and type, so every other filter is checked in the link index and only the
//   page's rows join `entries`; the other side of an actor with a place is looked up in its
//   date-ordered index, and the sparser side (known from the data) is the one read;
// - `since` is what started on or after it (a range of the date-ordered index) followed by what
//   started before and still runs at it (ranges of the *_spans and *_long_spans indexes): the
//   page reads the second part only when the first runs out, the count (one UNION ALL) stops as
//   soon as it has its rows.
import type Database from 'better-sqlite3';
import { foldKey } from '../src/core/text.js';
import { ACTOR_ID, COUNT_CAP, LINKS, PLACE_ID, toEntry, type PageRow, type RawPage } from './raw-rows.js';

export interface TimelineFilters {
  topic?: string;
  type?: string;
  actor?: string;
  place?: string;
  /** A located place's area (`country:UA`): the entries at every place within it. */
  area?: string;
  since?: string; // first day, YYYY-MM-DD
  until?: string; // last day, YYYY-MM-DD
}

/** Which rows are read: entries, or the actor's or the place's links. */
export type Drive = 'entries' | 'actor' | 'place' | 'area';

/** The *_long_spans indexes hold the entries spanning more than this many days (their WHERE clause). */
const LONG_SPAN_DAYS = 400;
/** The heavy-pair count bound (the store's PROBE_LIMIT and INTERSECTION_COUNT_WORK): part of what the count means. */
const HEAVY = 2000;
const COUNT_WORK = 4000;

type Index = 'main' | 'spans' | 'long_spans';

/** One index range's rows, with the terms that select them and the columns they are ordered by. */
interface Part {
  from: string;
  alias: 'e' | 'ea' | 'ep' | 'ar';
  where: string[];
  day: string;
  id: string;
}

function entriesIndex(filters: TimelineFilters): string {
  if (filters.topic !== undefined && filters.type !== undefined) return 'entries_live_by_topic_type';
  if (filters.topic !== undefined) return 'entries_live_by_topic';
  if (filters.type !== undefined) return 'entries_live_by_type';
  return 'entries_live_by_date';
}

/** The partial-index condition of a spans index, written as the index writes it. */
function spansTerm(alias: string, index: Index): string[] {
  if (index === 'spans') return [`${alias}.day_to > ${alias}.day_from`];
  if (index === 'long_spans') return [`${alias}.day_to > date(${alias}.day_from, '+${LONG_SPAN_DAYS} days')`];
  return [];
}

function part(drive: Drive, filters: TimelineFilters, index: Index): Part {
  const [table, alias, key, main] =
    drive === 'actor'
      ? (['entry_actors', 'ea', [`ea.actor_id = ${ACTOR_ID}`, 'ea.live = 1'], 'entry_actors_by_actor'] as const)
      : drive === 'place'
        ? (['entry_places', 'ep', [`ep.place_id = ${PLACE_ID}`, 'ep.live = 1'], 'entry_places_by_place'] as const)
        : drive === 'area'
          ? (['entry_areas', 'ar', ['ar.area = @area', 'ar.live = 1'], undefined] as const)
          : (['entries', 'e', ['e.deleted_at IS NULL'], entriesIndex(filters)] as const);
  const indexName = index === 'main' ? main : `${table === 'entries' ? 'entries_live' : table}_${index}`;
  const day = `${alias}.day_from`;
  const id = alias === 'e' ? 'e.id' : `${alias}.entry_id`;
  const where = [...key, ...spansTerm(alias, index)];
  if (filters.topic !== undefined) where.push(`${alias}.topic = @topic`);
  if (filters.type !== undefined) where.push(`${alias}.event_type = @type`);
  if (filters.actor !== undefined && drive !== 'actor') {
    where.push(`EXISTS (SELECT 1 FROM entry_actors x INDEXED BY entry_actors_by_actor WHERE x.actor_id = ${ACTOR_ID} AND x.day_from = ${day} AND x.entry_id = ${id})`);
  }
  if (filters.place !== undefined && drive !== 'place') {
    where.push(`EXISTS (SELECT 1 FROM entry_places x INDEXED BY entry_places_by_place WHERE x.place_id = ${PLACE_ID} AND x.day_from = ${day} AND x.entry_id = ${id})`);
  }
  // Started in the period: a range of the date-ordered index. Started before `since` and still
  // running at it: ending within LONG_SPAN_DAYS of it (spans), or later (long_spans).
  if (index === 'main' && filters.since !== undefined) where.push(`${day} >= @since`);
  if (index === 'spans') where.push(`${alias}.day_to >= @since`, `${alias}.day_to < @later`, `${day} < @since`);
  if (index === 'long_spans') where.push(`${alias}.day_to >= @later`, `${day} < @since`);
  if (filters.until !== undefined) where.push(`${day} <= @until`);
  // entry_areas names none: its own key (area, newest first) is the order read.
  return { from: `${table} ${alias}${indexName ? ` INDEXED BY ${indexName}` : ''}`, alias, where, day, id };
}

/** An actor in two roles of one entry has two links: pages keep the first role's, counts count the entry once. */
const ACTOR_TWIN = 'NOT EXISTS (SELECT 1 FROM entry_actors twin WHERE twin.entry_id = ea.entry_id AND twin.actor_id = ea.actor_id AND twin.role < ea.role)';

function pageSelect(p: Part): string {
  const from = p.alias === 'e' ? p.from : `${p.from} CROSS JOIN entries e ON e.id = ${p.id}`;
  const where = p.alias === 'ea' ? [...p.where, ACTOR_TWIN] : p.where;
  return `SELECT e.id, e.topic, e.title, e.event_type, e.occurred_on, e.ends_on, e.confidence, ${p.day} AS day FROM ${from} WHERE ${where.join(' AND ')}`;
}

/** Counts read the index alone. */
function countSelect(p: Part, extra: string[] = []): string {
  return `SELECT ${p.alias === 'ea' ? `DISTINCT ${p.day}, ${p.id}` : '1'} FROM ${p.from} WHERE ${[...p.where, ...extra].join(' AND ')}`;
}

function shiftDay(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One page statement and its count for a fixed set of filters, read from `drive`'s rows. */
export class RawTimeline {
  private readonly page: Database.Statement;
  /** With `since`: what still runs at it, read when the page goes past what started in the period. */
  private readonly runningPage?: Database.Statement;
  private readonly startedCount?: Database.Statement;
  private readonly count: Database.Statement;
  /** Actor and place both in HEAVY entries or more: counted from the day of the actor's COUNT_WORK-th link in the period. */
  private readonly heavyPair?: Database.Statement;
  private readonly countFrom?: Database.Statement;
  private readonly boundedCount?: Database.Statement;

  constructor(db: Database.Database, filters: TimelineFilters, drive: Drive = filters.actor !== undefined ? 'actor' : filters.place !== undefined ? 'place' : filters.area !== undefined ? 'area' : 'entries') {
    const started = part(drive, filters, 'main');
    const running = filters.since !== undefined ? [part(drive, filters, 'spans'), part(drive, filters, 'long_spans')] : [];
    const order = (p: Part) => `ORDER BY ${p.day} DESC, ${p.id} DESC`;
    const hydrated = (rows: string) =>
      db.prepare(`WITH page AS MATERIALIZED (${rows} LIMIT @limit OFFSET @offset) SELECT page.*, ${LINKS} FROM page ORDER BY page.day DESC, page.id DESC`);
    this.page = hydrated(`${pageSelect(started)} ${order(started)}`);
    if (running.length > 0) {
      // Both parts are disjoint and older than every started row: a sort merges them.
      this.runningPage = hydrated(`${running.map(pageSelect).join(' UNION ALL ')} ORDER BY day DESC, id DESC`);
      this.startedCount = db.prepare(`SELECT count(*) FROM (${countSelect(started)} LIMIT @upTo)`).pluck();
    }
    this.count = db
      .prepare(`SELECT count(*) FROM (${[started, ...running].map((p) => countSelect(p)).join(' UNION ALL ')} LIMIT ${COUNT_CAP + 1})`)
      .pluck();
    if (filters.actor !== undefined && filters.place !== undefined) {
      this.heavyPair = db
        .prepare(
          `SELECT (SELECT count(*) FROM (SELECT DISTINCT day_from, entry_id FROM entry_actors INDEXED BY entry_actors_by_actor
                    WHERE actor_id = ${ACTOR_ID} AND live = 1 LIMIT ${HEAVY})) >= ${HEAVY}
              AND (SELECT count(*) FROM (SELECT 1 FROM entry_places INDEXED BY entry_places_by_place
                    WHERE place_id = ${PLACE_ID} AND live = 1 LIMIT ${HEAVY})) >= ${HEAVY}`,
        )
        .pluck();
      const actorLinks = part('actor', { actor: filters.actor, ...(filters.since ? { since: filters.since } : {}), ...(filters.until ? { until: filters.until } : {}) }, 'main');
      this.countFrom = db
        .prepare(`SELECT ${actorLinks.day} FROM ${actorLinks.from} WHERE ${actorLinks.where.join(' AND ')} ${order(actorLinks)} LIMIT 1 OFFSET ${COUNT_WORK - 1}`)
        .pluck();
      this.boundedCount = db.prepare(`SELECT count(*) FROM (${countSelect(started, [`${started.day} >= @countFrom`])} LIMIT ${COUNT_CAP + 1})`).pluck();
    }
  }

  /** The side of an actor with a place to read (what the data says, worked out once): the one with fewer links, or whose HEAVY-th newest is older. */
  static sparserSide(db: Database.Database, actor: string, place: string): Drive {
    const params = { actorKey: foldKey(actor), placeKey: foldKey(place) };
    const sides = (['actor', 'place'] as const).map((side) => {
      const p = part(side, side === 'actor' ? { actor } : { place }, 'main');
      const links = db.prepare(`SELECT count(*) FROM (${countSelect(p)} LIMIT ${HEAVY})`).pluck().get(params) as number;
      const day = db.prepare(`SELECT ${p.day} FROM ${p.from} WHERE ${p.where.join(' AND ')} ORDER BY ${p.day} DESC, ${p.id} DESC LIMIT 1 OFFSET ${HEAVY - 1}`).pluck().get(params) as string | undefined;
      return { side, links, day: day ?? '' };
    });
    const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
    if (Math.min(a.links, b.links) < HEAVY) return b.links < a.links ? b.side : a.side;
    return b.day < a.day ? b.side : a.side;
  }

  run(filters: TimelineFilters, limit: number, offset: number): RawPage {
    const params: Record<string, unknown> = {};
    if (filters.actor !== undefined) params.actorKey = foldKey(filters.actor);
    if (filters.place !== undefined) params.placeKey = foldKey(filters.place);
    if (filters.area !== undefined) params.area = filters.area;
    if (filters.topic !== undefined) params.topic = filters.topic;
    if (filters.type !== undefined) params.type = filters.type;
    if (filters.since !== undefined) Object.assign(params, { since: filters.since, later: shiftDay(filters.since, LONG_SPAN_DAYS) });
    if (filters.until !== undefined) params.until = filters.until;
    const rows = this.page.all({ ...params, limit, offset }) as PageRow[];
    if (this.runningPage && rows.length < limit) {
      // What started in the period ran out on this page: go on into what still runs at `since`.
      const startedRows = rows.length > 0 ? offset + rows.length : (this.startedCount!.get({ ...params, upTo: offset + 1 }) as number);
      rows.push(...(this.runningPage.all({ ...params, limit: limit - rows.length, offset: Math.max(0, offset - startedRows) }) as PageRow[]));
    }
    const entries = rows.map(toEntry);
    const from = this.heavyPair?.get(params) === 1 ? (this.countFrom?.get(params) as string | undefined) : undefined;
    if (from !== undefined) {
      const n = this.boundedCount!.get({ ...params, countFrom: from }) as number;
      const shown = entries.length > 0 ? offset + entries.length : 0;
      // A page that is not full ends the matches: its end is the exact total.
      if (n <= COUNT_CAP && entries.length < limit && (entries.length > 0 || offset === 0)) {
        return { entries, total: Math.min(shown, COUNT_CAP), totalIsLowerBound: shown > COUNT_CAP };
      }
      return { entries, total: Math.min(Math.max(n, shown), COUNT_CAP), totalIsLowerBound: true };
    }
    const n = this.count.get(params) as number;
    return { entries, total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  }
}
