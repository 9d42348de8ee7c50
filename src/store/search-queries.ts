// Full-text search over the FTS5 index, and the value lists autocomplete draws from.
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../core/domain.js';
import type { Page, SuggestionKind } from '../core/ports.js';
import { rankByMatch } from '../core/ranking.js';
import { cutBackStems, parseSearchTerms, SEARCH_RANK_BAND, significantTerms, type SearchTerm } from '../core/search-terms.js';
import { findActors } from './actor-queries.js';
import { COUNT_CAP } from './entry-queries.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, type EntryRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';

/** One word as FTS5 query syntax: a prefix also stands for the stems it may have been cut to. */
function ftsTerm(term: SearchTerm): string {
  if (!term.prefix) return `"${term.word}"`;
  const stems = cutBackStems(term.word);
  return stems.length === 0 ? `"${term.word}"*` : `("${term.word}"* OR ${stems.map((s) => `"${s}"`).join(' OR ')})`;
}

/**
 * Turns what a person typed into an FTS5 query: every word but the stopwords must appear; a
 * word typed with a trailing `*` is a prefix. Words are quoted so FTS5 operators and
 * punctuation in user text are inert.
 */
export function toFtsQuery(text: string): string | undefined {
  const terms = significantTerms(parseSearchTerms(text));
  if (terms.length === 0) return undefined;
  return terms.map(ftsTerm).join(' ');
}

/**
 * One band of matches (see SEARCH_RANK_BAND) in page order: rank, then newest added. FTS5 walks
 * the matches newest-added first and ranks only the band's rows. The index holds live entries
 * only (its triggers drop removed ones), so no join to entries is needed.
 */
function rankedBand(cache: StatementCache, query: string, band: number): [id: number, rank: number][] {
  const rows = cache
    .get('SELECT rowid, rank FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
    .raw()
    .all(query, SEARCH_RANK_BAND, band * SEARCH_RANK_BAND) as [number, number][];
  return rows.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
}

/**
 * The ids of one page (the bands it spans, ranked, cut to the page), and the number of matches
 * when the first band already holds them all.
 */
function rankedPage(cache: StatementCache, query: string, limit: number, offset: number): { ids: number[]; allMatches?: number } {
  const first = Math.floor(offset / SEARCH_RANK_BAND);
  const last = Math.floor((offset + limit - 1) / SEARCH_RANK_BAND);
  const rows: [number, number][] = [];
  for (let band = first; band <= last; band++) rows.push(...rankedBand(cache, query, band));
  const skip = offset - first * SEARCH_RANK_BAND;
  const ids = rows.slice(skip, skip + limit).map(([id]) => id);
  return first === 0 && rows.length < SEARCH_RANK_BAND ? { ids, allMatches: rows.length } : { ids };
}

export function searchEntries(cache: StatementCache, text: string, limit: number, offset: number): Page<SearchHit> {
  const query = toFtsQuery(text);
  if (!query) return { items: [], total: 0, totalIsLowerBound: false };
  const { ids, allMatches } = limit > 0 ? rankedPage(cache, query, limit, offset) : { ids: [], allMatches: undefined };
  // Snippets re-tokenize the text: build them for the page only.
  const rows = cache
    .get(
      `SELECT ${ENTRY_ROW_COLUMNS}, snippet(entry_search, -1, @start, @end, '…', 24) AS snippet
       FROM json_each(@ids) page CROSS JOIN entry_search ON entry_search.rowid = page.value CROSS JOIN entries e ON e.id = page.value
       WHERE entry_search MATCH @query ORDER BY page.key`,
    )
    .all({ ids: JSON.stringify(ids), query, start: HIGHLIGHT_START, end: HIGHLIGHT_END }) as (EntryRow & { snippet: string })[];
  const counted =
    allMatches ??
    (cache.get('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? LIMIT ?)').pluck().get(query, COUNT_CAP + 1) as number);
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

/** How many links each place has: a full pass over entry_places (~140 ms at a million entries). */
export function placeUsage(cache: StatementCache): Map<number, number> {
  const rows = cache.get('SELECT place_id, count(*) FROM entry_places INDEXED BY entry_places_by_place GROUP BY place_id').raw().all() as [number, number][];
  return new Map(rows);
}

/**
 * Suggestions for an autocomplete option. `usage` orders places: the ones people use most come
 * first among equally good matches (places it does not know yet come last).
 */
export function suggest(cache: StatementCache, kind: SuggestionKind, prefix: string, limit: number, usage: () => Map<number, number>): string[] {
  switch (kind) {
    case 'actor':
      return [...new Set(findActors(cache, prefix, limit).map((a) => a.name))];
    case 'topic':
      return rankByMatch(listTopics(cache), prefix, (t) => [t]).slice(0, limit);
    case 'place': {
      const counts = usage();
      const places = (cache.get('SELECT id, name FROM places ORDER BY name').raw().all() as [number, string][])
        .map(([id, name]) => ({ name, uses: counts.get(id) ?? 0 }))
        .sort((a, b) => b.uses - a.uses);
      return rankByMatch(places, prefix, (p) => [p.name]).slice(0, limit).map((p) => p.name);
    }
  }
}
