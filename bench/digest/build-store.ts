// Builds the digest benchmark's store: the shared synthetic dossier of `npm run bench`
// (bench/build-store.ts, reused as is), given the 'create' revision every entry would have had
// had it been written through the app; then a week of daily changes through the app's own
// write paths (new entries, corrections, removals), and S subscriptions whose cursors sit
// where their previous digest left them — a day back for daily digests, a week back for
// weekly ones — with that previous digest in the delivery log.
//
//   tsx bench/digest/build-store.ts --path /tmp/x.db --entries 1000000 --subscriptions 10000
import { statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseSchedule } from '../../src/core/digest/schedule.js';
import type { EntryInput } from '../../src/core/domain.js';
import { CONFIDENCE_LEVELS, EVENT_TYPE_IDS, type ActorRole } from '../../src/core/vocabulary.js';
import { slotAfter } from '../../src/scheduler/slots.js';
import { openDatabase, type Db } from '../../src/store/connection.js';
import { SqliteDeliveries } from '../../src/store/digest-deliveries.js';
import { SqliteSubscriptions } from '../../src/store/digest-subscriptions.js';
import { EntryWriter } from '../../src/store/entry-writes.js';
import { SqliteEditor } from '../../src/store/sqlite-editor.js';
import { buildStore } from '../build-store.js';

export interface DigestStoreOptions {
  path: string;
  entries: number;
  subscriptions: number;
  /** Changes per day over the week before the benchmark's "now". */
  changesPerDay: number;
  seed: number;
}

const PLACES = 2_000;
const OUTLETS = ['Reuters', 'AFP', 'AP', 'BBC', 'Al Jazeera', 'Le Monde', 'Haaretz', 'SANA', 'ACLED', 'OCHA'];
const ZONES = ['Europe/Paris', 'America/New_York', 'UTC', 'Europe/London', 'Asia/Tokyo', 'Asia/Beirut', 'America/Los_Angeles'];
const ROLES: ActorRole[] = ['initiator', 'target', 'participant', 'mediator', 'host', 'subject'];
/** When the week of changes starts, and the benchmark's "now". */
export const WEEK_STARTS = Date.parse('2025-11-20T00:00:00.000Z');
export const BENCH_NOW = new Date(WEEK_STARTS + 7 * 86_400_000);

/** mulberry32: small, fast and reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entryMaker(next: () => number, actorIds: number[], topics: string[]) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  // Coverage is skewed: a few actors and topics appear in most entries.
  const skewed = (n: number) => Math.floor(n * next() ** 3);
  return (title: string): EntryInput => {
    const actorCount = 1 + Math.floor(next() * 3);
    const actors = new Map<number, ActorRole>();
    for (let i = 0; i < actorCount; i++) actors.set(actorIds[skewed(actorIds.length)]!, pick(ROLES));
    const year = 1990 + Math.floor(next() * 36);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    return {
      topic: topics[skewed(topics.length)]!,
      title,
      summary: '',
      eventType: pick(EVENT_TYPE_IDS),
      start: next() < 0.8 ? { year, month, day } : { year, month },
      confidence: pick(CONFIDENCE_LEVELS),
      places: [`Place ${skewed(PLACES)}`],
      actors: [...actors].map(([actorId, role]) => ({ actorId, role })),
      sources: [{ outlet: pick(OUTLETS), url: `https://news.example/${Math.floor(next() * 1e9)}` }],
      tags: next() < 0.3 ? [`tag-${Math.floor(next() * 50)}`] : [],
    };
  };
}

/**
 * The 'create' revision of every entry the shared generator wrote directly, with the snapshot
 * the app writes (an EntryInput; absent optional fields left out), so corrections of old
 * entries have a "before" as they would in a real store.
 */
