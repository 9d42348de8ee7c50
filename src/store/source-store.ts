// The store's side of watching feeds: sources, their checks and the names suggestions look for.
// Recording a check's results lives in source-intake.ts.
import type { ChangeStamp } from '../core/domain.js';
import type { InstantWriter } from '../core/past-instant.js';
import { holdsKey, shownAddress } from '../core/address-keys.js';
import { UserError } from '../core/errors.js';
import { instantText } from '../core/instant-text.js';
import type { KnownName } from '../core/sources/suggest.js';
import type { AnswerRecord, BusyRecord, FailureRecord, IntakeQuery, NewSource, SourceChanges, SourceStore } from '../core/sources/watch-store-port.js';
import type { CheckRecord, WatchedSource } from '../core/sources/watched-source.js';
import type { FailureTiming } from '../core/sources/poll-timing.js';
import type { IntakePlan } from '../core/sources/intake-plan.js';
import type { ActorKind } from '../core/vocabulary.js';
import type { View } from '../core/view.js';
import type { Db } from './connection.js';
import { redrawFeedCardsAt } from './review-posts.js';
import { answerSteps, recordBusy, recordFailure, type InSourceTransaction } from './source-intake.js';
import { checkMoves, currentMoves, feedWatcher, type FeedWatcher } from './source-addresses.js';
import { toCheck, toFound, toSource, type CheckRow, type FoundRow, type SourceRow } from './source-rows.js';
import { StatementCache } from './statement-cache.js';
import { LinkCache } from './source-links.js';
import { StoryCache } from './story-cache.js';

const LIVE = 'SELECT * FROM feed_sources WHERE id = ? AND removed_at IS NULL';

/**
 * The refusal of an address another live source watches: it names that source and its topic, and
 * the address it is watched at when that is another form of this one or where the feed moved.
 */
function watchedAlready(existing: FeedWatcher, url: string, fixes: string[], when: InstantWriter): UserError {
  const moved = existing.movedFrom;
  const watchedAt = shownAddress(existing.url);
  const where = moved
    ? ` The feed moved from this address on ${when(moved.at)} (its server answered HTTP ${moved.status} here): source #${existing.id} watches it at ${watchedAt} now, for the topic ${existing.topic}.`
    : existing.url === url
      ? ` It is watched for the topic ${existing.topic}.`
      : ` It is watched at ${watchedAt}: the same address written another way (http or https, capitals in the host name, the default port, a #fragment, utm_* parameters or a trailing /). It is watched there for the topic ${existing.topic}.`;
  return new UserError('conflict', `This feed is watched already, as source #${existing.id} (option \`url\`).${where}`, [`See it with /sources why id:${existing.id}.`, ...fixes], 'url');
}

/** An address to type in a command, as people are shown it: without its key, saying where it goes. */
const typedAddress = (url: string) => `${shownAddress(url)}${holdsKey(url) ? ' (its key in place of the …)' : ''}`;

