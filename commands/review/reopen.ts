// /review reopen — a rejection taken back (a stray Reject press, a /review clear with the wrong
// day): the candidate waits for review again, and its cards are drawn again with their buttons,
// or posted where it has none. An approved candidate is an entry, taken down with /entry remove.
import type { CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { candidateCard } from '../../src/core/review/candidate-card.js';
import { span } from '../../src/core/view.js';
import { instantsFor, type InstantWriter } from '../when.js';
import { candidateIdOption, decidedBy } from './decide.js';
import { joinedText, storyHolder } from './joined-story.js';
import { oneOrMany, reopenMany } from './bulk-decisions.js';
import { candidateIdsOption } from './candidate-ids.js';

/** Why an approved candidate stays decided, and what takes its entry (or the reports it added) back. */
function approvedRefusal(candidate: Candidate, when: InstantWriter): UserError {
  const entryId = candidate.decision?.entryId ?? 0;
  if (candidate.decision?.attached) {
    return new UserError('conflict', `Candidate #${candidate.id} was attached by ${decidedBy(candidate, when)} to entry #${entryId} as further sources, so it is not reopened.`, [
      `The change is in /entry history id:${entryId}; /entry edit id:${entryId} changes the entry's sources.`,
    ], 'id');
  }
  return new UserError('conflict', `Candidate #${candidate.id} was approved by ${decidedBy(candidate, when)} as entry #${entryId}, so it is not reopened.`, [
    `To take the entry down: /entry remove id:${entryId} reason:"…"`,
  ], 'id');
}

/** A candidate Sitrep joined to another's story has no reports of its own left: that candidate is the one to reopen. */
function joinedRefusal(candidate: Candidate, holder: Candidate, when: InstantWriter): UserError {
  const hint = holder.status === 'rejected' ? `Reopen the story with /review reopen id:${holder.id}` : `See the story with /review show id:${holder.id}`;
  return new UserError('conflict', `${joinedText(candidate, holder, when)}, so it is not reopened on its own: its reports are candidate #${holder.id}'s.`, [hint], 'id');
}

/** What the reply says under the card's first line: the review channel's cards follow. */
function reopenedNote(ctx: CommandContext): string {
  const cards = ctx.services.review.channels().length > 0 ? '; its cards in the review channel are drawn again with their buttons' : '';
  return `Reopened: waiting for review again${cards}.`;
}

export const reopenCandidate: SubcommandSpec = {
  name: 'reopen',
  description: 'Put rejected candidates back in the queue, waiting for review (admins)',
  adminOnly: true,
  options: [{ ...candidateIdOption, required: false }, candidateIdsOption],
  examples: ['ids:160-163,166'],
  run(args, ctx) {
    if (oneOrMany(args, 'reopen') === 'many') return reopenMany(ctx, String(args.ids));
    const id = args.id as number;
    const when = instantsFor(ctx);
    const candidate = ctx.services.review.candidate(id);
    const holder = storyHolder(candidate, ctx);
    if (holder) throw joinedRefusal(candidate, holder, when);
    if (candidate.status === 'approved') throw approvedRefusal(candidate, when);
    const result = ctx.services.review.reopen(id);
    if (result.kind === 'unchanged') {
      if (result.candidate.status === 'approved') throw approvedRefusal(result.candidate, when);
      return { ...candidateCard(result.candidate, when, [span.plain(`Candidate #${id} is waiting for review already; nothing was changed.`)]), private: true };
    }
    return { ...candidateCard(result.candidate, when, reopenedNote(ctx)), tone: 'success' };
  },
};
