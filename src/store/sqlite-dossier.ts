// The store's implementation of the core's DossierReader port.
import type { Gazetteer } from '../core/places/gazetteer-port.js';
import type { DossierReader, LookAlike, SuggestionKind, TimelineQuery } from '../core/ports.js';
import { foldKey } from '../core/text.js';
import type { ActorKind } from '../core/vocabulary.js';
import { listActors } from './actor-list-query.js';
import { actorProfile, actorsNamed, allActorNames, coActors, findActors } from './actor-queries.js';
import { entriesCitingArticles } from './citing-entries.js';
import type { Db } from './connection.js';
import { claimsByActor } from './entry-claims.js';
import { queryEntry, queryRemovedEntry } from './entry-detail-queries.js';
import { queryTimeline } from './entry-queries.js';
import { countMatchesUpTo, listTopics, placeUsage, searchEntries, suggest } from './search-queries.js';
import { StatementCache } from './statement-cache.js';

/**
 * Place suggestions are ordered by use, which takes a pass over every place link; autocomplete
 * asks on each keystroke, so the counts are reused for this long. New places still show at
 * once (with no uses yet); only the order among known ones can lag.
 */
const PLACE_USAGE_TTL_MS = 60_000;

/**
 * Whether a search word is common (COMMON_WORD_ENTRIES) changes slowly, and finding out costs
 * a capped pass over its postings (~0.3 ms for a common word at a million entries; telling the
 * least common of several common words apart counts on, ~2.5 ms for a word in 5% of them), so
 * the answer is reused for this long. It only decides which words weigh in the ranking.
 */
const WORD_COUNT_TTL_MS = 60_000;
const WORD_COUNTS_KEPT = 10_000;

export class SqliteDossier implements DossierReader {
  private readonly cache: StatementCache;
  private placeUses?: { at: number; counts: Map<number, number> };
  private readonly wordCounts = new Map<string, { at: number; count: number }>();

  /** With a gazetteer, a state is found by its country's names in French and Arabic too (`Syrie`, `سوريا`). */
  constructor(
    readonly db: Db,
    private readonly gazetteer?: Pick<Gazetteer, 'countriesNamed' | 'countryNames'>,
  ) {
    this.cache = new StatementCache(db);
  }

  timeline(query: TimelineQuery) {
    return queryTimeline(this.cache, query);
  }
  getEntry(id: number) {
    return queryEntry(this.cache, id);
  }
  removedEntry(id: number) {
    return queryRemovedEntry(this.cache, id);
  }
  findActors(query: string, limit: number) {
    return findActors(this.cache, query, limit);
  }
  actorsNamed(query: string) {
    const named = actorsNamed(this.cache, query);
    return named.length > 0 || !this.gazetteer ? named : this.statesCalled(query);
  }

  /** The state actors named as a country that `query` names in another language, as review cards find them. */
  private statesCalled(query: string) {
    const gazetteer = this.gazetteer!;
    const states = new Map<number, ReturnType<typeof actorsNamed>[number]>();
    for (const code of gazetteer.countriesNamed(foldKey(query))) {
      for (const name of gazetteer.countryNames(code)) {
        for (const actor of actorsNamed(this.cache, name)) if (actor.kind === 'state' && !states.has(actor.id)) states.set(actor.id, { ...actor, matchedName: query });
      }
    }
    return [...states.values()];
  }
  allActorNames() {
    return allActorNames(this.cache);
  }
  getActorProfile(actorId: number) {
    return actorProfile(this.cache, actorId);
  }
  coActors(actorId: number, limit: number) {
    return coActors(this.cache, actorId, limit);
  }
  claimsBy(actorId: number, limit: number) {
    return claimsByActor(this.cache, actorId, limit);
  }
  search(query: string, limit: number, offset: number) {
    return searchEntries(this.cache, query, limit, offset, { countWord: (word, cap) => this.countWord(word, cap) });
  }
  private countWord(word: string, cap: number): number {
    const key = `${cap}\u0000${word}`;
    const now = Date.now();
    const known = this.wordCounts.get(key);
    if (known && now - known.at <= WORD_COUNT_TTL_MS) return known.count;
    if (this.wordCounts.size >= WORD_COUNTS_KEPT) this.wordCounts.clear();
    const count = countMatchesUpTo(this.cache, word, cap);
    this.wordCounts.set(key, { at: now, count });
    return count;
  }
  suggest(kind: SuggestionKind, prefix: string, limit: number) {
    return suggest(this.cache, kind, prefix, limit, () => this.placeUsage());
  }
  private placeUsage(): Map<number, number> {
    const now = Date.now();
    if (!this.placeUses || now - this.placeUses.at > PLACE_USAGE_TTL_MS) this.placeUses = { at: now, counts: placeUsage(this.cache) };
    return this.placeUses.counts;
  }
  topics() {
    return listTopics(this.cache);
  }
  lookAlikes(entry: { dayFrom: string; dayTo: string; title: string; urls: readonly string[] }): LookAlike[] {
    const sameTitle = this.cache
      .get('SELECT id FROM entries INDEXED BY entries_live_by_date WHERE deleted_at IS NULL AND day_from = ? AND day_to = ? AND sitrep_fold_key(title) = ? ORDER BY id')
      .pluck()
      .all(entry.dayFrom, entry.dayTo, foldKey(entry.title)) as number[];
    // The same article under any of its links (http or https, a trailing slash, a mobile host, an AMP copy).
    const citing = [...entriesCitingArticles((sql) => this.cache.get(sql), entry.urls).values()];
    return [
      ...sameTitle.map((id) => ({ id, why: 'same date and title' as const })),
      ...[...new Set(citing)].filter((id) => !sameTitle.includes(id)).map((id) => ({ id, why: 'same source link' as const })),
    ];
  }
  listActors(kind: ActorKind | undefined, limit: number, offset: number) {
    return listActors(this.cache, kind, limit, offset);
  }
}
