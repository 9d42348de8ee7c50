// The indexes a past timeline page is read from: the spans tables of migration 0018, each keyed
// in its main order by 0030. The counterpart of timeline-drivers.ts for live entries, with the
// same column names so the same range terms apply; whether a span held at the instant is a check
// on each row, like the filters the driver does not apply.
import type { TimelineQuery } from '../core/ports.js';
import { spansCondition, type Driver, type Filter, type Spans } from './timeline-drivers.js';

/**
 * Terms true of a span that held just before the instant (valid_from < it <= valid_to). The `+`
 * keeps the planner from reading them through entry_spans_by_start instead of the driver's order
 * (the spans tables are keyed in that order, and SQLite reads NOT INDEXED of such a table as no
 * hint at all).
 */
export function heldTerms(alias: string): string[] {
  return [`+${alias}.valid_from < ?`, `(${alias}.valid_to IS NULL OR ${alias}.valid_to >= ?)`];
}

/** The instant, and the actor ids a filter stands for as JSON: the actor and those merged into it. */
export interface AsOfFilters {
  before: string;
  actorIds?: string;
}

type Kind = 'actor' | 'place';

const LINK_TABLES: Record<Kind, { table: string; alias: string }> = {
  actor: { table: 'entry_actor_spans', alias: 'xa' },
  place: { table: 'entry_place_spans', alias: 'xp' },
};

/** The areas a place can be moved between: a country or first-level region, not its own record. */
export const DATED_AREA = /^(country|region):/;

/** Terms true of a place_area_spans row (migration 0052) whose place lay in the area just before the instant: area, instant, instant. */
export function areaHeldTerms(alias: string): string[] {
  return [`${alias}.area = ?`, `${alias}.held_from < ?`, `(${alias}.held_until IS NULL OR ${alias}.held_until >= ?)`];
}

const ACTOR_KEY = 'actor_id = ?';
const PLACE_KEY = 'place_id = (SELECT id FROM places WHERE place_key = ?)';

/** The actor's or place's spans newest first; with `spans`, only its multi-day (or long) ones. */
function linkSpansDriver(kind: Kind, value: unknown, spans?: Spans): Driver {
  const { table } = LINK_TABLES[kind];
  const alias = kind === 'actor' ? 'sa' : 'sp';
  return {
    // Without spans, the table's own key (actor or place, newest first) is the order read.
    table: `${table} ${alias}${spans ? ` INDEXED BY ${table}_${spans}` : ''}`,
    alias,
    key: [`${alias}.${kind === 'actor' ? ACTOR_KEY : PLACE_KEY}`, ...(spans ? [spansCondition(alias, spans)] : [])],
    keyParams: [value],
    applies: [kind],
    day: `${alias}.day_from`,
    dayTo: `${alias}.day_to`,
    id: `${alias}.entry_id`,
  };
}

/** `index` undefined: the table's own key, the spans newest first (migration 0030). */
function entrySpansDriver(index: string | undefined, key: string[], keyParams: unknown[], applies: Filter[], spans?: Spans): Driver {
  return {
    table: `entry_spans s${index ? ` INDEXED BY ${index}` : ''}`,
    alias: 's',
    key: [...key, ...(spans ? [spansCondition('s', spans)] : [])],
    keyParams,
    applies,
    day: 's.day_from',
    dayTo: 's.day_to',
    id: 's.entry_id',
  };
}

/** Which spans a page is read from: one actor's, a place's, the entries' in day order, or by when they began. */
export type DriverKind = 'actor' | 'place' | 'entries' | 'started';

