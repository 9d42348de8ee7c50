// npx tsx bench/check.ts [entries] — checks the store's fast reads against the plain SQL they
// replace, on a synthetic store that is then edited, removed, restored, merged and deleted
// through the real write paths. Exits non-zero on the first class of disagreement.
//
// What it compares:
// - timeline pages and capped counts for random filter combinations (topic, type, actor, place,
//   since, until, pages) against the original single-query timeline;
// - co-actors and the actor_pairs counts against the original GROUP BY over entry_actors;
// - actor lookup against the original LIKE query; search pages against their definition
//   (bands of the newest matches, each ranked);
// - the day/liveness copies on entry_actors and entry_places against their entries.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimelineQuery } from '../src/core/ports.js';
import { ACTOR_ROLES, EVENT_TYPE_IDS } from '../src/core/vocabulary.js';
import { mergeActors } from '../src/store/actor-merges.js';
import { openDatabase } from '../src/store/connection.js';
import { COUNT_CAP } from '../src/store/entry-queries.js';
import { readEntryState } from '../src/store/entry-state.js';
import { EntryWriter } from '../src/store/entry-writes.js';
import { SqliteDossier } from '../src/store/sqlite-dossier.js';
import { allOf, ftsWords } from '../src/store/search-queries.js';
import { COMMON_WORD_ENTRIES, SEARCH_RANK_BAND } from '../src/core/search-terms.js';
import { buildStore } from './build-store.js';
import { Random } from './random.js';

const entries = Number(process.argv[2] ?? 30_000);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-check-'));
const path = join(dir, 'check.db');
const random = new Random(7);
const problems: string[] = [];
const fail = (what: string) => {
  problems.push(what);
  if (problems.length <= 20) console.error(`  ✗ ${what}`);
};

// --- the original queries, as they were before the store was tuned
function referenceTimeline(db: Database.Database, query: TimelineQuery, countFrom?: string): { ids: number[]; n: number } {
  const clauses = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (query.topic !== undefined) (clauses.push('e.topic = ?'), params.push(query.topic));
  if (query.eventType !== undefined) (clauses.push('e.event_type = ?'), params.push(query.eventType));
  if (query.since !== undefined) (clauses.push('e.day_to >= ?'), params.push(query.since));
  if (query.until !== undefined) (clauses.push('e.day_from <= ?'), params.push(query.until));
  if (query.actorId !== undefined) (clauses.push('e.id IN (SELECT entry_id FROM entry_actors WHERE actor_id = ?)'), params.push(query.actorId));
  if (query.placeKey !== undefined) {
    clauses.push('e.id IN (SELECT ep.entry_id FROM entry_places ep JOIN places p ON p.id = ep.place_id WHERE p.place_key = ?)');
    params.push(query.placeKey);
  }
  const where = clauses.join(' AND ');
  const ids = db
    .prepare(`SELECT e.id FROM entries e NOT INDEXED WHERE ${where} ORDER BY e.day_from DESC, e.id DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params, query.limit, query.offset) as number[];
  const counted = countFrom === undefined ? where : `${where} AND e.day_from >= ?`;
  const countParams = countFrom === undefined ? params : [...params, countFrom];
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM entries e NOT INDEXED WHERE ${counted} LIMIT ?)`).pluck().get(...countParams, COUNT_CAP + 1) as number;
  return { ids, n };
}

/**
 * An actor and a place that both have 2,000 live entries or more are counted from the day of
 * the actor's 4,000th newest live link that started in the period (when it has that many).
 */
function referenceCountFrom(db: Database.Database, query: TimelineQuery): string | undefined {
  if (query.actorId === undefined || query.placeKey === undefined) return undefined;
  const actorEntries = db
    .prepare('SELECT count(DISTINCT ea.entry_id) FROM entry_actors ea JOIN entries e ON e.id = ea.entry_id WHERE ea.actor_id = ? AND e.deleted_at IS NULL')
    .pluck()
    .get(query.actorId) as number;
  const placeEntries = db
    .prepare('SELECT count(*) FROM entry_places ep JOIN places p ON p.id = ep.place_id JOIN entries e ON e.id = ep.entry_id WHERE p.place_key = ? AND e.deleted_at IS NULL')
    .pluck()
    .get(query.placeKey) as number;
  if (actorEntries < 2000 || placeEntries < 2000) return undefined;
  return db
    .prepare(
      `SELECT e.day_from FROM entry_actors ea JOIN entries e ON e.id = ea.entry_id
       WHERE ea.actor_id = ? AND e.deleted_at IS NULL AND e.day_from >= ? AND e.day_from <= ?
       ORDER BY e.day_from DESC, e.id DESC LIMIT 1 OFFSET 3999`,
    )
    .pluck()
    .get(query.actorId, query.since ?? '0000', query.until ?? '9999') as string | undefined;
}

