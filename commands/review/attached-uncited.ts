// An attached candidate whose entry no longer cites its reports (an /entry undo or edit took them
// back): it stays decided, and attaching it again is how its reports come back.
import type { CommandContext } from '../../src/core/command-spec.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { span, type Line } from '../../src/core/view.js';

/** The entry an attached candidate's reports were added to, when that entry cites none of them now. */
export function uncitedEntry(candidate: Candidate, ctx: CommandContext): number | undefined {
  const entryId = candidate.decision?.entryId;
  if (candidate.status !== 'approved' || !candidate.decision?.attached || entryId === undefined) return undefined;
  // Reports with no link cannot be told apart from the entry's other sources: left as they are.
  if (!candidate.reports.some((report) => report.link)) return undefined;
  return ctx.services.review.citedBy(candidate) === entryId ? undefined : entryId;
}

export function uncitedLine(candidateId: number, entryId: number): Line {
  return [
    span.plain(`Entry #${entryId} no longer cites its reports: an undo or an edit took them back since. `),
    span.command('review attach', `id:${candidateId} entry:${entryId}`),
    span.plain(' adds them again.'),
  ];
}
