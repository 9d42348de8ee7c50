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
 * The index a timeline is read from: an actor's or a place's links, which carry copies of their
 * entry's days, liveness, topic and type, or one of the entries indexes. Plans are pinned with
 * INDEXED BY and CROSS JOIN because the store keeps no planner statistics.
 */
export interface Driver {
  /** The indexed table alone: enough for counts, which never need the entries row. */
  table: string;
  /** `e`, `ea` or `ep` here; the spans tables of past views have their own (as-of-drivers.ts). */
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

/**
 * An actor's or place's links newest first; with `spans`, only its multi-day (or longer than
 * LONG_SPAN_DAYS) entries, by last day.
 */
export function linkDriver(kind: 'actor' | 'place', value: unknown, spans?: Spans): Driver {
  const [table, alias, column] =
    kind === 'actor'
      ? ['entry_actors', 'ea', 'actor_id = ?']
      : ['entry_places', 'ep', 'place_id = (SELECT id FROM places WHERE place_key = ?)'];
  const index = spans ? `${table}_${spans}` : kind === 'actor' ? 'entry_actors_by_actor' : 'entry_places_by_place';
  return {
    table: `${table} ${alias} INDEXED BY ${index}`,
    alias: alias as 'ea' | 'ep',
    key: [`${alias}.${column}`, `${alias}.live = 1`, ...(spans ? [spansCondition(alias, spans)] : [])],
    keyParams: [value],
    applies: [kind],
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

