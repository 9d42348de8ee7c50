// /trend set — an admin's call of which way a topic is going. One call per topic and day, the day
// as the channel reads `today` (its digest zone, else SITREP_TZ): a second call the same day
// replaces the first (a correction of the day's judgement, which is what someone re-running it
// means), and the reply shows what it replaced. The call made last is the latest, whatever its day.
import type { CommandContext, SubcommandSpec } from '../src/core/command-spec.js';
import { authorLabel } from '../src/core/author-label.js';
import { changeAuthor } from '../src/core/caller.js';
import { callHeadline, callLine, TREND_ALERTS, TREND_DIRECTIONS, type TrendAlert, type TrendCall, type TrendDirection } from '../src/core/trends.js';
import { span, type Line } from '../src/core/view.js';
import { dayInZone } from '../src/core/as-of-day.js';
import { formatIsoPartial } from '../src/core/partial-date.js';
import { viewZone } from './as-of.js';
import { topicOption } from './shared-options.js';
import { instantsFor } from './when.js';
import { trendTopic } from './trend-topic.js';

const NOTE_LENGTH = 500;

/**
 * `the call Ana made today at 09:15 UTC`; a call made for the same day from a channel whose clock
 * is ahead (its day began earlier) was made yesterday on this one's, so its day and time are named:
 * the one call of the day is replaced, and who made it sees which.
 */
function replacedWhen(replaced: TrendCall, day: string, zone: string, ctx: CommandContext): string {
  const at = instantsFor(ctx)(replaced.madeAt);
  if (dayInZone(new Date(replaced.madeAt), zone) === day) return `the call ${authorLabel(replaced.madeBy)} made today at ${at.slice('YYYY-MM-DD '.length)}`;
  return `the call for ${formatIsoPartial(day)} that ${authorLabel(replaced.madeBy)} made at ${at}, in a channel already on that day (one call per topic and day)`;
}

export const setTrend: SubcommandSpec = {
  name: 'set',
  description: 'Call which way a topic is going today (a second call the same day replaces it)',
  adminOnly: true,
  options: [
    { ...topicOption, required: true },
    {
      name: 'direction',
      description: 'deteriorated, improved or unchanged',
      type: 'choice',
      required: true,
      choices: TREND_DIRECTIONS.map((d) => ({ value: d, label: d })),
      example: 'deteriorated',
    },
    { name: 'note', description: 'Why: what the call rests on', type: 'text', required: true, maxLength: NOTE_LENGTH, example: '"Clashes in Sweida spread north"' },
    { name: 'alert', description: 'risk (conflict risk alert) or opportunity (resolution opportunity)', type: 'choice', choices: TREND_ALERTS.map((a) => ({ value: a, label: a })), example: 'risk' },
  ],
  examples: ['topic:syria-israel direction:deteriorated note:"Clashes in Sweida spread north"', 'topic:syria-israel direction:improved alert:opportunity note:"Direct talks resume in Paris"'],
  run(args, ctx) {
    const now = ctx.now();
    const zone = viewZone(ctx);
    const call: TrendCall = {
      topic: trendTopic(ctx, String(args.topic)),
      day: dayInZone(now, zone),
      direction: args.direction as TrendDirection,
      note: String(args.note).trim(),
      madeBy: changeAuthor(ctx.caller),
      madeAt: now.toISOString(),
    };
    if (args.alert !== undefined) call.alert = args.alert as TrendAlert;
    const { replaced } = ctx.services.trends.record(call);
    const lines: Line[] = [callLine(call, false)];
    if (replaced) lines.push([span.italic(`It replaces ${replacedWhen(replaced, call.day, zone, ctx)}: `), span.bold(callHeadline(replaced)), span.plain(` — ${replaced.note}`)]);
    return {
      title: `Trend call — ${call.topic}`,
      tone: 'success',
      intro: lines,
      sections: [],
      footer: [span.plain('History: '), span.command('trend show', `topic:${call.topic}`)],
    };
  },
};