const referencePairs = `SELECT mine.actor_id AS a, other.actor_id AS b, count(DISTINCT other.entry_id) AS shared
  FROM entry_actors mine JOIN entries e ON e.id = mine.entry_id AND e.deleted_at IS NULL
  JOIN entry_actors other ON other.entry_id = mine.entry_id AND other.actor_id <> mine.actor_id
  GROUP BY mine.actor_id, other.actor_id`;

function referenceCoActors(db: Database.Database, actorId: number, limit: number): string[] {
  return (
    db
      .prepare(
        `SELECT a.name, count(DISTINCT other.entry_id) AS shared FROM entry_actors mine
         JOIN entries e ON e.id = mine.entry_id AND e.deleted_at IS NULL
         JOIN entry_actors other ON other.entry_id = mine.entry_id AND other.actor_id <> mine.actor_id
         JOIN actors a ON a.id = other.actor_id WHERE mine.actor_id = ? GROUP BY a.id ORDER BY shared DESC, a.name LIMIT ?`,
      )
      .all(actorId, limit) as { name: string; shared: number }[]
  ).map((r) => `${r.name}:${r.shared}`);
}

function checkCopiesAndPairs(db: Database.Database, when: string): void {
  for (const table of ['entry_actors', 'entry_places']) {
    const bad = db
      .prepare(
        `SELECT count(*) FROM ${table} l JOIN entries e ON e.id = l.entry_id
         WHERE l.day_from IS NOT e.day_from OR l.day_to IS NOT e.day_to OR l.live IS NOT (e.deleted_at IS NULL)`,
      )
      .pluck()
      .get() as number;
    if (bad > 0) fail(`${when}: ${bad} ${table} rows whose copies differ from their entry`);
  }
  const want = new Map((db.prepare(referencePairs).all() as { a: number; b: number; shared: number }[]).map((r) => [`${r.a}:${r.b}`, r.shared]));
  const have = new Map(
    (db.prepare('SELECT actor_id AS a, other_id AS b, shared FROM actor_pairs WHERE shared <> 0').all() as { a: number; b: number; shared: number }[]).map(
      (r) => [`${r.a}:${r.b}`, r.shared],
    ),
  );
  let wrong = 0;
  for (const [k, v] of want) if (have.get(k) !== v) wrong++;
  for (const [k, v] of have) if (want.get(k) !== v) wrong++;
  if (wrong > 0) fail(`${when}: ${wrong} actor_pairs counts differ from the GROUP BY`);
}

