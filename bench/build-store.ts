// Builds the synthetic store: a few hundred thousand to millions of entries with actors,
// places, sources and tags, bulk-inserted with prepared statements in large transactions while
// the search triggers are paused, then the FTS index rebuilt once.
import { rmSync, statSync } from 'node:fs';
import { openDatabase, type Db } from '../src/store/connection.js';
import { seedDatabase } from '../src/store/seed.js';
import { compactSearchIndex, indexEntriesForSearch } from '../src/store/search-index.js';
import { foldKey } from '../src/core/text.js';
import { ACTOR_ROLES, CONFIDENCE_LEVELS, EVENT_TYPE_IDS, type ActorKind, type ActorRole, type EventType } from '../src/core/vocabulary.js';
import type { EntryInput } from '../src/core/domain.js';
import type { PartialDate } from '../src/core/partial-date.js';
import { HistoryWriter } from './entry-history.js';
import { Random, Zipf } from './random.js';
import {
  ACTOR_KIND_WEIGHTS,
  BODY_FORMS,
  GROUP_FORMS,
  FUNCTION_WORDS,
  NEWS_WORDS,
  OUTLETS,
  PERSON_TITLES,
  PLACE_PATTERNS,
  capitalize,
  distinct,
  pseudoWord,
} from './vocabulary.js';

/**
 * A real country whose first-level regions (GeoNames' UA.01–UA.27) a fifth of the bench places are
 * located in, so `/timeline place:Ukraine` reads entries at many places through their areas.
 */
export const BENCH_COUNTRY = { name: 'Ukraine', code: 'UA', alpha3: 'UKR', regions: 27, share: 0.2 } as const;

/**
 * Locates every fifth place (in popularity order) in one of the country's regions, and leaves
 * the others as not located (made-up names): written before the entries, so the entry_places
 * triggers fill entry_areas as entries are loaded.
 */
function locateInCountry(db: Db, placeIds: readonly number[]): void {
  const [first] = [...placeIds].sort((a, b) => a - b);
  const { code, alpha3, name, regions, share } = BENCH_COUNTRY;
  const locate = db.prepare(
    `UPDATE places SET location = 'located', precision = 'locality', gazetteer_ref = ?, country_code = ?, country_alpha3 = ?,
       country_name = ?, region_code = ? WHERE id = ?`,
  );
  const placeArea = db.prepare('INSERT INTO place_areas (place_id, area) VALUES (?, ?)');
  // In them from the start, as a store's places were when migration 0052 began dating their areas.
  const span = db.prepare("INSERT INTO place_area_spans (area, place_id, held_from) VALUES (?, ?, '')");
  const area = (id: number, name: string) => (placeArea.run(id, name), span.run(name, id));
  const step = Math.round(1 / share);
  placeIds.forEach((id, i) => {
    if (i % step !== 0) return;
    const region = `${code}.${String(1 + ((i / step) % regions)).padStart(2, '0')}`;
    // A made-up locality: its own area, as a gazetteer locality has.
    locate.run(`locality:bench-${id}`, code, alpha3, name, region, id);
    area(id, `country:${code}`);
    area(id, `region:${region}`);
    area(id, `locality:bench-${id}`);
  });
  db.prepare("UPDATE places SET location = 'not-located' WHERE location IS NULL AND id >= ?").run(first ?? 0);
}

export interface BuildOptions {
  path: string;
  entries: number;
  seed: number;
  actors?: number;
  places?: number;
  /** Give every entry the revisions it would have had (bench/entry-history.ts); otherwise none. */
  history?: boolean;
  log?: (message: string) => void;
}

export interface BuildStats {
  entries: number;
  liveEntries: number;
  actors: number;
  actorNames: number;
  places: number;
  entryActors: number;
  entryPlaces: number;
  sources: number;
  tags: number;
  revisions: number;
  seconds: { load: number; searchIndex: number; pairs: number; total: number };
  fileBytes: number;
}

const TOPICS = [
  'syria-israel', 'lebanon-israel', 'gaza', 'west-bank', 'yemen', 'red-sea', 'iraq', 'iran-israel',
  'sudan', 'libya', 'sahel', 'ethiopia', 'somalia', 'ukraine', 'caucasus', 'kashmir', 'myanmar',
  'south-china-sea', 'korea', 'sinai',
];
const TAGS = ['golan', 'hostages', 'water', 'refugees', 'nuclear', 'oil', 'elections', 'un', 'border', 'aid'];
const FIRST_YEAR = 1948;
const LAST_YEAR = 2025;
const LAST_MONTH_OF_LAST_YEAR = 11;
const BATCH = 25_000;
const AT = '2025-11-20T12:00:00.000Z';
const BY = 'bench';

