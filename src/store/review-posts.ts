// The review channels and what is posted there: rows queued, claimed by one process, handed to
// the platform, then posted (with the platform's message references), queued again to wait
// (`retry_at`) after a failure for now, or failed for good. A row whose
// process stopped while it was claimed is queued again if it was never handed over, else it is
// unconfirmed: it may be in the channel, so it is never posted twice.
import { WAITING_FOR_OPERATOR_LIKE } from '../core/app-faults.js';
import type { PlatformName } from '../core/caller.js';
import type { ChangeStamp } from '../core/domain.js';
import type { Candidate } from '../core/review/candidate.js';
import type { ChannelRef, ClaimedPost, FailingChannel, PostedCard, RedrawnCard, ReviewChannel, UnconfirmedCard } from '../core/review/review-port.js';
import type { View } from '../core/view.js';
import type { StatementCache } from './statement-cache.js';

interface ChannelRow {
  platform: string;
  workspace_id: string;
  channel_id: string;
  context: string;
  set_by: string;
  set_at: string;
}

interface PostRow {
  id: number;
  kind: 'card' | 'notice';
  candidate_id: number | null;
  platform: string;
  workspace_id: string;
  channel_id: string;
  context: string;
  notice: string | null;
  attempts: number;
  created_at: string;
  message_refs: string;
  failing_since: string | null;
}

const ref = (row: { platform: string; workspace_id: string; channel_id: string; context: string }): ChannelRef => ({
  platform: row.platform,
  workspaceId: row.workspace_id,
  channelId: row.channel_id,
  context: row.context,
});

export function setChannel(cache: StatementCache, channel: ChannelRef, stamp: ChangeStamp): void {
  cache
    .get(
      `INSERT INTO review_channels (platform, workspace_id, channel_id, context, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform) DO UPDATE SET workspace_id = excluded.workspace_id, channel_id = excluded.channel_id,
         context = excluded.context, set_by = excluded.set_by, set_at = excluded.set_at`,
    )
    .run(channel.platform, channel.workspaceId, channel.channelId, channel.context, stamp.by, stamp.at);
}

export function channels(cache: StatementCache): ReviewChannel[] {
  return (cache.get('SELECT * FROM review_channels ORDER BY platform').all() as ChannelRow[]).map((row) => ({
    ...ref(row),
    setBy: row.set_by,
    setAt: new Date(row.set_at),
  }));
}

/** The channel's columns, as the statements below name them. */
const channelParams = (channel: ChannelRef) => ({ platform: channel.platform, workspaceId: channel.workspaceId, channelId: channel.channelId });

const IN_CHANNEL = 'p.platform = @platform AND p.workspace_id = @workspaceId AND p.channel_id = @channelId';

/**
 * Cards given up in the channel whose candidates still wait, queued again as if new to it: no
 * wait, no failures counted towards giving up. The messages an earlier attempt posted are kept
 * (not posted again), and so are the attempts, which tell each claim of a post from the others.
 */
export function requeueFailedCards(cache: StatementCache, channel: ChannelRef, now: Date): number {
  return cache
    .get(
      `UPDATE review_posts AS p SET status = 'queued', retry_at = NULL, failing_since = NULL, last_error = NULL, context = @context, updated_at = @now
       WHERE p.kind = 'card' AND p.status = 'failed' AND ${IN_CHANNEL}
         AND EXISTS (SELECT 1 FROM review_candidates c WHERE c.id = p.candidate_id AND c.status = 'pending')`,
    )
    .run({ ...channelParams(channel), context: channel.context, now: now.toISOString() }).changes;
}

/** Pending candidates with no card in the channel that is posted, on its way or perhaps there (unconfirmed). */
export function uncardedCount(cache: StatementCache, channel: ChannelRef): number {
  return cache
    .get(
      `SELECT count(*) FROM review_candidates c WHERE c.status = 'pending' AND NOT EXISTS (
         SELECT 1 FROM review_posts p WHERE p.kind = 'card' AND p.candidate_id = c.id AND ${IN_CHANNEL}
           AND p.status IN ('posted', 'sending', 'unconfirmed'))`,
    )
    .pluck()
    .get(channelParams(channel)) as number;
}