function backfillRevisions(db: Db): void {
  const date = (column: string) => `json(CASE length(${column})
      WHEN 4 THEN json_object('year', CAST(${column} AS INTEGER))
      WHEN 7 THEN json_object('year', CAST(substr(${column}, 1, 4) AS INTEGER), 'month', CAST(substr(${column}, 6, 2) AS INTEGER))
      ELSE json_object('year', CAST(substr(${column}, 1, 4) AS INTEGER), 'month', CAST(substr(${column}, 6, 2) AS INTEGER),
                       'day', CAST(substr(${column}, 9, 2) AS INTEGER)) END)`;
  db.prepare(
    `INSERT INTO revisions (entity, entity_id, action, snapshot, changed_by, changed_at)
     SELECT 'entry', e.id, 'create', json_patch(json_object(
         'topic', e.topic, 'title', e.title, 'summary', e.summary, 'eventType', e.event_type,
         'start', ${date('e.occurred_on')}, 'confidence', e.confidence,
         'places', json((SELECT json_group_array(name) FROM (SELECT p.name FROM entry_places ep JOIN places p ON p.id = ep.place_id
                         WHERE ep.entry_id = e.id ORDER BY ep.position))),
         'actors', json((SELECT json_group_array(json_object('actorId', actor_id, 'role', role)) FROM
                         (SELECT actor_id, role FROM entry_actors WHERE entry_id = e.id ORDER BY position))),
         'sources', json((SELECT json_group_array(json_patch('{}', json_object('outlet', outlet, 'url', url, 'attribution', attribution,
                           'published', published_on))) FROM (SELECT * FROM sources WHERE entry_id = e.id ORDER BY position))),
         'tags', json((SELECT json_group_array(tag) FROM (SELECT tag FROM entry_tags WHERE entry_id = e.id ORDER BY tag)))),
       CASE WHEN e.ends_on IS NULL THEN '{}' ELSE json_object('end', ${date('e.ends_on')}) END),
       e.created_by, e.created_at
     FROM entries e WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.entity = 'entry' AND r.entity_id = e.id)
     ORDER BY e.id`,
  ).run();
}

/** A week of curation: 70% new entries, 25% corrections, 5% removals, spread over each day. */
function weekOfChanges(db: Db, perDay: number, make: (title: string) => EntryInput, next: () => number, maxEntryId: number): number[] {
  const writer = new EntryWriter(db);
  const editor = new SqliteEditor(db);
  const hourly: number[] = [];
  const latest = () => db.prepare('SELECT max(id) FROM revisions').pluck().get() as number;
  for (let hour = 0; hour < 7 * 24; hour++) {
    hourly.push(latest());
    const changes = Math.round(perDay / 24);
    for (let i = 0; i < changes; i++) {
      const stamp = { by: 'bench-editor', at: new Date(WEEK_STARTS + hour * 3_600_000 + i * 1000).toISOString() };
      const roll = next();
      const id = 1 + Math.floor(next() * maxEntryId);
      try {
        if (roll < 0.7) writer.insert(make(`Fresh report ${hour}-${i}`), stamp);
        else if (roll < 0.95) editor.editEntry(id, { confidence: 'confirmed', title: `Corrected report ${hour}-${i}` }, stamp);
        else editor.removeEntry(id, 'duplicate', stamp);
      } catch {
        // Already removed: a real editor would pick another; the count barely changes.
      }
    }
  }
  hourly.push(latest());
  return hourly;
}

