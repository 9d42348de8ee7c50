// A candidate of the review queue: a story found in the watched feeds, waiting for an admin to
// approve it as an entry or reject it, with what Sitrep suggests the entry should say.
import type { EntryDetail, SourceRecord } from '../domain.js';
import type { ActorRole, EventType } from '../vocabulary.js';
import type { UncitedReports } from './uncited-reports.js';

export type CandidateStatus = 'pending' | 'approved' | 'rejected';

/** What the entry would say if approved as it stands. */
export interface Suggested {
  /** `role`: what the title says the actor did (absent: a participant, as far as it tells). */
  actors: { id: number; name: string; role?: ActorRole }[];
  places: string[];
  type: EventType;
  /**
   * `YYYY-MM-DD` from the item's publication day; for an item the feed gives no date Sitrep can
   * read, the day Sitrep first saw it (as `source.published`). Absent in rows that never had one.
   */
  date?: string;
  source: SourceRecord;
  /** The feed gave the item's day without a time: the candidate's `published` is that day's start in UTC, a time never given. */
  publishedDayOnly?: true;
  /** The item's words that put `date` before its publication day (`on Sunday`, `yesterday`), as written. */
  dateSaid?: string;
  /** The date the feed gave that Sitrep could not read, as written (FeedItem.unreadDate): the item counts as undated. */
  unreadDate?: { written: string; dayOrMonth?: true };
  /** The killed the item's words give plainly (a best estimate, from its outlet); absent when they give none. */
  fatalities?: number;
  /** The item gives `fatalities` as a lower bound (`at least 5`, `more than 5`, `> 5`): the entry records it as the best estimate. */
  fatalitiesAtLeast?: true;
  /**
   * The title gives a party's own account of its act (`Israel says it killed…`: claim-guess.ts):
   * the entry's confidence is `claimed`, and the party (`actorId`, one of `actors`), where the
   * dossier knows it, is recorded as claiming it; `name` without `actorId` is a party the dossier
   * lacks, as the title names it. `said`: the title's words that tell so, where they can be
   * quoted as written.
   */
  claimed?: { actorId?: number; name?: string; said?: string };
  /** What the title's label says the piece is (`opinion`, `analysis`…: piece-label.ts); absent for news. */
  label?: string;
}

/**
 * The day the candidate's item was published, at its feed's offset, as its entry's source is dated
 * (`date` may be an earlier day the item's words give; rows stored before that have only `date`).
 */
export const publicationDay = (suggested: Pick<Suggested, 'date' | 'source'>): string | undefined => suggested.source.published ?? suggested.date;

/** A suggested actor as a card or a list names it: with its role when the title tells one. */
export const suggestedActorText = (actor: Suggested['actors'][number]): string => (actor.role ? `${actor.name} (${actor.role})` : actor.name);

/** A candidate before it is stored: what a check proposes. */
export interface CandidateDraft {
  topic: string;
  title: string;
  summary: string;
  link?: string;
  outlet: string;
  published?: Date;
  /** The source's keywords the item matched. */
  matched: string[];
  suggested: Suggested;
}

/** One outlet's report of the candidate's story (the item that proposed it first). */
export interface StoryReport {
  sourceId: number;
  outlet: string;
  title: string;
  link?: string;
  published?: Date;
  /** Its feed gave the day without a time: `published` is that day's start in UTC. */
  publishedDayOnly?: true;
  /**
   * `YYYY-MM-DD`: the day `published` falls on at the offset its feed wrote it with (FeedItem.publishedDay);
   * absent for a report stored before those days were kept, which is dated by its day in UTC (reportDay).
   */
  publishedDay?: string;
  /** The grade the report takes from its feed's reliability as graded now (`B6`); absent when ungraded. */
  grade?: string;
}

export interface Decision {
  by: string;
  at: Date;
  reason?: string;
  /** The entry an approval created, or the one it was attached to. */
  entryId?: number;
  /** Approved as further sources of an entry that was there already, not as an entry of its own. */
  attached?: boolean;
}

export interface Candidate extends CandidateDraft {
  id: number;
  status: CandidateStatus;
  createdAt: Date;
  /** How many times a feed revised one of its reports: the item that proposed it (drafted again each time) or another's (absent: never). */
  revision?: number;
  /** When it was last drafted again from a revised item. */
  revisedAt?: Date;
  decision?: Decision;
  /** Every report of the story, the proposing one first. */
  reports: StoryReport[];
  /**
   * The entry an approval created, or the one its reports were attached to, as the dossier holds
   * it now (the store reads it with the candidate): its card shows it in place of the suggestion.
   * Absent while the candidate waits, once rejected, and while that entry is removed.
   */
  recorded?: EntryDetail;
  /** Reports that joined after the approval and its entry does not cite (uncited-reports.ts): its card names them. */
  uncited?: UncitedReports;
}

/** Enough of a candidate to tell whether a new item is another report of its story. */
export interface StoryRef {
  candidateId: number;
  title: string;
  published?: Date;
  status: CandidateStatus;
}