function checkReads(db: Database.Database, dossier: SqliteDossier, when: string, rounds: number): void {
  const actorIds = db.prepare('SELECT DISTINCT actor_id FROM entry_actors').pluck().all() as number[];
  const placeKeys = db.prepare('SELECT place_key FROM places').pluck().all() as string[];
  const topics = db.prepare('SELECT slug FROM topics').pluck().all() as string[];
  const heavy = db.prepare('SELECT actor_id FROM entry_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 5').pluck().all() as number[];
  const heavyPlaces = db
    .prepare('SELECT p.place_key FROM entry_places ep JOIN places p ON p.id = ep.place_id GROUP BY p.id ORDER BY count(*) DESC LIMIT 5')
    .pluck()
    .all() as string[];
  const days = db.prepare('SELECT day_from FROM entries ORDER BY random() LIMIT 200').pluck().all() as string[];
  const shift = (day: string, n: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  for (let i = 0; i < rounds; i++) {
    const q: TimelineQuery = { limit: random.pick([1, 5, 10, 25]), offset: 0 };
    if (random.chance(0.3)) q.topic = random.pick(topics);
    if (random.chance(0.3)) q.eventType = random.pick(EVENT_TYPE_IDS);
    if (random.chance(0.4)) q.actorId = random.chance(0.5) ? random.pick(heavy) : random.pick(actorIds);
    if (random.chance(0.3)) q.placeKey = random.chance(0.05) ? 'no such place' : random.chance(0.4) ? random.pick(heavyPlaces) : random.pick(placeKeys);
    if (random.chance(0.6)) q.since = random.pick(days);
    if (random.chance(0.4)) q.until = q.since && random.chance(0.7) ? shift(q.since, random.pick([0, 3, 30, 400])) : random.pick(days);
    q.offset = q.limit * random.pick([0, 0, 0, 1, 2, 5, 40, 120]);
    const countFrom = referenceCountFrom(db, q);
    const want = referenceTimeline(db, q, countFrom);
    const have = dossier.timeline(q);
    const ids = have.items.map((e) => e.id);
    // A bounded count is at least what it counted and what the page shows; a page that is not
    // full ends the matches, so its end is exact.
    const shown = want.ids.length > 0 ? q.offset + want.ids.length : 0;
    const ends = want.ids.length < q.limit && (want.ids.length > 0 || q.offset === 0);
    const exact = countFrom === undefined || want.n > COUNT_CAP ? want.n : ends ? shown : undefined;
    const total = Math.min(exact ?? Math.max(want.n, shown), COUNT_CAP);
    const lowerBound = exact === undefined || exact > COUNT_CAP;
    if (JSON.stringify(ids) !== JSON.stringify(want.ids) || have.total !== total || have.totalIsLowerBound !== lowerBound) {
      fail(`${when}: timeline ${JSON.stringify(q)} gave ${ids.join(',')} (${have.total}${have.totalIsLowerBound ? '+' : ''}), want ${want.ids.join(',')} (${total}${lowerBound ? '+' : ''})`);
    }
  }
  for (const actorId of [...heavy, ...Array.from({ length: 40 }, () => random.pick(actorIds))]) {
    const limit = random.pick([1, 5, 10]);
    const have = dossier.coActors(actorId, limit).map((c) => `${c.name}:${c.sharedEntries}`);
    const want = referenceCoActors(db, actorId, limit);
    if (JSON.stringify(have) !== JSON.stringify(want)) fail(`${when}: co-actors of ${actorId}: ${have.join(', ')} ≠ ${want.join(', ')}`);
  }
  const names = db.prepare('SELECT name FROM actor_names ORDER BY random() LIMIT 60').pluck().all() as string[];
  for (const typed of [...names, ...names.map((n) => n.slice(1, 5)), 'a', 'al', 'zz%_']) {
    const like = (db
      .prepare(
        `SELECT a.id, n.name FROM actor_names n JOIN actors a ON a.id = n.actor_id
         WHERE a.merged_into_id IS NULL AND n.name_key LIKE ? ESCAPE '\\'`,
      )
      .all(`%${typed.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { id: number; name: string }[])
      .map((r) => `${r.id}:${r.name}`)
      .sort();
    const have = dossier.findActors(typed, 10_000).map((m) => `${m.id}:${m.matchedName}`).sort();
    const best = new Map<string, string>();
    for (const row of like) best.set(row.split(':')[0]!, row);
    const wantIds = [...best.keys()].sort();
    const haveIds = [...new Set(have.map((r) => r.split(':')[0]!))].sort();
    if (JSON.stringify(haveIds) !== JSON.stringify(wantIds)) fail(`${when}: findActors ${typed}: ${haveIds.length} actors ≠ ${wantIds.length}`);
  }
  const words = db.prepare("SELECT title FROM entries ORDER BY random() LIMIT 40").pluck().all() as string[];
  for (const title of words) {
    const parts = title.split(' ');
    const text = parts.slice(0, random.pick([1, 2])).join(' ');
    const words = ftsWords(text);
    const match = allOf(words);
    const offset = random.pick([0, 0, 10, 30, 495, 990]);
    const have = dossier.search(text, 10, offset).items.map((h) => h.entry.id);
    // The definition: live matches newest-added first, cut into bands of SEARCH_RANK_BAND, each
    // band ordered by bm25 over the words that weigh (with rarer words typed, not those in more
    // than COMMON_WORD_ENTRIES entries; with none, the least common), then newest added.
    const entriesWith = db.prepare('SELECT count(*) FROM entry_search JOIN entries e ON e.id = entry_search.rowid WHERE entry_search MATCH ? AND e.deleted_at IS NULL').pluck();
    const counts = words.map((w) => entriesWith.get(w) as number);
    const rare = words.filter((_, i) => counts[i]! <= COMMON_WORD_ENTRIES);
    const weighed = allOf(rare.length > 0 ? rare : [words[counts.indexOf(Math.min(...counts))]!]);
    const firstBand = Math.floor(offset / SEARCH_RANK_BAND);
    const want = db
      .prepare(
        `WITH banded AS (
           SELECT id, band FROM (
             SELECT e.id, (row_number() OVER (ORDER BY entry_search.rowid DESC) - 1) / ${SEARCH_RANK_BAND} AS band
             FROM entry_search JOIN entries e ON e.id = entry_search.rowid
             WHERE entry_search MATCH @match AND e.deleted_at IS NULL)
           WHERE band BETWEEN @firstBand AND @firstBand + 1)
         SELECT banded.id FROM banded JOIN entry_search w ON w.rowid = banded.id
         WHERE w.entry_search MATCH @weighed ORDER BY banded.band, w.rank, banded.id DESC LIMIT 10 OFFSET @offset`,
      )
      .pluck()
      .all({ match, weighed, firstBand, offset: offset - firstBand * SEARCH_RANK_BAND }) as number[];
    if (JSON.stringify(have) !== JSON.stringify(want)) fail(`${when}: search ${text} @${offset} gave ${have.join(',')}, want ${want.join(',')}`);
    const all = db.prepare('SELECT count(*) FROM entry_search JOIN entries e ON e.id = entry_search.rowid WHERE entry_search MATCH ? AND e.deleted_at IS NULL').pluck().get(match) as number;
    const total = dossier.search(text, 10, offset);
    if (total.total !== Math.min(all, COUNT_CAP) || total.totalIsLowerBound !== all > COUNT_CAP) fail(`${when}: search ${text}: total ${total.total} for ${all} matches`);
  }
}

function mutate(db: Database.Database, steps: number): void {
  const writer = new EntryWriter(db);
  const stamp = { by: 'check', at: '2025-11-21T00:00:00.000Z' };
  const ids = () => db.prepare('SELECT id FROM entries ORDER BY random() LIMIT 1').pluck().get() as number;
  const actorIds = db.prepare('SELECT id FROM actors WHERE merged_into_id IS NULL').pluck().all() as number[];
  const placeNames = db.prepare('SELECT name FROM places').pluck().all() as string[];
  for (let i = 0; i < steps; i++) {
    const roll = random.next();
    const id = ids();
    const state = readEntryState(db, id);
    if (!state) continue;
    if (roll < 0.35) {
      // Edit: new dates, actors (sometimes one actor in two roles) and places.
      const input = { ...state.input };
      const year = random.between(1950, 2025);
      input.start = random.chance(0.5) ? { year, month: random.between(1, 12), day: random.between(1, 28) } : { year };
      if (random.chance(0.2)) input.end = { year: year + random.between(1, 3) };
      else delete input.end;
      const actors = Array.from({ length: random.between(0, 4) }, () => ({ actorId: random.pick(actorIds), role: random.pick(ACTOR_ROLES) }));
      if (actors.length > 0 && random.chance(0.3)) actors.push({ actorId: actors[0]!.actorId, role: random.pick(ACTOR_ROLES) });
      input.actors = actors;
      input.places = Array.from({ length: random.between(1, 3) }, () => random.pick(placeNames));
      writer.replace(id, input, state.deleted ? { reason: 'still removed' } : undefined, { action: 'edit' }, stamp);
    } else if (roll < 0.55) {
      writer.replace(id, state.input, { reason: 'check' }, { action: 'remove' }, stamp);
    } else if (roll < 0.75) {
      writer.replace(id, state.input, undefined, { action: 'restore' }, stamp);
    } else if (roll < 0.85) {
      db.prepare('DELETE FROM entries WHERE id = ?').run(id);
    } else if (roll < 0.93) {
      const link = db.prepare('SELECT entry_id, actor_id, role FROM entry_actors ORDER BY random() LIMIT 1').get() as
        | { entry_id: number; actor_id: number; role: string }
        | undefined;
      if (link && random.chance(0.5)) {
        db.prepare('UPDATE OR IGNORE entry_actors SET actor_id = ? WHERE entry_id = ? AND actor_id = ? AND role = ?').run(
          random.pick(actorIds), link.entry_id, link.actor_id, link.role,
        );
      } else if (link) {
        // Move the link, and a place link, to another entry (sometimes a removed one).
        db.prepare('UPDATE OR IGNORE entry_actors SET entry_id = ? WHERE entry_id = ? AND actor_id = ? AND role = ?').run(
          ids(), link.entry_id, link.actor_id, link.role,
        );
        db.prepare('UPDATE OR IGNORE entry_places SET entry_id = ? WHERE entry_id = ? AND position = 0').run(ids(), link.entry_id);
      }
    } else {
      const live = db.prepare('SELECT id FROM actors WHERE merged_into_id IS NULL ORDER BY random() LIMIT 2').pluck().all() as number[];
      if (live.length === 2) mergeActors(db, live[0]!, live[1]!, stamp);
    }
  }
}

console.log(`Building ${entries.toLocaleString('en-US')} entries in ${dir}…`);
const stats = buildStore({ path, entries, seed: 11, actors: 600, places: 300 });
console.log(`  built in ${stats.seconds.total.toFixed(1)} s`);
const db = openDatabase(path);
const dossier = new SqliteDossier(db);
checkCopiesAndPairs(db, 'after build');
checkReads(db, dossier, 'after build', 400);
for (let round = 1; round <= 3; round++) {
  mutate(db, 300);
  checkCopiesAndPairs(db, `after changes ${round}`);
  checkReads(db, new SqliteDossier(db), `after changes ${round}`, 300);
}
db.close();
rmSync(dir, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`${problems.length} disagreement(s).`);
  process.exit(1);
}
console.log('Store reads agree with the original queries; copies and co-actor counts are consistent.');
