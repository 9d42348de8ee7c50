// What watching feeds needs from the store. A check's results are written in short
// transactions, in each of which the core decides what is new from what the store knows then:
// a check that dies midway leaves what it did not reach for the next, and one run twice finds
// its items already known.
import type { ChangeStamp } from '../domain.js';
import type { InstantWriter } from '../past-instant.js';
import type { View } from '../view.js';
import type { StoryRef } from '../review/candidate.js';
import type { HeldRow, UnreadItems } from './feed-memo.js';
import type { FeedDocument, FetchState } from './feed-port.js';
import type { FreshItem, IntakePlan, RevisedItem } from './intake-plan.js';
import type { FailureTiming } from './poll-timing.js';
import type { StoryLookup } from './story-index.js';
import type { KnownName } from './suggest.js';
import type { CheckRecord, CheckTrigger, MovedTo, WatchedSource } from './watched-source.js';

export interface NewSource {
  url: string;
  topic: string;
  keywords: string;
  everyMinutes: number;
  backfill: boolean;
  /** What a feed list calls it, shown until its first check reads the feed's own title. */
  title?: string;
  /** The Admiralty letter of its outlet (A–F). */
  reliability?: string;
  /** The outlet its items cite in place of the feed's title. */
  outlet?: string;
}

/** Settings of a watched source an admin may change; those left out stay as they are. */
export interface SourceChanges {
  /** The feed's new address: its validators (ETag, Last-Modified) were the old one's and go. */
  url?: string;
  topic?: string;
  /** Empty: every item is taken. */
  keywords?: string;
  everyMinutes?: number;
  /** The Admiralty letter of its outlet; null: not graded. */
  reliability?: string | null;
  /** The outlet its items cite; null: the feed's own title again. */
  outlet?: string | null;
}

/** What the store knows of a check's fresh items, handed to the core inside the transaction. */
export interface IntakeQuery {
  source: WatchedSource;
  fresh: readonly FreshItem[];
  /** Items held before that the feed has revised since (in the check's first step only). */
  revised: readonly RevisedItem[];
  byKey: ReadonlyMap<string, StoryRef>;
  /** Candidates with a report of another source at one of the fresh items' canonical links (by that link). */
  byLink: ReadonlyMap<string, number>;
  /** Candidates published near the fresh items. */
  stories: readonly StoryRef[] | StoryLookup<Pick<StoryRef, 'candidateId'>>;
  /** Live entries citing a fresh item's link already, by the item's link. */
  cited: ReadonlyMap<string, number>;
}

export interface AnswerRecord {
  at: Date;
  trigger: CheckTrigger;
  /** The address fetched: its validators are kept only while the source still has it (an edit may move it meanwhile). */
  url: string;
  state: FetchState;
  /** The feed read; absent for a 304 (nothing changed). */
  feed?: FeedDocument;
  /** Every item of the feed read with its key, once each. */
  keyed: readonly FreshItem[];
  /** Items of the feed left unread (feed-memo.ts): the store confirms it holds each as it was, or throws UnreadItemsChanged. */
  unread?: UnreadItems;
  /** Filled by the store, when given: the row it holds for each item of `keyed`, by key, once the check is recorded. */
  rows?: Map<string, HeldRow>;
  nextCheckAt: Date;
  /**
   * The server redirected `url` there for good: the source reads that address from now on, unless
   * another live source watches it, or an edit moved the source meanwhile.
   */
  movedTo?: MovedTo;
}

export interface FailureRecord {
  at: Date;
  trigger: CheckTrigger;
  error: string;
  permanent: boolean;
  retryAfterMs?: number;
}

/** A check whose feed was fetched but that Sitrep was too busy to read (sitrep-busy.ts). */
export interface BusyRecord {
  at: Date;
  trigger: CheckTrigger;
  error: string;
}

export interface SourceStore {
  /**
   * Throws a conflict when the address, or another form of it (canonicalLink: http or https, utm_*
   * parameters…), is watched already, or is one a watched feed moved from (a permanent redirect).
   */
  /** `when` writes the times its refusal names (where the feed moved from, and when). */
  add(source: NewSource, stamp: ChangeStamp, firstCheckAt: Date, when?: InstantWriter): WatchedSource;
  /** The live source (other than `except`) watching the feed at `url`, in any of the forms add() refuses. */
  watcherOf(url: string, except?: number): { id: number; topic: string } | undefined;
  /** A source not removed. */
  get(id: number): WatchedSource | undefined;
  /** A source, removed (`removedAt` set) or not. */
  getEver(id: number): WatchedSource | undefined;
  list(): WatchedSource[];
  /** Candidates waiting for review, by the source whose item proposed them (sources with none left out). */
  waitingCandidates(): ReadonlyMap<number, number>;
  pause(id: number, reason: string, stamp: ChangeStamp): WatchedSource;
  /** Clears the pause and the failures; the next check is due at `nextCheckAt`. */
  resume(id: number, stamp: ChangeStamp, nextCheckAt: Date): WatchedSource;
  remove(id: number, stamp: ChangeStamp): void;
  /**
   * Writes `changes` and the next check's time. A new address (refused with a conflict when
   * another source watches it, as add() refuses it) drops the validators and the failures, and
   * the last error unless `keepError` (a Retry-After wait of the same server kept in it).
   */
  edit(id: number, changes: SourceChanges, nextCheckAt: Date, stamp: ChangeStamp, keepError?: boolean, when?: InstantWriter): WatchedSource;
  /** Active sources due by `now`, most overdue first. */
  due(now: Date, limit: number): number[];
  /**
   * A successful answer, written in steps the caller runs in order (so other work can run
   * between them): one transaction per `batch` fresh items (`plan` deciding about them inside
   * it), the first writing the check too and the last the source's new state; returns the
   * check's id. Steps never run (the process stopped) leave the source as it was and the
   * items not reached fresh for its next check: nothing is lost or proposed twice.
   */
  answerSteps(sourceId: number, answer: AnswerRecord, batch: number, plan: (query: IntakeQuery) => IntakePlan): Generator<void, number>;
  /**
   * A failed check: `timing` says when to retry and whether to pause; a pause queues `notice`
   * for every review channel in the same transaction. Returns the check's id.
   */
  recordFailure(sourceId: number, failure: FailureRecord, timing: (source: WatchedSource) => FailureTiming, notice: (source: WatchedSource, timing: FailureTiming) => View): number;
  /**
   * A check Sitrep was too busy to read the feed of: its row, and the source due again at
   * `nextCheckAt(source)`; its failures in a row, last error and pause stay as they were.
   * Returns the check's id.
   */
  recordBusy(sourceId: number, record: BusyRecord, nextCheckAt: (source: WatchedSource) => Date): number;
  /** One check with what it found. */
  check(checkId: number): CheckRecord;
  /** The latest checks, newest first, with what each found. */
  checks(sourceId: number, limit: number): CheckRecord[];
  /**
   * A page of the actors the dossier knows (names and aliases), for suggestions: the first
   * `limit` with an id above `afterId`, in id order; `last` is the id to read on after, absent
   * when there are no more.
   */
  knownActors(afterId: number, limit: number): { actors: KnownName[]; last?: number };
  /** The places the dossier knows, for suggestions. */
  knownPlaces(): KnownName[];
  /** A number that changes whenever knownActors() or knownPlaces() would give something else. */
  knownNamesVersion(): number;
}
