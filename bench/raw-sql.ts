// The raw SQL each benchmark case is compared with: prepared once, run directly on the store
// connection, returning the same rows the command shows (the page with its titles, excerpts,
// places and actors, the capped count, the profile and co-actors). Written by hand, as a
// developer who knows the schema, its indexes and the data would, and independent of the
// store's query code. The timeline's is in raw-timeline.ts.
import type Database from 'better-sqlite3';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../src/core/domain.js';
import { COMMON_WORD_ENTRIES, SEARCH_RANK_BAND, STOPWORDS } from '../src/core/search-terms.js';
import { foldKey, unfoldExcerpt } from '../src/core/text.js';
import { COUNT_CAP, LINKS, toEntry, type PageRow, type RawPage } from './raw-rows.js';
import { RawTimeline } from './raw-timeline.js';

export { COUNT_CAP, type RawEntry, type RawPage } from './raw-rows.js';
export { RawTimeline, type Drive, type TimelineFilters } from './raw-timeline.js';

const ELLIPSIS = '…';

export interface RawActor {
  id: number;
  name: string;
  aliases: string[];
  members: string[];
  affiliation?: string;
  latest: RawPage;
  coActors: { name: string; shared: number }[];
}

/** /actor NAME: the actor by exact name or alias, its profile, latest entries and co-actors. */
export class RawActorLookup {
  private readonly statements;
  private readonly latest: RawTimeline;

  constructor(db: Database.Database) {
    this.statements = {
      actor: db.prepare(
        `SELECT a.id, a.name, a.kind, a.title, a.affiliation_id FROM actor_names n JOIN actors a ON a.id = n.actor_id
         WHERE n.name_key = ? AND a.merged_into_id IS NULL`,
      ),
      affiliation: db.prepare('SELECT id, name, kind, title FROM actors WHERE id = ?'),
      aliases: db.prepare('SELECT name FROM actor_names WHERE actor_id = ? AND is_primary = 0 ORDER BY name').pluck(),
      members: db.prepare('SELECT id, name, kind, title FROM actors WHERE affiliation_id = ? AND merged_into_id IS NULL ORDER BY name'),
      coActors: db.prepare(
        `SELECT a.name, p.shared FROM actor_pairs p INDEXED BY actor_pairs_by_shared CROSS JOIN actors a ON a.id = p.other_id
         WHERE p.actor_id = @id AND p.shared > 0
           AND p.shared >= coalesce((SELECT shared FROM actor_pairs INDEXED BY actor_pairs_by_shared
                                     WHERE actor_id = @id AND shared > 0 ORDER BY shared DESC LIMIT 1 OFFSET @limit - 1), 1)
         ORDER BY p.shared DESC, a.name LIMIT @limit`,
      ),
    };
    this.latest = new RawTimeline(db, { actor: '' });
  }

  run(name: string): RawActor | undefined {
    const s = this.statements;
    const actor = s.actor.get(foldKey(name)) as { id: number; name: string; affiliation_id: number | null } | undefined;
    if (!actor) return undefined;
    const affiliation = actor.affiliation_id ? (s.affiliation.get(actor.affiliation_id) as { name: string }) : undefined;
    const result: RawActor = {
      id: actor.id,
      name: actor.name,
      aliases: s.aliases.all(actor.id) as string[],
      members: (s.members.all(actor.id) as { name: string }[]).map((m) => m.name),
      latest: this.latest.run({ actor: name }, 5, 0),
      coActors: s.coActors.all({ id: actor.id, limit: 5 }) as { name: string; shared: number }[],
    };
    if (affiliation) result.affiliation = affiliation.name;
    return result;
  }
}

interface SearchRow extends PageRow {
  summary: string;
  summary_snippet: string;
  title_snippet: string;
  band_size: number;
  band_oldest: number;
}

/**
 * The excerpt a result shows: the summary around its matches, else the title if the words are
 * in it, else the start of the summary; in the entry's own words (the index holds them folded).
 */
function excerpt(row: SearchRow): string {
  const markers = [HIGHLIGHT_START, HIGHLIGHT_END];
  const summary = unfoldExcerpt(row.summary, row.summary_snippet, ELLIPSIS, markers);
  const title = unfoldExcerpt(row.title, row.title_snippet, ELLIPSIS, markers);
  if (summary.includes(HIGHLIGHT_START)) return summary;
  return title.includes(HIGHLIGHT_START) || summary === '' ? title : summary;
}

/**
 * /search: the page within its band of the SEARCH_RANK_BAND (250) most recently added matches
 * (the index holds live entries only), ranked by bm25 over the words that weigh (with rarer
 * words typed, a word in more than COMMON_WORD_ENTRIES entries does not; with none, only the
 * least common one does), with excerpts for the page rows, and the capped count: on page 1, a
 * band that is not full is every match, and a full one is counted on below its oldest row.
 * (Pages that straddle two bands are not benchmarked; `run` takes pages inside one band.)
 */
export class RawSearch {
  static readonly BAND = SEARCH_RANK_BAND;
  private readonly page: Database.Statement;
  private readonly weighedPage: Database.Statement;
  private readonly count: Database.Statement;
  private readonly olderCount: Database.Statement;
  private readonly wordCount: Database.Statement;
  private readonly weighedFor = new Map<string, string[]>();