const pad2 = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface GenActor {
  id: number;
  name: string;
  kind: ActorKind;
  title: string | null;
  affiliationId: number | null;
  aliases: string[];
}

/** Tables whose columns may grow (denormalised copies); inserts adapt to what the schema has. */
function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes(column);
}

function makeActors(random: Random, count: number, firstId: number, takenKeys: Set<string>): GenActor[] {
  const actors: GenActor[] = [];
  const unique = (make: () => string) => distinct(1, takenKeys, make, foldKey)[0]!;
  const tryAlias = (actor: GenActor, alias: string) => {
    const key = foldKey(alias);
    if (key === '' || takenKeys.has(key)) return;
    takenKeys.add(key);
    actor.aliases.push(alias);
  };
  const byKind = new Map<ActorKind, GenActor[]>();
  for (let i = 0; i < count; i++) {
    const kind: ActorKind = random.weighted(ACTOR_KIND_WEIGHTS);
    const id = firstId + i;
    const parents = (kinds: ActorKind[]) => kinds.flatMap((k) => byKind.get(k) ?? []);
    let name: string;
    let title: string | null = null;
    let affiliation: GenActor | undefined;
    const actor: GenActor = { id, name: '', kind, title: null, affiliationId: null, aliases: [] };
    switch (kind) {
      case 'state': {
        const base = capitalize(pseudoWord(random, 2, 3));
        name = unique(() => (random.chance(0.5) ? `Republic of ${capitalize(pseudoWord(random, 2, 3))}` : capitalize(pseudoWord(random, 2, 3))));
        actor.name = name;
        tryAlias(actor, `${base}i side`);
        tryAlias(actor, `${name} government`);
        break;
      }
      case 'person': {
        const first = capitalize(pseudoWord(random, 2, 2));
        const last = random.chance(0.4) ? `al-${capitalize(pseudoWord(random, 2, 3))}` : capitalize(pseudoWord(random, 2, 3));
        name = unique(() => `${first} ${random.chance(0.5) ? last : capitalize(pseudoWord(random, 2, 3))}`);
        actor.name = name;
        title = random.chance(0.6) ? random.pick(PERSON_TITLES) : null;
        affiliation = random.chance(0.6) ? random.pick([...parents(['state', 'government-body', 'armed-group']), undefined]) : undefined;
        const surname = name.split(' ').slice(1).join(' ');
        if (random.chance(0.5)) tryAlias(actor, surname);
        if (random.chance(0.3)) tryAlias(actor, name.replace(/ou/g, 'u').replace(/aa/g, 'a'));
        if (random.chance(0.15)) tryAlias(actor, `Abu ${capitalize(pseudoWord(random, 2, 2))}`);
        break;
      }
      case 'government-body': {
        affiliation = random.pick([...parents(['state']), undefined]);
        const owner = affiliation?.name ?? capitalize(pseudoWord(random));
        name = unique(() => `${random.pick(BODY_FORMS)} of ${owner}${random.chance(0.3) ? ` ${capitalize(pseudoWord(random, 1, 2))}` : ''}`);
        actor.name = name;
        break;
      }
      case 'armed-group':
      case 'armed-force': {
        name = unique(() => `${capitalize(pseudoWord(random, 2, 3))} ${random.pick(GROUP_FORMS)}`);
        actor.name = name;
        if (kind === 'armed-force') affiliation = random.pick([...parents(['state']), undefined]);
        const initials = name.split(' ').map((w) => w[0]).join('').toUpperCase();
        if (random.chance(0.4)) tryAlias(actor, `${initials}${random.int(10)}`);
        if (random.chance(0.3)) tryAlias(actor, `${name.split(' ')[0]} fighters`);
        break;
      }
      case 'international-organisation':
        name = unique(() => `${capitalize(pseudoWord(random, 2, 3))} ${random.pick(['Organisation', 'Agency', 'Mission', 'Commission', 'Fund'])}`);
        actor.name = name;
        tryAlias(actor, name.split(' ').map((w) => w[0]).join('') + 'O' + random.int(100));
        break;
      case 'community':
        name = unique(() => `${capitalize(pseudoWord(random, 2, 3))} community`);
        actor.name = name;
        tryAlias(actor, name.split(' ')[0]!);
        break;
      default:
        name = unique(() => `${capitalize(pseudoWord(random, 2, 3))} ${random.pick(['Foundation', 'Company', 'Network', 'Coalition'])}`);
        actor.name = name;
    }
    actor.title = title;
    actor.affiliationId = affiliation?.id ?? null;
    actors.push(actor);
    byKind.set(kind, [...(byKind.get(kind) ?? []), actor]);
  }
  return actors;
}

