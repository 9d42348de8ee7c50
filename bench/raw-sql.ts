// The raw SQL each benchmark case is compared with: prepared once, run directly on the store
// connection, returning the same rows the command shows (the page with its places and actors,
// the capped count, the profile and co-actors). Written by hand, as a developer who knows the
// schema and its indexes would, and independent of the store's query code.
import type Database from 'better-sqlite3';
import { COMMON_WORD_ENTRIES, SEARCH_RANK_BAND, STOPWORDS } from '../src/core/search-terms.js';
import { foldKey } from '../src/core/text.js';

export const COUNT_CAP = 1000;
const HIGHLIGHT_START = '\u0002';
const HIGHLIGHT_END = '\u0003';

export interface RawEntry {
  id: number;
  title: string;
  places: string[];
  actors: { actorId: number; name: string; role: string }[];
}

export interface RawPage {
  entries: RawEntry[];
  total: number;
  totalIsLowerBound: boolean;
}

export interface TimelineFilters {
  topic?: string;
  type?: string;
  actor?: string;
  place?: string;
  since?: string; // first day, YYYY-MM-DD
  until?: string; // last day, YYYY-MM-DD
}

/** Places and actors of each page row, in position order, as JSON — the hydration, in SQL. */
const LINKS = `
  (SELECT json_group_array(name) FROM (SELECT p.name FROM entry_places lp JOIN places p ON p.id = lp.place_id
     WHERE lp.entry_id = page.id ORDER BY lp.position)) AS places,
  (SELECT json_group_array(json_array(actor_id, name, role)) FROM (SELECT la.actor_id, a.name, la.role
     FROM entry_actors la JOIN actors a ON a.id = la.actor_id WHERE la.entry_id = page.id ORDER BY la.position)) AS actors`;

interface PageRow {
  id: number;
  title: string;
  places: string;
  actors: string;
}

function toEntries(rows: PageRow[]): RawEntry[] {
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    places: JSON.parse(row.places) as string[],
    actors: (JSON.parse(row.actors) as [number, string, string][]).map(([actorId, name, role]) => ({ actorId, name, role })),
  }));
}

const ACTOR_ID = `(SELECT n.actor_id FROM actor_names n JOIN actors a ON a.id = n.actor_id
  WHERE n.name_key = @actorKey AND a.merged_into_id IS NULL)`;

/**
 * One page statement and one count statement for a fixed set of timeline filters. An actor or
 * place timeline reads that actor's or place's links in date order, using the copies of the
 * entry's days and liveness they carry; the count joins entries only to check topic or type.
 */
export class RawTimeline {
  private readonly page: Database.Statement;
  private readonly count: Database.Statement;
  /** Actor and place together: the day the count starts from (see the store's INTERSECTION_COUNT_WORK). */
  private readonly countFrom?: Database.Statement;
  private readonly heavyPair?: Database.Statement;

