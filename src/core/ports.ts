// What the core needs from the store, as interfaces: the store implements them, the core and
// commands depend only on these.
import type {
  ActorClaim,
  ActorListItem,
  ActorMatch,
  ActorProfile,
  CoActor,
  EntryDetail,
  EntrySummary,
  RemovedEntry,
  SearchHit,
} from './domain.js';
import type { ActorKind, EventType } from './vocabulary.js';

export interface TimelineQuery {
  topic?: string;
  actorId?: number;
  /** Folded place key (see foldKey): the entries at that stored place. */
  placeKey?: string;
  /** An area (`country:UA`, `region:UA.17`, `locality:698740`): the entries at every place within it. */
  placeArea?: string;
  eventType?: EventType;
  /** First day, `YYYY-MM-DD`: entries ending on or after it. */
  since?: string;
  /** Last day, `YYYY-MM-DD`: entries starting on or before it. */
  until?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  /** Total matching rows, counted up to `countCap`. */
  total: number;
  /** True when the total was capped, so the real number is larger. */
  totalIsLowerBound: boolean;
}

export type SuggestionKind = 'actor' | 'topic' | 'place';

export interface LookAlike {
  id: number;
  why: 'same date and title' | 'same source link';
}

export interface DossierReader {
  timeline(query: TimelineQuery): Page<EntrySummary>;
  getEntry(id: number): EntryDetail | undefined;
  /** A removed (soft-deleted) entry, to say so instead of "no such entry". */
  removedEntry(id: number): RemovedEntry | undefined;
  /** Names and aliases matching a folded query, best first. */
  findActors(query: string, limit: number): ActorMatch[];
  /** Actors with a name or alias that folds to exactly the query (rank 0 matches only). */
  actorsNamed(query: string): ActorMatch[];
  /** Every actor name and alias, for "did you mean" suggestions. */
  allActorNames(): { actorId: number; name: string }[];
  getActorProfile(actorId: number): ActorProfile | undefined;
  /** Actors most often linked to the same entries as this one. */
  coActors(actorId: number, limit: number): CoActor[];
  /** The claims an actor made on live entries, latest first. */
  claimsBy(actorId: number, limit: number): Page<ActorClaim>;
  search(query: string, limit: number, offset: number): Page<SearchHit>;
  /** Values for autocomplete, best match first. */
  suggest(kind: SuggestionKind, prefix: string, limit: number): string[];
  topics(): string[];
  /** Live entries an entry about to be added may repeat: the same days and title (folded), or a source link it cites. */
  lookAlikes(entry: { dayFrom: string; dayTo: string; title: string; urls: readonly string[] }): LookAlike[];
  /** Live actors by name, optionally of one kind. */
  listActors(kind: ActorKind | undefined, limit: number, offset: number): Page<ActorListItem>;
}
