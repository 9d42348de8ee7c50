// The store's side of watching feeds: sources, their checks and the names suggestions look for.
// Recording a check's results lives in source-intake.ts.
import type { ChangeStamp } from '../core/domain.js';
import { UserError } from '../core/errors.js';
import type { KnownName } from '../core/sources/suggest.js';
import type { AnswerRecord, FailureRecord, IntakeQuery, NewSource, SourceChanges, SourceStore } from '../core/sources/watch-store-port.js';
import type { CheckRecord, WatchedSource } from '../core/sources/watched-source.js';
import type { FailureTiming } from '../core/sources/poll-timing.js';
import type { IntakePlan } from '../core/sources/intake-plan.js';
import type { ActorKind } from '../core/vocabulary.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';
import { answerSteps, recordFailure, type InSourceTransaction } from './source-intake.js';
import { toCheck, toFound, toSource, type CheckRow, type FoundRow, type SourceRow } from './source-rows.js';
import { StatementCache } from './statement-cache.js';
import { LinkCache } from './source-links.js';
import { StoryCache } from './story-cache.js';

const LIVE = 'SELECT * FROM feed_sources WHERE id = ? AND removed_at IS NULL';

export class SqliteSourceStore implements SourceStore {
  private readonly cache: StatementCache;
  private readonly known = { stories: new StoryCache(), links: new LinkCache() };

  constructor(private readonly db: Db) {
    this.cache = new StatementCache(db);
  }

  private row(id: number): SourceRow | undefined {
    return this.cache.get(LIVE).get(id) as SourceRow | undefined;
  }

  private required(id: number): SourceRow {
    const row = this.row(id);
    if (!row) throw new UserError('not-found', `There is no source #${id} (option \`id\`).`, ['See the sources with /sources list.'], 'id');
    return row;
  }