/**
 * The review channels missing cards of candidates still waiting, with how many and the latest
 * failure: cards given up there (refused for good, or failing for a day), and, apart from them,
 * cards waiting because the platform refused Sitrep itself (its token, its scopes), whose reason
 * names the operator's fix (core/app-faults.ts). Those count every waiting candidate whose card
 * is not there or given up, the ones not yet tried included: none goes out before the app is fixed.
 * Read from the candidates waiting (CROSS JOIN keeps them the outer loop), which a queue keeps few
 * of, rather than from every card the channel ever had; with max(), SQLite takes `last_error`
 * from the latest row.
 */
export function failingChannels(cache: StatementCache): FailingChannel[] {
  const givenUp = cache.get(
    `SELECT count(*) AS cards, p.last_error AS error, max(p.updated_at) AS latest
     FROM review_candidates c CROSS JOIN review_posts p ON p.kind = 'card' AND p.candidate_id = c.id AND ${IN_CHANNEL}
     WHERE c.status = 'pending' AND p.status = 'failed'`,
  );
  // The queued cards are few (review_posts_queued): the latest refusal of Sitrep itself among them.
  const appFault = cache
    .get(
      `SELECT p.last_error FROM review_posts p WHERE p.status = 'queued' AND p.kind = 'card' AND ${IN_CHANNEL} AND p.last_error LIKE @waiting
       ORDER BY p.updated_at DESC, p.id DESC LIMIT 1`,
    )
    .pluck();
  const waiting = cache
    .get(
      `SELECT count(*) FROM review_candidates c WHERE c.status = 'pending' AND NOT EXISTS (
         SELECT 1 FROM review_posts p WHERE p.kind = 'card' AND p.candidate_id = c.id AND ${IN_CHANNEL}
           AND p.status IN ('posted', 'sending', 'unconfirmed', 'failed'))`,
    )
    .pluck();
  return channels(cache).flatMap((channel) => {
    const params = channelParams(channel);
    const { cards, error } = givenUp.get(params) as { cards: number; error: string | null };
    const failing: FailingChannel[] = cards > 0 ? [{ channel, error: error ?? 'no reason recorded', cards }] : [];
    const fault = appFault.get({ ...params, waiting: WAITING_FOR_OPERATOR_LIKE }) as string | undefined;
    if (fault === undefined) return failing;
    const held = waiting.get(params) as number;
    return held > 0 ? [...failing, { channel, error: fault, cards: held }] : failing;
  });
}

/** A notice for every review channel (or only one platform's), posted by the next pass of whichever process can. */
export function queueNotice(cache: StatementCache, view: View, now: Date, platform?: PlatformName): void {
  cache
    .get(
      `INSERT INTO review_posts (kind, platform, workspace_id, channel_id, context, notice, status, created_at, updated_at)
       SELECT 'notice', platform, workspace_id, channel_id, context, ?, 'queued', ?, ? FROM review_channels WHERE ? IS NULL OR platform = ?`,
    )
    .run(JSON.stringify(view), now.toISOString(), now.toISOString(), platform ?? null, platform ?? null);
}

/**
 * Cards for the pending candidates each channel has none for, oldest first. Cards are queued in
 * candidate order, so only the candidates after the newest one carded in a channel are read
 * (NOT INDEXED keeps the planner on that range of ids rather than an index of every pending one).
 */
export function queueCards(cache: StatementCache, limit: number, now: Date): void {
  cache
    .get(
      `INSERT INTO review_posts (kind, candidate_id, platform, workspace_id, channel_id, context, status, created_at, updated_at)
       SELECT 'card', c.id, ch.platform, ch.workspace_id, ch.channel_id, ch.context, 'queued', ?, ? FROM review_channels ch CROSS JOIN review_candidates c NOT INDEXED
       WHERE c.id > coalesce((SELECT max(p.candidate_id) FROM review_posts p WHERE p.kind = 'card'
           AND p.platform = ch.platform AND p.workspace_id = ch.workspace_id AND p.channel_id = ch.channel_id), 0)
         AND c.status = 'pending' AND NOT EXISTS (
         SELECT 1 FROM review_posts p WHERE p.kind = 'card' AND p.candidate_id = c.id
           AND p.platform = ch.platform AND p.workspace_id = ch.workspace_id AND p.channel_id = ch.channel_id)
       ORDER BY c.id LIMIT ?`,
    )
    .run(now.toISOString(), now.toISOString(), limit);
}

