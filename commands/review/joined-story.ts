// A candidate closed because it tells the story of another (joined-candidate.ts): Sitrep moved its
// reports to that candidate, so a decision asked of it is that candidate's to take. Replies name
// the candidate holding the story now and the command for it, rather than calling it rejected.
import { authorLabel } from '../../src/core/author-label.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { joinedTo } from '../../src/core/review/joined-candidate.js';
import { span, type Line } from '../../src/core/view.js';
import type { InstantWriter } from '../when.js';

/** A kept candidate can be joined to another in turn: the hops followed to the one holding the story. */
const MOST_HOPS = 10;

/** What was asked of the joined candidate. */
export type Asked = { verb: 'approve' } | { verb: 'attach'; entryId?: number } | { verb: 'reject' };

/** The candidate holding a joined candidate's reports now; undefined for one not joined. */
export function storyHolder(candidate: Candidate, ctx: CommandContext): Candidate | undefined {
  let next = joinedTo(candidate);
  let holder: Candidate | undefined;
  for (let hops = 0; next !== undefined && hops < MOST_HOPS; hops++) {
    holder = ctx.services.review.candidate(next);
    next = joinedTo(holder);
  }
  return holder;
}

/** `Candidate #4 was joined into candidate #1 by Sitrep at 2025-07-20 12:30 UTC, as the same story` (the time written by `at`). */
export function joinedText(candidate: Candidate, holder: Candidate, at: InstantWriter): string {
  const when = candidate.decision ? ` by ${authorLabel(candidate.decision.by)} at ${at(candidate.decision.at)}` : '';
  return `Candidate #${candidate.id} was joined into candidate #${holder.id}${when}, as the same story`;
}

const COMMAND = { approve: 'review approve', attach: 'review attach', reject: 'review reject' } as const;

/** The command that does what was asked, to the candidate holding the story. */
function askedOf(holder: Candidate, asked: Asked): { name: string; args: string } {
  const entry = asked.verb === 'attach' ? ` entry:${asked.entryId ?? 'N'}` : '';
  return { name: COMMAND[asked.verb], args: `id:${holder.id}${entry}` };
}

/** What to do instead, as a hint: decide the story's candidate while it waits, else see what became of it. */
function holderHint(holder: Candidate, asked: Asked): string {
  const show = `/review show id:${holder.id}`;
  if (holder.status !== 'pending') return `Its reports are candidate #${holder.id}'s, decided already: see it with ${show}.`;
  const { name, args } = askedOf(holder, asked);
  return `Its reports are candidate #${holder.id}'s: see the story with ${show}, and ${asked.verb} it with /${name} ${args}`;
}

/** The refusal of an approval or an attachment of a joined candidate, naming the candidate to decide instead. */
export function joinedRefusal(candidate: Candidate, holder: Candidate, asked: Asked, when: InstantWriter): UserError {
  const not = asked.verb === 'approve' ? 'approved' : asked.verb === 'attach' ? 'attached' : 'rejected';
  return new UserError('conflict', `${joinedText(candidate, holder, when)}, so it is not ${not} on its own.`, [holderHint(holder, asked)], 'id');
}

/** The note of a joined candidate's card shown again (a reject of it changes nothing): the same, with the commands as commands. */
export function joinedNote(candidate: Candidate, holder: Candidate, asked: Asked, when: InstantWriter): Line {
  const said = span.plain(`${joinedText(candidate, holder, when)}; nothing was changed. Its reports are candidate #${holder.id}'s: `);
  if (holder.status !== 'pending') return [said, span.command('review show', `id:${holder.id}`)];
  const { name, args } = askedOf(holder, asked);
  return [said, span.command('review show', `id:${holder.id}`), span.plain(` · ${asked.verb} the story: `), span.command(name, args)];
}