  add(source: NewSource, stamp: ChangeStamp, firstCheckAt: Date): WatchedSource {
    return this.db.transaction(() => {
      const existing = this.cache.get('SELECT id FROM feed_sources WHERE url = ? AND removed_at IS NULL').pluck().get(source.url) as number | undefined;
      if (existing !== undefined) {
        throw new UserError('conflict', `This feed is watched already, as source #${existing} (option \`url\`).`, [`See it with /sources why id:${existing}.`], 'url');
      }
      const { lastInsertRowid } = this.cache
        .get(
          `INSERT INTO feed_sources (url, topic, keywords, every_minutes, backfill, feed_title, reliability, next_check_at, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(source.url, source.topic, source.keywords, source.everyMinutes, source.backfill ? 1 : 0, source.title ?? null, source.reliability ?? null, firstCheckAt.toISOString(), stamp.at, stamp.by, stamp.at, stamp.by);
      return toSource(this.required(Number(lastInsertRowid)));
    }).immediate();
  }

  get(id: number): WatchedSource | undefined {
    const row = this.row(id);
    return row && toSource(row);
  }

  getEver(id: number): WatchedSource | undefined {
    const row = this.cache.get('SELECT * FROM feed_sources WHERE id = ?').get(id) as SourceRow | undefined;
    return row && toSource(row);
  }

  list(): WatchedSource[] {
    return (this.cache.get('SELECT * FROM feed_sources WHERE removed_at IS NULL ORDER BY id').all() as SourceRow[]).map(toSource);
  }

  waitingCandidates(): ReadonlyMap<number, number> {
    const rows = this.cache
      .get(
        `SELECT i.source_id AS id, count(*) AS n FROM review_candidates c
         JOIN feed_items i ON i.candidate_id = c.id AND i.outcome = 'proposed'
         WHERE c.status = 'pending' GROUP BY i.source_id`,
      )
      .all() as { id: number; n: number }[];
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  pause(id: number, reason: string, stamp: ChangeStamp): WatchedSource {
    this.required(id);
    this.cache
      .get('UPDATE feed_sources SET paused_at = ?, paused_reason = ?, updated_at = ?, updated_by = ? WHERE id = ? AND paused_at IS NULL')
      .run(stamp.at, reason, stamp.at, stamp.by, id);
    return toSource(this.required(id));
  }

  resume(id: number, stamp: ChangeStamp, nextCheckAt: Date): WatchedSource {
    this.required(id);
    this.cache
      .get(
        `UPDATE feed_sources SET paused_at = NULL, paused_reason = NULL, failures = 0, next_check_at = ?, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(nextCheckAt.toISOString(), stamp.at, stamp.by, id);
    return toSource(this.required(id));
  }

  /** Kept as a row (its items stay known), out of every list and schedule. */
  remove(id: number, stamp: ChangeStamp): void {
    this.required(id);
    this.cache.get('UPDATE feed_sources SET removed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(stamp.at, stamp.at, stamp.by, id);
  }

  edit(id: number, changes: SourceChanges, nextCheckAt: Date, stamp: ChangeStamp): WatchedSource {
    const row = this.required(id);
    this.cache
      .get('UPDATE feed_sources SET topic = ?, keywords = ?, every_minutes = ?, reliability = ?, next_check_at = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(
        changes.topic ?? row.topic,
        changes.keywords ?? row.keywords,
        changes.everyMinutes ?? row.every_minutes,
        changes.reliability === undefined ? row.reliability : changes.reliability,
        nextCheckAt.toISOString(),
        stamp.at,
        stamp.by,
        id,
      );
    return toSource(this.required(id));
  }

  due(now: Date, limit: number): number[] {
    return this.cache
      .get('SELECT id FROM feed_sources WHERE removed_at IS NULL AND paused_at IS NULL AND next_check_at <= ? ORDER BY next_check_at, id LIMIT ?')
      .pluck()
      .all(now.toISOString(), limit) as number[];
  }

  answerSteps(sourceId: number, answer: AnswerRecord, batch: number, plan: (query: IntakeQuery) => IntakePlan): Generator<void, number> {
    const inTransaction: InSourceTransaction = (work) => this.db.transaction(() => work(toSource(this.required(sourceId)))).immediate();
    return answerSteps(this.cache, this.known, inTransaction, answer, batch, plan);
  }

  recordFailure(
    sourceId: number,
    failure: FailureRecord,
    timing: (source: WatchedSource) => FailureTiming,
    notice: (source: WatchedSource, timing: FailureTiming) => View,
  ): number {
    return this.db.transaction(() => recordFailure(this.cache, toSource(this.required(sourceId)), failure, timing, notice)).immediate();
  }

  private found(checkId: number): FoundRow[] {
    return this.cache.get('SELECT title, link, outcome, detail, candidate_id FROM feed_items WHERE check_id = ? ORDER BY id').all(checkId) as FoundRow[];
  }

  check(id: number): CheckRecord {
    const row = this.cache.get('SELECT * FROM feed_checks WHERE id = ?').get(id) as CheckRow;
    return toCheck(row, this.found(id).map(toFound));
  }

  checks(sourceId: number, limit: number): CheckRecord[] {
    const rows = this.cache.get('SELECT * FROM feed_checks WHERE source_id = ? ORDER BY id DESC LIMIT ?').all(sourceId, limit) as CheckRow[];
    return rows.map((row) => toCheck(row, this.found(row.id).map(toFound)));
  }

  knownActors(afterId: number, limit: number): { actors: KnownName[]; last?: number } {
    const ids = this.cache.get('SELECT id FROM actors WHERE merged_into_id IS NULL AND id > ? ORDER BY id LIMIT ?').pluck().all(afterId, limit) as number[];
    const rows = this.cache
      .get(
        `SELECT n.actor_id AS id, n.name, a.kind FROM actor_names n JOIN actors a ON a.id = n.actor_id
         WHERE n.actor_id IN (SELECT value FROM json_each(?)) ORDER BY n.actor_id, n.is_primary DESC, n.name`,
      )
      .all(JSON.stringify(ids)) as { id: number; name: string; kind: ActorKind }[];
    const actors = new Map<number, { kind: 'actor'; id: number; name: string; aliases: string[]; actorKind: ActorKind }>();
    for (const row of rows) {
      const actor = actors.get(row.id);
      if (actor) actor.aliases.push(row.name);
      else actors.set(row.id, { kind: 'actor', id: row.id, name: row.name, aliases: [], actorKind: row.kind });
    }
    return { actors: [...actors.values()], ...(ids.length === limit ? { last: ids.at(-1)! } : {}) };
  }

  knownPlaces(): KnownName[] {
    const rows = this.cache.get('SELECT name, country_code AS country, gazetteer_ref AS ref FROM places ORDER BY name').all() as { name: string; country: string | null; ref: string | null }[];
    return rows.map(({ name, country, ref }): KnownName => ({ kind: 'place', name, ...(country ? { country } : {}), ...(ref ? { ref } : {}) }));
  }

  knownNamesVersion(): number {
    return this.cache.get('SELECT version FROM known_names_version').pluck().get() as number;
  }
}