export function abandonStale(cache: StatementCache, staleBefore: Date): number {
  return cache
    .get("UPDATE review_posts SET status = CASE WHEN handed_at IS NULL THEN 'queued' ELSE 'unconfirmed' END WHERE status = 'sending' AND updated_at < ?")
    .run(staleBefore.toISOString()).changes;
}

export function claim(
  cache: StatementCache,
  platforms: readonly PlatformName[],
  sender: string,
  now: Date,
  limit: number,
  candidate: (id: number) => Candidate | undefined,
): ClaimedPost[] {
  // A post that failed for now waits for its `retry_at`.
  const rows = cache
    .get("SELECT * FROM review_posts WHERE status = 'queued' AND platform IN (SELECT value FROM json_each(?)) AND (retry_at IS NULL OR retry_at <= ?) ORDER BY id LIMIT ?")
    .all(JSON.stringify(platforms), now.toISOString(), limit) as PostRow[];
  // Each claim counts as an attempt, which also tells it from a later claim of the same row.
  const mark = cache.get('UPDATE review_posts SET status = ?, sender = ?, attempts = attempts + ?, handed_at = NULL, drawn_revision = ?, updated_at = ? WHERE id = ?');
  const claimed: ClaimedPost[] = [];
  for (const row of rows) {
    const card = row.candidate_id === null ? undefined : candidate(row.candidate_id);
    if (row.kind === 'card' && card?.status !== 'pending') {
      mark.run('skipped', sender, 0, 0, now.toISOString(), row.id);
      continue;
    }
    mark.run('sending', sender, 1, card?.revision ?? 0, now.toISOString(), row.id);
    const post = {
      ...ref(row),
      id: row.id,
      claim: row.attempts + 1,
      delivered: JSON.parse(row.message_refs) as string[],
      ...(row.attempts > 0 ? { retryOf: new Date(row.created_at) } : {}),
      ...(row.failing_since ? { failingSince: new Date(row.failing_since) } : {}),
    };
    claimed.push(card ? { ...post, kind: 'card', candidate: card } : { ...post, kind: 'notice', view: JSON.parse(row.notice!) as View });
  }
  return claimed;
}

export function handOver(cache: StatementCache, post: Pick<ClaimedPost, 'id' | 'claim'>, now: Date): boolean {
  return (
    cache
      .get("UPDATE review_posts SET handed_at = ?, updated_at = ? WHERE id = ? AND status = 'sending' AND attempts = ? AND handed_at IS NULL")
      .run(now.toISOString(), now.toISOString(), post.id, post.claim).changes === 1
  );
}

export function posted(cache: StatementCache, id: number, refs: readonly string[], now: Date): void {
  cache
    .get("UPDATE review_posts SET status = 'posted', message_refs = ?, last_error = NULL, retry_at = NULL, failing_since = NULL, updated_at = ? WHERE id = ?")
    .run(JSON.stringify(refs), now.toISOString(), id);
}

/** `retryAt`: queued again, not claimed before then; without it, failed for good. */
export function failed(cache: StatementCache, id: number, error: string, retryAt: Date | undefined, now: Date, delivered: readonly string[]): void {
  cache
    .get(
      `UPDATE review_posts SET status = CASE WHEN @retryAt IS NULL THEN 'failed' ELSE 'queued' END, retry_at = @retryAt,
         failing_since = coalesce(failing_since, @now), message_refs = @delivered, last_error = @error, updated_at = @now WHERE id = @id`,
    )
    .run({ retryAt: retryAt?.toISOString() ?? null, now: now.toISOString(), delivered: JSON.stringify(delivered), error, id });
}

/**
 * Puts back posts this claim did not try (their platform stopped the pass), as if never claimed:
 * the claim is not counted as an attempt, and none is claimed again before `retryAt`. They wait
 * on the platform's failures, so those count towards giving them up too.
 */