function subscriptions(db: Db, count: number, hourly: number[], perDay: number, next: () => number, actorIds: number[], topics: string[]): void {
  const repo = new SqliteSubscriptions(db);
  const deliveries = new SqliteDeliveries(db);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const hour = Math.floor(next() * 24);
      const weekly = next() < 0.15;
      const text = weekly ? `weekly ${pick(['mon', 'fri'])} ${String(hour).padStart(2, '0')}:00` : `daily ${String(hour).padStart(2, '0')}:${pick(['00', '30'])}`;
      const parsed = parseSchedule(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      const roll = next();
      const filters =
        roll < 0.4 ? {}
        : roll < 0.7 ? { topic: pick(topics) }
        : roll < 0.85 ? { eventType: pick(EVENT_TYPE_IDS) }
        : roll < 0.95 ? { actorId: actorIds[Math.floor(200 * next())]!, actorName: 'Bench actor' }
        : { topic: pick(topics), eventType: pick(EVENT_TYPE_IDS) };
      // Where its previous digest left the cursor: yesterday or last week, at its own hour.
      const cursorHour = (weekly ? 0 : 6 * 24) + hour;
      const timezone = pick(ZONES);
      const platform = next() < 0.6 ? 'discord' : 'slack';
      const now = new Date(WEEK_STARTS + cursorHour * 3_600_000);
      const { id } = repo.upsert({
        channel: { platform, workspaceId: `w${i % 500}`, channelId: `c${i}` },
        schedule: parsed.schedule,
        timezone,
        filters,
        skipEmpty: next() < 0.2,
        card: true,
        by: 'bench',
        startCursor: hourly[cursorHour]!,
        nextSlotAt: slotAfter({ cron: parsed.schedule.cron, timezone }, BENCH_NOW),
        now,
      });
      // That previous digest, delivered: the range a digest card compares its own with.
      const previousFrom = weekly ? Math.max(0, hourly[cursorHour]! - 7 * perDay) : hourly[cursorHour - 24]!;
      const periodFrom = new Date(now.getTime() - (weekly ? 7 : 1) * 86_400_000);
      const delivery = deliveries.insert({
        subscriptionId: id, slot: now, kind: 'scheduled', missedSlots: 0, status: 'sending', cursorFrom: previousFrom,
        cursorTo: hourly[cursorHour]!, periodFrom, partsTotal: 1, sender: 'bench', now,
      });
      deliveries.recordPart(delivery, [`m${i}`], now);
      deliveries.settle(delivery, 'delivered', now);
    }
  })();
}

export function buildDigestStore(options: DigestStoreOptions, log: (m: string) => void = () => {}): Record<string, number> {
  const started = performance.now();
  log('the shared synthetic dossier (bench/build-store.ts)…');
  buildStore({ path: options.path, entries: options.entries, seed: options.seed, log });
  const db = openDatabase(options.path);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -500000');
  log('create revisions for the bulk entries…');
  db.transaction(() => backfillRevisions(db))();
  const next = random(options.seed);
  const topics = db.prepare('SELECT slug FROM topics ORDER BY slug').pluck().all() as string[];
  // Most-linked actors first: coverage is skewed, and so are actor filters.
  const actorIds = db
    .prepare('SELECT actor_id FROM entry_actors GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 2000')
    .pluck()
    .all() as number[];
  const make = entryMaker(next, actorIds, topics);
  log('a week of changes…');
  const hourly = weekOfChanges(db, options.changesPerDay, make, next, options.entries);
  log('subscriptions…');
  subscriptions(db, options.subscriptions, hourly, options.changesPerDay, next, actorIds, topics);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const counts = {
    entries: db.prepare('SELECT count(*) FROM entries').pluck().get() as number,
    revisions: db.prepare('SELECT max(id) FROM revisions').pluck().get() as number,
    subscriptions: db.prepare('SELECT count(*) FROM digest_subscriptions').pluck().get() as number,
  };
  db.close();
  return { ...counts, bytes: statSync(options.path).size, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

// Run directly: build, then write the counts next to the store.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { values } = parseArgs({
    options: {
      path: { type: 'string' },
      entries: { type: 'string', default: '1000000' },
      subscriptions: { type: 'string', default: '10000' },
      changes: { type: 'string', default: '400' },
      seed: { type: 'string', default: '2025' },
    },
  });
  if (!values.path) throw new Error('--path is required');
  const report = buildDigestStore(
    { path: values.path, entries: Number(values.entries), subscriptions: Number(values.subscriptions), changesPerDay: Number(values.changes), seed: Number(values.seed) },
    (m) => console.error(m),
  );
  writeFileSync(`${values.path}.json`, JSON.stringify(report, null, 2));
  console.error(JSON.stringify(report));
}
