// /review clear — the queue kept to what can still be decided: every candidate waiting since
// before a day up to today (of one topic, if given) is rejected at once, with a reason, and never
// proposed again; their cards show the decision as the card passes draw them, after the reply.
// One rejected by mistake is put back with /review reopen; the reply names the one command that
// puts them all back. More than a few at once are shown first, and rejected once confirmed.
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import { instantOf } from '../../src/core/digest/zoned-time.js';
import { firstDay, parsePartialDate, type PartialDate } from '../../src/core/partial-date.js';
import { plural } from '../../src/core/text.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { plainLine, span, type View } from '../../src/core/view.js';
import { topicOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { refuseFutureDates } from '../entry/not-future.js';
import { viewZone } from '../as-of.js';
import { reasonOption } from './decide.js';
import { idRanges } from './candidate-ids.js';

/** `before:` rejects what was published before it: a day past today would reject today's candidates too, and is a slip. */
const FUTURE_HINT = 'Give a day up to today: the candidates published before it are rejected (/review list shows how old those waiting are).';

/** The first instant of `day` (`YYYY-MM-DD`) in `zone`, ISO. */
function dayStart(day: string, zone: string): string {
  const { year, month, day: date } = parsePartialDate(day)!;
  return new Date(instantOf({ year, month: month!, day: date!, hour: 0, minute: 0 }, zone)).toISOString();
}

/** Candidates the reply names by number; the rest are counted. */
const NAMED = 20;

/** A clear of more than this many is shown first, and rejects once confirmed. */
export const CONFIRM_ABOVE = 10;

const numbered = (ids: readonly number[]) => `${ids.slice(0, NAMED).map((id) => `#${id}`).join(', ')}${ids.length > NAMED ? ` and ${ids.length - NAMED} more` : ''}`;

/** What the clear would do, and the press (or the command) that does it. */
function confirmView(count: number, ids: readonly number[], scope: string, typed: Record<string, string>): View {
  const args = Object.entries({ ...typed, confirm: 'true' }).map(([name, value]) => `${name}:${quoteIfNeeded(value)}`).join(' ');
  return {
    title: `Review queue: reject ${plural(count, 'candidate')}?`,
    tone: 'normal',
    intro: [
      plainLine(`Every candidate ${scope} that is waiting would be rejected: ${numbered(ids)}. Nothing was rejected yet.`),
      [span.plain('To reject them: '), span.command('review clear', args), span.plain(' · to see them first: '), span.command('review list', typed.topic ? `topic:${typed.topic}` : undefined)],
    ],
    sections: [],
    buttons: [{ label: `Reject ${count}`, style: 'danger', action: { kind: 'run', invocation: { command: 'review', subcommand: 'clear', args: { ...typed, confirm: true } } }, audience: 'admins' }],
    private: true,
  };
}

export const clearCandidates: SubcommandSpec = {
  name: 'clear',
  description: 'Reject every candidate waiting that was published before a date (admins)',
  adminOnly: true,
  options: [
    { name: 'before', description: 'Reject those published before this day: 2025-07-10, or 2025-07 for before July', type: 'date', required: true, example: '2025-07-10' },
    topicOption,
    reasonOption,
    { name: 'confirm', description: `true rejects more than ${CONFIRM_ABOVE} at once; without it, the reply shows them and asks first`, type: 'boolean', example: 'true' },
  ],
  examples: ['before:2025-07-10 reason:"not reviewed in time"', 'before:2025-07 topic:syria-israel', 'before:2025-07-10 confirm:true'],
  // The confirmation's button runs the clear it showed, for the admin who presses it.
  pressable: true,
  run(args, ctx) {
    refuseFutureDates(ctx, { before: args.before as PartialDate }, { before: FUTURE_HINT });
    // The day starts in the zone `today` is read in, as the refusal above reads it.
    const zone = viewZone(ctx);
    const before = firstDay(args.before as PartialDate);
    const topic = args.topic === undefined ? undefined : String(args.topic).toLowerCase();
    const reason = args.reason === undefined ? undefined : String(args.reason);
    const filter = { ...(topic ? { topic } : {}), before: dayStart(before, zone), beforeDay: before };
    const scope = `published before ${before}${zone === 'UTC' ? '' : ` (${zone})`}${topic ? ` in ${topic}` : ''}`;
    if (args.confirm !== true) {
      const waiting = ctx.services.review.waitingBefore(filter);
      const typed = { before, ...(topic ? { topic } : {}), ...(reason ? { reason } : {}) };
      if (waiting.length > CONFIRM_ABOVE) return confirmView(waiting.length, waiting, scope, typed);
    }
    const rejected = ctx.services.review.rejectWaiting(filter, reason, stampOf(ctx));
    if (rejected.length === 0) {
      return { title: 'Review queue: nothing to clear', tone: 'normal', intro: [plainLine(`No candidate ${scope} is waiting.`)], sections: [] };
    }
    const ids = rejected.map((candidate) => candidate.id);
    const cards = ctx.services.review.channels().length > 0 ? '; their cards in the review channel show the decision as they are edited' : '';
    return {
      title: `Rejected ${plural(rejected.length, 'candidate')}`,
      tone: 'success',
      intro: [
        plainLine(`Every candidate ${scope} that was waiting: ${numbered(ids)}${reason ? `, for “${reason}”` : ''}. Their items are never proposed again${cards}.`),
        [span.plain('Still waiting: '), span.command('review list', topic ? `topic:${topic}` : undefined), span.plain(' · one rejected by mistake goes back in the queue with '), span.command('review reopen', 'id:N')],
        [span.plain('All of them back in the queue: '), span.command('review reopen', `ids:${idRanges(ids)}`)],
      ],
      sections: [],
    };
  },
};