export function release(cache: StatementCache, posts: readonly Pick<ClaimedPost, 'id' | 'claim'>[], retryAt: Date, now: Date): void {
  const put = cache.get(
    `UPDATE review_posts SET status = 'queued', attempts = attempts - 1, retry_at = max(coalesce(retry_at, ''), @retryAt),
       failing_since = coalesce(failing_since, @now), updated_at = @now
     WHERE id = @id AND status = 'sending' AND attempts = @claim AND handed_at IS NULL`,
  );
  for (const post of posts) put.run({ retryAt: retryAt.toISOString(), now: now.toISOString(), id: post.id, claim: post.claim });
}

export function unconfirmedCards(cache: StatementCache, ids: readonly number[]): UnconfirmedCard[] {
  return cache
    .get(
      `SELECT p.candidate_id AS candidateId, p.platform, max(CASE WHEN p.status = 'failed' THEN coalesce(p.last_error, 'no reason recorded') END) AS failed
       FROM review_posts p JOIN review_channels ch ON ch.platform = p.platform AND ch.workspace_id = p.workspace_id AND ch.channel_id = p.channel_id
       WHERE p.kind = 'card' AND p.status IN ('unconfirmed', 'failed') AND p.candidate_id IN (SELECT value FROM json_each(?))
       GROUP BY p.candidate_id, p.platform ORDER BY p.candidate_id, p.platform`,
    )
    .all(JSON.stringify(ids))
    .map((row) => {
      const { failed, ...card } = row as UnconfirmedCard & { failed: string | null };
      return failed === null ? card : { ...card, failed };
    });
}

export function cardMessages(cache: StatementCache, candidateId: number): PostedCard[] {
  const rows = cache
    .get("SELECT id, platform, workspace_id, channel_id, context, message_refs FROM review_posts WHERE kind = 'card' AND candidate_id = ? AND status = 'posted' ORDER BY id")
    .all(candidateId) as (ChannelRow & { id: number; message_refs: string })[];
  return rows.map((row) => ({ ...ref(row), postId: row.id, refs: JSON.parse(row.message_refs) as string[] }));
}

/**
 * Posted cards due to be drawn again (`redraw_at` passed) on these platforms, soonest first: a
 * pending candidate's, revised since it was drawn, or a decided one's whose decision is still to
 * be shown (its edit failed, or came from a process that cannot edit there). Flags with nothing
 * left to draw (drawn since; the card given up) are cleared here; a card on its way keeps its flag.
 */
export function redrawnCards(cache: StatementCache, platforms: readonly PlatformName[], limit: number, now: Date, candidate: (id: number) => Candidate | undefined): RedrawnCard[] {
  const rows = cache
    .get(
      `SELECT p.id, p.candidate_id, p.platform, p.workspace_id, p.channel_id, p.context, p.message_refs, p.status, p.failing_since,
              c.status <> 'pending' OR p.drawn_revision < c.revision AS due
       FROM review_posts p INDEXED BY review_posts_redraw JOIN review_candidates c ON c.id = p.candidate_id
       WHERE p.redraw_at IS NOT NULL AND p.redraw_at <= ? AND p.platform IN (SELECT value FROM json_each(?))
       ORDER BY p.redraw_at, p.id LIMIT ?`,
    )
    .all(now.toISOString(), JSON.stringify(platforms), limit) as (ChannelRow & { id: number; candidate_id: number; message_refs: string; status: string; failing_since: string | null; due: number })[];
  const clear = cache.get('UPDATE review_posts SET redraw_at = NULL, failing_since = NULL WHERE id = ?');
  return rows.flatMap((row) => {
    if (row.status === 'sending') return [];
    const card = row.status === 'posted' && row.due === 1 ? candidate(row.candidate_id) : undefined;
    if (!card) {
      clear.run(row.id);
      return [];
    }
    const failing = row.failing_since === null ? {} : { failingSince: new Date(row.failing_since) };
    return [{ ...ref(row), postId: row.id, refs: JSON.parse(row.message_refs) as string[], candidate: card, ...failing }];
  });
}

/**
 * Flags a candidate's cards (posted, or on their way) to be drawn again at `at`, or sooner if
 * they already were: the card poster draws them from the candidate as it is then.
 */
