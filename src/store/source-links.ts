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
//
// The cache holds tens of thousands of reports through a check cycle, so it holds numbers only:
// each report's row id, source, candidate and time in typed arrays, filed by a hash of its
// article key. The key itself is read again from the report's row (feed_items.link) where two
// reports' hashes meet, so reports of different articles never pass for one.
import { articleKey } from '../core/sources/article-key.js';
import { fingerprint32 } from '../core/sources/fingerprint.js';
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

/** A number for an article key, small enough for V8 to hold unboxed (30 bits of its fingerprint). */
const keyHash = (key: string): number => fingerprint32(key) & 0x3fffffff;

const COLUMNS = 'fi.id AS item, fi.link, fi.source_id AS source, c.id AS candidate, c.published_at, c.created_at';
const NONE = -1;
const FIRST_ROOM = 1024;

/** The reports held, one slot each, in the order they were recorded: columns of numbers, not objects. */
class Reports {
  item = new Int32Array(FIRST_ROOM);
  source = new Int32Array(FIRST_ROOM);
  candidate = new Int32Array(FIRST_ROOM);
  /** The candidate's publication, else creation, in ms. */
  time = new Float64Array(FIRST_ROOM);
  /** The next slot filed under the same hash, or NONE. */
  next = new Int32Array(FIRST_ROOM);
  size = 0;

  add(item: number, source: number, candidate: number, time: number): number {
    if (this.size === this.item.length) this.grow(this.size * 2);
    const at = this.size++;
    this.item[at] = item;
    this.source[at] = source;
    this.candidate[at] = candidate;
    this.time[at] = time;
    this.next[at] = NONE;
    return at;
  }

  private grow(room: number): void {
    const wider = <A extends Int32Array | Float64Array>(array: A, make: new (n: number) => A) => {
      const copy = new make(room);
      copy.set(array);
      return copy;
    };
    this.item = wider(this.item, Int32Array);
    this.source = wider(this.source, Int32Array);
    this.candidate = wider(this.candidate, Int32Array);
    this.time = wider(this.time, Float64Array);
    this.next = wider(this.next, Int32Array);
  }
}

export class LinkCache {
  private reports = new Reports();
  /** By hash of the article key, the first slot filed under it. */
  private byHash = new Map<number, number>();
  /** The highest report row read. */
  private lastItem = 0;
  /** Candidates published (or, undated, created) before this are not held; Infinity: none read yet. */
  private from = Infinity;

  /** `hash`: how article keys are filed (a test may make every key collide). */
  constructor(private readonly hash: (key: string) => number = keyHash) {}

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
    const { reports } = this;
    for (const link of links) {
      const key = articleKey(link);
      if (key === undefined) continue;
      // Each source has one report held at an article (hold): the first of another source, in time, is the answer.
      for (let at = this.byHash.get(this.hash(key)) ?? NONE; at !== NONE; at = reports.next[at]!) {
        if (reports.source[at] === sourceId || !(reports.time[at]! >= needed) || !this.sameKey(cache, at, key)) continue;
        found.set(link, reports.candidate[at]!);
        break;
      }
    }
    return found;
  }

  /** Whether the report in slot `at` was read at a link of the article `key`: its row's link, read again. */
  private sameKey(cache: StatementCache, at: number, key: string): boolean {
    const link = cache.get('SELECT link FROM feed_items WHERE id = ?').pluck().get(this.reports.item[at]) as string | null | undefined;
    return typeof link === 'string' && articleKey(link) === key;
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
    this.reports = new Reports();
    this.byHash = new Map();
    for (const row of rows) this.hold(cache, row);
  }

  private readNew(cache: StatementCache): void {
    const rows = cache
      .get(`SELECT ${COLUMNS} FROM feed_items fi JOIN review_candidates c ON c.id = fi.candidate_id WHERE fi.id > ? AND fi.link IS NOT NULL ORDER BY fi.id`)
      .all(this.lastItem) as Row[];
    for (const row of rows) this.hold(cache, row);
    this.lastItem = cache.get('SELECT coalesce(max(id), 0) FROM feed_items').pluck().get() as number;
  }

  /** Files a report, unless its source has one held at the same article already. */
  private hold(cache: StatementCache, row: Row): void {
    const key = articleKey(row.link);
    if (key === undefined) return;
    const hash = this.hash(key);
    const { reports } = this;
    let last = NONE;
    for (let at = this.byHash.get(hash) ?? NONE; at !== NONE; at = reports.next[at]!) {
      if (reports.source[at] === row.source && this.sameKey(cache, at, key)) return;
      last = at;
    }
    const slot = reports.add(row.item, row.source, row.candidate, Date.parse(row.published_at ?? row.created_at));
    if (last === NONE) this.byHash.set(hash, slot);
    else reports.next[last] = slot;
  }

  /** Drops the reports older than `from`, keeping the others in their order. */
  private keepFrom(from: number): void {
    this.from = from;
    const old = this.reports;
    const kept = new Reports();
    const byHash = new Map<number, number>();
    for (const [hash, first] of this.byHash) {
      let last = NONE;
      for (let at = first; at !== NONE; at = old.next[at]!) {
        if (!(old.time[at]! >= from)) continue;
        const slot = kept.add(old.item[at]!, old.source[at]!, old.candidate[at]!, old.time[at]!);
        if (last === NONE) byHash.set(hash, slot);
        else kept.next[last] = slot;
        last = slot;
      }
    }
    this.reports = kept;
    this.byHash = byHash;
  }
}
