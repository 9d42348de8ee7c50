// Full-text search over the FTS5 index, and the value lists autocomplete draws from.
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../core/domain.js';
import type { Page, SuggestionKind } from '../core/ports.js';
import { rankByMatch } from '../core/ranking.js';
import { foldKey } from '../core/text.js';
import { findActors } from './actor-queries.js';
import { COUNT_CAP } from './entry-queries.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, type EntryRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';

/**
 * Turns what a person typed into an FTS5 query: every word must appear, the last may be a
 * prefix. Words are quoted so FTS5 operators and punctuation in user text are inert.
 */
export function toFtsQuery(text: string): string | undefined {
  const words = foldKey(text).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Extra matches fetched past the page, so that rank ties at its end are usually complete. */
const RANK_MARGIN = 50;

/**
 * The page of live matches in order (rank, then newest day, then id), ranking inside FTS5
 * only. Joining every match to entries for its day costs more than ranking it, so FTS5 sorts
 * by rank alone and only the prefix that can hold the page — the best `offset + limit` live
 * matches plus every match tied with the last of them — is joined and put in full order.
 */
function rankedPage(cache: StatementCache, query: string, limit: number, offset: number): number[] {
  const want = offset + limit;
  const byRank = cache.get('SELECT rowid, rank FROM entry_search WHERE entry_search MATCH ? ORDER BY rank LIMIT ?').raw();
  const live = cache.get(
    `SELECT j.key, e.id, e.day_from FROM json_each(?) j CROSS JOIN entries e ON e.id = j.value WHERE e.deleted_at IS NULL ORDER BY j.key`,
  ).raw();
  for (let fetch = want + RANK_MARGIN; ; fetch *= 4) {
    const ranked = byRank.all(query, fetch) as [number, number][];
    const exhausted = ranked.length < fetch;
    const rows = (live.all(JSON.stringify(ranked.map(([id]) => id))) as [number, number, string][]).map(([i, id, day]) => ({
      id,
      day,
      rank: ranked[i]![1],
    }));
    const cut = rows.length >= want ? rows[want - 1]!.rank : undefined;
    // Unless every match was fetched, the prefix must run past the cut's ties.
    if (!exhausted && (cut === undefined || ranked[ranked.length - 1]![1] <= cut)) continue;
    return rows
      .filter((r) => cut === undefined || r.rank <= cut)
      .sort((a, b) => a.rank - b.rank || (a.day < b.day ? 1 : a.day > b.day ? -1 : 0) || b.id - a.id)
      .slice(offset, want)
      .map((r) => r.id);
  }
}

export function searchEntries(cache: StatementCache, text: string, limit: number, offset: number): Page<SearchHit> {
  const query = toFtsQuery(text);
  if (!query) return { items: [], total: 0, totalIsLowerBound: false };
  const ids = limit > 0 ? rankedPage(cache, query, limit, offset) : [];
  // Snippets re-tokenize the text: build them for the page only.
  const rows = cache
    .get(
      `SELECT ${ENTRY_ROW_COLUMNS}, snippet(entry_search, -1, @start, @end, '…', 24) AS snippet
       FROM json_each(@ids) page CROSS JOIN entry_search ON entry_search.rowid = page.value CROSS JOIN entries e ON e.id = page.value
       WHERE entry_search MATCH @query ORDER BY page.key`,
    )
    .all({ ids: JSON.stringify(ids), query, start: HIGHLIGHT_START, end: HIGHLIGHT_END }) as (EntryRow & { snippet: string })[];
  const counted = cache
    .get('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? LIMIT ?)')
    .pluck()
    .get(query, COUNT_CAP + 1) as number;
  const entries = hydrateEntries(cache, rows);
  return {
    items: entries.map((entry, i) => ({ entry, snippet: rows[i]!.snippet })),
    total: Math.min(counted, COUNT_CAP),
    totalIsLowerBound: counted > COUNT_CAP,
  };
}

export function listTopics(cache: StatementCache): string[] {
  return cache.get('SELECT slug FROM topics ORDER BY slug').pluck().all() as string[];
}

export function suggest(cache: StatementCache, kind: SuggestionKind, prefix: string, limit: number): string[] {
  switch (kind) {
    case 'actor':
      return [...new Set(findActors(cache, prefix, limit).map((a) => a.name))];
    case 'topic':
      return rankByMatch(listTopics(cache), prefix, (t) => [t]).slice(0, limit);
    case 'place': {
      // Places people use most come first among equally good matches.
      const places = cache
        .get(
          `SELECT p.name FROM places p LEFT JOIN entry_places ep ON ep.place_id = p.id
           GROUP BY p.id ORDER BY count(ep.entry_id) DESC, p.name`,
        )
        .pluck()
        .all() as string[];
      return rankByMatch(places, prefix, (p) => [p]).slice(0, limit);
    }
  }
}
