// Rows of the feed tables as the core's records.
import type { Candidate, StoryRef, StoryReport, Suggested } from '../core/review/candidate.js';
import { unjudgedGrade } from '../core/source-grade.js';
import type { CheckRecord, FoundItem, ItemOutcome, RevisedFound, WatchedSource } from '../core/sources/watched-source.js';

export interface SourceRow {
  id: number;
  url: string;
  topic: string;
  keywords: string;
  every_minutes: number;
  backfill: number;
  feed_title: string | null;
  etag: string | null;
  last_modified: string | null;
  baselined: number;
  failures: number;
  last_error: string | null;
  next_check_at: string;
  last_checked_at: string | null;
  last_new_at: string | null;
  paused_at: string | null;
  paused_reason: string | null;
  reliability: string | null;
  outlet: string | null;
  removed_at: string | null;
  created_by: string;
}

const date = (text: string | null): Date | undefined => (text === null ? undefined : new Date(text));

export function toSource(row: SourceRow): WatchedSource {
  const source: WatchedSource = {
    id: row.id,
    url: row.url,
    topic: row.topic,
    keywords: row.keywords,
    everyMinutes: row.every_minutes,
    backfill: row.backfill === 1,
    validators: {
      ...(row.etag !== null ? { etag: row.etag } : {}),
      ...(row.last_modified !== null ? { lastModified: row.last_modified } : {}),
    },
    baselined: row.baselined === 1,
    failures: row.failures,
    nextCheckAt: new Date(row.next_check_at),
    createdBy: row.created_by,
  };
  if (row.feed_title !== null) source.feedTitle = row.feed_title;
  if (row.last_error !== null) source.lastError = row.last_error;
  if (row.last_checked_at !== null) source.lastCheckedAt = new Date(row.last_checked_at);
  if (row.last_new_at !== null) source.lastNewAt = new Date(row.last_new_at);
  if (row.paused_at !== null) source.pausedAt = new Date(row.paused_at);
  if (row.paused_reason !== null) source.pausedReason = row.paused_reason;
  if (row.reliability !== null) source.reliability = row.reliability;
  if (row.outlet !== null) source.outlet = row.outlet;
  if (row.removed_at !== null) source.removedAt = new Date(row.removed_at);
  return source;
}

export interface CheckRow {
  id: number;
  source_id: number;
  checked_at: string;
  trigger: CheckRecord['trigger'];
  result: CheckRecord['result'];
  error: string | null;
  items: number;
  seen: number;
  next_check_at: string | null;
  paused: number;
  revisions: string;
}

export interface FoundRow {
  title: string;
  link: string | null;
  outcome: ItemOutcome;
  detail: string | null;
  candidate_id: number | null;
}

export function toFound(row: FoundRow): FoundItem {
  return {
    title: row.title,
    outcome: row.outcome,
    ...(row.link !== null ? { link: row.link } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
    ...(row.candidate_id !== null ? { candidateId: row.candidate_id } : {}),
  };
}

/** An answer's row gets its next check's time in the check's last step (source-intake.ts): without one, it never ended. */
function unfinished(row: CheckRow, found: readonly FoundItem[]): Pick<CheckRecord, 'unfinished'> {
  if (row.result === 'failed' || row.next_check_at !== null) return {};
  return { unfinished: { left: Math.max(0, row.items - row.seen - found.length) } };
}

export function toCheck(row: CheckRow, found: FoundItem[]): CheckRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    at: new Date(row.checked_at),
    trigger: row.trigger,
    result: row.result,
    ...(row.error !== null ? { error: row.error } : {}),
    items: row.items,
    seen: row.seen,
    found,
    revised: JSON.parse(row.revisions) as RevisedFound[],
    ...(row.next_check_at !== null ? { nextCheckAt: new Date(row.next_check_at) } : {}),
    paused: row.paused === 1,
    ...unfinished(row, found),
  };
}

export interface CandidateRow {
  id: number;
  topic: string;
  title: string;
  summary: string;
  link: string | null;
  outlet: string;
  published_at: string | null;
  matched: string;
  suggestion: string;
  status: Candidate['status'];
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  entry_id: number | null;
  created_at: string;
  revision: number;
  revised_at: string | null;
}

export interface ReportRow {
  source_id: number;
  outlet: string;
  title: string;
  link: string | null;
  published_at: string | null;
  published_day_only: number;
  /** NULL in rows from before feeds' own days were kept (migration 0045). */
  published_day: string | null;
  reliability: string | null;
}

export function toReport(row: ReportRow): StoryReport {
  return {
    sourceId: row.source_id,
    outlet: row.outlet,
    title: row.title,
    ...(row.link !== null ? { link: row.link } : {}),
    ...(row.published_at !== null
      ? {
          published: new Date(row.published_at),
          ...(row.published_day_only === 1 ? { publishedDayOnly: true as const } : {}),
          ...(row.published_day !== null ? { publishedDay: row.published_day } : {}),
        }
      : {}),
    ...(row.reliability !== null ? { grade: unjudgedGrade(row.reliability) } : {}),
  };
}

/** The reason an approval records when it attached the candidate to an entry already there. */
export const ATTACHED_REASON = 'attached to an entry as further sources';

export function toCandidate(row: CandidateRow, reports: StoryReport[]): Candidate {
  const candidate: Candidate = {
    id: row.id,
    topic: row.topic,
    title: row.title,
    summary: row.summary,
    outlet: row.outlet,
    matched: JSON.parse(row.matched) as string[],
    suggested: JSON.parse(row.suggestion) as Suggested,
    status: row.status,
    createdAt: new Date(row.created_at),
    reports,
  };
  if (row.link !== null) candidate.link = row.link;
  if (row.revision > 0) candidate.revision = row.revision;
  if (row.revised_at !== null) candidate.revisedAt = new Date(row.revised_at);
  const published = date(row.published_at);
  if (published) candidate.published = published;
  if (row.decided_by !== null && row.decided_at !== null) {
    const attached = row.status === 'approved' && row.reason === ATTACHED_REASON;
    candidate.decision = {
      by: row.decided_by,
      at: new Date(row.decided_at),
      ...(row.reason !== null && !attached ? { reason: row.reason } : {}),
      ...(row.entry_id !== null ? { entryId: row.entry_id } : {}),
      ...(attached ? { attached } : {}),
    };
  }
  return candidate;
}

export interface StoryRow {
  id: number;
  title: string;
  published_at: string | null;
  status: Candidate['status'];
}

export function toStoryRef(row: StoryRow): StoryRef {
  return { candidateId: row.id, title: row.title, status: row.status, ...(row.published_at !== null ? { published: new Date(row.published_at) } : {}) };
}