export function redrawCardsAt(cache: StatementCache, candidateId: number, at: Date): void {
  cache
    .get("UPDATE review_posts SET redraw_at = min(coalesce(redraw_at, @at), @at) WHERE kind = 'card' AND candidate_id = @candidateId AND status IN ('sending', 'posted')")
    .run({ at: at.toISOString(), candidateId });
}

/**
 * A pending candidate's revision moves on (what it shows changed) and its cards are flagged to be
 * drawn from it at `at`; false, with nothing done, for a decided one.
 */
export function redrawPendingAt(cache: StatementCache, candidateId: number, at: Date): boolean {
  if (cache.get("UPDATE review_candidates SET revision = revision + 1 WHERE id = ? AND status = 'pending'").run(candidateId).changes === 0) return false;
  redrawCardsAt(cache, candidateId, at);
  return true;
}

/**
 * The cards of a candidate waiting for review again (reopened): those posted (or on their way)
 * are drawn again from it at `at`, its revision moving on; one skipped as it was decided before
 * its post is queued again; a review channel with none of its cards gets one queued, since
 * queueCards only reaches candidates newer than the channel's newest card.
 */
export function recardReopened(cache: StatementCache, candidateId: number, at: Date): void {
  if (!redrawPendingAt(cache, candidateId, at)) return;
  const params = { candidateId, at: at.toISOString() };
  cache
    .get("UPDATE review_posts SET status = 'queued', retry_at = NULL, updated_at = @at WHERE kind = 'card' AND candidate_id = @candidateId AND status = 'skipped'")
    .run(params);
  cache
    .get(
      `INSERT INTO review_posts (kind, candidate_id, platform, workspace_id, channel_id, context, status, created_at, updated_at)
       SELECT 'card', @candidateId, ch.platform, ch.workspace_id, ch.channel_id, ch.context, 'queued', @at, @at FROM review_channels ch
       WHERE NOT EXISTS (SELECT 1 FROM review_posts p WHERE p.kind = 'card' AND p.candidate_id = @candidateId
         AND p.platform = ch.platform AND p.workspace_id = ch.workspace_id AND p.channel_id = ch.channel_id)`,
    )
    .run(params);
}

/**
 * Flags the cards of the pending candidates a feed reports in, to be drawn again at `at`: they cite
 * the feed's outlet and grade as an admin names them now (`/sources edit outlet:|reliability:`),
 * which is no revision of the candidate, so the drawn revision is set below any.
 */
export function redrawFeedCardsAt(cache: StatementCache, sourceId: number, at: string): void {
  cache
    .get(
      `UPDATE review_posts SET drawn_revision = -1, redraw_at = min(coalesce(redraw_at, @at), @at)
       WHERE kind = 'card' AND status IN ('sending', 'posted') AND candidate_id IN (
         SELECT c.id FROM review_candidates c
         WHERE c.status = 'pending' AND EXISTS (SELECT 1 FROM feed_items fi WHERE fi.candidate_id = c.id AND fi.source_id = @sourceId))`,
    )
    .run({ at, sourceId });
}

/**
 * The card is drawn from the candidate's `revision` now, or its decision shown (or it was given
 * up on); its flag stays if the pending candidate was revised again meanwhile.
 */
export function redrawn(cache: StatementCache, postId: number, revision: number, now: Date): void {
  cache
    .get(
      `UPDATE review_posts SET drawn_revision = max(drawn_revision, @revision), updated_at = @now, failing_since = NULL,
         redraw_at = CASE WHEN (SELECT c.status = 'pending' AND c.revision > max(drawn_revision, @revision) FROM review_candidates c WHERE c.id = candidate_id) THEN redraw_at END
       WHERE id = @postId`,
    )
    .run({ revision, now: now.toISOString(), postId });
}

/** An edit of the card failed for now: tried again at `at`; `failing_since` says since when its edits fail. */
export function redrawLater(cache: StatementCache, postId: number, at: Date, now: Date): void {
  cache
    .get('UPDATE review_posts SET redraw_at = @at, failing_since = coalesce(failing_since, @now), updated_at = @now WHERE id = @postId')
    .run({ at: at.toISOString(), now: now.toISOString(), postId });
}
