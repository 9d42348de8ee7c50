// The store's implementation of the core's DossierReader port.
import type { DossierReader, SuggestionKind, TimelineQuery } from '../core/ports.js';
import type { ActorKind } from '../core/vocabulary.js';
import { listActors } from './actor-list-query.js';
import { actorProfile, actorsNamed, allActorNames, coActors, findActors } from './actor-queries.js';
import type { Db } from './connection.js';
import { queryEntry, queryTimeline } from './entry-queries.js';
import { listTopics, searchEntries, suggest } from './search-queries.js';
import { StatementCache } from './statement-cache.js';

export class SqliteDossier implements DossierReader {
  private readonly cache: StatementCache;

  constructor(readonly db: Db) {
    this.cache = new StatementCache(db);
  }

  timeline(query: TimelineQuery) {
    return queryTimeline(this.cache, query);
  }
  getEntry(id: number) {
    return queryEntry(this.cache, id);
  }
  findActors(query: string, limit: number) {
    return findActors(this.cache, query, limit);
  }
  actorsNamed(query: string) {
    return actorsNamed(this.cache, query);
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
  search(query: string, limit: number, offset: number) {
    return searchEntries(this.cache, query, limit, offset);
  }
  suggest(kind: SuggestionKind, prefix: string, limit: number) {
    return suggest(this.cache, kind, prefix, limit);
  }
  topics() {
    return listTopics(this.cache);
  }
  listActors(kind: ActorKind | undefined, limit: number, offset: number) {
    return listActors(this.cache, kind, limit, offset);
  }
}
