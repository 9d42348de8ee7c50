// Writing a check's results, inside the transaction the caller opened: the check row, the items
// seen for the first time with what became of each, the candidates they propose, and the
// source's new state. Reading what is known happens in the same transaction, so two processes
// (or a re-run after a crash) can never record an item, or propose it, twice.
import type { FailureTiming } from '../core/sources/poll-timing.js';
import { RECENT_MS, type IntakePlan, type StoryTarget } from '../core/sources/intake-plan.js';
import type { AnswerRecord, FailureRecord, IntakeQuery } from '../core/sources/watch-store-port.js';
import { sourceName, type WatchedSource } from '../core/sources/watched-source.js';
import { SAME_STORY_WINDOW_MS } from '../core/sources/same-story.js';
import type { StoryRef } from '../core/review/candidate.js';
import type { View } from '../core/view.js';
import { queueNotice } from './review-posts.js';
import { toStoryRef, type StoryRow } from './source-rows.js';
import type { StatementCache } from './statement-cache.js';
import type { StoryCache } from './story-cache.js';

/** Checks kept per source for /sources why. */
const KEPT_CHECKS = 20;
/** Undated candidates this recent can still be matched by an identical title. */
const UNDATED_STORY_MS = 7 * 24 * 3600_000;

function insertCheck(cache: StatementCache, sourceId: number, values: { at: Date; trigger: string; result: string; error?: string; items?: number; seen?: number; next?: Date; paused?: boolean }): number {
  const { lastInsertRowid } = cache
    .get('INSERT INTO feed_checks (source_id, checked_at, trigger, result, error, items, seen, next_check_at, paused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(sourceId, values.at.toISOString(), values.trigger, values.result, values.error ?? null, values.items ?? 0, values.seen ?? 0, values.next?.toISOString() ?? null, values.paused ? 1 : 0);
  return Number(lastInsertRowid);
}

function prune(cache: StatementCache, sourceId: number): void {
  cache
    .get('DELETE FROM feed_checks WHERE source_id = ? AND id NOT IN (SELECT id FROM feed_checks WHERE source_id = ? ORDER BY id DESC LIMIT ?)')
    .run(sourceId, sourceId, KEPT_CHECKS);
}

/** What the store knows of the fresh items: candidates holding their keys, and stories near them. */
function query(cache: StatementCache, stories: StoryCache, source: WatchedSource, answer: AnswerRecord): IntakeQuery {
  const keys = JSON.stringify(answer.keyed.map((k) => k.key));
  const known = new Set(
    cache.get('SELECT item_key FROM feed_items WHERE source_id = ? AND item_key IN (SELECT value FROM json_each(?))').pluck().all(source.id, keys) as string[],
  );
  const fresh = answer.keyed.filter((k) => !known.has(k.key));
  const byKey = new Map<string, StoryRef>();
  if (fresh.length === 0) return { source, fresh, byKey, stories: [] };
  const rows = cache
    .get(
      `SELECT fi.item_key AS key, c.id, c.title, c.published_at, c.status FROM feed_items fi JOIN review_candidates c ON c.id = fi.candidate_id
       WHERE fi.item_key IN (SELECT value FROM json_each(?)) AND fi.source_id <> ?`,
    )
    .all(JSON.stringify(fresh.map((k) => k.key)), source.id) as (StoryRow & { key: string })[];
  for (const row of rows) if (!byKey.has(row.key)) byKey.set(row.key, toStoryRef(row));
  const dated = fresh.flatMap((k) => (k.item.published && !Number.isNaN(k.item.published.getTime()) ? [k.item.published.getTime()] : []));
  // Items older than a week are never compared (left out as too old), so neither are stories older than that.
  const oldest = answer.at.getTime() - RECENT_MS;
  const since = new Date(Math.max(oldest, dated.reduce((min, time) => Math.min(min, time), answer.at.getTime())) - SAME_STORY_WINDOW_MS);
  return { source, fresh, byKey, stories: stories.window(cache, answer.at, since, new Date(answer.at.getTime() - UNDATED_STORY_MS)) };
}

function insertDrafts(cache: StatementCache, plan: IntakePlan, at: Date): number[] {
  const insert = cache.get(
    `INSERT INTO review_candidates (topic, title, summary, link, outlet, published_at, matched, suggestion, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
  );
  return plan.drafts.map((draft) =>
    Number(
      insert.run(draft.topic, draft.title, draft.summary, draft.link ?? null, draft.outlet, draft.published?.toISOString() ?? null, JSON.stringify(draft.matched), JSON.stringify(draft.suggested), at.toISOString())
        .lastInsertRowid,
    ),
  );
}

export function recordAnswer(cache: StatementCache, stories: StoryCache, source: WatchedSource, answer: AnswerRecord, decide: (query: IntakeQuery) => IntakePlan): number {
  const known = query(cache, stories, source, answer);
  const plan = decide(known);
  const checkId = insertCheck(cache, source.id, {
    at: answer.at,
    trigger: answer.trigger,
    result: answer.feed ? 'ok' : 'not-modified',
    items: answer.keyed.length,
    seen: answer.keyed.length - known.fresh.length,
    next: answer.nextCheckAt,
  });
  const candidateIds = insertDrafts(cache, plan, answer.at);
  const target = (joins: StoryTarget) => ('draft' in joins ? candidateIds[joins.draft]! : joins.candidateId);
  const outlet = answer.feed?.title?.trim() || sourceName(source);
  const insertItem = cache.get(
    `INSERT INTO feed_items (source_id, item_key, check_id, title, link, outlet, published_at, first_seen, outcome, detail, candidate_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, item_key) DO NOTHING`,
  );
  for (const { key, item, title, plan: itemPlan } of plan.items) {
    const candidate = itemPlan.outcome === 'proposed' ? candidateIds[itemPlan.draft]! : itemPlan.outcome === 'same-story' ? target(itemPlan.joins) : null;
    const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published.toISOString() : null;
    insertItem.run(source.id, key, checkId, title, item.link ?? null, outlet, published, answer.at.toISOString(), itemPlan.outcome, itemPlan.detail, candidate);
  }
  // A 304 keeps the validators it does not repeat; a full answer replaces them.
  const validators = answer.feed ? answer.state : { ...source.validators, ...answer.state };
  cache
    .get(
      `UPDATE feed_sources SET etag = ?, last_modified = ?, feed_title = coalesce(?, feed_title), baselined = max(baselined, ?), failures = 0,
         last_error = NULL, last_checked_at = ?, last_new_at = CASE WHEN ? THEN ? ELSE last_new_at END, next_check_at = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      validators.etag ?? null,
      validators.lastModified ?? null,
      answer.feed?.title?.trim() || null,
      answer.feed ? 1 : 0,
      answer.at.toISOString(),
      known.fresh.length > 0 ? 1 : 0,
      answer.at.toISOString(),
      answer.nextCheckAt.toISOString(),
      answer.at.toISOString(),
      source.id,
    );
  prune(cache, source.id);
  return checkId;
}

export function recordFailure(
  cache: StatementCache,
  source: WatchedSource,
  failure: FailureRecord,
  timing: (source: WatchedSource) => FailureTiming,
  notice: (source: WatchedSource, timing: FailureTiming) => View,
): number {
  const next = timing(source);
  // A manual check of a paused source fails without pausing it again or telling anyone twice.
  const pauseNow = next.pause !== undefined && source.pausedAt === undefined;
  const at = failure.at.toISOString();
  const checkId = insertCheck(cache, source.id, { at: failure.at, trigger: failure.trigger, result: 'failed', error: failure.error, next: next.nextCheckAt, paused: pauseNow });
  cache
    .get(
      `UPDATE feed_sources SET failures = ?, last_error = ?, last_checked_at = ?, next_check_at = ?, updated_at = ?,
         paused_at = CASE WHEN ? THEN ? ELSE paused_at END, paused_reason = CASE WHEN ? THEN ? ELSE paused_reason END
       WHERE id = ?`,
    )
    .run(next.failures, failure.error, at, next.nextCheckAt.toISOString(), at, pauseNow ? 1 : 0, at, pauseNow ? 1 : 0, next.pause ?? null, source.id);
  if (pauseNow) {
    const paused: WatchedSource = { ...source, failures: next.failures, lastError: failure.error, pausedAt: failure.at, pausedReason: next.pause!, nextCheckAt: next.nextCheckAt };
    queueNotice(cache, notice(paused, next), failure.at);
  }
  prune(cache, source.id);
  return checkId;
}
