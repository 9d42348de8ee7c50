// A decided candidate as it stands now: an approved one shows its entry as the dossier holds it
// (the store reads it with the candidate: the admin may have changed any field on approval or
// since), or says the entry was removed and how to bring it back; an attached one whose entry no
// longer cites its reports says so.
import { authorLabel } from '../../src/core/author-label.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { span, type Line } from '../../src/core/view.js';
import { instantsFor } from '../when.js';
import { uncitedEntry, uncitedLine } from './attached-uncited.js';

/** The candidate to show (its live entry `recorded` by the store), and what a reader must know of that entry now. */
export function asItStands(candidate: Candidate, ctx: CommandContext): { candidate: Candidate; note?: Line } {
  const entryId = candidate.decision?.entryId;
  if (candidate.status !== 'approved' || entryId === undefined) return { candidate };
  const uncited = uncitedEntry(candidate, ctx);
  if (uncited !== undefined) return { candidate, note: uncitedLine(candidate.id, uncited) };
  if (candidate.recorded || candidate.decision?.attached) return { candidate };
  const removed = ctx.services.dossier.removedEntry(entryId);
  if (!removed) return { candidate };
  return {
    candidate,
    note: [
      span.plain(`Entry #${entryId} was removed by ${authorLabel(removed.removedBy)} at ${instantsFor(ctx)(removed.removedAt)}${removed.reason ? ` (${removed.reason})` : ''}. `),
      span.command('entry undo', `id:${entryId}`),
      span.plain(' brings it back.'),
    ],
  };
}
