// The past-view cases: /timeline with as_of, on dates across the dossier's life (the day before
// its newest change, a week, a month and a year before, and its first month, when little of
// it existed yet), alone and with each kind of filter, next to the raw SQL of raw-as-of.ts.
import type Database from 'better-sqlite3';
import { foldKey } from '../src/core/text.js';
import { shiftDay } from '../src/core/as-of-day.js';
import { BENCH_COUNTRY } from './build-store.js';
import { comparePage, timelineFilters, type Case, type Pick } from './cases.js';
import { DOSSIER_START } from './entry-history.js';
import { RawAsOfTimeline } from './raw-as-of.js';
import type { RawPage } from './raw-rows.js';
import { thousands } from './stats.js';

export interface AsOfPicks {
  bigTopic: Pick;
  smallTopics: Pick[];
  heavyActors: Pick[];
  midActors: Pick[];
  midPlaces: Pick[];
  /** The newest day an entry covers. */
  newest: string;
}

/** The instant a past view of a UTC day stands at: the next midnight, exclusive. */
const endOf = (day: string) => `${shiftDay(day, 1)}T00:00:00.000Z`;

export function buildAsOfCases(db: Database.Database, picks: AsOfPicks): Case[] {
  const cases: Case[] = [];
  const lastChange = (db.prepare('SELECT max(valid_from) FROM entry_spans').pluck().get() as string).slice(0, 10);
  const ago = (days: number) => shiftDay(lastChange, -days);
  const firstMonth = new Date(DOSSIER_START + 20 * 86_400_000).toISOString().slice(0, 10);
  const held = "valid_from < @before AND (valid_to IS NULL OR valid_to >= @before)";
  const exactCount = (args: Record<string, string>): number => {
    const f = timelineFilters(args);
    const [table, key] =
      f.actor !== undefined
        ? ['entry_actor_spans', 'actor_id = (SELECT actor_id FROM actor_names WHERE name_key = @actorKey)']
        : f.place !== undefined
          ? ['entry_place_spans', 'place_id = (SELECT id FROM places WHERE place_key = @placeKey)']
          : ['entry_spans', '1'];
    const where = [key, held];
    if (f.area !== undefined) {
      // Each entry's place spans by entry, their places looked up in the country's list of then.
      const inArea = '+xp.place_id IN (SELECT place_id FROM place_area_spans WHERE area = @area AND held_from < @before AND (held_until IS NULL OR held_until >= @before))';
      where.push(`(EXISTS (SELECT 1 FROM entry_place_spans xp INDEXED BY entry_place_spans_open
          WHERE xp.entry_id = entry_spans.entry_id AND ${inArea} AND xp.valid_to IS NULL AND xp.valid_from < @before)
        OR EXISTS (SELECT 1 FROM entry_place_spans xp INDEXED BY entry_place_spans_closed
          WHERE xp.entry_id = entry_spans.entry_id AND ${inArea} AND xp.valid_to IS NOT NULL AND xp.valid_to >= @before AND xp.valid_from < @before))`);
    }
    if (f.topic !== undefined) where.push('topic = @topic');
    if (f.type !== undefined) where.push('event_type = @type');
    if (f.since !== undefined) where.push('day_to >= @since');
    if (f.until !== undefined) where.push('day_from <= @until');
    const { actor, place, ...plain } = f;
    const { area, ...rest } = plain;
    const params = { ...rest, before: endOf(args.as_of!), ...(actor ? { actorKey: foldKey(actor) } : {}), ...(place ? { placeKey: foldKey(place) } : {}), ...(area ? { area } : {}) };
    return db.prepare(`SELECT count(*) FROM ${table} WHERE ${where.join(' AND ')}`).pluck().get(params) as number;
  };
  const statements = new Map<string, RawAsOfTimeline>();
  const asOfCase = (name: string, argSets: Record<string, string>[]) => {
    const counts = argSets.map(exactCount);
    cases.push({
      group: 'as-of',
      name,
      matches: `${thousands(Math.min(...counts))}${counts.length > 1 ? `–${thousands(Math.max(...counts))}` : ''}`,
      variants: argSets.map((args) => {
        const { as_of: asOf, ...rest } = args;
        const filters = timelineFilters(rest);
        const shape = JSON.stringify(Object.keys(filters).sort());
        let raw = statements.get(shape);
        if (!raw) statements.set(shape, (raw = new RawAsOfTimeline(db, filters)));
        const statement = raw;
        const page = Number(args.page ?? 1);
        return {
          command: 'timeline',
          args,
          raw: () => statement.run(filters, endOf(asOf!), 10, (page - 1) * 10),
          mismatch: (view, result) => comparePage(view, result as RawPage, `/timeline ${JSON.stringify(args)}`),
        };
      }),
    });
  };

  asOfCase('as_of: a day, a week, a month before the last change', [1, 7, 30].map((n) => ({ as_of: ago(n) })));
  asOfCase('as_of: a year before', [{ as_of: ago(365) }]);
  asOfCase("as_of: the dossier's first month", [{ as_of: firstMonth }]);
  asOfCase('as_of a month before, page 20', [{ as_of: ago(30), page: '20' }]);
  asOfCase(`as_of a month before + topic: largest (${picks.bigTopic.name})`, [{ as_of: ago(30), topic: picks.bigTopic.name }]);
  asOfCase('as_of a year before + topic: 3 smallest', picks.smallTopics.map((t) => ({ as_of: ago(365), topic: t.name })));
  asOfCase('as_of a week before + type: talks, arrest', [{ as_of: ago(7), type: 'talks' }, { as_of: ago(7), type: 'arrest' }]);
  asOfCase('as_of a month before + actor: 3 heaviest', picks.heavyActors.map((a) => ({ as_of: ago(30), actor: a.name })));
  asOfCase('as_of a year before + actor: ~2,000 entries', picks.midActors.map((a) => ({ as_of: ago(365), actor: a.name })));
  asOfCase('as_of a month before + place: ~2,000 entries', picks.midPlaces.map((p) => ({ as_of: ago(30), place: p.name })));
  asOfCase(`as_of a month before + place: a country (${BENCH_COUNTRY.name})`, [{ as_of: ago(30), place: BENCH_COUNTRY.name }]);
  asOfCase('as_of a week before + since: last 14 days', [{ as_of: ago(7), since: shiftDay(picks.newest, -14) }]);
  asOfCase('as_of a year before + since/until: one month, 1989–2003', ['1989-11', '2003-04'].map((m) => ({ as_of: ago(365), since: m, until: m })));
  return cases;
}
