// Bulk upkeep of the full-text index, for loads that pause its triggers (imports, the benchmark
// store): index a range of entries in one statement, then rewrite the index as one b-tree.
import type { Db } from './connection.js';

/** Indexes the live entries with ids in [fromId, toId], as the paused triggers would have. */
export function indexEntriesForSearch(db: Db, fromId: number, toId: number): void {
  db.prepare(
    `INSERT INTO entry_search (rowid, title, summary, places, actors)
     SELECT entry_id, title, summary, places, actors FROM entry_search_document WHERE entry_id BETWEEN ? AND ?`,
  ).run(fromId, toId);
}

/**
 * Merges the index's b-trees into one. A bulk load leaves a dozen large ones, and every search
 * that looks entries up by id (the page's snippets, ~10 a page) seeks in each: 0.9 ms a page at
 * a million entries, 0.1 ms once merged. Costs time in proportion to the whole index (0.3 s at
 * 100,000 entries), so it is for loads that are large against what is stored; later single
 * writes add small b-trees that FTS5 merges on its own.
 */
export function compactSearchIndex(db: Db): void {
  db.prepare("INSERT INTO entry_search (entry_search) VALUES ('optimize')").run();
}
