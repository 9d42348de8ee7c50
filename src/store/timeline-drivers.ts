// The indexes a timeline page can be read from, and the terms that select their rows.

/**
 * Spans longer than this many days have their own small indexes (the *_long_spans partial
 * indexes, whose WHERE clause repeats the number), so that what still runs at `since` is read
 * as two bounded ranges.
 */
export const LONG_SPAN = "day_to > date(day_from, '+400 days')";
export const LONG_SPAN_DAYS = 400;

export type Filter = 'topic' | 'type' | 'actor' | 'place';

/**
 * The index a timeline is read from: an actor's, a place's or an area's links, which carry copies of their
 * entry's days, liveness, topic and type, or one of the entries indexes. Plans are pinned with
 * INDEXED BY and CROSS JOIN because the store keeps no planner statistics.
 */
export interface Driver {
  /** The indexed table alone: enough for counts, which never need the entries row. */
  table: string;
  /** `e`, `ea`, `ep` or `ar` here; the spans tables of past views have their own (as-of-drivers.ts). */
  alias: string;
  /** Terms selecting this driver's rows (live ones only), and the filters they already apply. */
  key: string[];
  keyParams: unknown[];
  applies: Filter[];
  day: string;
  dayTo: string;
  id: string;
  dedupe?: Dedupe;
}

/**
 * An actor holding several roles in one entry has one link row per role. Counts take DISTINCT
 * (day, id), cheap on rows already in that order; pages keep the row of the first role only.
 */
export interface Dedupe {
  countDistinct: string;
  pageWhere: string;
}

const ACTOR_DEDUPE: Dedupe = {
  countDistinct: 'ea.day_from, ea.entry_id',
  pageWhere:
    'NOT EXISTS (SELECT 1 FROM entry_actors twin WHERE twin.entry_id = ea.entry_id AND twin.actor_id = ea.actor_id AND twin.role < ea.role)',
};

/** One part of a timeline: a driver's rows and the terms they must meet. */
export interface Scan {
  driver: Driver;
  where: string[];
  params: unknown[];
}

export type Spans = 'spans' | 'long_spans';

/** The partial-index condition of a spans index, for a table alias. */
export function spansCondition(alias: string, spans: Spans): string {
  return spans === 'spans' ? `${alias}.day_to > ${alias}.day_from` : LONG_SPAN.replace(/day_(to|from)/g, `${alias}.day_$1`);
}

/** Which links a driver reads: an actor's, a stored place's, or every entry within an area. */
export type LinkKind = 'actor' | 'place' | 'area';

/** `index` undefined: the table's own key is the order read (entry_areas, migration 0030). */
const LINKS: Record<LinkKind, { table: string; alias: 'ea' | 'ep' | 'ar'; column: string; index?: string; applies: Filter }> = {
  actor: { table: 'entry_actors', alias: 'ea', column: 'actor_id = ?', index: 'entry_actors_by_actor', applies: 'actor' },
  place: { table: 'entry_places', alias: 'ep', column: 'place_id = (SELECT id FROM places WHERE place_key = ?)', index: 'entry_places_by_place', applies: 'place' },
  // An area (`country:UA`) holds the entries at every place within it (migration 0012).
  area: { table: 'entry_areas', alias: 'ar', column: 'area = ?', applies: 'place' },
};

/** The kind of links a driver reads, from its alias. */
export const linkKindOf = (alias: Driver['alias']): LinkKind => (alias === 'ea' ? 'actor' : alias === 'ep' ? 'place' : 'area');

/**
 * An actor's, place's or area's links newest first; with `spans`, only its multi-day (or longer
 * than LONG_SPAN_DAYS) entries, by last day.
 */
export function linkDriver(kind: LinkKind, value: unknown, spans?: Spans): Driver {
  const { table, alias, column, index, applies } = LINKS[kind];
  return {
    table: `${table} ${alias}${spans ? ` INDEXED BY ${table}_${spans}` : index ? ` INDEXED BY ${index}` : ''}`,
    alias,
    key: [`${alias}.${column}`, `${alias}.live = 1`, ...(spans ? [spansCondition(alias, spans)] : [])],
    keyParams: [value],
    applies: [applies],
    day: `${alias}.day_from`,
    dayTo: `${alias}.day_to`,
    id: `${alias}.entry_id`,
    ...(kind === 'actor' ? { dedupe: ACTOR_DEDUPE } : {}),
  };
}

export function entriesDriver(index: string, key: string[], keyParams: unknown[], applies: Filter[]): Driver {
  return {
    table: `entries e INDEXED BY ${index}`,
    alias: 'e',
    key: ['e.deleted_at IS NULL', ...key],
    keyParams,
    applies,
    day: 'e.day_from',
    dayTo: 'e.day_to',
    id: 'e.id',
  };
}