  constructor(db: Database.Database, filters: TimelineFilters) {
    let links: string | undefined;
    let day = 'e.day_from';
    let dayTo = 'e.day_to';
    let id = 'e.id';
    let distinct = '1';
    const where: string[] = [];
    const pageOnly: string[] = [];
    if (filters.actor !== undefined) {
      links = 'entry_actors ea INDEXED BY entry_actors_by_actor';
      [day, dayTo, id, distinct] = ['ea.day_from', 'ea.day_to', 'ea.entry_id', 'DISTINCT ea.day_from, ea.entry_id'];
      where.push(`ea.actor_id = ${ACTOR_ID}`, 'ea.live = 1');
      pageOnly.push('NOT EXISTS (SELECT 1 FROM entry_actors twin WHERE twin.entry_id = ea.entry_id AND twin.actor_id = ea.actor_id AND twin.role < ea.role)');
      if (filters.place !== undefined) {
        where.push('EXISTS (SELECT 1 FROM entry_places x WHERE x.entry_id = ea.entry_id AND x.place_id = (SELECT id FROM places WHERE place_key = @placeKey))');
        const period = [filters.since !== undefined ? 'ea.day_from >= @since' : '', filters.until !== undefined ? 'ea.day_from <= @until' : ''].filter(Boolean);
        // Both the actor and the place in 2,000 live entries or more.
        this.heavyPair = db
          .prepare(
            `SELECT (SELECT count(*) FROM (SELECT DISTINCT entry_id FROM entry_actors WHERE actor_id = ${ACTOR_ID} AND live = 1 LIMIT 2000)) >= 2000
                AND (SELECT count(*) FROM (SELECT 1 FROM entry_places WHERE place_id = (SELECT id FROM places WHERE place_key = @placeKey) AND live = 1 LIMIT 2000)) >= 2000`,
          )
          .pluck();
        this.countFrom = db
          .prepare(
            `SELECT ea.day_from FROM entry_actors ea INDEXED BY entry_actors_by_actor WHERE ${['ea.actor_id = ' + ACTOR_ID, 'ea.live = 1', ...period].join(' AND ')}
             ORDER BY ea.day_from DESC, ea.entry_id DESC LIMIT 1 OFFSET 3999`,
          )
          .pluck();
      }
    } else if (filters.place !== undefined) {
      links = 'entry_places ep INDEXED BY entry_places_by_place';
      [day, dayTo, id] = ['ep.day_from', 'ep.day_to', 'ep.entry_id'];
      where.push('ep.place_id = (SELECT id FROM places WHERE place_key = @placeKey)', 'ep.live = 1');
    } else {
      where.push('e.deleted_at IS NULL');
    }
    const onEntry = filters.topic !== undefined || filters.type !== undefined;
    if (filters.topic !== undefined) where.push('e.topic = @topic');
    if (filters.type !== undefined) where.push('e.event_type = @type');
    if (filters.since !== undefined) where.push(`${dayTo} >= @since`);
    if (filters.until !== undefined) where.push(`${day} <= @until`);
    const joined = links ? `${links} CROSS JOIN entries e ON e.id = ${id}` : 'entries e';
    const countFrom = links && !onEntry ? links : joined;
    this.page = db.prepare(
      `WITH page AS MATERIALIZED (
         SELECT e.id, e.topic, e.title, e.event_type, e.occurred_on, e.ends_on, e.confidence, ${day} AS day
         FROM ${joined} WHERE ${[...where, ...pageOnly].join(' AND ')}
         ORDER BY ${day} DESC, ${id} DESC LIMIT @limit OFFSET @offset)
       SELECT page.*, ${LINKS} FROM page ORDER BY page.day DESC, page.id DESC`,
    );
    const counted = this.countFrom ? [...where, `${day} >= @countFrom`] : where;
    this.count = db
      .prepare(`SELECT count(*) FROM (SELECT ${distinct} FROM ${countFrom} WHERE ${counted.join(' AND ')} LIMIT ${COUNT_CAP + 1})`)
      .pluck();
  }

  run(filters: TimelineFilters, limit: number, offset: number): RawPage {
    const params: Record<string, unknown> = {};
    if (filters.actor !== undefined) params.actorKey = foldKey(filters.actor);
    if (filters.place !== undefined) params.placeKey = foldKey(filters.place);
    if (filters.topic !== undefined) params.topic = filters.topic;
    if (filters.type !== undefined) params.type = filters.type;
    if (filters.since !== undefined) params.since = filters.since;
    if (filters.until !== undefined) params.until = filters.until;
    const entries = toEntries(this.page.all({ ...params, limit, offset }) as PageRow[]);
    const from = this.heavyPair?.get(params) === 1 ? (this.countFrom?.get(params) as string | undefined) : undefined;
    if (this.countFrom && from !== undefined) {
      const n = this.count.get({ ...params, countFrom: from }) as number;
      const shown = entries.length > 0 ? offset + entries.length : 0;
      // A page that is not full ends the matches.
      if (n <= COUNT_CAP && entries.length < limit && (entries.length > 0 || offset === 0)) {
        return { entries, total: Math.min(shown, COUNT_CAP), totalIsLowerBound: shown > COUNT_CAP };
      }
      return { entries, total: Math.min(Math.max(n, shown), COUNT_CAP), totalIsLowerBound: true };
    }
    const n = this.count.get(this.countFrom ? { ...params, countFrom: '0000' } : params) as number;
    return { entries, total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  }
}

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

/**
 * /search: the page within its band of the SEARCH_RANK_BAND (250) most recently added matches
 * (the index holds live entries only), ranked by bm25 over the words that weigh (with rarer
 * words typed, a word in more than COMMON_WORD_ENTRIES entries does not; with none, only the
 * least common one does), with snippets of the summary and title for the page rows, and the
 * capped count. (Pages that straddle two bands are not benchmarked; `run` takes pages inside
 * one band.)
 */
export class RawSearch {
  static readonly BAND = SEARCH_RANK_BAND;
  private readonly page: Database.Statement;
  private readonly weighedPage: Database.Statement;
  private readonly count: Database.Statement;
  private readonly wordCount: Database.Statement;
  private readonly weighedFor = new Map<string, string[]>();

  constructor(db: Database.Database) {
    const pageRows = `SELECT page.id, e.title, snippet(entry_search, 1, @start, @end, '…', 24) AS summary_snippet,
         snippet(entry_search, 0, @start, @end, '…', 24) AS title_snippet, ${LINKS}
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
    const rows = weighed === match ? this.page.all(args) : this.weighedPage.all({ ...args, weighed });
    const n = this.count.get(match) as number;
    return { entries: toEntries(rows as PageRow[]), total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  }
}
