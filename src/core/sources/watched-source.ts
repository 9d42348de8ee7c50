// A feed Sitrep watches for the review queue, and what its checks found, as the core sees them.
import { shownAddress } from '../address-keys.js';
import type { FetchState, MovedTo } from './feed-port.js';

export type { MovedTo };

/** A move a check followed: the source read `url` until `at`, when its server answered `status` there. */
export interface MovedFrom {
  url: string;
  at: Date;
  status: number;
}

export interface WatchedSource {
  id: number;
  url: string;
  topic: string;
  /** As typed; empty: every item is taken. */
  keywords: string;
  everyMinutes: number;
  /** The first check proposes the last 7 days' items instead of nothing. */
  backfill: boolean;
  /** The feed's own title once read: the outlet its items are attributed to. */
  feedTitle?: string;
  /** The Admiralty letter an admin gave its outlet (A–F); entries approved from it cite it so. */
  reliability?: string;
  /** The outlet an admin named (`Reuters`): its candidates and their entries cite it in place of the feed's title. */
  outlet?: string;
  validators: FetchState;
  /** A successful check has recorded what the feed held: later items are new. */
  baselined: boolean;
  /** Consecutive failed checks. */
  failures: number;
  lastError?: string;
  nextCheckAt: Date;
  lastCheckedAt?: Date;
  lastNewAt?: Date;
  pausedAt?: Date;
  pausedReason?: string;
  /** When an admin stopped watching it (its candidates stay in the review queue). */
  removedAt?: Date;
  /** The address it was read at before its server redirected there for good (the latest such move). */
  movedFrom?: MovedFrom;
  createdBy: string;
}

export type CheckTrigger = 'schedule' | 'manual';
export type CheckResult = 'ok' | 'not-modified' | 'failed';

/**
 * What became of an item the first time a source held it: proposed as a candidate, joined to a
 * candidate as another report of its story, filtered out by the keywords, recorded without being
 * proposed by a first check, or left out as older than a week.
 */
export type ItemOutcome = 'proposed' | 'same-story' | 'filtered' | 'baseline' | 'stale';

export interface FoundItem {
  title: string;
  link?: string;
  outcome: ItemOutcome;
  /** Why: the keywords matched, the rule that filtered it out. */
  detail?: string;
  candidateId?: number;
}

export interface RevisedFound {
  title: string;
  candidateId?: number;
  /** The pending candidates that joined it, drafted again, as the same story (review-joins.ts). */
  joinedBy?: number[];
  /** The earlier candidate it joined, drafted again, as the same story: its reports are that one's now. */
  joinedInto?: number;
  /** The live entry approved from it (left as it was). */
  entryId?: number;
}

export interface CheckRecord {
  id: number;
  sourceId: number;
  at: Date;
  trigger: CheckTrigger;
  result: CheckResult;
  error?: string;
  /** Items the feed held, and how many of them the source had seen before. */
  items: number;
  seen: number;
  /** Items held for the first time, with what became of each. */
  found: FoundItem[];
  /** Items held before that the feed had revised since, and the pending candidate each drafted again. */
  revised: RevisedFound[];
  nextCheckAt?: Date;
  /** This check paused the source. */
  paused: boolean;
  /** This check followed a permanent redirect and moved the source to its present address from this one. */
  moved?: MovedFrom;
  /**
   * The check's last step has not run: it was interrupted (the process killed midway), or is
   * still being recorded (`running`). `left`: its new items not recorded, fresh for the next check.
   */
  unfinished?: { left: number; running?: true };
}

/** What a source is called: the outlet an admin named, else its feed's name (feedName). */
export function sourceName(source: Pick<WatchedSource, 'outlet' | 'feedTitle' | 'url'>): string {
  return source.outlet ?? feedName(source);
}

/** What the feed calls itself: its title, or the host of its address until one is read. */
export function feedName(source: Pick<WatchedSource, 'feedTitle' | 'url'>): string {
  if (source.feedTitle) return source.feedTitle;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    return shownAddress(source.url);
  }
}

export function sourceState(source: Pick<WatchedSource, 'pausedAt'>): 'active' | 'paused' {
  return source.pausedAt ? 'paused' : 'active';
}