function makePlaces(random: Random, count: number, takenKeys: Set<string>): string[] {
  return distinct(count, takenKeys, () => random.weighted(PLACE_PATTERNS)(capitalize(pseudoWord(random, 2, 3)), random), foldKey);
}

/** Roles by event type: who usually does what. */
function rolesFor(type: EventType, count: number, random: Random): ActorRole[] {
  const roles: ActorRole[] = [];
  for (let i = 0; i < count; i++) {
    switch (type) {
      case 'talks':
      case 'agreement':
        roles.push(i === 0 ? 'participant' : random.pick(['participant', 'participant', 'mediator', 'host'] as const));
        break;
      case 'statement':
      case 'political-change':
        roles.push(i === 0 ? 'subject' : random.pick(['subject', 'participant'] as const));
        break;
      default:
        roles.push(i === 0 ? 'initiator' : i === 1 ? 'target' : random.pick(ACTOR_ROLES));
    }
  }
  return roles;
}

interface GenDate {
  text: string;
  first: string;
  last: string;
  year: number;
  month: number;
  day: number;
  precision: 'year' | 'month' | 'day';
}

/** The date as a revision snapshot holds it. */
function partialDate(date: GenDate): PartialDate {
  if (date.precision === 'year') return { year: date.year };
  return date.precision === 'month' ? { year: date.year, month: date.month } : { year: date.year, month: date.month, day: date.day };
}

function makeDate(year: number, month: number, day: number, precision: GenDate['precision']): GenDate {
  const y = String(year).padStart(4, '0');
  switch (precision) {
    case 'year':
      return { text: y, first: `${y}-01-01`, last: `${y}-12-31`, year, month: 1, day: 1, precision };
    case 'month':
      return { text: `${y}-${pad2(month)}`, first: `${y}-${pad2(month)}-01`, last: `${y}-${pad2(month)}-${pad2(daysIn(year, month))}`, year, month, day: 1, precision };
    case 'day': {
      const text = `${y}-${pad2(month)}-${pad2(day)}`;
      return { text, first: text, last: text, year, month, day, precision };
    }
  }
}

/** Later end of the same precision as `start`, between a day and a few years on. */
function endAfter(start: GenDate, random: Random): GenDate {
  const roll = random.next();
  if (start.precision === 'year') return makeDate(start.year + random.between(1, roll < 0.9 ? 2 : 8), 1, 1, 'year');
  if (start.precision === 'month') {
    const months = roll < 0.8 ? random.between(1, 6) : random.between(7, 48);
    const index = start.year * 12 + (start.month - 1) + months;
    return makeDate(Math.floor(index / 12), (index % 12) + 1, 1, 'month');
  }
  const days = roll < 0.7 ? random.between(1, 14) : roll < 0.95 ? random.between(15, 180) : random.between(181, 1500);
  const date = new Date(Date.UTC(start.year, start.month - 1, start.day + days));
  return makeDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 'day');
}

