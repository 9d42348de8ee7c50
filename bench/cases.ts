// The benchmark cases: each a command request (as an adapter would send it) and the raw SQL
// that fetches the same rows, with parameters picked from the store so that they cover light,
// typical and heavy filters. Every variant is checked once: command and raw SQL must agree.
import type Database from 'better-sqlite3';
import type { RawOptionValue } from '../src/core/command-spec.js';
import { shiftDay } from '../src/core/as-of-day.js';
import { firstDay, lastDay, parsePartialDate } from '../src/core/partial-date.js';
import { foldKey } from '../src/core/text.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../src/core/domain.js';
import type { Line, View } from '../src/core/view.js';
import { RawActorLookup, RawSearch, RawTimeline, type Drive, type RawActor, type RawPage, type TimelineFilters } from './raw-sql.js';
import { BENCH_COUNTRY } from './build-store.js';
import { buildAsOfCases } from './as-of-cases.js';
import { thousands } from './stats.js';

export interface Variant {
  command: string;
  args: Record<string, RawOptionValue>;
  raw: () => unknown;
  /** Undefined when the command's view shows what the raw SQL returned. */
  mismatch: (view: View, raw: unknown) => string | undefined;
}

export interface Case {
  /** `as-of`: /timeline with as_of (past views), whose target is its own. */
  group: 'timeline' | 'actor' | 'search' | 'as-of';
  name: string;
  /** How many entries match, for the reader (uncapped where cheap to know). */
  matches: string;
  variants: Variant[];
}

