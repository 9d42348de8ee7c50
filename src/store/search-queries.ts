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

export function searchEntries(cache: StatementCache, text: string, limit: number, offset: number): Page<SearchHit> {
  const query = toFtsQuery(text);
  if (!query) return { items: [], total: 0, totalIsLowerBound: false };
  // Rank every match, but build snippets (which re-tokenize the text) for the page only.
  const rows = cache
    .get(
      `WITH hits AS MATERIALIZED (
         SELECT entry_search.rowid AS id, entry_search.rank AS rank, e.day_from AS day
         FROM entry_search JOIN entries e ON e.id = entry_search.rowid
         WHERE entry_search MATCH @query AND e.deleted_at IS NULL
         ORDER BY entry_search.rank, e.day_from DESC, e.id DESC LIMIT @limit OFFSET @offset)
       SELECT ${ENTRY_ROW_COLUMNS}, snippet(entry_search, -1, @start, @end, '…', 24) AS snippet
       FROM hits CROSS JOIN entry_search ON entry_search.rowid = hits.id CROSS JOIN entries e ON e.id = hits.id
       WHERE entry_search MATCH @query
       ORDER BY hits.rank, hits.day DESC, hits.id DESC`,
    )
    .all({ query, limit, offset, start: HIGHLIGHT_START, end: HIGHLIGHT_END }) as (EntryRow & { snippet: string })[];
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