export function buildStore(options: BuildOptions): BuildStats {
  const log = options.log ?? (() => {});
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(options.path + suffix, { force: true });

  // Migrations and the real seed dossier exactly as the app applies them.
  const db = openDatabase(options.path);
  seedDatabase(db, new Date(AT));
  // A throwaway file: no durability needed while loading. (better-sqlite3's defensive mode
  // refuses journal_mode=OFF; an in-memory rollback journal is the next best.)
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');

  const random = new Random(options.seed);
  const entryCount = options.entries;
  const actorCount = options.actors ?? 5_000;
  const placeCount = options.places ?? 2_000;

  const takenActorKeys = new Set(db.prepare('SELECT name_key FROM actor_names').pluck().all() as string[]);
  const takenPlaceKeys = new Set(db.prepare('SELECT place_key FROM places').pluck().all() as string[]);
  const firstActorId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM actors').pluck().get() as number);
  const firstPlaceId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM places').pluck().get() as number);
  const firstEntryId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM entries').pluck().get() as number);

  const actors = makeActors(random, actorCount, firstActorId, takenActorKeys);
  const places = makePlaces(random, placeCount, takenPlaceKeys);

  // Popularity: a shuffled order, with states and armed forces pulled to the head, as in real coverage.
  const actorOrder = random.shuffle(actors.map((_, i) => i));
  actorOrder.sort((a, b) => Number(!['state', 'armed-force'].includes(actors[a]!.kind)) - Number(!['state', 'armed-force'].includes(actors[b]!.kind)));
  const placeOrder = random.shuffle(places.map((_, i) => i));
  const actorZipf = new Zipf(actors.length, 1.0, random);
  const placeZipf = new Zipf(places.length, 1.0, random);
  const topicZipf = new Zipf(TOPICS.length, 0.9, random);

  // Title and summary words: function words, then news words, then made-up words in the tail.
  const takenWords = new Set([...FUNCTION_WORDS, ...NEWS_WORDS]);
  const words = [...FUNCTION_WORDS, ...NEWS_WORDS, ...distinct(20_000, takenWords, () => pseudoWord(random, 2, 3))];
  const wordZipf = new Zipf(words.length, 1.0, random);
  const phrase = (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(words[wordZipf.sample()]!);
    return out;
  };

  const yearWeights = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => [FIRST_YEAR + i, 1 + 9 * (i / (LAST_YEAR - FIRST_YEAR)) ** 2] as const);
  const typeWeights = EVENT_TYPE_IDS.map((t) => [t, t === 'talks' || t === 'statement' ? 3 : t === 'other' ? 0.5 : 1] as const);
  const confidenceWeights = CONFIDENCE_LEVELS.map((c, i) => [c, [5, 8, 2, 1][i]!] as const);

  // Denormalised copies (days, liveness, topic, type) on the link tables, when the schema has them.
  const actorCopies = hasColumn(db, 'entry_actors', 'event_type');
  const placeCopies = hasColumn(db, 'entry_places', 'event_type');
  const insert = {
    topic: db.prepare('INSERT OR IGNORE INTO topics (slug, created_at) VALUES (?, ?)'),
    actor: db.prepare(
      `INSERT INTO actors (id, name, kind, title, affiliation_id, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    actorName: db.prepare('INSERT INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, ?)'),
    place: db.prepare('INSERT INTO places (id, name, place_key) VALUES (?, ?, ?)'),
    entry: db.prepare(
      `INSERT INTO entries (id, topic, title, summary, event_type, occurred_on, occurred_precision, ends_on,
         ends_precision, day_from, day_to, confidence, created_at, created_by, updated_at, updated_by,
         deleted_at, deleted_by, delete_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entryActor: actorCopies
      ? db.prepare(
          `INSERT INTO entry_actors (entry_id, actor_id, role, position, day_from, day_to, live, topic, event_type)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
      : db.prepare('INSERT INTO entry_actors (entry_id, actor_id, role, position) VALUES (?, ?, ?, ?)'),
    entryPlace: placeCopies
      ? db.prepare(
          `INSERT INTO entry_places (entry_id, place_id, position, day_from, day_to, live, topic, event_type)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
      : db.prepare('INSERT INTO entry_places (entry_id, place_id, position) VALUES (?, ?, ?)'),
    source: db.prepare(
      'INSERT INTO sources (entry_id, position, outlet, url, attribution, published_on) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    tag: db.prepare('INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)'),
    times: db.prepare('UPDATE entries SET created_at = ?, updated_at = ?, deleted_at = ? WHERE id = ?'),
  };
  const history = options.history ? new HistoryWriter(db, new Random(options.seed + 1), Date.parse(AT)) : undefined;

  const stats = { entries: 0, liveEntries: 0, entryActors: 0, entryPlaces: 0, sources: 0, tags: 0, actorNames: 0 };
  db.prepare("INSERT INTO settings (key, value) VALUES ('search_index_paused', 'bench build')").run();
  // The co-actor counts are kept by triggers; for the load they are set aside and the counts
  // computed once at the end (the same definition the triggers maintain), then put back.
  const pairTriggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%actor_pairs%'")
    .all() as { name: string; sql: string }[];
  for (const trigger of pairTriggers) db.exec(`DROP TRIGGER ${trigger.name}`);

  db.transaction(() => {
    for (const slug of TOPICS) insert.topic.run(slug, AT);
    for (const a of actors) {
      insert.actor.run(a.id, a.name, a.kind, a.title, a.affiliationId, AT, BY, AT, BY);
      insert.actorName.run(a.id, a.name, foldKey(a.name), 1);
      stats.actorNames++;
      for (const alias of a.aliases) {
        insert.actorName.run(a.id, alias, foldKey(alias), 0);
        stats.actorNames++;
      }
    }
    places.forEach((name, i) => insert.place.run(firstPlaceId + i, name, foldKey(name)));
    if (hasColumn(db, 'places', 'location')) locateInCountry(db, placeOrder.map((i) => firstPlaceId + i));
  })();

  const writeBatch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const topic = TOPICS[topicZipf.sample()]!;
      const type = random.weighted(typeWeights);
      const year = random.weighted(yearWeights);
      const month = random.between(1, year === LAST_YEAR ? LAST_MONTH_OF_LAST_YEAR : 12);
      const precision = random.weighted([['day', 75], ['month', 18], ['year', 7]] as const);
      const start = makeDate(year, month, random.between(1, daysIn(year, month)), precision);
      const end = random.chance(0.06) ? endAfter(start, random) : undefined;

      const actorIds: number[] = [];
      const actorTarget = random.weighted([[1, 25], [2, 45], [3, 20], [4, 10]] as const);
      while (actorIds.length < actorTarget) {
        const id = actors[actorOrder[actorZipf.sample()]!]!.id;
        if (!actorIds.includes(id)) actorIds.push(id);
      }
      const placeIds: number[] = [];
      const placeTarget = random.weighted([[1, 60], [2, 30], [3, 10]] as const);
      while (placeIds.length < placeTarget) {
        const index = placeOrder[placeZipf.sample()]!;
        if (!placeIds.includes(index)) placeIds.push(index);
      }

      const titleWords = phrase(random.between(4, 9));
      if (random.chance(0.4)) titleWords.push('in', places[placeIds[0]!]!);
      const title = capitalize(titleWords.join(' '));
      const summary = capitalize(phrase(random.between(15, 35)).join(' ')) + '.';
      const deleted = random.chance(0.003);
      const days = [start.first, end?.last ?? start.last] as const;
      const copies = [...days, deleted ? 0 : 1, topic, type];

      const confidence = random.weighted(confidenceWeights);
      insert.entry.run(
        id, topic, title, summary, type, start.text, start.precision, end?.text ?? null, end?.precision ?? null,
        days[0], days[1], confidence, AT, BY, AT, BY,
        deleted ? AT : null, deleted ? BY : null, deleted ? 'duplicate' : null,
      );
      // The entry as its latest revision holds it, filled in as its links are written.
      const state: EntryInput = {
        topic, title, summary, eventType: type, start: partialDate(start), confidence, places: [], actors: [], sources: [], tags: [],
        ...(end ? { end: partialDate(end) } : {}),
      };
      stats.entries++;
      if (!deleted) stats.liveEntries++;

      const roles = rolesFor(type, actorIds.length, random);
      actorIds.forEach((actorId, position) => {
        const args = [id, actorId, roles[position]!, position];
        insert.entryActor.run(...(actorCopies ? [...args, ...copies] : args));
        state.actors.push({ actorId, role: roles[position]! });
        stats.entryActors++;
      });
      // Now and then an actor plays two roles in one entry (host and participant).
      if (random.chance(0.002) && roles[0] !== 'host') {
        const args = [id, actorIds[0]!, 'host', actorIds.length];
        insert.entryActor.run(...(actorCopies ? [...args, ...copies] : args));
        state.actors.push({ actorId: actorIds[0]!, role: 'host' });
        stats.entryActors++;
      }
      placeIds.forEach((index, position) => {
        const args = [id, firstPlaceId + index, position];
        insert.entryPlace.run(...(placeCopies ? [...args, ...copies] : args));
        state.places.push(places[index]!);
        stats.entryPlaces++;
      });
      const sourceCount = random.chance(0.3) ? 2 : 1;
      for (let s = 0; s < sourceCount; s++) {
        const outlet = random.pick(OUTLETS);
        const url = random.chance(0.8) ? `https://news.example/${foldKey(outlet).replace(/ /g, '-')}/${id}-${s}` : null;
        const attribution = random.chance(0.3) ? `Quoting ${random.chance(0.5) ? 'officials' : 'a spokesman'}` : null;
        const published = random.chance(0.6) ? end?.last ?? start.last : null;
        insert.source.run(id, s, outlet, url, attribution, published);
        state.sources.push({ outlet, ...(url ? { url } : {}), ...(attribution ? { attribution } : {}), ...(published ? { published } : {}) });
        stats.sources++;
      }
      if (random.chance(0.3)) {
        const tag = random.pick(TAGS);
        insert.tag.run(id, tag);
        state.tags.push(tag);
        stats.tags++;
      }
      if (history) {
        const times = history.write(id, state, deleted);
        insert.times.run(times.createdAt, times.updatedAt, times.removedAt ?? null, id);
      }
    }
  });

  for (let from = firstEntryId; from < firstEntryId + entryCount; from += BATCH) {
    writeBatch(from, Math.min(from + BATCH, firstEntryId + entryCount));
    if ((from - firstEntryId) % (BATCH * 8) === 0) log(`  entries ${(from - firstEntryId).toLocaleString('en-US')}…`);
  }
  const loaded = performance.now();
  log(`  rows loaded in ${((loaded - started) / 1000).toFixed(1)} s; rebuilding the search index…`);

  // The search index, rebuilt once for the whole store as the schema comment describes, then
  // compacted as an import of that size does.
  db.transaction(() => {
    db.prepare('DELETE FROM entry_search').run();
    const lastId = db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    for (let from = 1; from <= lastId; from += 100_000) {
      indexEntriesForSearch(db, from, from + 99_999);
      log(`  indexed up to entry ${Math.min(from + 99_999, lastId).toLocaleString('en-US')}`);
    }
    log('  compacting the search index…');
    compactSearchIndex(db);
    db.prepare("DELETE FROM settings WHERE key = 'search_index_paused'").run();
  })();
  const indexed = performance.now();
  if (pairTriggers.length > 0) {
    log('  counting co-actor pairs…');
    db.transaction(() => {
      db.prepare('DELETE FROM actor_pairs').run();
      db.prepare(
        `INSERT INTO actor_pairs (actor_id, other_id, shared)
         SELECT mine.actor_id, other.actor_id, count(DISTINCT mine.entry_id)
         FROM entry_actors mine
         JOIN entries e ON e.id = mine.entry_id AND e.deleted_at IS NULL
         JOIN entry_actors other ON other.entry_id = mine.entry_id AND other.actor_id <> mine.actor_id
         GROUP BY mine.actor_id, other.actor_id`,
      ).run();
      for (const trigger of pairTriggers) db.exec(trigger.sql);
    })();
  }
  const paired = performance.now();

  const totals = db
    .prepare(
      `SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM entries WHERE deleted_at IS NULL) AS live,
              (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM actor_names) AS actorNames,
              (SELECT count(*) FROM places) AS places, (SELECT count(*) FROM entry_actors) AS entryActors,
              (SELECT count(*) FROM entry_places) AS entryPlaces, (SELECT count(*) FROM sources) AS sources,
              (SELECT count(*) FROM entry_tags) AS tags, (SELECT count(*) FROM revisions) AS revisions`,
    )
    .get() as Record<string, number>;
  db.pragma('journal_mode = WAL');
  db.close();
  const finished = performance.now();
  return {
    entries: totals.entries!,
    liveEntries: totals.live!,
    actors: totals.actors!,
    actorNames: totals.actorNames!,
    places: totals.places!,
    entryActors: totals.entryActors!,
    entryPlaces: totals.entryPlaces!,
    sources: totals.sources!,
    tags: totals.tags!,
    revisions: totals.revisions!,
    seconds: {
      load: (loaded - started) / 1000,
      searchIndex: (indexed - loaded) / 1000,
      pairs: (paired - indexed) / 1000,
      total: (finished - started) / 1000,
    },
    fileBytes: statSync(options.path).size,
  };
}
