// Full-text search over the FTS5 index, and the value lists autocomplete draws from.
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../core/domain.js';
import type { Page, SuggestionKind } from '../core/ports.js';
import { rankByMatch } from '../core/ranking.js';
import { unfoldExcerpt } from '../core/text.js';
import { COMMON_WORD_ENTRIES, cutBackStems, parseSearchTerms, SEARCH_RANK_BAND, searchForms, significantTerms, type SearchTerm } from '../core/search-terms.js';
import { findActors } from './actor-queries.js';
import { COUNT_CAP } from './entry-queries.js';
import { ENTRY_ROW_COLUMNS, hydrateEntries, type EntryRow } from './entry-rows.js';
import type { StatementCache } from './statement-cache.js';

/**
 * One word as FTS5 query syntax, in each of its spellings (Arabic alef forms, an initialism with
 * and without dots): a prefix also stands for the stems it may have been cut to.
 */
function ftsTerm(term: SearchTerm): string {
  const forms = searchForms(term).flatMap((form) =>
    term.prefix ? [`"${form}"*`, ...cutBackStems(form).map((s) => `"${s}"`)] : [`"${form}"`],
  );
  return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
}

/**
 * Joins word expressions into one query. FTS5 reads `"a" "b"` as both words, but not a
 * bracketed group next to another word (`("us" OR "u s") "envoy"` is a syntax error), which is
 * what a word with several forms becomes: AND says the same for every word, and parses.
 */
export function allOf(words: readonly string[]): string {
  return words.join(' AND ');
}

/**
 * Turns what a person typed into FTS5 query expressions, one per word (a prefix and its cut-back
 * stems are one); joined by allOf they make the query. Every word but the stopwords must
 * appear; a word typed with a trailing `*` is a prefix. Words are quoted so FTS5 operators and
 * punctuation in user text are inert.
 */
export function ftsWords(text: string): string[] {
  return significantTerms(parseSearchTerms(text)).map(ftsTerm);
}

/*
 * FTS5_ROWID_BOUND: FTS5 uses a bound on rowid only when the value is an SQL integer, and
 * better-sqlite3 binds every JavaScript number as a real; given `rowid < ?` with a number, FTS5
 * silently walks all the matches (0.6 ms for a word in 1% of a million entries, however narrow
 * the range) instead of seeking. Each rowid bound below is therefore cast to an integer.
 */

/** The query's words in FTS5 syntax, and those of them that weigh in the ranking. */
interface SearchQuery {
  match: string;
  weighed: string;
}

/** How many live entries match an FTS5 expression (one word or a whole query), counted up to `cap`. */
export function countMatchesUpTo(cache: StatementCache, match: string, cap: number): number {
  return cache.get('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? LIMIT ?)').pluck().get(match, cap) as number;
}

export interface SearchOptions {
  /** COMMON_WORD_ENTRIES, unless a test lowers it to see the rule on a small store. */
  commonWordEntries?: number;
  /** Counts a word's entries up to a cap; the dossier remembers the answers for a while. */
  countWord?: (word: string, cap: number) => number;
}

/**
 * How far words are counted to tell which of several common words is the least common. A word
 * past this is in a tenth of a million-entry store: any other word typed is likelier to be rarer.
 */
const LEAST_COMMON_COUNT_CAP = 100_000;

/**
 * The words that weigh (COMMON_WORD_ENTRIES): the rarer ones when any was typed, otherwise the
 * least common of the common ones (the first typed of those counted alike).
 */
function weighedWords(words: string[], common: number, countWord: (word: string, cap: number) => number): string[] {
  if (words.length < 2) return words;
  const rare = words.filter((word) => countWord(word, common + 1) <= common);
  if (rare.length > 0) return rare;
  const counts = words.map((word) => countWord(word, LEAST_COMMON_COUNT_CAP));
  return [words[counts.indexOf(Math.min(...counts))]!];
}

/**
 * One band of matches (see SEARCH_RANK_BAND) in page order: rank, then newest added. FTS5 walks
 * the matches newest-added first and ranks only the band's rows. The index holds live entries
 * only (its triggers drop removed ones), so no join to entries is needed.
 */
