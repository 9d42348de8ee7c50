// The review queue in the store: candidates with their reports, decisions (an approval adds the
// entry through the writer /entry add uses, in the same transaction), channels and posts.
import type { PlatformName } from '../core/caller.js';
import type { ChangeStamp, ClaimInput, EntryInput, SourceRecord } from '../core/domain.js';
import { UserError } from '../core/errors.js';
import type { Page } from '../core/ports.js';
import type { Candidate } from '../core/review/candidate.js';
import type { ChannelRef, ClaimedPost, DecisionResult, FailingChannel, PendingFilter, PostedCard, RedrawnCard, ReopenResult, ReviewChannel, ReviewStore, UnconfirmedCard, WaitingBefore } from '../core/review/review-port.js';
import { articleKey } from '../core/sources/article-key.js';
import { entriesCitingArticles } from './citing-entries.js';
import type { Db } from './connection.js';
import { queryEntry } from './entry-detail-queries.js';
import { EntryWriter } from './entry-writes.js';
import * as posts from './review-posts.js';
import { SqliteEditor } from './sqlite-editor.js';
import { ATTACHED_REASON, toCandidate, toReport, type CandidateRow, type ReportRow } from './source-rows.js';
import { StatementCache } from './statement-cache.js';

/**
 * The keys a source is cited by: its address, and the article it leads to (articleKey: any
 * scheme, host form, AMP copy, tracking parameter, trailing slash, and without its fragment, as
 * the queue tells items apart: a later report at `…/story#comments` is the article the entry
 * cites), else its outlet.
 */
const sourceKeys = (source: SourceRecord): string[] => {
  if (source.url === undefined) return [`outlet:${source.outlet}`];
  const article = articleKey(source.url);
  return article === undefined ? [source.url] : [source.url, `article:${article}`];
};

/**
 * The candidate citing the outlet an admin named its feed (`/sources edit outlet:`) where it was
 * drafted with the feed's own title: its card, and the entry an approval makes of it, cite that.
 */
function namedOutlet(candidate: Candidate, outlet: string): Candidate {
  const source = { ...candidate.suggested.source, outlet, attribution: `according to ${outlet}` };
  return { ...candidate, outlet, suggested: { ...candidate.suggested, source } };
}

/**
 * A candidate an item of source `?` proposed (both parameters the source's number, or NULL for
 * any): the feed /sources list counts it under, whichever others reported the story too.
 * /review list source:N and /review clear source:N select the same ones.
 */
const PROPOSED_BY_SOURCE = `(? IS NULL OR id IN (SELECT candidate_id FROM feed_items WHERE source_id = ? AND outcome = 'proposed' AND candidate_id IS NOT NULL))`;

export class SqliteReviewStore implements ReviewStore {
  private readonly cache: StatementCache;
  private readonly writer: EntryWriter;
  /** The app's editor, so that attaching a candidate's reports edits an entry as /entry edit does. */
  constructor(
    private readonly db: Db,
    private readonly editor: SqliteEditor,
  ) {
    this.cache = new StatementCache(db);
    this.writer = new EntryWriter(db);
  }

  private load(row: CandidateRow): Candidate {
    // The report that proposed the candidate first, then the others as they came. Each report
    // cites its feed's outlet as an admin names it now, as it takes the feed's grade now; else
    // the outlet its item names (an aggregator's: `Reuters (via Google News)`), else the feed's title.
    const reports = this.cache
      .get(
        `SELECT i.source_id, coalesce(s.outlet, i.cited_outlet, i.outlet) AS outlet, coalesce(i.revised_title, i.title) AS title,
           CASE WHEN i.revised_title IS NULL THEN i.link ELSE i.revised_link END AS link, i.published_at, i.published_day_only, i.published_day, s.reliability,
           CASE WHEN i.outcome = 'proposed' THEN s.outlet END AS named_outlet
         FROM feed_items i JOIN feed_sources s ON s.id = i.source_id WHERE i.candidate_id = ? ORDER BY i.outcome <> 'proposed', i.id`,
      )
      .all(row.id) as (ReportRow & { named_outlet: string | null })[];
    const candidate = toCandidate(row, reports.map(toReport));
    // Approved (or attached), its card shows the entry as the dossier holds it, wherever the card
    // is drawn: a reply, the channel's edit, a redraw after a restart or a failed edit.
    const recorded = row.status === 'approved' && row.entry_id !== null ? queryEntry(this.cache, row.entry_id) : undefined;
    if (recorded) candidate.recorded = recorded;
    const named = reports[0]?.named_outlet;
    return named ? namedOutlet(candidate, named) : candidate;
  }

  candidate(id: number): Candidate | undefined {
    const row = this.cache.get('SELECT * FROM review_candidates WHERE id = ?').get(id) as CandidateRow | undefined;
    return row && this.load(row);
  }

  private required(id: number): Candidate {
    const candidate = this.candidate(id);
    if (!candidate) throw new UserError('not-found', `There is no candidate #${id} (option \`id\`).`, ['See the candidates waiting with /review list.'], 'id');
    return candidate;
  }