const text = (line: { text: string }[] | undefined) => (line ?? []).map((s) => s.text).join('');
const entrySections = (view: View) => view.sections.filter((s) => /^#\d+ /.test(text(s.heading)));
const entryIds = (view: View) => entrySections(view).map((s) => Number(/^#(\d+) /.exec(text(s.heading))![1]));
/** A search result's excerpt line back in the store's form, highlights between their markers. */
const marked = (line: Line | undefined) =>
  (line ?? []).map((s) => (s.style === 'highlight' ? `${HIGHLIGHT_START}${s.text}${HIGHLIGHT_END}` : s.text)).join('');

/** Each entry's heading (`#id title`) and, on a search page, its excerpt (the line after the date line). */
function compareEntries(view: View, page: RawPage, what: string): string | undefined {
  const sections = entrySections(view);
  const ids = entryIds(view);
  const want = page.entries.map((e) => e.id);
  if (JSON.stringify(ids) !== JSON.stringify(want)) return `${what}: ids ${ids.join(',')} ≠ raw ${want.join(',')}`;
  for (const [i, entry] of page.entries.entries()) {
    const heading = text(sections[i]!.heading);
    if (heading !== `#${entry.id} ${entry.title}`) return `${what}: heading "${heading}" ≠ raw title "${entry.title}"`;
    const snippet = marked(sections[i]!.lines[1]);
    if (entry.snippet !== undefined && snippet !== entry.snippet) return `${what}: entry #${entry.id} excerpt ${JSON.stringify(snippet)} ≠ raw ${JSON.stringify(entry.snippet)}`;
  }
  return undefined;
}

export function comparePage(view: View, page: RawPage, what: string): string | undefined {
  if (view.tone === 'error') return `${what}: command failed: ${view.title} ${view.intro?.map(text).join(' ')}`;
  const entries = compareEntries(view, page, what);
  if (entries) return entries;
  const total = view.pager?.total;
  if (total !== undefined && total !== page.total) return `${what}: total ${total} ≠ raw ${page.total}`;
  const intro = view.intro?.map(text).join(' ') ?? '';
  if (page.entries.length > 0 && intro.includes('at least') !== page.totalIsLowerBound) return `${what}: "at least" differs (${intro})`;
  // Hydration: the actors and places lines of each entry.
  for (const [i, entry] of page.entries.entries()) {
    const lines = entrySections(view)[i]!.lines.map(text).join('\n');
    for (const place of entry.places) if (!lines.includes(place)) return `${what}: entry #${entry.id} lacks place ${place}`;
    for (const actor of entry.actors) if (!lines.includes(`${actor.name} (${actor.role})`)) return `${what}: entry #${entry.id} lacks actor ${actor.name}`;
  }
  return undefined;
}

/** Timeline args as typed (`since:2025-07`) to the raw filters (first and last days). */
export function timelineFilters(args: Record<string, string>): TimelineFilters {
  const f: TimelineFilters = {};
  if (args.topic) f.topic = args.topic;
  if (args.type) f.type = args.type;
  if (args.actor) f.actor = args.actor;
  // The country the bench store spreads places over is read by its area, as the store reads it.
  if (args.place === BENCH_COUNTRY.name) f.area = `country:${BENCH_COUNTRY.code}`;
  else if (args.place) f.place = args.place;
  if (args.since) f.since = firstDay(parsePartialDate(args.since)!);
  if (args.until) f.until = lastDay(parsePartialDate(args.until)!);
  return f;
}

export interface Pick {
  name: string;
  count: number;
}


/** Picks parameters from the built store and builds every case. */
export function buildCases(db: Database.Database): Case[] {
  const cases: Case[] = [];
  const timelineStatements = new Map<string, RawTimeline>();
  const exactCount = (f: TimelineFilters): number => {
    const where = ['deleted_at IS NULL'];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (f.topic !== undefined) add('topic = ?', f.topic);
    if (f.type !== undefined) add('event_type = ?', f.type);
    if (f.since !== undefined) add('day_to >= ?', f.since);
    if (f.until !== undefined) add('day_from <= ?', f.until);
    if (f.actor !== undefined) add('id IN (SELECT entry_id FROM entry_actors WHERE actor_id = (SELECT actor_id FROM actor_names WHERE name_key = ?))', foldKey(f.actor));
    if (f.place !== undefined) add('id IN (SELECT entry_id FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = ?))', foldKey(f.place));
    if (f.area !== undefined) add('id IN (SELECT entry_id FROM entry_areas WHERE area = ?)', f.area);
    return db.prepare(`SELECT count(*) FROM entries WHERE ${where.join(' AND ')}`).pluck().get(...params) as number;
  };
  const timeline = (name: string, argSets: Record<string, string>[]): void => {
    const counts = argSets.map((args) => exactCount(timelineFilters(args)));
    cases.push({
      group: 'timeline',
      name,
      matches: counts.length === 1 ? thousands(counts[0]!) : `${thousands(Math.min(...counts))}–${thousands(Math.max(...counts))}`,
      variants: argSets.map((args) => {
        const filters = timelineFilters(args);
        // An actor with a place: the raw SQL reads the sparser side, as one who knows the data would.
        const drive: Drive | undefined = filters.actor !== undefined && filters.place !== undefined ? RawTimeline.sparserSide(db, filters.actor, filters.place) : undefined;
        const shape = JSON.stringify([...Object.keys(filters).sort(), drive]);
        let raw = timelineStatements.get(shape);
        if (!raw) timelineStatements.set(shape, (raw = new RawTimeline(db, filters, drive)));
        const page = Number(args.page ?? 1);
        const statement = raw;
        return {
          command: 'timeline',
          args,
          raw: () => statement.run(filters, 10, (page - 1) * 10),
          mismatch: (view, result) => comparePage(view, result as RawPage, `/timeline ${JSON.stringify(args)}`),
        };
      }),
    });
  };

  // --- parameters from the data
  const topics = db
    .prepare('SELECT topic AS name, count(*) AS count FROM entries WHERE deleted_at IS NULL GROUP BY topic ORDER BY count DESC')
    .all() as Pick[];
  const actorCounts = db
    .prepare(
      `SELECT a.name, count(*) AS count FROM entry_actors ea JOIN actors a ON a.id = ea.actor_id
       WHERE a.created_by = 'bench' GROUP BY ea.actor_id ORDER BY count DESC`,
    )
    .all() as Pick[];
  // Places a filter reads by their own entries: a country or region named (the seed's Syria)
  // reads every entry in it, which the country case measures.
  const placeCounts = db
    .prepare(
      `SELECT p.name, count(*) AS count FROM entry_places ep JOIN places p ON p.id = ep.place_id
       WHERE p.precision IS NULL OR p.precision = 'locality'
       GROUP BY ep.place_id ORDER BY count DESC`,
    )
    .all() as Pick[];
  const near = (items: Pick[], target: number, n: number) =>
    [...items].sort((a, b) => Math.abs(a.count - target) - Math.abs(b.count - target)).slice(0, n);
  const range = (items: Pick[]) => {
    const counts = items.map((i) => i.count);
    return counts.length === 1 ? thousands(counts[0]!) : `${thousands(Math.min(...counts))}–${thousands(Math.max(...counts))}`;
  };
  const heavyActors = actorCounts.slice(0, 3);
  const midActors = near(actorCounts, 2_000, 8);
  const rareActors = near(actorCounts, 25, 8);
  const heavyPlaces = placeCounts.slice(0, 3);
  const midPlaces = near(placeCounts, 2_000, 8);
  const rarePlaces = near(placeCounts, 25, 8);
  const bigTopic = topics[0]!;
  const smallTopics = topics.slice(-3);
  const newest = db.prepare('SELECT max(day_from) FROM entries WHERE deleted_at IS NULL').pluck().get() as string;
  const month = newest.slice(0, 7);

  // --- /timeline
  timeline('no filter', [{}]);
  timeline('no filter, page 20', [{ page: '20' }]);
  timeline(`topic: largest (${bigTopic.name})`, [{ topic: bigTopic.name }]);
  timeline('topic: 3 smallest', smallTopics.map((t) => ({ topic: t.name })));
  timeline('type: talks, arrest', [{ type: 'talks' }, { type: 'arrest' }]);
  timeline('topic + type: 3 smallest topics, arrest', smallTopics.map((t) => ({ topic: t.name, type: 'arrest' })));
  timeline('actor: 3 heaviest', heavyActors.map((a) => ({ actor: a.name })));
  timeline('actor: ~2,000 entries', midActors.map((a) => ({ actor: a.name })));
  timeline('actor: ~25 entries', rareActors.map((a) => ({ actor: a.name })));
  timeline('place: 3 heaviest', heavyPlaces.map((p) => ({ place: p.name })));
  timeline('place: ~2,000 entries', midPlaces.map((p) => ({ place: p.name })));
  timeline('place: ~25 entries', rarePlaces.map((p) => ({ place: p.name })));
  timeline(`place: a country (${BENCH_COUNTRY.name}, its regions' places)`, [{ place: BENCH_COUNTRY.name }, { place: BENCH_COUNTRY.name, page: '5' }]);
  timeline('since: last 3–14 days', [3, 7, 10, 14].map((n) => ({ since: shiftDay(newest, -n) })));
  timeline('since: this month', [{ since: month }]);
  timeline('since/until: 2000–2005', [{ since: '2000', until: '2005' }]);
  timeline(
    'since/until: one week, 1–7 months ago',
    [30, 60, 120, 200].map((n) => ({ since: shiftDay(newest, -n - 6), until: shiftDay(newest, -n) })),
  );
  timeline('since/until: one month, 1962–2003', ['1962-03', '1975-06', '1989-11', '2003-04'].map((m) => ({ since: m, until: m })));
  timeline('actor heavy + since: last 14 days', heavyActors.map((a) => ({ actor: a.name, since: shiftDay(newest, -14) })));
  timeline('actor heavy + since/until: one month, 1975–2003', heavyActors.map((a, i) => ({ actor: a.name, since: ['1975-06', '1989-11', '2003-04'][i]!, until: ['1975-06', '1989-11', '2003-04'][i]! })));
  timeline('actor ~2,000 + type: talks', midActors.map((a) => ({ actor: a.name, type: 'talks' })));
  timeline(`place heavy + topic: ${bigTopic.name}`, heavyPlaces.map((p) => ({ place: p.name, topic: bigTopic.name })));
  timeline('actor heavy + place heavy', heavyActors.map((a, i) => ({ actor: a.name, place: heavyPlaces[i]!.name })));

  // --- /actor
  const rawActor = new RawActorLookup(db);
  const actorCase = (name: string, picks: Pick[]) =>
    cases.push({
      group: 'actor',
      name,
      matches: range(picks),
      variants: picks.map((pick) => ({
        command: 'actor',
        args: { name: pick.name },
        raw: () => rawActor.run(pick.name),
        mismatch: (view, result) => {
          const raw = result as RawActor;
          if (view.title !== raw.name) return `/actor ${pick.name}: title ${view.title}`;
          const heading = text(view.sections[0]?.heading);
          const want = `Latest entries (${raw.latest.total}${raw.latest.totalIsLowerBound ? '+' : ''} in all)`;
          if (heading !== want) return `/actor ${pick.name}: "${heading}" ≠ "${want}"`;
          const latest = compareEntries(view, raw.latest, `/actor ${pick.name}: latest`);
          if (latest) return latest;
          const along = view.sections[view.sections.length - 1]!.lines.map(text);
          const wantAlong = raw.coActors.map((c) => `${c.name} — ${c.shared} shared ${c.shared === 1 ? 'entry' : 'entries'}`);
          if (JSON.stringify(along) !== JSON.stringify(wantAlong.length ? wantAlong : ['Nobody yet.'])) {
            return `/actor ${pick.name}: co-actors ${along.join('; ')} ≠ ${wantAlong.join('; ')}`;
          }
          return undefined;
        },
      })),
    });
  actorCase('3 heaviest actors', heavyActors);
  actorCase('actors with ~2,000 entries', midActors);
  actorCase('actors with ~25 entries', rareActors);

  // --- /search: words picked by how many entries contain them
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab('main', 'entry_search', 'row')");
  const matchCount = db.prepare('SELECT count(*) FROM entry_search WHERE entry_search MATCH ?').pluck();
  // Terms are the index's stemmed forms; keep those a person would type as they are (the
  // word matches itself as often as the term does).
  const wordsWith = (min: number, max: number, n: number) =>
    (db
      .prepare("SELECT term FROM temp.bench_vocab WHERE doc BETWEEN ? AND ? AND term GLOB '[a-z]*' ORDER BY term LIMIT ?")
      .pluck()
      .all(min, max, n * 20) as string[])
      .filter((term) => {
        const matches = matchCount.get(`"${term}"`) as number;
        return matches >= min && matches <= max;
      })
      .filter((_, i) => i % 3 === 0)
      .slice(0, n);
  const rawSearch = new RawSearch(db);
  const searchCase = (name: string, queries: string[]) => {
    const counts = queries.map((q) => matchCount.get(RawSearch.match(q)) as number);
    cases.push({
      group: 'search',
      name,
      matches: counts.length === 1 ? thousands(counts[0]!) : `${thousands(Math.min(...counts))}–${thousands(Math.max(...counts))}`,
      variants: queries.map((query) => ({
        command: 'search',
        args: { query },
        raw: () => rawSearch.run(query, 10, 0),
        mismatch: (view, result) => comparePage(view, result as RawPage, `/search ${query}`),
      })),
    });
  };
  searchCase('rare word', wordsWith(20, 200, 8));
  searchCase('word in ~0.1% of entries', wordsWith(800, 1_500, 8));
  searchCase('word in ~0.3% of entries', wordsWith(2_500, 4_000, 8));
  searchCase('word in ~1% of entries', wordsWith(8_000, 12_000, 6));
  searchCase('word in ~5% of entries', wordsWith(40_000, 60_000, 4));
  searchCase('actor name (~2,000 entries)', midActors.slice(0, 6).map((a) => a.name));
  searchCase('place name (~2,000 entries)', midPlaces.slice(0, 6).map((p) => p.name));
  const common = wordsWith(40_000, 60_000, 4);
  const medium = wordsWith(8_000, 12_000, 4);
  searchCase('two words: ~5% and ~1%', common.map((w, i) => `${w} ${medium[i] ?? medium[0]}`));
  searchCase('prefix* of a ~0.3% word (4 letters)', wordsWith(2_500, 4_000, 6).map((w) => `${w.slice(0, 4)}*`));
  cases.push(...buildAsOfCases(db, { bigTopic, smallTopics, heavyActors, midActors, midPlaces, newest }));
  return cases;
}
