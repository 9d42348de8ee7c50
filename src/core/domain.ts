// Domain records as the core sees them, independent of how the store keeps them.
import type { ActorKind, ActorRole, ClaimStance, Confidence, EventType } from './vocabulary.js';
import type { PartialDate } from './partial-date.js';

export interface SourceRecord {
  outlet: string;
  url?: string;
  attribution?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  /** Admiralty grade: reliability of the source A–F, credibility of the information 1–6 (`B2`). */
  grade?: string;
}

/** Fatalities as UCDP gives them: a best estimate, optionally within low ≤ best ≤ high, and who gives them. */
export interface Fatalities {
  best: number;
  low?: number;
  high?: number;
  /** The outlet or body the figures come from, as reported. */
  source: string;
}

/** An actor's stance on an entry, when it took it and through which source. */
export interface ClaimInput {
  actorId: number;
  stance: ClaimStance;
  date: PartialDate;
  source: SourceRecord;
  note?: string;
}

/** A claim as shown: its actor named as it stands now (an actor merged since is the one kept). */
export interface ClaimDetail extends ClaimInput {
  actorName: string;
}

/** A claim an actor made, with the entry it is about (for /actor). */
export interface ActorClaim extends ClaimInput {
  entryId: number;
  entryTitle: string;
}

export interface EntryActorLink {
  actorId: number;
  name: string;
  role: ActorRole;
}

/** What a timeline line needs. */
export interface EntrySummary {
  id: number;
  topic: string;
  title: string;
  eventType: EventType;
  start: PartialDate;
  end?: PartialDate;
  confidence: Confidence;
  places: string[];
  actors: EntryActorLink[];
  fatalities?: Fatalities;
}

/** What is left to show of a removed entry: it is out of timelines and search, kept in history. */
export interface RemovedEntry {
  id: number;
  title: string;
  removedAt: string;
  removedBy: string;
  reason: string;
}

export interface EntryDetail extends EntrySummary {
  summary: string;
  tags: string[];
  sources: SourceRecord[];
  claims: ClaimDetail[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  revisionCount: number;
}

export interface ActorSummary {
  id: number;
  name: string;
  kind: ActorKind;
  title?: string;
}

export interface ActorProfile extends ActorSummary {
  affiliation?: ActorSummary;
  aliases: string[];
  /** Actors affiliated to this one (a ministry under its state, a minister under a ministry). */
  members: ActorSummary[];
}

export interface ActorMatch extends ActorSummary {
  /** The name or alias that matched. */
  matchedName: string;
  /** 0 exact, 1 prefix, 2 word prefix, 3 substring: lower is better. */
  rank: number;
}

export interface ActorListItem extends ActorSummary {
  entryCount: number;
}

export interface CoActor extends ActorSummary {
  sharedEntries: number;
}

export interface SearchHit {
  entry: EntrySummary;
  /** Snippet with the matched terms between `highlightStart` and `highlightEnd` markers. */
  snippet: string;
}

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** Everything needed to create an entry; actors are referenced by id. */
export interface EntryInput {
  topic: string;
  title: string;
  summary: string;
  eventType: EventType;
  start: PartialDate;
  end?: PartialDate;
  confidence: Confidence;
  places: string[];
  actors: { actorId: number; role: ActorRole }[];
  sources: SourceRecord[];
  tags: string[];
  /** Absent when none are known (as in revisions written before entries had them). */
  fatalities?: Fatalities;
  /** In the order recorded; absent or empty when there are none. */
  claims?: ClaimInput[];
}

export interface ActorInput {
  name: string;
  kind: ActorKind;
  title?: string;
  affiliationId?: number;
  aliases: string[];
}

/** Who made a change and when (ISO instant, UTC). */
export interface ChangeStamp {
  by: string;
  at: string;
}
