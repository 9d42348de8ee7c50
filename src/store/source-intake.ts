// Writing a check's results: the check row, the items seen for the first time with what became
// of each, the candidates they propose, and the source's new state, in short transactions the
// caller runs one by one. Each batch of items reads what is known in its own transaction, so two
// processes (or a re-run after a crash) can never record an item, or propose it, twice; the
// source's state (validators, first check done) changes only in the last, so a check cut short
// leaves the items it did not reach fresh for the next one.
import type { FailureTiming } from '../core/sources/poll-timing.js';
import { RECENT_MS, recordedAgain, type FreshItem, type IntakePlan, type RecordedItem, type RevisedItem, type StoryTarget } from '../core/sources/intake-plan.js';
import type { AnswerRecord, BusyRecord, FailureRecord, IntakeQuery } from '../core/sources/watch-store-port.js';
import { keyBeforeRepeats, keyFingerprint, UnreadItemsChanged, type UnreadItems } from '../core/sources/feed-memo.js';
import { feedName, type RevisedFound, type WatchedSource } from '../core/sources/watched-source.js';
import { SAME_STORY_WINDOW_MS } from '../core/sources/same-story.js';
import type { StoryRef } from '../core/review/candidate.js';
import { JOINED_REPORT_REDRAW_MS } from '../core/review/review-port.js';
import { articleKey } from '../core/sources/article-key.js';
import { feedDayOf } from '../core/sources/feed-day.js';
import { canonicalLink, itemDigest } from '../core/sources/item-key.js';
import { entriesCitingCommonForms } from './citing-entries.js';
import type { View } from '../core/view.js';
import { joinSameStory } from './review-joins.js';
import { queueNotice, redrawCardsAt, redrawPendingAt } from './review-posts.js';
import { toStoryRef, type StoryRow } from './source-rows.js';
import { moveSource } from './source-addresses.js';
import type { StatementCache } from './statement-cache.js';
import { LinkCache } from './source-links.js';
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

/** The keys of `keyed` this source holds already. */
function knownKeys(cache: StatementCache, sourceId: number, keyed: readonly FreshItem[]): Set<string> {
  const keys = JSON.stringify(keyed.map((k) => k.key));
  return new Set(cache.get('SELECT item_key FROM feed_items WHERE source_id = ? AND item_key IN (SELECT value FROM json_each(?))').pluck().all(sourceId, keys) as string[]);
}

/** An item the source holds: what it said when last read, and the pending candidate it proposed. */
interface HeldItem {
  id: number;
  digest: string | null;
  /** The pending candidate it proposed. */
  pendingCandidate: number | null;
  /** The pending candidate it is another report of. */
  pendingStory: number | null;
  /** The live entry approved from its candidate, and its title as last read. */
  citingEntry: number | null;
  shownTitle: string;
  firstSeen: string;
}

/** The items of `keyed` this source holds already, by key. */
function heldItems(cache: StatementCache, sourceId: number, keyed: readonly FreshItem[]): Map<string, HeldItem> {
  const rows = cache
    .get(
      `SELECT fi.item_key AS key, fi.id, fi.digest, CASE WHEN fi.outcome = 'proposed' AND c.status = 'pending' THEN c.id END AS pendingCandidate,
         CASE WHEN fi.outcome = 'same-story' AND c.status = 'pending' THEN c.id END AS pendingStory,
         CASE WHEN c.status = 'approved' AND e.deleted_at IS NULL THEN c.entry_id END AS citingEntry, coalesce(fi.revised_title, fi.title) AS shownTitle, fi.first_seen AS firstSeen
       FROM feed_items fi LEFT JOIN review_candidates c ON c.id = fi.candidate_id LEFT JOIN entries e ON e.id = c.entry_id
       WHERE fi.source_id = ? AND fi.item_key IN (SELECT value FROM json_each(?))`,
    )
    .all(sourceId, JSON.stringify(keyed.map((k) => k.key))) as (HeldItem & { key: string })[];
  return new Map(rows.map(({ key, ...held }) => [key, held]));
}

