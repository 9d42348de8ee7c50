// /trend set — an admin's call of which way a topic is going. One call per topic and day, the day
// as the channel reads `today` (its digest zone, else SITREP_TZ): a second call the same day
// replaces the first (a correction of the day's judgement, which is what someone re-running it
// means), and the reply shows what it replaced.
import type { SubcommandSpec } from '../src/core/command-spec.js';
import { changeAuthor } from '../src/core/caller.js';
import { callHeadline, callLine, TREND_ALERTS, TREND_DIRECTIONS, type TrendAlert, type TrendCall, type TrendDirection } from '../src/core/trends.js';
import { span, type Line } from '../src/core/view.js';
import { dayInZone } from '../src/core/as-of-day.js';
import { viewZone } from './as-of.js';
import { topicOption } from './shared-options.js';
import { instantsFor } from './when.js';
import { trendTopic } from './trend-topic.js';

const NOTE_LENGTH = 500;

export const setTrend: SubcommandSpec = {
  name: 'set',
  description: 'Call which way a topic is going today (a second call the same day replaces it)',
  adminOnly: true,
  options: [
    { ...topicOption, required: true },
    {
      name: 'direction',
      description: 'deteriorated ↑, improved ↓ or unchanged →',
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
    const call: TrendCall = {
      topic: trendTopic(ctx, String(args.topic)),
      day: dayInZone(now, viewZone(ctx)),
      direction: args.direction as TrendDirection,
      note: String(args.note).trim(),
      madeBy: changeAuthor(ctx.caller),
      madeAt: now.toISOString(),
    };
    if (args.alert !== undefined) call.alert = args.alert as TrendAlert;
    const { replaced } = ctx.services.trends.record(call);
    const lines: Line[] = [callLine(call, false)];
    if (replaced) {
      // Made today, so the time alone: `09:15 UTC`, `01:30 Asia/Beirut`.
      const at = instantsFor(ctx)(replaced.madeAt).slice('YYYY-MM-DD '.length);
      lines.push([span.italic(`It replaces the call ${replaced.madeBy} made today at ${at}: `), span.bold(callHeadline(replaced)), span.plain(` — ${replaced.note}`)]);
    }
    return {
      title: `Trend call — ${call.topic}`,
      tone: 'success',
      intro: lines,
      sections: [],
      footer: [span.plain('History: '), span.command('trend show', `topic:${call.topic}`)],
    };
  },
};
