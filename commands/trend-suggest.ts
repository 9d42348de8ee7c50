// /trend suggest — the figures behind a call: a topic's last 30 days against the 30 before
// (entries by type, armed clashes, strikes, and people reported killed where entries give figures), with the
// direction they point to. The admin decides; this only proposes.
import { shiftDay } from '../src/core/as-of-day.js';
import type { SubcommandSpec } from '../src/core/command-spec.js';
import { formatIsoPartial } from '../src/core/partial-date.js';
import { callHeadline, callLine, casualtiesText, clashes, figuresText, strikes, suggestDirection, type WindowFigures } from '../src/core/trends.js';
import { plainLine, span, type Fact } from '../src/core/view.js';
import { topicOption } from './shared-options.js';
import { trendTopic } from './trend-topic.js';

const WINDOW_DAYS = 30;

const period = (w: WindowFigures) => `${formatIsoPartial(w.from)} – ${formatIsoPartial(w.to)}`;

export const suggestTrend: SubcommandSpec = {
  name: 'suggest',
  description: "A topic's last 30 days against the 30 before, and the direction they point to",
  readOnly: true,
  options: [{ ...topicOption, required: true }],
  examples: ['topic:syria-israel'],
  run(args, ctx) {
    const topic = trendTopic(ctx, String(args.topic));
    const today = ctx.now().toISOString().slice(0, 10);
    const recent = ctx.services.trends.figures(topic, shiftDay(today, 1 - WINDOW_DAYS), today);
    const before = ctx.services.trends.figures(topic, shiftDay(today, 1 - 2 * WINDOW_DAYS), shiftDay(today, -WINDOW_DAYS));
    const suggestion = suggestDirection(before, recent);
    const facts: Fact[] = [
      { label: `Last ${WINDOW_DAYS} days`, value: plainLine(`${period(recent)}: ${figuresText(recent)}`) },
      { label: `${WINDOW_DAYS} days before`, value: plainLine(`${period(before)}: ${figuresText(before)}`) },
      { label: 'Armed clashes', value: plainLine(`${clashes(before)} → ${clashes(recent)}`) },
      { label: 'Strikes', value: plainLine(`${strikes(before)} → ${strikes(recent)} (air/drone strikes and shelling)`) },
    ];
    if (before.casualties !== undefined || recent.casualties !== undefined) {
      facts.push({ label: 'Reported killed', value: plainLine(`${casualtiesText(before)} → ${casualtiesText(recent)}`) });
    }
    const latest = ctx.services.trends.latestByTopic().get(topic);
    return {
      title: `Trend suggestion — ${topic}`,
      tone: 'normal',
      intro: [plainLine('Entries counted by the day each starts; the call is yours to make.')],
      facts,
      sections: [
        { heading: [span.bold('Proposed')], lines: [[span.bold(callHeadline(suggestion)), span.plain(` — ${suggestion.reason}`)]] },
        { heading: [span.bold('Latest call')], lines: [latest ? callLine(latest, false) : plainLine('None yet.')] },
      ],
      footer: [span.plain('To make it: '), span.command('trend set', `topic:${topic} direction:${suggestion.direction} note:"…"`)],
    };
  },
};
