// The candidates a check's fresh items may share an article with, by the article key of each of
// their reports' links in other feeds, held in memory between checks. An item keyed by its guid is
// found by item_key only when another feed gave the same guid; the same article under another
// guid, or at another link of it (an AMP copy, a mobile host, tracking parameters), is found
// here. Within one feed, items of different guids at one link stay apart: some feeds link every
// item to the same page. Inside each check's transaction the reports
// added since (by this process or any other) are read by id, as StoryCache reads candidates:
// report rows are never deleted, and their candidate changes only when candidates are joined
// (review-joins.ts), after which the intake reads the cache anew. A report is found at the
// link it was first read with: a feed's revision of it keeps that one (feed_items.link).
import { articleKey } from '../core/sources/article-key.js';
import type { StatementCache } from './statement-cache.js';
import { DROP_EVERY_MS, horizon } from './story-cache.js';


interface Row {
  item: number;
  link: string;
  source: number;
  candidate: number;
  published_at: string | null;
  created_at: string;
}

interface HeldLink {
  sourceId: number;
  candidateId: number;
  /** The candidate's publication, else creation, in ms. */
  time: number;
}

const COLUMNS = 'fi.id AS item, fi.link, fi.source_id AS source, c.id AS candidate, c.published_at, c.created_at';

export class LinkCache {
  /** By article key, the first report of each source there (reports in the order they were recorded). */
  private byLink = new Map<string, HeldLink[]>();
  /** The highest report row read. */
  private lastItem = 0;
  /** Candidates published (or, undated, created) before this are not held; Infinity: none read yet. */
  private from = Infinity;

  /**
   * The candidates with a report of another source than `sourceId` at a link of the article each
   * of these links leads to (the earliest report's), by link, as of the caller's transaction, for
   * a check at `at`.
   */
  candidates(cache: StatementCache, at: Date, sourceId: number, links: Iterable<string>): Map<string, number> {
    const needed = horizon(at);
    if (needed < this.from) this.reload(cache, needed);
    else this.readNew(cache);
    if (needed - this.from > DROP_EVERY_MS) this.keepFrom(needed);
    const found = new Map<string, number>();
    for (const link of links) {
      const key = articleKey(link);
      const held = key === undefined ? undefined : this.byLink.get(key)?.find((report) => report.sourceId !== sourceId && report.time >= needed);
      if (held) found.set(link, held.candidateId);
    }
    return found;
  }

  private reload(cache: StatementCache, from: number): void {
    const iso = new Date(from).toISOString();
    const rows = cache
      .get(
        `SELECT ${COLUMNS} FROM review_candidates c JOIN feed_items fi ON fi.candidate_id = c.id
         WHERE (c.published_at >= ? OR (c.published_at IS NULL AND c.created_at >= ?)) AND fi.link IS NOT NULL ORDER BY fi.id`,
      )
      .all(iso, iso) as Row[];
    this.lastItem = cache.get('SELECT coalesce(max(id), 0) FROM feed_items').pluck().get() as number;
    this.from = from;
    this.byLink = new Map();
    for (const row of rows) this.hold(row);
  }

  private readNew(cache: StatementCache): void {
    const rows = cache
      .get(`SELECT ${COLUMNS} FROM feed_items fi JOIN review_candidates c ON c.id = fi.candidate_id WHERE fi.id > ? AND fi.link IS NOT NULL ORDER BY fi.id`)
      .all(this.lastItem) as Row[];
    for (const row of rows) this.hold(row);
    this.lastItem = cache.get('SELECT coalesce(max(id), 0) FROM feed_items').pluck().get() as number;
  }

  private hold(row: Row): void {
    const link = articleKey(row.link);
    if (link === undefined) return;
    const held = this.byLink.get(link) ?? [];
    if (held.some((report) => report.sourceId === row.source)) return;
    held.push({ sourceId: row.source, candidateId: row.candidate, time: Date.parse(row.published_at ?? row.created_at) });
    this.byLink.set(link, held);
  }

  private keepFrom(from: number): void {
    this.from = from;
    for (const [link, held] of this.byLink) {
      const kept = held.filter((report) => report.time >= from);
      if (kept.length === 0) this.byLink.delete(link);
      else this.byLink.set(link, kept);
    }
  }
}
