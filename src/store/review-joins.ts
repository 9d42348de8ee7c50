// Pending candidates that turn out to tell one story. A report is compared with the candidates as
// they read when it arrives, so one that came before a feed revised another candidate's item
// (a toll that rose) may have become a candidate of its own, where after the revision it would
// have joined that one. Once a candidate is drafted again from its revised item, the candidates
// still waiting that it now tells the story of become one: the earliest holds every report, and
// the others are closed, rejected by Sitrep naming it, as if their reports had joined it on
// arrival. A decided candidate is never joined or reopened.
import type { CandidateDraft } from '../core/review/candidate.js';
import { JOINED_BY, joinedReason } from '../core/review/joined-candidate.js';
import { foldStory, SAME_STORY_WINDOW_MS } from '../core/sources/same-story.js';
import { redrawCardsAt, redrawPendingAt } from './review-posts.js';
import type { StatementCache } from './statement-cache.js';
import { horizon, type StoryCache } from './story-cache.js';

/**
 * Joins candidate #`candidateId`, just drafted again as `draft`, and the pending candidates it now
 * tells the story of, compared as a fresh item of a check at `at` is (an undated one with those
 * created since `undatedSince`); their cards are flagged to be drawn at `at`. Returns the candidate
 * kept and those closed, if any were.
 */
export function joinSameStory(
  cache: StatementCache,
  stories: StoryCache,
  candidateId: number,
  draft: Pick<CandidateDraft, 'title' | 'published'>,
  at: Date,
  undatedSince: Date,
): { kept: number; closed: number[] } | undefined {
  // The same-story window before its publication (undated: before the check), no further back
  // than a check's fresh items are compared: the cache holds no more.
  const since = new Date(Math.max((draft.published ?? at).getTime() - SAME_STORY_WINDOW_MS, horizon(at)));
  const alike = stories.alike(cache, at, since, undatedSince, foldStory(draft), candidateId);
  if (alike.length === 0) return undefined;
  // The cache holds no candidate's status: which are still pending is read here.
  const pending = cache
    .get("SELECT id FROM review_candidates WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?))")
    .pluck()
    .all(JSON.stringify(alike.map((story) => story.candidateId))) as number[];
  if (pending.length === 0) return undefined;
  // Ids follow creation: the smallest is the candidate proposed first.
  const [kept, ...closed] = [candidateId, ...pending].sort((a, b) => a - b) as [number, ...number[]];
  const moveReports = cache.get(
    `UPDATE feed_items SET candidate_id = @kept, outcome = 'same-story', detail = CASE WHEN outcome = 'proposed' THEN @detail ELSE detail END
     WHERE candidate_id = @closed`,
  );
  const close = cache.get("UPDATE review_candidates SET status = 'rejected', decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'");
  for (const id of closed) {
    moveReports.run({ kept, closed: id, detail: `proposed as candidate #${id} first, joined when a report of the story was revised` });
    close.run(JOINED_BY, at.toISOString(), joinedReason(kept), id);
    stories.joined(id);
    // Its cards show it closed, pointing to the candidate holding its reports.
    redrawCardsAt(cache, id, at);
  }
  // The candidate kept lists the reports that joined it (the one just drafted again is flagged already).
  if (kept !== candidateId) redrawPendingAt(cache, kept, at);
  return { kept, closed };
}