  pending({ topic, sourceId, order }: PendingFilter, limit: number, offset: number): Page<Candidate> {
    const where = `status = 'pending' AND (? IS NULL OR topic = ?) AND ${PROPOSED_BY_SOURCE}`;
    const params = [topic ?? null, topic ?? null, sourceId ?? null, sourceId ?? null];
    const total = this.cache.get(`SELECT count(*) FROM review_candidates WHERE ${where}`).pluck().get(...params) as number;
    // Numbers go up as candidates are proposed: either order walks the waiting ones by number (review_candidates_pending_by_id) and stops at the page.
    const direction = order === 'oldest' ? 'ASC' : 'DESC';
    const rows = this.cache.get(`SELECT * FROM review_candidates WHERE ${where} ORDER BY id ${direction} LIMIT ? OFFSET ?`).all(...params, limit, offset) as CandidateRow[];
    return { items: rows.map((row) => this.load(row)), total, totalIsLowerBound: false };
  }

  approve(id: number, input: EntryInput, stamp: ChangeStamp, note: string): DecisionResult {
    return this.db.transaction((): DecisionResult => {
      const candidate = this.required(id);
      if (candidate.status !== 'pending') return { kind: 'decided', candidate };
      const entryId = this.writer.insert(input, stamp);
      // The entry's first revision says where it came from: /entry history shows it.
      this.cache.get("UPDATE revisions SET reason = ? WHERE entity = 'entry' AND entity_id = ? AND action = 'create'").run(note, entryId);
      this.cache
        .get("UPDATE review_candidates SET status = 'approved', decided_by = ?, decided_at = ?, entry_id = ? WHERE id = ? AND status = 'pending'")
        .run(stamp.by, stamp.at, entryId, id);
      return this.decided(id, stamp);
    }).immediate();
  }

  /**
   * The candidate just decided, its cards flagged in the same write to show the decision: the
   * edit made after the write is only the first try, and the card passes (of this process or the
   * next, should this one stop first) make it if that one never lands.
   */
  private decided(id: number, stamp: ChangeStamp): DecisionResult {
    posts.redrawCardsAt(this.cache, id, new Date(stamp.at));
    return { kind: 'done', candidate: this.required(id) };
  }

  attach(id: number, entryId: number, sources: readonly SourceRecord[], stamp: ChangeStamp, note: string, claims: readonly ClaimInput[] = []): DecisionResult {
    return this.db.transaction((): DecisionResult => {
      const candidate = this.required(id);
      // Decided already: only reports that came after, to the entry it made or was attached to.
      const later = candidate.status === 'approved' && candidate.decision?.entryId === entryId;
      if (candidate.status !== 'pending' && !later) return { kind: 'decided', candidate };
      const current = this.editor.entryState(entryId);
      const cited = new Set(current.sources.flatMap(sourceKeys));
      const added = sources.filter((source) => !sourceKeys(source).some((key) => cited.has(key)));
      if (later && added.length === 0) return { kind: 'decided', candidate };
      if (added.length === 0) {
        throw new UserError('conflict', `Entry #${entryId} cites this report already, so there is nothing to attach.`, [`Turn the candidate down with /review reject id:${id} reason:"in the dossier as #${entryId}".`], 'entry');
      }
      // A party's own claim comes with its report, unless the entry records that party claiming it already.
      const claimed = (claim: ClaimInput) => (current.claims ?? []).some((held) => held.actorId === claim.actorId && held.stance === claim.stance);
      const newClaims = claims.filter((claim) => !claimed(claim));
      this.editor.editEntry(entryId, { sources: [...current.sources, ...added], ...(newClaims.length > 0 ? { claims: [...(current.claims ?? []), ...newClaims] } : {}) }, stamp);
      // The edit's revision says where the sources came from: /entry history shows it.
      this.cache.get("UPDATE revisions SET reason = ? WHERE id = (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = ?)").run(note, entryId);
      this.cache
        .get("UPDATE review_candidates SET status = 'approved', decided_by = ?, decided_at = ?, entry_id = ?, reason = ? WHERE id = ? AND status = 'pending'")
        .run(stamp.by, stamp.at, entryId, ATTACHED_REASON, id);
      return this.decided(id, stamp);
    }).immediate();
  }

  reject(id: number, reason: string | undefined, stamp: ChangeStamp): DecisionResult {
    return this.db.transaction((): DecisionResult => {
      const candidate = this.required(id);
      if (candidate.status !== 'pending') return { kind: 'decided', candidate };
      this.cache
        .get("UPDATE review_candidates SET status = 'rejected', decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'")
        .run(stamp.by, stamp.at, reason ?? null, id);
      return this.decided(id, stamp);
    }).immediate();
  }