/** A row of the source that an item under a new key may be, as recordedAgain reads it. */
type RecordedRow = RecordedItem & { id: number; key: string; published: string };

/**
 * The items of `unheld` (keys the source never held) that are items it recorded before under
 * another key, each with that row's id: a feed that changed how it identifies its items serves
 * them again under new guids, at their links (see recordedAgain). The rows are found by the
 * items' publication instants (feed_items_by_published, migration 0032), a few rows each, and
 * only rows whose own key the feed no longer serves can be taken, one item each, in feed order.
 * Items without a link or a date, and an item repeating another of the same answer, are not sought.
 */
function recordedUnderOtherKeys(cache: StatementCache, sourceId: number, servedKeys: () => ReadonlySet<string>, unheld: readonly FreshItem[]): Map<FreshItem, number> {
  const found = new Map<FreshItem, number>();
  const sought = unheld.flatMap((fresh) => {
    const { link, published } = fresh.item;
    return fresh.repeats || link === undefined || !published || Number.isNaN(published.getTime()) ? [] : [{ fresh, link, published: published.toISOString() }];
  });
  if (sought.length === 0) return found;
  const rows = cache
    .get(
      `SELECT id, item_key AS key, published_at AS published, title, link, revised_title AS revisedTitle, revised_link AS revisedLink FROM feed_items
       WHERE source_id = ? AND published_at IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(sourceId, JSON.stringify([...new Set(sought.map((s) => s.published))])) as RecordedRow[];
  if (rows.length === 0) return found;
  const served = servedKeys();
  const byInstant = new Map<string, RecordedRow[]>();
  for (const row of rows) {
    if (served.has(row.key)) continue;
    const at = byInstant.get(row.published);
    if (at) at.push(row);
    else byInstant.set(row.published, [row]);
  }
  const taken = new Set<number>();
  for (const { fresh, link, published } of sought) {
    const recorded = byInstant.get(published);
    // Links are read only where a row was recorded at the instant: seldom, in a steady feed.
    const canonical = recorded && canonicalLink(link);
    if (!canonical) continue;
    const row = recorded.find((held) => !taken.has(held.id) && recordedAgain(fresh.item, canonical, held));
    if (!row) continue;
    taken.add(row.id);
    found.set(fresh, row.id);
  }
  return found;
}

/** What a check being recorded carries from its first step to the next ones. */
interface OpenCheck {
  checkId: number;
  /** The items not known when the check began, in feed order. */
  fresh: FreshItem[];
  /** Items known, with another digest now: the feed revised them (`story`: the pending candidate it is another report of). */
  revised: (RevisedItem & { digest: string; story?: number })[];
  /** Items known from before digests were kept: their digest is written, nothing else. */
  undigested: { key: string; digest: string }[];
  /** Stories published before this are too old for any of them. */
  since: Date;
}

/**
 * The keys of the items left unread (feed-memo.ts), once their rows are found as the reader
 * recorded them: the same key and digest. Throws UnreadItemsChanged otherwise, or when an item
 * read shares a key with one of them (read whole, one would be a repeat of the other): the feed
 * is read whole.
 */
function unreadKeys(cache: StatementCache, sourceId: number, unread: UnreadItems | undefined, keyed: readonly FreshItem[]): Set<string> {
  const keys = new Set<string>();
  if (!unread || unread.rows.length === 0) return keys;
  const rows = cache
    .get('SELECT id, item_key AS key, digest FROM feed_items WHERE source_id = ? AND id IN (SELECT value FROM json_each(?))')
    .all(sourceId, JSON.stringify(Array.from(unread.rows))) as { id: number; key: string; digest: string | null }[];
  if (rows.length !== unread.rows.length) throw new UnreadItemsChanged();
  const expected = new Map<number, number>();
  unread.rows.forEach((id, i) => expected.set(id, unread.fingerprints[i]!));
  for (const { id, key, digest } of rows) {
    if (digest === null || keyFingerprint(key, digest) !== expected.get(id)) throw new UnreadItemsChanged();
    keys.add(key);
  }
  if (keys.size !== rows.length || keyed.some((k) => keys.has(keyBeforeRepeats(k)))) throw new UnreadItemsChanged();
  return keys;
}

/** The check's row, with how many of its items were known already. */
function openCheck(cache: StatementCache, source: WatchedSource, answer: AnswerRecord): OpenCheck {
  const unread = unreadKeys(cache, source.id, answer.unread, answer.keyed);
  const known = heldItems(cache, source.id, answer.keyed);
  const unheld = answer.keyed.filter((k) => !known.has(k.key));
  const { rows } = answer;
  // Items recorded before under another key are seen again: their row takes the new key (so the
  // next check knows it by it) and what the feed says now, silently (a new format is no revision);
  // what became of them stands. A first check has none (after /sources edit url: it is no first check).
  const served = () => new Set([...unread, ...answer.keyed.map((k) => k.key)]);
  const again = source.baselined ? recordedUnderOtherKeys(cache, source.id, served, unheld) : new Map<FreshItem, number>();
  for (const [{ key, item }, id] of again) {
    const digest = itemDigest(item);
    cache.get('UPDATE feed_items SET item_key = ?, digest = ? WHERE id = ?').run(key, digest, id);
    rows?.set(key, { id, digest });
  }
  const fresh = again.size === 0 ? unheld : unheld.filter((k) => !again.has(k));
  const revised: OpenCheck['revised'] = [];
  const undigested: OpenCheck['undigested'] = [];
  for (const { key, item } of answer.keyed) {
    const held = known.get(key);
    if (!held) continue;
    const digest = itemDigest(item);
    // After this check the row holds what the item says now: revised or given its digest, if it was not so.
    rows?.set(key, { id: held.id, digest });
    if (held.digest === null) undigested.push({ key, digest });
    else if (held.digest !== digest) {
      revised.push({
        key,
        item,
        digest,
        ...(held.pendingCandidate === null ? {} : { candidateId: held.pendingCandidate }),
        ...(held.pendingStory === null ? {} : { story: held.pendingStory }),
        ...(held.citingEntry === null ? {} : { cited: { entryId: held.citingEntry, before: held.shownTitle } }),
        firstSeen: new Date(held.firstSeen),
      });
    }
  }
  const dated = fresh.flatMap((k) => (k.item.published && !Number.isNaN(k.item.published.getTime()) ? [k.item.published.getTime()] : []));
  // Items older than a week are never compared (left out as too old), so neither are stories older than that.
  const oldest = answer.at.getTime() - RECENT_MS;
  const since = new Date(Math.max(oldest, dated.reduce((min, time) => Math.min(min, time), answer.at.getTime())) - SAME_STORY_WINDOW_MS);
  // No next check's time until the last step writes it: a row without one is a check cut short
  // (the process killed midway), or one still being recorded.
  const checkId = insertCheck(cache, source.id, {
    at: answer.at,
    trigger: answer.trigger,
    result: answer.feed ? 'ok' : 'not-modified',
    items: answer.keyed.length + unread.size,
    seen: answer.keyed.length + unread.size - fresh.length,
  });
  return { checkId, fresh, revised, undigested, since };
}

/**
 * Writes what the feed now says of the items it revised: their rows, and the pending candidates
 * they proposed drafted again (a card posted already is drawn again by the card poster at once),
 * each joined by the pending candidates whose story it now tells (review-joins.ts).
 */
function recordRevisions(cache: StatementCache, known: KnownStories, source: WatchedSource, answer: AnswerRecord, open: OpenCheck, decide: (query: IntakeQuery) => IntakePlan): void {
  const fillDigest = cache.get('UPDATE feed_items SET digest = ? WHERE source_id = ? AND item_key = ?');
  for (const { key, digest } of open.undigested) fillDigest.run(digest, source.id, key);
  if (open.revised.length === 0) return;
  const plan = decide({ source, fresh: [], revised: open.revised, byKey: new Map(), byLink: new Map(), stories: [], cited: new Map() });
  // The first title and link stay: the check that first read the item lists it so.
  const updateItem = cache.get('UPDATE feed_items SET revised_title = ?, revised_link = ?, digest = ? WHERE source_id = ? AND item_key = ?');
  const redraft = cache.get(
    `UPDATE review_candidates SET title = ?, summary = ?, link = ?, outlet = ?, published_at = coalesce(?, published_at),
       matched = CASE WHEN ? = '[]' THEN matched ELSE ? END, suggestion = ?, revision = revision + 1, revised_at = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const held = new Map(open.revised.map((revised) => [revised.key, revised]));
  const shown: RevisedFound[] = [];
  for (const { key, item, title, candidateId, draft, cited } of plan.revisions) {
    const { digest, story } = held.get(key)!;
    let joins: Pick<RevisedFound, 'joinedBy' | 'joinedInto'> = {};
    updateItem.run(title, item.link ?? null, digest, source.id, key);
    // A report of another candidate changed: its cards are drawn again, the candidate itself unchanged.
    if (story !== undefined) redrawPendingAt(cache, story, answer.at);
    if (candidateId !== undefined && draft) {
      const matched = JSON.stringify(draft.matched);
      if (redraft.run(draft.title, draft.summary, draft.link ?? null, draft.outlet, draft.published?.toISOString() ?? null, matched, matched, JSON.stringify(draft.suggested), answer.at.toISOString(), candidateId).changes > 0) {
        known.stories.revised(candidateId, draft.title, draft.published);
        redrawCardsAt(cache, candidateId, answer.at);
        const joined = joinSameStory(cache, known.stories, candidateId, draft, answer.at, new Date(answer.at.getTime() - UNDATED_STORY_MS));
        // The link cache takes a report's candidate as fixed: with reports moved, it is read afresh when next needed.
        if (joined) {
          known.links = new LinkCache();
          joins = joined.kept === candidateId ? { joinedBy: joined.closed } : { joinedInto: joined.kept };
        }
      }
    }
    shown.push({ title, ...(candidateId === undefined ? {} : { candidateId }), ...joins, ...(cited === undefined ? {} : { entryId: cited.entryId }) });
  }
  cache.get('UPDATE feed_checks SET revisions = ? WHERE id = ?').run(JSON.stringify(shown), open.checkId);
  if (plan.notice) queueNotice(cache, plan.notice, answer.at);
}

/** What the store knows of a batch of fresh items: candidates holding their keys, and stories near them. */
function query(cache: StatementCache, known: KnownStories, source: WatchedSource, answer: AnswerRecord, open: OpenCheck, batch: readonly FreshItem[]): IntakeQuery {
  // Another process may have recorded some of them since the check began.
  const seen = knownKeys(cache, source.id, batch);
  const fresh = batch.filter((k) => !seen.has(k.key));
  const byKey = new Map<string, StoryRef>();
  if (fresh.length === 0) return { source, fresh, revised: [], byKey, byLink: new Map(), stories: [], cited: new Map() };
  // The candidate of the earliest report of each key: a wire item carried by many feeds has a
  // row in each, and reading them all made a cycle's reads grow with the square of the feeds.
  const rows = cache
    .get(
      `SELECT k.value AS key, fi.link AS item_link, c.id, c.title, c.published_at, c.status FROM json_each(?) k
       JOIN feed_items fi ON fi.id = (
         SELECT f.id FROM feed_items f WHERE f.item_key = k.value AND f.source_id <> ? AND f.candidate_id IS NOT NULL ORDER BY f.id LIMIT 1)
       JOIN review_candidates c ON c.id = fi.candidate_id`,
    )
    .all(JSON.stringify(fresh.map((k) => k.key)), source.id) as (StoryRow & { key: string; item_link: string | null })[];
  const freshByKey = new Map(fresh.map((k) => [k.key, k.item]));
  for (const row of rows) if (!byKey.has(row.key) && sameItemElsewhere(row.key, freshByKey.get(row.key), row.item_link)) byKey.set(row.key, toStoryRef(row));
  // The plan asks by canonical link; the cache answers by each item's link, of whichever form.
  const byArticle = known.links.candidates(cache, answer.at, source.id, fresh.flatMap(({ item }) => (item.link ? [item.link] : [])));
  const byLink = new Map([...byArticle].flatMap(([link, candidateId]) => {
    const canonical = canonicalLink(link);
    return canonical === undefined ? [] : [[canonical, candidateId] as const];
  }));
  return {
    source,
    fresh,
    revised: [],
    byKey,
    byLink,
    stories: known.stories.window(cache, answer.at, open.since, new Date(answer.at.getTime() - UNDATED_STORY_MS)),
    cited: proposing(source) ? citedLinks(cache, fresh) : new Map(),
  };
}

/**
 * Whether another feed's item of the same key is this very item. A guid is unique within its
 * feed only (`1`, `12345` in two feeds are two items): held by another feed, it is the same item
 * when the links lead to one article too (articleKey), as a wire's copy carried by many feeds
 * does, whatever host form or AMP copy a feed links to; link and title keys are the same item by
 * construction.
 */
function sameItemElsewhere(key: string, item: FreshItem['item'] | undefined, otherLink: string | null): boolean {
  if (!key.startsWith('guid:')) return true;
  const mine = item?.link === undefined ? undefined : articleKey(item.link);
  const theirs = otherLink === null ? undefined : articleKey(otherLink);
  return mine === theirs;
}

/** Whether the check may propose items: a first check without backfill only records them. */
const proposing = (source: WatchedSource) => source.baselined || source.backfill;

/** The live entries (the oldest of each) citing a fresh item's article already, under a common form of its link (entriesCitingCommonForms). */
function citedLinks(cache: StatementCache, fresh: readonly FreshItem[]): Map<string, number> {
  return entriesCitingCommonForms((sql) => cache.get(sql), fresh.flatMap(({ item }) => (item.link ? [item.link] : [])));
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

/** The candidates held in memory between checks: by their title and publication, and by their reports' links. */
export interface KnownStories {
  stories: StoryCache;
  links: LinkCache;
}

/** Decides about a batch of the check's fresh items and writes what became of each. */
function recordBatch(cache: StatementCache, known: KnownStories, source: WatchedSource, answer: AnswerRecord, open: OpenCheck, batch: readonly FreshItem[], decide: (query: IntakeQuery) => IntakePlan): void {
  const plan = decide(query(cache, known, source, answer, open, batch));
  const candidateIds = insertDrafts(cache, plan, answer.at);
  const target = (joins: StoryTarget) => ('draft' in joins ? candidateIds[joins.draft]! : joins.candidateId);
  // The feed's own name: an outlet an admin names is read over it (review-store), and taking that away cites this again.
  const outlet = answer.feed?.title?.trim() || feedName(source);
  const insertItem = cache.get(
    `INSERT INTO feed_items (source_id, item_key, check_id, title, link, outlet, cited_outlet, published_at, published_day_only, published_day, first_seen, outcome, detail, candidate_id, digest)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, item_key) DO NOTHING`,
  );
  const firstSeen = answer.at.toISOString();
  // Candidates proposed before this batch that a report joins: their posted cards list it a while later.
  const joined = new Set<number>();
  for (const { key, item, title, outlet: citedOutlet, plan: itemPlan } of plan.items) {
    const candidate = itemPlan.outcome === 'proposed' ? candidateIds[itemPlan.draft]! : itemPlan.outcome === 'same-story' ? target(itemPlan.joins) : null;
    const published = item.published && !Number.isNaN(item.published.getTime()) ? item.published.toISOString() : null;
    const dayOnly = published !== null && item.publishedDayOnly ? 1 : 0;
    const digest = itemDigest(item);
    const { changes, lastInsertRowid } = insertItem.run(
      source.id, key, open.checkId, title, item.link ?? null, outlet, citedOutlet ?? null, published, dayOnly, feedDayOf(item) ?? null, firstSeen, itemPlan.outcome, itemPlan.detail, candidate, digest,
    );
    if (changes > 0) answer.rows?.set(key, { id: Number(lastInsertRowid), digest });
    if (changes > 0 && itemPlan.outcome === 'same-story' && !('draft' in itemPlan.joins)) joined.add(itemPlan.joins.candidateId);
  }
  const redrawAt = new Date(answer.at.getTime() + JOINED_REPORT_REDRAW_MS);
  // A decided candidate's cards are drawn again too: they name the reports its entry does not cite yet.
  for (const candidateId of joined) if (!redrawPendingAt(cache, candidateId, redrawAt)) redrawCardsAt(cache, candidateId, redrawAt);
}

/** The source once the check is recorded: its validators, its state and when it is due again. */
function closeCheck(cache: StatementCache, source: WatchedSource, answer: AnswerRecord, open: OpenCheck): void {
  // A 304 keeps the validators it does not repeat; a full answer replaces them. An answer of the
  // address the source had before an edit moved it keeps none: they would be sent to the new one.
  const validators = answer.url !== source.url ? {} : answer.feed ? answer.state : { ...source.validators, ...answer.state };
  // Where the feed moved for good, it is read from now on: its validators came from there.
  if (answer.movedTo && answer.url === source.url) moveSource(cache, source, answer.movedTo, answer.at, open.checkId);
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
      open.fresh.length > 0 ? 1 : 0,
      answer.at.toISOString(),
      answer.nextCheckAt.toISOString(),
      answer.at.toISOString(),
      source.id,
    );
  cache.get('UPDATE feed_checks SET next_check_at = ? WHERE id = ?').run(answer.nextCheckAt.toISOString(), open.checkId);
  prune(cache, source.id);
}

/** Runs `work` in a transaction on the source as it is then. */
export type InSourceTransaction = <T>(work: (source: WatchedSource) => T) => T;

/**
 * A successful answer, written in steps of one transaction each (see SourceStore.answerSteps):
 * the first writes the check's row and its first `batch` fresh items, each next one the next
 * items, and the last the source's new state too (a check with `batch` fresh items or fewer is
 * one transaction). Returns the check's id.
 */
export function* answerSteps(
  cache: StatementCache,
  known: KnownStories,
  inTransaction: InSourceTransaction,
  answer: AnswerRecord,
  batch: number,
  decide: (query: IntakeQuery) => IntakePlan,
): Generator<void, number> {
  let open: OpenCheck | undefined;
  for (let from = 0; ; from += batch) {
    const done = inTransaction((source) => {
      if (!open) {
        open = openCheck(cache, source, answer);
        recordRevisions(cache, known, source, answer, open, decide);
      }
      const items = open.fresh.slice(from, from + batch);
      if (items.length > 0) recordBatch(cache, known, source, answer, open, items, decide);
      const last = from + batch >= open.fresh.length;
      if (last) closeCheck(cache, source, answer, open);
      return last;
    });
    if (done) return open!.checkId;
    yield;
  }
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

/** A check Sitrep was too busy to read the feed of: its row, and when the source is due again; nothing counted against it. */
export function recordBusy(cache: StatementCache, source: WatchedSource, record: BusyRecord, nextCheckAt: (source: WatchedSource) => Date): number {
  const next = nextCheckAt(source);
  const checkId = insertCheck(cache, source.id, { at: record.at, trigger: record.trigger, result: 'failed', error: record.error, next });
  cache.get('UPDATE feed_sources SET last_checked_at = ?, next_check_at = ?, updated_at = ? WHERE id = ?').run(record.at.toISOString(), next.toISOString(), record.at.toISOString(), source.id);
  prune(cache, source.id);
  return checkId;
}
