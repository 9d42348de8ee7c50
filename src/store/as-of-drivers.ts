// The indexes a past timeline page is read from: the spans tables of migration 0012, each
// narrowed to the spans that held at an instant. The counterpart of timeline-drivers.ts for
// live entries, with the same column names so the same terms apply.
import type { TimelineQuery } from '../core/ports.js';
import { spansCondition, type Driver, type Filter, type Spans } from './timeline-drivers.js';

/** Terms true of a span that held just before the instant (valid_from < it <= valid_to). */
function heldTerms(alias: string): string[] {
  return [`${alias}.valid_from < ?`, `(${alias}.valid_to IS NULL OR ${alias}.valid_to >= ?)`];
}

/** The actor ids a filter stands for, as JSON: the actor and those merged into it since. */
export interface AsOfFilters {
  before: string;
  actorIds?: string;
}

type Kind = 'actor' | 'place';

const LINK_TABLES: Record<Kind, { table: string; alias: string }> = {
  actor: { table: 'entry_actor_spans', alias: 'xa' },
  place: { table: 'entry_place_spans', alias: 'xp' },
};

/** The actor's or place's spans newest first; with `spans`, only its multi-day (or long) ones. */
function linkSpansDriver(kind: Kind, key: string, value: unknown, before: string, spans?: Spans): Driver {
  const { table } = LINK_TABLES[kind];
  const alias = kind === 'actor' ? 'sa' : 'sp';
  const index = `${table}_${spans ?? `by_${kind}`}`;
  return {
    table: `${table} ${alias} INDEXED BY ${index}`,
    alias,
    key: [`${alias}.${key}`, ...heldTerms(alias), ...(spans ? [spansCondition(alias, spans)] : [])],
    keyParams: [value, before, before],
    applies: [kind],
    day: `${alias}.day_from`,
    dayTo: `${alias}.day_to`,
    id: `${alias}.entry_id`,
  };
}

function entrySpansDriver(index: string, key: string[], keyParams: unknown[], applies: Filter[], before: string, spans?: Spans): Driver {
  return {
    table: `entry_spans s INDEXED BY ${index}`,
    alias: 's',
    key: [...key, ...heldTerms('s'), ...(spans ? [spansCondition('s', spans)] : [])],
    keyParams: [...keyParams, before, before],
    applies,
    day: 's.day_from',
    dayTo: 's.day_to',
    id: 's.entry_id',
  };
}

const ACTOR_KEY = 'actor_id = ?';
const PLACE_KEY = 'place_id = (SELECT id FROM places WHERE place_key = ?)';

/** Which spans a page is read from: one actor's, a place's, or the entries'. */
export type DriverKind = 'actor' | 'place' | 'entries';

/** The driver of a kind; the entries' by topic, type or date, as the query's filters allow. */
export function asOfDriver(kind: DriverKind, query: TimelineQuery, filters: AsOfFilters, spans?: Spans): Driver {
  if (kind === 'actor') return linkSpansDriver('actor', ACTOR_KEY, (JSON.parse(filters.actorIds!) as number[])[0], filters.before, spans);
  if (kind === 'place') return linkSpansDriver('place', PLACE_KEY, query.placeKey, filters.before, spans);
  if (spans) return entrySpansDriver(`entry_spans_${spans}`, [], [], [], filters.before, spans);
  if (query.topic !== undefined) return entrySpansDriver('entry_spans_by_topic', ['s.topic = ?'], [query.topic], ['topic'], filters.before);
  if (query.eventType !== undefined) return entrySpansDriver('entry_spans_by_type', ['s.event_type = ?'], [query.eventType], ['type'], filters.before);
  return entrySpansDriver('entry_spans_by_date', [], [], [], filters.before);
}

/**
 * The filters the driver does not apply, checked on its rows. Every spans table carries the
 * entry's days, topic and type, and an entry's spans all split at the same instants, so the
 * span of another table that held then has the same first day: that lookup stays narrow.
 */
export function asOfFilterTerms(query: TimelineQuery, filters: AsOfFilters, d: Driver): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (filter: Filter, term: string, values: unknown[]) => {
    if (values[0] === undefined || d.applies.includes(filter)) return;
    where.push(term);
    params.push(...values);
  };
  add('topic', `${d.alias}.topic = ?`, [query.topic]);
  add('type', `${d.alias}.event_type = ?`, [query.eventType]);
  const link = (kind: Kind, key: string) => {
    const { table, alias } = LINK_TABLES[kind];
    return `EXISTS (SELECT 1 FROM ${table} ${alias} INDEXED BY ${table}_by_${kind}
                    WHERE ${alias}.${key} AND ${alias}.day_from = ${d.day} AND ${alias}.entry_id = ${d.id}
                      AND ${heldTerms(alias).join(' AND ')})`;
  };
  add('actor', link('actor', 'actor_id IN (SELECT value FROM json_each(?))'), [filters.actorIds, filters.before, filters.before]);
  add('place', link('place', PLACE_KEY), [query.placeKey, filters.before, filters.before]);
  return { where, params };
}
