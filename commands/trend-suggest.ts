// /trend suggest — the figures behind a call: a topic's last 30 days against the 30 before
// (entries by type, armed clashes, strikes, and people reported killed where entries give figures), with the
// direction they point to. The admin decides; this only proposes.
import { dayInZone, refuseFuture } from '../src/core/as-of-day.js';
import type { CommandContext, SubcommandSpec } from '../src/core/command-spec.js';
import type { EntrySummary } from '../src/core/domain.js';
import { entriesDated } from '../src/core/left-out-tolls.js';
import { formatIsoPartial, lastDay, type PartialDate } from '../src/core/partial-date.js';
import { callHeadline, callLine, casualtiesText, clashes, figuresText, strikes, suggestDirection, trendWindows, undatedPeriods, undatedText, WINDOW_DAYS, type Suggestion, type WindowFigures } from '../src/core/trends.js';
import { plural } from '../src/core/text.js';
import { plainLine, span, type Fact, type Line } from '../src/core/view.js';
import { viewZoneOrigin } from './as-of.js';
import { topicOption } from './shared-options.js';
import { trendTopic } from './trend-topic.js';

/** The day the windows end: `until`'s last day, refused in the future; else today, in the channel's zone. */
function windowEnd(until: PartialDate | undefined, ctx: CommandContext): string {
  const { zone, hint } = viewZoneOrigin(ctx);
  const today = dayInZone(ctx.now(), zone);
  if (until === undefined) return today;
  refuseFuture(until, today, zone, 'until', 'Give a day up to today, or leave it out.', hint);
  return [lastDay(until), today].sort()[0]!;
}

const period = (w: WindowFigures) => `${formatIsoPartial(w.from)} – ${formatIsoPartial(w.to)}`;

/**
 * Fatality figures a window's proposal may rest on: those of 2 or more entries, a third or more
 * of the window's. Fewer say what one report said, not where the topic is going (an unknown toll
 * is not zero, so one entry's 0 among four is no fall).
 */
const MIN_FIGURED_ENTRIES = 2;
const MIN_FIGURED_SHARE = 1 / 3;
const wellFigured = (w: WindowFigures) => w.casualties !== undefined && w.casualties.entries >= MIN_FIGURED_ENTRIES && w.casualties.entries >= w.entries * MIN_FIGURED_SHARE;
const withoutCasualties = ({ casualties: _left, ...w }: WindowFigures): WindowFigures => w;
const coverage = (w: WindowFigures) => (w.casualties ? `${w.casualties.entries} of ${plural(w.entries, 'entry', 'entries')}` : `none of ${plural(w.entries, 'entry', 'entries')}`);

/** The direction proposed, and when both windows have figures too thin to go by, why they were left aside. */
function proposal(before: WindowFigures, recent: WindowFigures): Suggestion {
  if (!before.casualties || !recent.casualties || (wellFigured(before) && wellFigured(recent))) return suggestDirection(before, recent);
  const suggestion = suggestDirection(withoutCasualties(before), withoutCasualties(recent));
  const why = ` People reported killed are left aside: figures come from too few entries to go by (${coverage(before)}, then ${coverage(recent)}).`;
  return { ...suggestion, reason: suggestion.reason + why };
}

/** The entries dated only to a month or a year overlapping the windows, read for the people they report killed. */
function undatedEntries(ctx: CommandContext, topic: string, from: string, to: string): EntrySummary[] {
  return undatedPeriods(from, to).flatMap((date) => entriesDated(ctx.services.dossier, { topic }, date));
}

/**
 * Nothing counted in either window: where the topic's latest entries dated to the day are, or that
 * it has none (entries dated only to a month or a year are never counted).
 */
function quietLines(ctx: CommandContext, topic: string, undatedInWindows: boolean): Line[] {
  const newestEntry = ctx.services.dossier.timeline({ topic, limit: 1, offset: 0 }).items[0];
  if (!newestEntry) return [];
  const newest = ctx.services.trends.newestDayDated(topic);
  if (!newest) return [[span.plain(`No entry of ${topic} is dated to the day, so none is counted. All of them: `), span.command('timeline', `topic:${topic}`)]];
  const none = `No entry of ${topic}${undatedInWindows ? ' dated to the day' : ''}`;
  const its = newestEntry.start.day !== undefined ? 'its newest' : 'its newest dated to the day';
  return [[
    span.plain(`${none} starts in these 60 days; ${its} starts on ${formatIsoPartial(newest)}. Compare the 60 days up to it: `),
    span.command('trend suggest', `topic:${topic} until:${newest}`),
  ]];
}

