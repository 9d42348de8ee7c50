// npx tsx bench/check-as-of.ts [entries] — checks past timelines (/timeline as_of:) against their
// definition, on a synthetic store with revision history that is then edited, removed, restored
// and merged through the real write paths: at an instant, an entry is shown as its latest
// revision before it wrote it, unless that revision removed it. The definition is computed
// here from the revisions alone, without the spans tables the store reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntryInput } from '../src/core/domain.js';
import { firstDay, lastDay } from '../src/core/partial-date.js';
import type { TimelineQuery } from '../src/core/ports.js';
import { foldKey } from '../src/core/text.js';
import { ACTOR_ROLES, EVENT_TYPE_IDS } from '../src/core/vocabulary.js';
import { mergeActors } from '../src/store/actor-merges.js';
import { SqlitePastViews } from '../src/store/as-of-views.js';
import { openDatabase, type Db } from '../src/store/connection.js';
import { entrySnapshot } from '../src/store/created-state.js';
import { COUNT_CAP } from '../src/store/entry-queries.js';
import { readEntryState } from '../src/store/entry-state.js';
import { EntryWriter } from '../src/store/entry-writes.js';
import { buildStore } from './build-store.js';
import { DOSSIER_START } from './entry-history.js';
import { Random } from './random.js';

const entries = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-check-as-of-'));
const path = join(dir, 'check.db');
const random = new Random(19);
let problems = 0;
const fail = (what: string) => {
  if (++problems <= 20) console.error(`  ✗ ${what}`);
};

interface Revision {
  entryId: number;
  action: string;
  at: string;
  state: EntryInput;
}

function revisions(db: Db): Revision[] {
  const rows = db
    .prepare("SELECT entity_id, action, strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) AS at, snapshot FROM revisions WHERE entity = 'entry' ORDER BY entity_id, id")
    .all() as { entity_id: number; action: string; at: string; snapshot: string }[];
  return rows.map((r) => ({ entryId: r.entity_id, action: r.action, at: r.at, state: entrySnapshot(db, r.entity_id, r.snapshot) }));
}

/** Every entry live just before `before`, as its latest revision then wrote it. */
function liveAt(all: readonly Revision[], before: string): Map<number, EntryInput> {
  const latest = new Map<number, Revision>();
  for (const revision of all) if (revision.at < before) latest.set(revision.entryId, revision);
  const live = new Map<number, EntryInput>();
  for (const [id, revision] of latest) if (revision.action !== 'remove') live.set(id, revision.state);
  return live;
}

function reference(live: Map<number, EntryInput>, q: TimelineQuery, actorIds: number[] | undefined): { ids: number[]; n: number } {
  const matches = [...live]
    .filter(([, s]) => {
      const from = firstDay(s.start);
      const to = lastDay(s.end ?? s.start);
      if (q.topic !== undefined && s.topic !== q.topic) return false;
      if (q.eventType !== undefined && s.eventType !== q.eventType) return false;
      if (q.since !== undefined && to < q.since) return false;
      if (q.until !== undefined && from > q.until) return false;
      if (actorIds && !s.actors.some((a) => actorIds.includes(a.actorId))) return false;
      if (q.placeKey !== undefined && !s.places.some((p) => foldKey(p) === q.placeKey)) return false;
      return true;
    })
    .map(([id, s]) => ({ id, day: firstDay(s.start) }))
    .sort((a, b) => (a.day === b.day ? b.id - a.id : a.day < b.day ? 1 : -1));
  return { ids: matches.slice(q.offset, q.offset + q.limit).map((m) => m.id), n: matches.length };
}