function rankedBand(cache: StatementCache, query: SearchQuery, band: number): [id: number, rank: number][] {
  let rows: [number, number][];
  if (query.weighed === query.match) {
    rows = cache
      .get('SELECT rowid, rank FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
      .raw()
      .all(query.match, SEARCH_RANK_BAND, band * SEARCH_RANK_BAND) as [number, number][];
  } else {
    // The band by every word, then bm25 over the weighed words for the band's rows only: the
    // `+` keeps FTS5 from running the query once per id; the range bounds what it walks
    // (FTS5_ROWID_BOUND explains the casts).
    const ids = cache
      .get('SELECT rowid FROM entry_search WHERE entry_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(query.match, SEARCH_RANK_BAND, band * SEARCH_RANK_BAND) as number[];
    if (ids.length === 0) return [];
    rows = cache
      .get(
        `SELECT rowid, rank FROM entry_search WHERE entry_search MATCH @weighed AND rowid BETWEEN CAST(@low AS INTEGER) AND CAST(@high AS INTEGER)
           AND +rowid IN (SELECT value FROM json_each(@ids))`,
      )
      .raw()
      .all({ weighed: query.weighed, low: ids.at(-1), high: ids[0], ids: JSON.stringify(ids) }) as [number, number][];
  }
  return rows.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
}

/**
 * What the first band tells about the number of matches: all of them when it is not full;
 * otherwise its size, and the oldest id in it, below which the count goes on.
 */
type FirstBand = { all: number } | { full: number; oldestId: number };

/** The ids of one page (the bands it spans, ranked, cut to the page), and what band 0 tells. */
function rankedPage(cache: StatementCache, query: SearchQuery, limit: number, offset: number): { ids: number[]; firstBand?: FirstBand } {
  const first = Math.floor(offset / SEARCH_RANK_BAND);
  const last = Math.floor((offset + limit - 1) / SEARCH_RANK_BAND);
  const rows: [number, number][] = [];
  let firstBand: FirstBand | undefined;
  for (let band = first; band <= last; band++) {
    const ranked = rankedBand(cache, query, band);
    if (band === 0) {
      const oldestId = Math.min(...ranked.map(([id]) => id));
      firstBand = ranked.length < SEARCH_RANK_BAND ? { all: ranked.length } : { full: ranked.length, oldestId };
    }
    rows.push(...ranked);
  }
  const skip = offset - first * SEARCH_RANK_BAND;
  return { ids: rows.slice(skip, skip + limit).map(([id]) => id), firstBand };
}

/** Matches, counted up to COUNT_CAP + 1; after a full first band only those older than it. */
function countMatches(cache: StatementCache, query: string, firstBand: FirstBand | undefined): number {
  if (firstBand && 'all' in firstBand) return firstBand.all;
  if (firstBand && firstBand.full > COUNT_CAP) return firstBand.full;
  if (firstBand) {
    const older = cache.get('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? AND rowid < CAST(? AS INTEGER) LIMIT ?)').pluck();
    return firstBand.full + (older.get(query, firstBand.oldestId, COUNT_CAP + 1 - firstBand.full) as number);
  }
  return countMatchesUpTo(cache, query, COUNT_CAP + 1);
}

/** An entry's text around the matches, from the two columns a reader recognises. */
interface SnippetColumns {
  summary_snippet: string;
  title_snippet: string;
}

const SNIPPET_ELLIPSIS = '…';

/**
 * The snippets in the entry's own words: the index holds its text folded (foldForSearch), and
 * FTS5 cuts snippets from what it holds.
 */
function unfoldSnippets(row: EntryRow & SnippetColumns & { summary: string }): SnippetColumns {
  const markers = [HIGHLIGHT_START, HIGHLIGHT_END];
  return {
    summary_snippet: unfoldExcerpt(row.summary, row.summary_snippet, SNIPPET_ELLIPSIS, markers),
    title_snippet: unfoldExcerpt(row.title, row.title_snippet, SNIPPET_ELLIPSIS, markers),
  };
}

/**
 * The summary around its matches; else the title, if the words are in it; else the start of the
 * summary. The index also holds the places and every alias of every actor, but an excerpt of
 * those is a list ("Damascus ; Syria ; Syrian Arab Republic ; …") that the reply shows better
 * on its own lines, so an entry found through them shows its summary.
 */
function pickSnippet({ summary_snippet: summary, title_snippet: title }: SnippetColumns): string {
  if (summary.includes(HIGHLIGHT_START)) return summary;
  if (title.includes(HIGHLIGHT_START) || summary === '') return title;
  return summary;
}

export function searchEntries(cache: StatementCache, text: string, limit: number, offset: number, options: SearchOptions = {}): Page<SearchHit> {
  const words = ftsWords(text);
  if (words.length === 0) return { items: [], total: 0, totalIsLowerBound: false };
  const query = allOf(words);
  const countWord = options.countWord ?? ((word: string, cap: number) => countMatchesUpTo(cache, word, cap));
  const search = { match: query, weighed: allOf(weighedWords(words, options.commonWordEntries ?? COMMON_WORD_ENTRIES, countWord)) };
  const { ids, firstBand } = limit > 0 ? rankedPage(cache, search, limit, offset) : { ids: [], firstBand: undefined };
  // Snippets re-tokenize the text: build them for the page only.
  const rows = cache
    .get(
      `SELECT ${ENTRY_ROW_COLUMNS}, e.summary,
         snippet(entry_search, 1, @start, @end, @ellipsis, 24) AS summary_snippet,
         snippet(entry_search, 0, @start, @end, @ellipsis, 24) AS title_snippet
       FROM json_each(@ids) page CROSS JOIN entry_search ON entry_search.rowid = page.value CROSS JOIN entries e ON e.id = page.value
       WHERE entry_search MATCH @query ORDER BY page.key`,
    )
    .all({ ids: JSON.stringify(ids), query, start: HIGHLIGHT_START, end: HIGHLIGHT_END, ellipsis: SNIPPET_ELLIPSIS }) as (EntryRow & SnippetColumns & { summary: string })[];
  const counted = countMatches(cache, query, firstBand);
  const entries = hydrateEntries(cache, rows);
  return {
    items: entries.map((entry, i) => ({ entry, snippet: pickSnippet(unfoldSnippets(rows[i]!)) })),
    total: Math.min(counted, COUNT_CAP),
    totalIsLowerBound: counted > COUNT_CAP,
  };
}

/**
 * Topics with at least one live entry (one index seek each): a topic whose entries were all
 * moved or removed (a typo corrected) is no longer offered, and naming it again says it starts one.
 */
export function listTopics(cache: StatementCache): string[] {
  return cache
    .get('SELECT slug FROM topics t WHERE EXISTS (SELECT 1 FROM entries e WHERE e.topic = t.slug AND e.deleted_at IS NULL) ORDER BY slug')
    .pluck()
    .all() as string[];
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
