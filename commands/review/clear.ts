// /review clear — the queue kept to what can still be decided: every candidate waiting since
// before a day up to today (of one topic, if given) is rejected at once, with a reason, and never
// proposed again; their cards show the decision as the card passes draw them, after the reply.
// One rejected by mistake is put back with /review reopen.
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import { instantOf } from '../../src/core/digest/zoned-time.js';
import { firstDay, parsePartialDate, type PartialDate } from '../../src/core/partial-date.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span } from '../../src/core/view.js';
import { topicOption } from '../shared-options.js';
import { stampOf } from '../stamp.js';
import { refuseFutureDates } from '../entry/not-future.js';
import { viewZone } from '../as-of.js';
import { reasonOption } from './decide.js';

/** `before:` rejects what was published before it: a day past today would reject today's candidates too, and is a slip. */
const FUTURE_HINT = 'Give a day up to today: the candidates published before it are rejected (/review list shows how old those waiting are).';

/** The first instant of `day` (`YYYY-MM-DD`) in `zone`, ISO. */
function dayStart(day: string, zone: string): string {
  const { year, month, day: date } = parsePartialDate(day)!;
  return new Date(instantOf({ year, month: month!, day: date!, hour: 0, minute: 0 }, zone)).toISOString();
}

/** Candidates the reply names by number; the rest are counted. */
const NAMED = 20;

export const clearCandidates: SubcommandSpec = {
  name: 'clear',
  description: 'Reject every candidate waiting that was published before a date (admins)',
  adminOnly: true,
  options: [
    { name: 'before', description: 'Reject those published before this day: 2025-07-10, or 2025-07 for before July', type: 'date', required: true, example: '2025-07-10' },
    topicOption,
    reasonOption,
  ],
  examples: ['before:2025-07-10 reason:"not reviewed in time"', 'before:2025-07 topic:syria-israel'],
  run(args, ctx) {
    refuseFutureDates(ctx, { before: args.before as PartialDate }, { before: FUTURE_HINT });
    // The day starts in the zone `today` is read in, as the refusal above reads it.
    const zone = viewZone(ctx);
    const before = firstDay(args.before as PartialDate);
    const topic = args.topic === undefined ? undefined : String(args.topic).toLowerCase();
    const reason = args.reason === undefined ? undefined : String(args.reason);
    const rejected = ctx.services.review.rejectWaiting({ ...(topic ? { topic } : {}), before: dayStart(before, zone), beforeDay: before }, reason, stampOf(ctx));
    const scope = `published before ${before}${zone === 'UTC' ? '' : ` (${zone})`}${topic ? ` in ${topic}` : ''}`;
    if (rejected.length === 0) {
      return { title: 'Review queue: nothing to clear', tone: 'normal', intro: [plainLine(`No candidate ${scope} is waiting.`)], sections: [] };
    }
    const named = rejected.slice(0, NAMED).map((candidate) => `#${candidate.id}`).join(', ');
    const more = rejected.length > NAMED ? ` and ${rejected.length - NAMED} more` : '';
    const cards = ctx.services.review.channels().length > 0 ? '; their cards in the review channel show the decision as they are edited' : '';
    return {
      title: `Rejected ${plural(rejected.length, 'candidate')}`,
      tone: 'success',
      intro: [
        plainLine(`Every candidate ${scope} that was waiting: ${named}${more}${reason ? `, for “${reason}”` : ''}. Their items are never proposed again${cards}.`),
        [span.plain('Still waiting: '), span.command('review list', topic ? `topic:${topic}` : undefined), span.plain(' · one rejected by mistake goes back in the queue with '), span.command('review reopen', 'id:N')],
      ],
      sections: [],
    };
  },
};
