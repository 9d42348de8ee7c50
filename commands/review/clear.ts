// /review clear — the queue kept to what can still be decided: every candidate waiting since
// before a day up to today (of one topic, or proposed by one feed, if given) is rejected at once,
// with a reason, and never proposed again; their cards show the decision as the card passes draw them, after the reply.
// One rejected by mistake is put back with /review reopen; the reply names the one command that
// puts them all back. More than a few at once are shown first, and rejected once confirmed: the
// confirmation's button rejects exactly the set it showed, or asks again about the queue as it stands.
import { typedTopic } from '../../src/core/typed-topic.js';
import type { CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import { instantOf } from '../../src/core/digest/zoned-time.js';
import { firstDay, parsePartialDate, type PartialDate } from '../../src/core/partial-date.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import type { WaitingBefore } from '../../src/core/review/review-port.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { topicOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { refuseImplausibleDates } from '../entry/plausible-dates.js';
import { viewZone } from '../as-of.js';
import { reasonOption } from './decide.js';
import { MOST_REOPENED, reopenIdTexts } from './reopen-commands.js';
import { filteredSource, sourceFilterOption, sourceLabel } from './source-filter.js';
import { confirmView, listedArgs, numbered, type ClearScope } from './clear-confirmation.js';
import { compareWithShown } from './shown-set.js';

/** `before:` rejects what was published before it: a day past today would reject today's candidates too, and is a slip. */
const FUTURE_HINT = 'Give a day up to today: the candidates published before it are rejected (/review list shows how old those waiting are).';

/** The first instant of `day` (`YYYY-MM-DD`) in `zone`, ISO. */
function dayStart(day: string, zone: string): string {
  const { year, month, day: date } = parsePartialDate(day)!;
  return new Date(instantOf({ year, month: month!, day: date!, hour: 0, minute: 0 }, zone)).toISOString();
}

/** A clear of more than this many is shown first, and rejects once confirmed. */
export const CONFIRM_ABOVE = 10;

/** The reopen that puts every one cleared back; more than one when they are more than one reopen takes. */
function reopenAllLine(ids: readonly number[]): Line {
  const texts = reopenIdTexts(ids);
  const commands = texts.flatMap((text, index) => [...(index > 0 ? [span.plain(' · ')] : []), span.command('review reopen', `ids:${text}`)]);
  const intro = texts.length === 1 ? 'All of them back in the queue: ' : `All of them back in the queue, in ${texts.length} commands (more than one /review reopen takes, up to ${MOST_REOPENED}): `;
  return [span.plain(intro), ...commands];
}

/**
 * Rejects what `filter` selects now, and says which, to the admin alone: typed or pressed, as the
 * question was (its reason and numbers are the review desk's business, not the channel's).
 */
function cleared(ctx: CommandContext, filter: WaitingBefore, clear: ClearScope, reason: string | undefined): View {
  return rejectedView(ctx, ctx.services.review.rejectWaiting(filter, reason, stampOf(ctx)), clear, reason);
}

/** What a clear rejected, to the admin alone. */
function rejectedView(ctx: CommandContext, rejected: readonly Candidate[], clear: ClearScope, reason: string | undefined): View {
  const { scope, from, typed } = clear;
  if (rejected.length === 0) {
    return { title: 'Review queue: nothing to clear', tone: 'normal', intro: [plainLine(`No candidate ${scope} is waiting.`)], sections: [], private: true };
  }
  const ids = rejected.map((candidate) => candidate.id);
  const cards = ctx.services.review.channels().length > 0 ? '; their cards in the review channel show the decision as they are edited' : '';
  return {
    title: `Rejected ${plural(rejected.length, 'candidate')}${from}`,
    tone: 'success',
    intro: [
      plainLine(`Every candidate ${scope} that was waiting: ${numbered(ids)}${reason ? `, for “${reason}”` : ''}. Their items are never proposed again${cards}.`),
      [span.plain('Still waiting: '), span.command('review list', listedArgs(typed, false)), span.plain(' · one rejected by mistake goes back in the queue with '), span.command('review reopen', 'id:N')],
      reopenAllLine(ids),
    ],
    sections: [],
    private: true,
  };
}

/**
 * The confirmation's Reject button: exactly the set it showed is rejected, else nothing, and the
 * queue as it now stands is asked about again. Its answer is for the admin who pressed, as the
 * question was, and takes the question's place, so the button is not pressed twice.
 */
function pressed(ctx: CommandContext, filter: WaitingBefore, clear: ClearScope, shown: string, reason: string | undefined): View {
  const outcome = ctx.services.review.rejectWaitingIf(filter, reason, stampOf(ctx), (waiting) => waiting.length === 0 || compareWithShown(waiting, shown).same);
  if (!Array.isArray(outcome)) return confirmView(outcome.changed, clear, { added: compareWithShown(outcome.changed, shown).added });
  return { ...rejectedView(ctx, outcome, clear, reason), replacesMessage: true };
}

export const clearCandidates: SubcommandSpec = {
  name: 'clear',
  description: 'Reject every candidate waiting that was published before a date (admins)',
  adminOnly: true,
  options: [
    { name: 'before', description: 'Reject those published before this day: 2025-07-10, or 2025-07 for before July', type: 'date', required: true, example: '2025-07-10' },
    topicOption,
    { ...sourceFilterOption, description: 'Only those a source proposed (a noisy feed’s backlog): its number, as /sources list shows it' },
    reasonOption,
    { name: 'confirm', description: `true rejects more than ${CONFIRM_ABOVE} at once; without it, the reply shows them and asks first`, type: 'boolean', example: 'true' },
    { name: 'shown', description: 'The set a confirmation showed (its Reject button gives it): rejected only if just those wait', type: 'text', maxLength: 40, example: '14-3fa9c2d1' },
  ],
  examples: ['before:2025-07-10 reason:"not reviewed in time"', 'before:2025-07 topic:syria-israel', 'before:2025-07-10 confirm:true'],
  // The confirmation's button runs the clear it showed, for the admin who presses it, naming the set shown.
  pressable: true,
  run(args, ctx) {
    refuseImplausibleDates(ctx, { before: args.before as PartialDate }, { before: FUTURE_HINT });
    // The day starts in the zone `today` is read in, as the refusal above reads it.
    const zone = viewZone(ctx);
    const before = firstDay(args.before as PartialDate);
    const topic = args.topic === undefined ? undefined : typedTopic(String(args.topic));
    const reason = args.reason === undefined ? undefined : String(args.reason);
    // An unknown source is refused before anything is counted; a removed one's candidates still wait, and are cleared.
    const source = filteredSource(ctx, args.source);
    const filter = { ...(topic ? { topic } : {}), ...(source ? { sourceId: source.id } : {}), before: dayStart(before, zone), beforeDay: before };
    const fromSource = source ? `from source ${sourceLabel(source)}` : undefined;
    const from = fromSource ? ` ${fromSource}` : '';
    const scope = `${fromSource ? `${fromSource} ` : ''}published before ${before}${zone === 'UTC' ? '' : ` (${zone})`}${topic ? ` in ${topic}` : ''}`;
    const typed = { before, ...(topic ? { topic } : {}), ...(source ? { source: source.id } : {}), ...(reason ? { reason } : {}) };
    const clear: ClearScope = { scope, from, typed };
    if (args.shown !== undefined) return pressed(ctx, filter, clear, String(args.shown), reason);
    if (args.confirm !== true) {
      const waiting = ctx.services.review.waitingBefore(filter);
      if (waiting.length > CONFIRM_ABOVE) return confirmView(waiting, clear);
    }
    return cleared(ctx, filter, clear, reason);
  },
};