/** The driver of a kind; the entries' by topic, type or date, as the query's filters allow. */
export function asOfDriver(kind: DriverKind, query: TimelineQuery, filters: AsOfFilters, spans?: Spans): Driver {
  if (kind === 'actor') return linkSpansDriver('actor', (JSON.parse(filters.actorIds!) as number[])[0], spans);
  if (kind === 'place') return linkSpansDriver('place', query.placeKey, spans);
  if (kind === 'started') return entrySpansDriver('entry_spans_by_start', ['s.valid_from < ?'], [filters.before], []);
  if (spans) return entrySpansDriver(`entry_spans_${spans}`, [], [], [], spans);
  if (query.topic !== undefined) return entrySpansDriver('entry_spans_by_topic', ['s.topic = ?'], [query.topic], ['topic']);
  if (query.eventType !== undefined) return entrySpansDriver('entry_spans_by_type', ['s.event_type = ?'], [query.eventType], ['type']);
  return entrySpansDriver(undefined, [], [], []);
}

/**
 * What each of the driver's rows must meet: its span held at the instant, and the filters the
 * driver does not apply. Every spans table carries the entry's days, topic and type, and an
 * entry's spans all split at the same instants, so the span of another table that held then
 * has the same first day: that lookup stays narrow.
 */
export function asOfChecks(query: TimelineQuery, filters: AsOfFilters, d: Driver): { where: string[]; params: unknown[] } {
  const where = heldTerms(d.alias);
  const params: unknown[] = [filters.before, filters.before];
  const add = (filter: Filter, term: string, values: unknown[]) => {
    if (values[0] === undefined || d.applies.includes(filter)) return;
    where.push(term);
    params.push(...values);
  };
  add('topic', `${d.alias}.topic = ?`, [query.topic]);
  add('type', `${d.alias}.event_type = ?`, [query.eventType]);
  const link = (kind: Kind, key: string) => {
    const { table, alias } = LINK_TABLES[kind];
    return `EXISTS (SELECT 1 FROM ${table} ${alias}
                    WHERE ${alias}.${key} AND ${alias}.day_from = ${d.day} AND ${alias}.entry_id = ${d.id}
                      AND ${heldTerms(alias).join(' AND ')})`;
  };
  add('actor', link('actor', 'actor_id IN (SELECT value FROM json_each(?))'), [filters.actorIds, filters.before, filters.before]);
  add('place', link('place', PLACE_KEY), [query.placeKey, filters.before, filters.before]);
  const { table, alias } = LINK_TABLES.place;
  if (query.placeArea !== undefined && DATED_AREA.test(query.placeArea)) {
    // A country or region: one of the entry's places of then lay in it then (place_area_spans,
    // migration 0052; entry_areas holds only the present). The entry's spans are found by entry,
    // open and closed (0053), and their places looked up among the area's of then, read once.
    // `+`: the place is looked up in the area's list, not used to seek the index once per place.
    const inArea = `+${alias}.place_id IN (SELECT pa.place_id FROM place_area_spans pa WHERE ${areaHeldTerms('pa').join(' AND ')})`;
    const spans = (index: string, held: string) =>
      `EXISTS (SELECT 1 FROM ${table} ${alias} INDEXED BY ${index}
               WHERE ${alias}.entry_id = ${d.id} AND ${inArea} AND ${held} AND ${alias}.day_from = ${d.day})`;
    add(
      'place',
      `(${spans('entry_place_spans_open', `${alias}.valid_to IS NULL AND ${alias}.valid_from < ?`)}
        OR ${spans('entry_place_spans_closed', `${alias}.valid_to IS NOT NULL AND ${alias}.valid_to >= ? AND ${alias}.valid_from < ?`)})`,
      [query.placeArea, filters.before, filters.before, filters.before, query.placeArea, filters.before, filters.before, filters.before, filters.before],
    );
  } else {
    // A located place's own record (a locality, a pin), through the places at it now: the place
    // named is the place, located or not then.
    add(
      'place',
      `EXISTS (SELECT 1 FROM place_areas pa CROSS JOIN ${table} ${alias}
               WHERE pa.area = ? AND ${alias}.place_id = pa.place_id AND ${alias}.day_from = ${d.day} AND ${alias}.entry_id = ${d.id}
                 AND ${heldTerms(alias).join(' AND ')})`,
      [query.placeArea, filters.before, filters.before],
    );
  }
  return { where, params };
}