function checkTimelines(db: Db, when: string, rounds: number): void {
  const views = new SqlitePastViews(db);
  const all = revisions(db);
  const actorIds = db.prepare('SELECT id FROM actors WHERE merged_into_id IS NULL').pluck().all() as number[];
  const heavy = db.prepare('SELECT actor_id FROM entry_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 5').pluck().all() as number[];
  const placeKeys = db.prepare('SELECT place_key FROM places').pluck().all() as string[];
  const topics = db.prepare('SELECT slug FROM topics').pluck().all() as string[];
  const days = db.prepare('SELECT day_from FROM entries ORDER BY random() LIMIT 200').pluck().all() as string[];
  // An actor filter stands for the actor and those merged into it by the instant (the check never unmerges).
  const merges = db
    .prepare("SELECT entity_id AS fromId, json_extract(snapshot, '$.mergedInto') AS intoId, changed_at AS at FROM revisions WHERE entity = 'actor' AND action = 'merge'")
    .all() as { fromId: number; intoId: number; at: string }[];
  const folded = (id: number, before: string) => {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) ids.push(...merges.filter((m) => m.intoId === ids[i] && Date.parse(m.at) < Date.parse(before)).map((m) => m.fromId));
    return ids;
  };
  const latest = all.reduce((max, r) => (r.at > max ? r.at : max), '');
  for (let i = 0; i < rounds; i++) {
    // Instants across the dossier's life, a few of them exactly on a revision.
    const before = random.chance(0.1)
      ? random.pick(all).at
      : new Date(DOSSIER_START + random.next() * (Date.parse(latest) + 86_400_000 - DOSSIER_START)).toISOString();
    const live = liveAt(all, before);
    const q: TimelineQuery = { limit: random.pick([1, 5, 10, 25]), offset: 0 };
    if (random.chance(0.3)) q.topic = random.pick(topics);
    if (random.chance(0.3)) q.eventType = random.pick(EVENT_TYPE_IDS);
    if (random.chance(0.3)) q.actorId = random.chance(0.5) ? random.pick(heavy) : random.pick(actorIds);
    if (random.chance(0.25)) q.placeKey = random.pick(placeKeys);
    if (random.chance(0.4)) q.since = random.pick(days);
    if (random.chance(0.3)) q.until = random.pick(days);
    q.offset = q.limit * random.pick([0, 0, 1, 3, 40]);
    const want = reference(live, q, q.actorId === undefined ? undefined : folded(q.actorId, before));
    const have = views.timeline(q, before);
    const ids = have.items.map((e) => e.id);
    // A count that stopped at its work is a lower bound: never above the matches.
    const total = Math.min(want.n, COUNT_CAP);
    const counted = have.totalIsLowerBound ? have.total <= total : have.total === total && want.n <= COUNT_CAP;
    if (JSON.stringify(ids) !== JSON.stringify(want.ids) || !counted) {
      fail(`${when}: ${JSON.stringify(q)} before ${before} gave ${ids.join(',')} (${have.total}), want ${want.ids.join(',')} (${want.n})`);
    }
    for (const item of have.items) {
      if (item.title !== live.get(item.id)?.title) fail(`${when}: #${item.id} before ${before} shows "${item.title}", not its title then`);
    }
  }
}

/** Later changes through the app's writer, at instants after the history, then a few merges. */
function mutate(db: Db, steps: number, day: number): void {
  const writer = new EntryWriter(db);
  const actorIds = db.prepare('SELECT id FROM actors WHERE merged_into_id IS NULL').pluck().all() as number[];
  const placeNames = db.prepare('SELECT name FROM places').pluck().all() as string[];
  for (let i = 0; i < steps; i++) {
    const stamp = { by: 'check', at: new Date(Date.parse('2025-12-01T00:00:00Z') + day * 86_400_000 + i * 60_000).toISOString() };
    const id = db.prepare('SELECT id FROM entries ORDER BY random() LIMIT 1').pluck().get() as number;
    const state = readEntryState(db, id)!;
    const roll = random.next();
    if (roll < 0.5) {
      const input = { ...state.input, title: `${state.input.title} (rev ${day}.${i})` };
      if (random.chance(0.5)) {
        input.start = { year: random.between(1950, 2025), month: random.between(1, 12) };
        delete input.end;
      }
      if (random.chance(0.5)) input.actors = [{ actorId: random.pick(actorIds), role: random.pick(ACTOR_ROLES) }];
      if (random.chance(0.5)) input.places = [random.pick(placeNames)];
      if (random.chance(0.3)) input.eventType = random.pick(EVENT_TYPE_IDS);
      writer.replace(id, input, state.deleted ? { reason: 'still removed' } : undefined, { action: 'edit' }, stamp);
    } else if (roll < 0.75) {
      writer.replace(id, state.input, { reason: 'check' }, { action: 'remove' }, stamp);
    } else {
      writer.replace(id, state.input, undefined, { action: 'restore' }, stamp);
    }
  }
  const pair = db.prepare('SELECT id FROM actors WHERE merged_into_id IS NULL ORDER BY random() LIMIT 2').pluck().all() as number[];
  mergeActors(db, pair[0]!, pair[1]!, { by: 'check', at: new Date(Date.parse('2025-12-01T00:00:00Z') + day * 86_400_000).toISOString() });
}

console.log(`Building ${entries.toLocaleString('en-US')} entries with their history in ${dir}…`);
const stats = buildStore({ path, entries, seed: 11, actors: 600, places: 300, history: true });
console.log(`  ${stats.revisions.toLocaleString('en-US')} revisions, built in ${stats.seconds.total.toFixed(1)} s`);
const db = openDatabase(path);
checkTimelines(db, 'after build', 300);
for (let day = 1; day <= 3; day++) {
  mutate(db, 300, day);
  checkTimelines(db, `after changes ${day}`, 200);
}
db.close();
rmSync(dir, { recursive: true, force: true });
if (problems > 0) {
  console.error(`${problems} disagreement(s).`);
  process.exit(1);
}
console.log('Past timelines agree with the revision log.');