/**
 * How to act on the proposal. A call is always made for today, so figures ending on a past day
 * are not offered as one; nor is "unchanged" when the windows hold too few events to see anything.
 */
function footer(topic: string, suggestion: Suggestion, pastEnd: string | undefined): Line {
  if (pastEnd !== undefined) {
    return [span.plain(`These figures end on ${formatIsoPartial(pastEnd)}, and a call made now is dated today. Today's figures: `), span.command('trend suggest', `topic:${topic}`)];
  }
  if (suggestion.tooFew) {
    return [span.plain('Too few events to propose a call; one made on other grounds: '), span.command('trend set', `topic:${topic} direction:… note:"…"`)];
  }
  return [span.plain('To make it: '), span.command('trend set', `topic:${topic} direction:${suggestion.direction} note:"…"`)];
}

export const suggestTrend: SubcommandSpec = {
  name: 'suggest',
  description: "A topic's last 30 days against the 30 before, and the direction they point to",
  readOnly: true,
  options: [
    { ...topicOption, required: true },
    { name: 'until', description: 'The windows end on this day (default: today): 2025-07-26', type: 'date', example: '2025-07-26' },
  ],
  examples: ['topic:syria-israel', 'topic:syria-israel until:2025-07-26'],
  run(args, ctx) {
    const topic = trendTopic(ctx, String(args.topic));
    const end = windowEnd(args.until as PartialDate | undefined, ctx);
    const { before, recent, undated } = trendWindows(ctx.services.trends, topic, end);
    const quiet = recent.entries + before.entries === 0 ? quietLines(ctx, topic, undated > 0) : [];
    const suggestion = proposal(before, recent);
    const facts: Fact[] = [
      { label: `Last ${WINDOW_DAYS} days`, value: plainLine(`${period(recent)}: ${figuresText(recent)}`) },
      { label: `${WINDOW_DAYS} days before`, value: plainLine(`${period(before)}: ${figuresText(before)}`) },
      { label: 'Armed clashes', value: plainLine(`${clashes(before)}, then ${clashes(recent)}`) },
      { label: 'Strikes', value: plainLine(`${strikes(before)}, then ${strikes(recent)} (air/drone strikes and shelling)`) },
    ];
    if (before.casualties !== undefined || recent.casualties !== undefined) {
      facts.push({ label: 'Reported killed', value: plainLine(`${casualtiesText(before)}, then ${casualtiesText(recent)}`) });
    }
    const latest = ctx.services.trends.latestByTopic().get(topic);
    // Up to a past day: the call in force then is what these figures are weighed against.
    const past = args.until === undefined ? undefined : { day: end, call: ctx.services.trends.between(topic, '0001-01-01', end).at(-1) };
    const calls = past
      ? [
          { heading: [span.bold(`Call in force on ${formatIsoPartial(end)}`)], lines: [past.call ? callLine(past.call, false) : plainLine('None yet then.')] },
          ...(latest && latest !== past.call && latest.day !== past.call?.day ? [{ heading: [span.bold('Latest call')], lines: [callLine(latest, false)] }] : []),
        ]
      : [{ heading: [span.bold('Latest call')], lines: [latest ? callLine(latest, false) : plainLine('None yet.')] }];
    const counted = past
      ? 'Entries counted by the day each starts, as the dossier holds them now (for the dossier as it stood then, /timeline as_of:); the call is yours to make.'
      : 'Entries counted by the day each starts; the call is yours to make.';
    return {
      title: `Trend suggestion — ${topic}`,
      tone: 'normal',
      intro: [plainLine(counted), ...(undated > 0 ? [plainLine(undatedText(undated, undatedEntries(ctx, topic, before.from, recent.to)))] : []), ...quiet],
      facts,
      sections: [
        { heading: [span.bold('Proposed')], lines: [[span.bold(callHeadline(suggestion)), span.plain(` — ${suggestion.reason}`)]] },
        ...calls,
      ],
      footer: footer(topic, suggestion, end < dayInZone(ctx.now(), viewZoneOrigin(ctx).zone) ? end : undefined),
    };
  },
};
