// Which candidates waiting a /review clear would reject, read before anything is rejected, so a
// large clear can be shown and confirmed first. It reads them as the store's clear selects them:
// a candidate dated by the day alone goes when that day is earlier, any other when it was
// published (or, undated, proposed) before the day's first instant in the zone.
import type { CommandContext } from '../../src/core/command-spec.js';
import type { Candidate } from '../../src/core/review/candidate.js';

export interface ClearScope {
  topic?: string;
  /** The day's first instant in the zone, ISO. */
  before: string;
  /** The day, `YYYY-MM-DD`. */
  beforeDay: string;
}

function clearedBy(candidate: Candidate, scope: ClearScope): boolean {
  const published = candidate.published;
  if (published && candidate.suggested.publishedDayOnly) return published.toISOString().slice(0, 10) < scope.beforeDay;
  return (published ?? candidate.createdAt).getTime() < Date.parse(scope.before);
}

/** The candidates waiting that the clear would reject, the oldest proposed first. */
export function waitingToClear(ctx: CommandContext, scope: ClearScope): Candidate[] {
  const filter = scope.topic ? { topic: scope.topic } : {};
  const total = ctx.services.review.pending(filter, 1, 0).total;
  if (total === 0) return [];
  return ctx.services.review.pending(filter, total, 0).items.filter((candidate) => clearedBy(candidate, scope)).reverse();
}