  reopen(id: number, at: Date): ReopenResult {
    return this.db.transaction((): ReopenResult => {
      const candidate = this.required(id);
      if (candidate.status !== 'rejected') return { kind: 'unchanged', candidate };
      this.cache.get("UPDATE review_candidates SET status = 'pending', decided_by = NULL, decided_at = NULL, reason = NULL WHERE id = ? AND status = 'rejected'").run(id);
      posts.recardReopened(this.cache, id, at);
      return { kind: 'done', candidate: this.required(id) };
    }).immediate();
  }

  citing(links: readonly string[]): number | undefined {
    const ids = [...entriesCitingArticles((sql) => this.cache.get(sql), links).values()];
    return ids.length > 0 ? Math.min(...ids) : undefined;
  }

  waitingBefore(filter: WaitingBefore): number[] {
    // Instants as ISO text, compared as written; a day given alone is stored as its UTC midnight, no instant the feed said.
    return this.cache
      .get(
        `SELECT id FROM review_candidates WHERE status = 'pending' AND (? IS NULL OR topic = ?) AND ${PROPOSED_BY_SOURCE}
           AND CASE WHEN published_at IS NOT NULL AND json_extract(suggestion, '$.publishedDayOnly') THEN substr(published_at, 1, 10) < ?
                    ELSE coalesce(published_at, created_at) < ? END
         ORDER BY id`,
      )
      .pluck()
      .all(filter.topic ?? null, filter.topic ?? null, filter.sourceId ?? null, filter.sourceId ?? null, filter.beforeDay, filter.before) as number[];
  }

  rejectWaiting(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp): Candidate[] {
    return this.rejectWaitingIf(filter, reason, stamp, () => true) as Candidate[];
  }

  rejectWaitingIf(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp, accepts: (ids: readonly number[]) => boolean): Candidate[] | { changed: number[] } {
    return this.db.transaction((): Candidate[] | { changed: number[] } => {
      const ids = this.waitingBefore(filter);
      // Read and decided in one write: a candidate a feed check records meanwhile is never rejected unseen.
      if (!accepts(ids)) return { changed: ids };
      const reject = this.cache.get("UPDATE review_candidates SET status = 'rejected', decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'");
      // Their cards show the decision as the card passes draw them: flagged in this write, so a
      // stop before they are drawn leaves none waiting for review with live buttons.
      const flagged = new Date(stamp.at);
      for (const id of ids) {
        reject.run(stamp.by, stamp.at, reason ?? null, id);
        posts.redrawCardsAt(this.cache, id, flagged);
      }
      return ids.map((id) => this.required(id));
    }).immediate();
  }

  setChannel(channel: ChannelRef, stamp: ChangeStamp): void {
    posts.setChannel(this.cache, channel, stamp);
  }

  channels(): ReviewChannel[] {
    return posts.channels(this.cache);
  }

  requeueFailedCards(channel: ChannelRef, now: Date): number {
    return posts.requeueFailedCards(this.cache, channel, now);
  }

  uncardedCount(channel: ChannelRef): number {
    return posts.uncardedCount(this.cache, channel);
  }

  failingChannels(): FailingChannel[] {
    return posts.failingChannels(this.cache);
  }

  queueCards(limit: number, now: Date): void {
    posts.queueCards(this.cache, limit, now);
  }

  abandonStale(staleBefore: Date): number {
    return posts.abandonStale(this.cache, staleBefore);
  }

  claim(platforms: readonly PlatformName[], sender: string, now: Date, limit: number): ClaimedPost[] {
    return this.db.transaction(() => posts.claim(this.cache, platforms, sender, now, limit, (id) => this.candidate(id))).immediate();
  }

  inOneWrite<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  handOver(post: Pick<ClaimedPost, 'id' | 'claim'>, now: Date): boolean {
    return posts.handOver(this.cache, post, now);
  }

  posted(id: number, refs: readonly string[], now: Date): void {
    posts.posted(this.cache, id, refs, now);
  }

  failed(id: number, error: string, retryAt: Date | undefined, now: Date, delivered: readonly string[]): void {
    posts.failed(this.cache, id, error, retryAt, now, delivered);
  }

  release(claimed: readonly Pick<ClaimedPost, 'id' | 'claim'>[], retryAt: Date, now: Date): void {
    posts.release(this.cache, claimed, retryAt, now);
  }

  unconfirmedCards(ids: readonly number[]): UnconfirmedCard[] {
    return posts.unconfirmedCards(this.cache, ids);
  }

  redrawnCards(platforms: readonly PlatformName[], limit: number, now: Date): RedrawnCard[] {
    return posts.redrawnCards(this.cache, platforms, limit, now, (id) => this.candidate(id));
  }

  redrawn(postId: number, revision: number, now: Date): void {
    posts.redrawn(this.cache, postId, revision, now);
  }

  redrawLater(postId: number, at: Date, now: Date): void {
    posts.redrawLater(this.cache, postId, at, now);
  }

  cardMessages(candidateId: number): PostedCard[] {
    return posts.cardMessages(this.cache, candidateId);
  }
}