  constructor(db: Database.Database) {
    const pageRows = `SELECT page.id, e.title, e.summary, snippet(entry_search, 1, @start, @end, '${ELLIPSIS}', 24) AS summary_snippet,
         snippet(entry_search, 0, @start, @end, '${ELLIPSIS}', 24) AS title_snippet, ${LINKS},
         (SELECT count(*) FROM band) AS band_size, (SELECT min(id) FROM band) AS band_oldest
       FROM page CROSS JOIN entry_search ON entry_search.rowid = page.id CROSS JOIN entries e ON e.id = page.id
       WHERE entry_search MATCH @match ORDER BY page.rank, page.id DESC`;
    this.page = db.prepare(
      `WITH band AS MATERIALIZED (
         SELECT rowid AS id, rank FROM entry_search WHERE entry_search MATCH @match
         ORDER BY rowid DESC LIMIT ${RawSearch.BAND} OFFSET @bandStart),
       page AS MATERIALIZED (SELECT id, rank FROM band ORDER BY rank, id DESC LIMIT @limit OFFSET @offset)
       ${pageRows}`,
    );
    this.weighedPage = db.prepare(
      `WITH band AS MATERIALIZED (
         SELECT rowid AS id FROM entry_search WHERE entry_search MATCH @match
         ORDER BY rowid DESC LIMIT ${RawSearch.BAND} OFFSET @bandStart),
       ranked AS MATERIALIZED (
         SELECT rowid AS id, rank FROM entry_search WHERE entry_search MATCH @weighed
         AND rowid BETWEEN (SELECT min(id) FROM band) AND (SELECT max(id) FROM band) AND +rowid IN (SELECT id FROM band)),
       page AS MATERIALIZED (SELECT id, rank FROM ranked ORDER BY rank, id DESC LIMIT @limit OFFSET @offset)
       ${pageRows}`,
    );
    this.count = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? LIMIT ${COUNT_CAP + 1})`).pluck();
    // FTS5 seeks to a rowid bound only when it is an SQL integer; a JavaScript number binds as a real.
    this.olderCount = db
      .prepare('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? AND rowid < CAST(? AS INTEGER) LIMIT ?)')
      .pluck();
    this.wordCount = db.prepare('SELECT count(*) FROM (SELECT 1 FROM entry_search WHERE entry_search MATCH ? LIMIT 100000)').pluck();
  }

  /**
   * Same query syntax as the store, one FTS5 expression per word: every word whole but
   * stopwords, a word typed with `*` as a prefix, which also matches the stems of 5+ letters it
   * becomes with 1–3 letters cut off.
   */
  static words(text: string): string[] {
    const prefixTerm = (w: string) => {
      const stems = [1, 2, 3].map((cut) => w.slice(0, w.length - cut)).filter((s) => s.length >= 5);
      return stems.length ? `("${w}"* ${stems.map((s) => `OR "${s}"`).join(' ')})` : `"${w}"*`;
    };
    const terms = text.split(/\s+/).flatMap((chunk) => {
      const words = foldKey(chunk).split(' ').filter(Boolean);
      const prefix = /[\p{L}\p{N}]\*$/u.test(chunk);
      return words.map((w, i) => (prefix && i === words.length - 1 ? prefixTerm(w) : `"${w}"`));
    });
    const kept = terms.filter((t) => !t.startsWith('"') || t.endsWith('*') || !STOPWORDS.has(t.slice(1, -1)));
    return kept.length > 0 ? kept : terms;
  }

  /** Words joined by AND: FTS5 refuses a bracketed group (a prefix and its stems) beside a word. */
  static match(text: string): string {
    return RawSearch.words(text).join(' AND ');
  }

  /**
   * The words that weigh: the rarer ones (in at most COMMON_WORD_ENTRIES entries) when any was
   * typed, otherwise the least common one. Worked out once per word list, as the store keeps
   * its word counts for a minute.
   */
  private weighedWords(words: string[]): string[] {
    const key = words.join(' ');
    let weighed = this.weighedFor.get(key);
    if (!weighed) {
      const counts = words.map((w) => this.wordCount.get(w) as number);
      const rare = words.filter((_, i) => counts[i]! <= COMMON_WORD_ENTRIES);
      weighed = words.length < 2 || rare.length === 0 ? [words[counts.indexOf(Math.min(...counts))]!] : rare;
      this.weighedFor.set(key, weighed);
    }
    return weighed;
  }

  run(text: string, limit: number, offset: number): RawPage {
    const words = RawSearch.words(text);
    const match = words.join(' AND ');
    const weighed = this.weighedWords(words).join(' AND ');
    const bandStart = Math.floor(offset / RawSearch.BAND) * RawSearch.BAND;
    const args = { match, bandStart, limit, offset: offset - bandStart, start: HIGHLIGHT_START, end: HIGHLIGHT_END };
    const rows = (weighed === match ? this.page.all(args) : this.weighedPage.all({ ...args, weighed })) as SearchRow[];
    const band = rows[0];
    let n: number;
    if (bandStart > 0 || (!band && offset > 0)) n = this.count.get(match) as number;
    else if (!band) n = 0;
    else if (band.band_size < RawSearch.BAND) n = band.band_size;
    else n = band.band_size + (this.olderCount.get(match, band.band_oldest, COUNT_CAP + 1 - band.band_size) as number);
    const entries = rows.map((row) => ({ ...toEntry(row), snippet: excerpt(row) }));
    return { entries, total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  }
}
