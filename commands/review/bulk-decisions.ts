// /review reject ids:… and /review reopen ids:… — a run of candidates decided in one command.
// Each is decided as the one-candidate command decides it, and the reply names every number:
// done, or why not (no such candidate, decided otherwise), so none is passed over silently.
import type { CommandContext } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { stampOf } from '../stamp.js';
import { instantsFor } from '../when.js';
import { idRanges, parseCandidateIds, type IdsLimit } from './candidate-ids.js';
import { decidedBy } from './decide.js';
import { storyHolder } from './joined-story.js';
import { REOPEN_LIMIT } from './reopen-commands.js';

/** Each rejection edits its cards before the reply: a run longer than this goes through /review clear. */
export const MOST_REJECTED = 25;

const REJECT_LIMIT: IdsLimit = { most: MOST_REJECTED, tooManyHint: () => 'Name fewer at a time, or reject the candidates waiting since before a day with /review clear.' };

interface Outcome {
  id: number;
  done: boolean;
  text: string;
}

/** The candidate, or undefined when there is none of that number. */
function found(ctx: CommandContext, id: number): Candidate | undefined {
  try {
    return ctx.services.review.candidate(id);
  } catch (error) {
    if (error instanceof UserError && error.code === 'not-found') return undefined;
    throw error;
  }
}

/** What an approved candidate became, as the one-candidate refusals say it. */
function approvedText(candidate: Candidate, ctx: CommandContext): string {
  const entry = `entry #${candidate.decision?.entryId ?? '?'}`;
  return `${candidate.decision?.attached ? `attached to ${entry}` : `approved as ${entry}`} by ${decidedBy(candidate, instantsFor(ctx))}`;
}

async function rejectOne(ctx: CommandContext, id: number, reason: string | undefined): Promise<Outcome> {
  const candidate = found(ctx, id);
  if (!candidate) return { id, done: false, text: 'there is no candidate of this number' };
  if (candidate.status === 'approved') return { id, done: false, text: `${approvedText(candidate, ctx)}, so not rejected` };
  if (candidate.status === 'rejected') return { id, done: false, text: `rejected already by ${decidedBy(candidate, instantsFor(ctx))}` };
  const result = await ctx.services.review.reject(id, reason, stampOf(ctx));
  if (result.kind === 'decided') return { id, done: false, text: `decided meanwhile (${result.candidate.status}) by ${decidedBy(result.candidate, instantsFor(ctx))}` };
  return { id, done: true, text: 'rejected' };
}

function reopenOne(ctx: CommandContext, id: number): Outcome {
  const candidate = found(ctx, id);
  if (!candidate) return { id, done: false, text: 'there is no candidate of this number' };
  const holder = storyHolder(candidate, ctx);
  if (holder) return { id, done: false, text: `joined to candidate #${holder.id}'s story: its reports are #${holder.id}'s, so reopen that one` };
  if (candidate.status === 'approved') return { id, done: false, text: `${approvedText(candidate, ctx)}, so not reopened (/entry remove takes an entry down)` };
  const result = ctx.services.review.reopen(id);
  if (result.kind === 'unchanged') {
    return { id, done: false, text: result.candidate.status === 'approved' ? `${approvedText(result.candidate, ctx)}, so not reopened` : 'waiting for review already' };
  }
  return { id, done: true, text: 'reopened' };
}

/** The reply: how many were done, then one line per number given, in the order given. */
function outcomesView(outcomes: readonly Outcome[], verb: 'Rejected' | 'Reopened', after: Line[]): View {
  const done = outcomes.filter((outcome) => outcome.done);
  const left = outcomes.length - done.length;
  return {
    title: `${verb} ${plural(done.length, 'candidate')} of ${outcomes.length}`,
    tone: done.length > 0 ? 'success' : 'normal',
    intro: [
      ...(left > 0 ? [plainLine(`${plural(left, 'candidate')} named ${left === 1 ? 'was' : 'were'} not ${verb.toLowerCase()}: each says why below.`)] : []),
      ...(done.length > 0 ? after : []),
    ],
    sections: [{ lines: outcomes.map((outcome) => [span.code(`#${outcome.id}`), span.plain(` ${outcome.text}`)]) }],
  };
}

export async function rejectMany(ctx: CommandContext, idsText: string, reason: string | undefined): Promise<View> {
  const outcomes: Outcome[] = [];
  for (const id of parseCandidateIds(idsText, REJECT_LIMIT)) outcomes.push(await rejectOne(ctx, id, reason));
  const rejected = outcomes.filter((outcome) => outcome.done).map((outcome) => outcome.id);
  return outcomesView(outcomes, 'Rejected', [[span.plain('Rejected by mistake: '), span.command('review reopen', `ids:${idRanges(rejected)}`), span.plain(' puts them back in the queue.')]]);
}

export function reopenMany(ctx: CommandContext, idsText: string): View {
  const outcomes = parseCandidateIds(idsText, REOPEN_LIMIT).map((id) => reopenOne(ctx, id));
  const cards = ctx.services.review.channels().length > 0 ? ' Their cards in the review channel are drawn again with their buttons.' : '';
  return outcomesView(outcomes, 'Reopened', [plainLine(`Waiting for review again.${cards}`)]);
}

/** Exactly one of `id` and `ids`, as the command's refusal names them. */
export function oneOrMany(args: { id?: unknown; ids?: unknown }, command: string): 'one' | 'many' {
  if (args.id !== undefined && args.ids !== undefined) {
    throw new UserError('invalid-option', `/review ${command} takes \`id\` or \`ids\`, not both.`, [`One candidate: /review ${command} id:166 · several: /review ${command} ids:160-163,166`], 'ids');
  }
  if (args.id === undefined && args.ids === undefined) {
    throw new UserError('missing-option', `/review ${command} needs \`id\` (one candidate) or \`ids\` (several).`, [`For example: /review ${command} id:166 or /review ${command} ids:160-163,166`], 'id');
  }
  return args.id !== undefined ? 'one' : 'many';
}
