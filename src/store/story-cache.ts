// The candidates a check's fresh items may be other reports of, held in memory between checks
// with their titles folded once. Inside each check's transaction the candidates added since
// (by this process or any other) are read by id, so a check sees what reading the window from
// the table would give: candidates are never deleted, and the fields compared (title,
// publication, creation) change only when a feed revises the item that proposed one, which the
// process recording the revision tells its cache (another process sharing the store compares
// with the first title until it reloads). A candidate closed by joining another's story (see
// review-joins.ts) is no story of its own any more: it is left out, or dropped when it is closed.
import type { StoryRef } from '../core/review/candidate.js';
import { JOINED_BY, JOINED_REASON_GLOB } from '../core/review/joined-candidate.js';
import { RECENT_MS } from '../core/sources/intake-plan.js';
import { foldStory, SAME_STORY_WINDOW_MS, type FoldedStory } from '../core/sources/same-story.js';
import { StoryIndex, type StoryLookup } from '../core/sources/story-index.js';
import type { StoryRow } from './source-rows.js';
import type { StatementCache } from './statement-cache.js';

/** The oldest story (or report link) a check at `at` may compare with: a week back for items, 48 hours before that. */
export const horizon = (at: Date) => at.getTime() - RECENT_MS - SAME_STORY_WINDOW_MS;
/** What is past the horizon is dropped once it has moved this far (not at every check). */
export const DROP_EVERY_MS = 3600_000;

/**
 * A candidate as the cache holds it: numbers only. Its title is held folded by the index, and read
 * again only when the feed revises its item (revised).
 */
interface HeldStory {
  candidateId: number;
  /** Publication, else creation, in ms: what the horizon and the window are compared with. */
  time: number;
  /** Whether `time` is the publication. */
  dated: boolean;
}

/** What a check learns of a story it reports: the candidate. */
export type FoundStory = Pick<StoryRef, 'candidateId'>;

type Row = Pick<StoryRow, 'id' | 'title' | 'published_at'> & { created_at: string; joined: number };

const COLUMNS = `id, title, published_at, created_at,
  status = 'rejected' AND decided_by IS '${JOINED_BY}' AND coalesce(reason, '') GLOB '${JOINED_REASON_GLOB}' AS joined`;

/** The candidate of `row` as held, and its title folded. */
function held(row: Row): { story: HeldStory; folded: FoldedStory } {
  const published = row.published_at === null ? undefined : new Date(row.published_at);
  const story = { candidateId: row.id, time: published?.getTime() ?? Date.parse(row.created_at), dated: published !== undefined };
  return { story, folded: foldStory({ title: row.title, published }) };
}

/** Candidates published at or after `since`, or undated and created at or after `undatedSince`. */
const within = (since: Date, undatedSince: Date) => (story: HeldStory) => story.time >= (story.dated ? since : undatedSince).getTime();

export class StoryCache {
  private index = new StoryIndex<HeldStory>();
  /** The candidates held, in the order the index holds them. */
  private stories: HeldStory[] = [];
  /** The highest candidate id read. */
  private lastId = 0;
  /** Candidates published (or, undated, created) before this are not held; Infinity: none read yet. */
  private from = Infinity;

  /**
   * The candidates published at or after `since`, or undated and created at or after
   * `undatedSince`, as of the caller's transaction, for a check at `at`.
   */
  window(cache: StatementCache, at: Date, since: Date, undatedSince: Date): StoryLookup<FoundStory> {
    this.readFrom(cache, at, Math.min(since.getTime(), undatedSince.getTime()));
    const inWindow = within(since, undatedSince);
    return { find: (item) => this.index.find(item, inWindow) };
  }

  /**
   * Every candidate but `candidateId` in the window (as `window` has it) that `story` is another
   * report of, in the order they were proposed.
   */
  alike(cache: StatementCache, at: Date, since: Date, undatedSince: Date, story: FoldedStory, candidateId: number): FoundStory[] {
    this.readFrom(cache, at, Math.min(since.getTime(), undatedSince.getTime()));
    const inWindow = within(since, undatedSince);
    return this.index.findAll(story, (held) => held.candidateId !== candidateId && inWindow(held));
  }

  /** Holds every candidate from `from` on (and from the horizon of a check at `at` in any case). */
  private readFrom(cache: StatementCache, at: Date, from: number): void {
    const needed = Math.min(from, horizon(at));
    if (needed < this.from) this.reload(cache, needed);
    else this.readNew(cache);
    if (horizon(at) - this.from > DROP_EVERY_MS) this.keepFrom(horizon(at));
  }

  /** Every candidate from `from` on, read afresh (first use, or a clock set back). */
  private reload(cache: StatementCache, from: number): void {
    const iso = new Date(from).toISOString();
    const rows = cache.get(`SELECT ${COLUMNS} FROM review_candidates WHERE published_at >= ? OR (published_at IS NULL AND created_at >= ?) ORDER BY id`).all(iso, iso) as Row[];
    this.lastId = cache.get('SELECT coalesce(max(id), 0) FROM review_candidates').pluck().get() as number;
    this.from = from;
    this.index = new StoryIndex();
    this.stories = [];
    for (const row of rows) if (row.joined === 0) this.add(row);
  }

  private readNew(cache: StatementCache): void {
    const rows = cache.get(`SELECT ${COLUMNS} FROM review_candidates WHERE id > ? ORDER BY id`).all(this.lastId) as Row[];
    for (const row of rows) {
      this.lastId = row.id;
      if (row.joined === 0) this.add(row);
    }
  }

  private add(row: Row): void {
    const { story, folded } = held(row);
    this.stories.push(story);
    this.index.add(story, folded);
  }

  /** A held candidate drafted again from its revised item: compared by what it says now (its publication kept if it gives none). */
  revised(candidateId: number, title: string, published: Date | undefined): void {
    const at = this.stories.findIndex((story) => story.candidateId === candidateId);
    if (at < 0) return;
    const was = this.stories[at]!;
    const now = published ?? (was.dated ? new Date(was.time) : undefined);
    const story: HeldStory = { candidateId, time: now?.getTime() ?? was.time, dated: now !== undefined };
    this.stories[at] = story;
    this.index = this.index.revised((held) => held === was, story, foldStory({ title, published: now }));
  }

  /** A held candidate closed by joining another's story: no item is compared with it any more. */
  joined(candidateId: number): void {
    if (this.stories.some((story) => story.candidateId === candidateId)) this.keep((story) => story.candidateId !== candidateId);
  }

  private keepFrom(from: number): void {
    this.from = from;
    this.keep((story) => story.time >= from);
  }

  private keep(keep: (story: HeldStory) => boolean): void {
    this.stories = this.stories.filter(keep);
    this.index = this.index.kept(keep);
  }
}