/** Another form of the address a source reads: moving that source to this one keeps its checks and items. */
const movable = (existing: FeedWatcher, url: string) => existing.url !== url && existing.movedFrom === undefined;

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

  /** Sources with the move that brought each to its address, where one did. */
  private withMoves(rows: readonly SourceRow[]): WatchedSource[] {
    const moves = currentMoves(this.cache, rows.map((row) => row.id));
    return rows.map((row) => {
      const source = toSource(row);
      const moved = moves.get(row.id);
      return moved ? { ...source, movedFrom: moved } : source;
    });
  }

  private source(row: SourceRow): WatchedSource {
    return this.withMoves([row])[0]!;
  }

  watcherOf(url: string, except?: number): { id: number; topic: string } | undefined {
    return feedWatcher(this.cache, url, except);
  }

  add(source: NewSource, stamp: ChangeStamp, firstCheckAt: Date, when: InstantWriter = instantText): WatchedSource {
    return this.db.transaction(() => {
      const existing = feedWatcher(this.cache, source.url);
      if (existing !== undefined) throw watchedAlready(existing, source.url, movable(existing, source.url) ? [`To watch it at this address instead: /sources edit id:${existing.id} url:${typedAddress(source.url)}`] : [], when);
      const { lastInsertRowid } = this.cache
        .get(
          `INSERT INTO feed_sources (url, topic, keywords, every_minutes, backfill, feed_title, reliability, outlet, next_check_at, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(source.url, source.topic, source.keywords, source.everyMinutes, source.backfill ? 1 : 0, source.title ?? null, source.reliability ?? null, source.outlet ?? null, firstCheckAt.toISOString(), stamp.at, stamp.by, stamp.at, stamp.by);
      return this.source(this.required(Number(lastInsertRowid)));
    }).immediate();
  }

  get(id: number): WatchedSource | undefined {
    const row = this.row(id);
    return row && this.source(row);
  }

  getEver(id: number): WatchedSource | undefined {
    const row = this.cache.get('SELECT * FROM feed_sources WHERE id = ?').get(id) as SourceRow | undefined;
    return row && this.source(row);
  }

  list(): WatchedSource[] {
    return this.withMoves(this.cache.get('SELECT * FROM feed_sources WHERE removed_at IS NULL ORDER BY id').all() as SourceRow[]);
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
    return this.source(this.required(id));
  }

  resume(id: number, stamp: ChangeStamp, nextCheckAt: Date): WatchedSource {
    this.required(id);
    this.cache
      .get(
        `UPDATE feed_sources SET paused_at = NULL, paused_reason = NULL, failures = 0, next_check_at = ?, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(nextCheckAt.toISOString(), stamp.at, stamp.by, id);
    return this.source(this.required(id));
  }

  /** Kept as a row (its items stay known), out of every list and schedule. */
  remove(id: number, stamp: ChangeStamp): void {
    this.required(id);
    this.cache.get('UPDATE feed_sources SET removed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(stamp.at, stamp.at, stamp.by, id);
  }

  edit(id: number, changes: SourceChanges, nextCheckAt: Date, stamp: ChangeStamp, keepError = false, when: InstantWriter = instantText): WatchedSource {
    return this.db.transaction(() => {
      const row = this.required(id);
      const moved = changes.url !== undefined && changes.url !== row.url;
      if (moved) {
        const existing = feedWatcher(this.cache, changes.url!, id);
        if (existing !== undefined) throw watchedAlready(existing, changes.url!, [`Both would read the same feed: stop watching this one with /sources remove id:${id} if it moved there.`], when);
      }
      // A new address: the validators, failures and error were the old one's (but a wait its server asked for, kept in the error).
      this.cache
        .get(
          `UPDATE feed_sources SET url = ?, topic = ?, keywords = ?, every_minutes = ?, reliability = ?, outlet = ?, next_check_at = ?, updated_at = ?, updated_by = ?,
             etag = CASE WHEN @moved THEN NULL ELSE etag END, last_modified = CASE WHEN @moved THEN NULL ELSE last_modified END,
             failures = CASE WHEN @moved THEN 0 ELSE failures END, last_error = CASE WHEN @moved AND NOT @keepError THEN NULL ELSE last_error END
           WHERE id = ?`,
        )
        .run(
          changes.url ?? row.url,
          changes.topic ?? row.topic,
          changes.keywords ?? row.keywords,
          changes.everyMinutes ?? row.every_minutes,
          changes.reliability === undefined ? row.reliability : changes.reliability,
          changes.outlet === undefined ? row.outlet : changes.outlet,
          nextCheckAt.toISOString(),
          stamp.at,
          stamp.by,
          id,
          { moved: moved ? 1 : 0, keepError: keepError ? 1 : 0 },
        );
      const after = this.required(id);
      // Waiting cards cite the feed's outlet and grade as they are now: drawn again to say so.
      if (after.outlet !== row.outlet || after.reliability !== row.reliability) redrawFeedCardsAt(this.cache, id, stamp.at);
      return this.source(after);
    }).immediate();
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

  recordBusy(sourceId: number, record: BusyRecord, nextCheckAt: (source: WatchedSource) => Date): number {
    return this.db.transaction(() => recordBusy(this.cache, toSource(this.required(sourceId)), record, nextCheckAt)).immediate();
  }

  private found(checkId: number): FoundRow[] {
    return this.cache.get('SELECT title, link, outcome, detail, candidate_id FROM feed_items WHERE check_id = ? ORDER BY id').all(checkId) as FoundRow[];
  }

  check(id: number): CheckRecord {
    return this.withFound([this.cache.get('SELECT * FROM feed_checks WHERE id = ?').get(id) as CheckRow])[0]!;
  }

  checks(sourceId: number, limit: number): CheckRecord[] {
    return this.withFound(this.cache.get('SELECT * FROM feed_checks WHERE source_id = ? ORDER BY id DESC LIMIT ?').all(sourceId, limit) as CheckRow[]);
  }

  /** Checks with what each found, and the move each followed. */
  private withFound(rows: readonly CheckRow[]): CheckRecord[] {
    const moves = checkMoves(this.cache, rows.map((row) => row.id));
    return rows.map((row) => {
      const check = toCheck(row, this.found(row.id).map(toFound));
      const moved = moves.get(row.id);
      return moved ? { ...check, moved } : check;
    });
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
