// /chart timeline — entries per week or month, stacked by event type, as a picture, with the
// fatalities they record as a line and the topic's trend calls marked at their period.
import type { PeriodUnit, TimelineChart } from '../../src/core/charts/chart.js';
import type { ChartFilter, PeriodCounts } from '../../src/core/charts/chart-data-port.js';
import { altText } from '../../src/core/charts/alt-text.js';
import { chartImage } from '../../src/core/charts/picture.js';
import { countedUntil, periodCount, periodEnd, periodLabel } from '../../src/core/charts/periods.js';
import { buildTimelineChart, chartTotal, timelineAlt, timelineTable } from '../../src/core/charts/timeline-chart.js';
import { fatalityLine, trendMarks } from '../../src/core/charts/timeline-series.js';
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntrySummary } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { entriesDated, leftOutSentence, oneDay } from '../../src/core/left-out-tolls.js';
import { formatIsoPartial } from '../../src/core/partial-date.js';
import type { DossierReader, Page } from '../../src/core/ports.js';
import { plural } from '../../src/core/text.js';
import { plainLine, type Line, type View } from '../../src/core/view.js';
import { actorFilterOption, eventTypeOption, placeFilterOption } from '../shared-options.js';
import { checkFiltersExist } from '../timeline.js';
import { dataButton } from './data-button.js';
import { countedEntries, countPeriods, firstDayBy, unitForSpan } from './periods.js';
import { chartFilter, chartRange, chartToday, dataOption, laterNote, periodWords, sinceOption, sinceWords, startedBefore, titled, topicOption, untilOption } from './filters.js';

/** The most periods one chart draws, so bars stay wider than a line. */
export const MAX_PERIODS: Record<PeriodUnit, number> = { week: 104, month: 120 };
/**
 * `today`: set when since is after it, which no entry can be dated. `earlier`: the note on
 * entries that start before since and run into the range, which then is why nothing is drawn.
 */
function nothingToChart(title: string, filtered: boolean, today?: string, earlier: Line[] = []): View {
  if (earlier.length > 0) return { title, tone: 'normal', intro: [plainLine('No matching entry starts in the range, so there is nothing to chart.'), ...earlier], sections: [] };
  const hint = today
    ? `since is after today (${formatIsoPartial(today)}): no entry is dated so late.`
    : filtered ? 'Every filter must hold for an entry: drop one, or widen since/until.' : 'Add entries with /entry add, or import them.';
  return { title, tone: 'normal', intro: [plainLine('No entries match, so there is nothing to chart.'), plainLine(hint)], sections: [] };
}

/**
 * The last period drawn, when the chart counts up to today (so that period holds it): its figures
 * are so far, not a whole week's or month's, so a short bar there is no fall.
 */
function partialNote(chart: TimelineChart, end: string, today: string): Line[] {
  const last = chart.periods.at(-1);
  if (!last || end !== today) return [];
  const period = wholePeriod(chart.unit, last.start, 'The week starting');
  return [plainLine(`${period} is not over: it is counted up to today, ${formatIsoPartial(today)}.`)];
}

/** `Jul 2025` or `the week starting 14 Jul 2025`: a period by its whole name, whatever its bar counts. */
function wholePeriod(unit: PeriodUnit, start: string, week = 'the week starting'): string {
  const label = periodLabel(start, unit);
  return unit === 'week' ? `${week} ${label}` : label;
}

/** `30 Jun` (a period's first day), or `29 Dec 2025` when `day`, which the note names in full, is in another year. */
function dayInPeriod(start: string, day: string): string {
  const words = formatIsoPartial(start);
  return day.slice(0, 4) === start.slice(0, 4) ? words.slice(0, -5) : words;
}

/** `the week starting 30 Jun`, or `the week starting 29 Dec 2025` when `day` is in another year; `Jul 2025`. */
function periodOfDay(unit: PeriodUnit, start: string, day: string): string {
  return unit === 'week' ? `the week starting ${dayInPeriod(start, day)}` : periodLabel(start, unit);
}

/** `from 1 Jul 2025`, `up to 10 Sep 2025`, or `from 2 Jul 2025 to 4 Jul 2025` when both cut one bar. */
function countedDays(chart: TimelineChart, bar: TimelineChart['periods'][number]): string {
  const { from, to } = bar.days!;
  const cutFrom = from > bar.start;
  const cutTo = to < periodEnd(bar.start, chart.unit);
  if (cutFrom && cutTo) return `from ${formatIsoPartial(from)} to ${formatIsoPartial(to)}`;
  return cutFrom ? `from ${formatIsoPartial(from)}` : `up to ${formatIsoPartial(to)}`;
}

/**
 * Bars cut by since or until (labelled by their days) count only those days: said in words, as
 * a short bar there is no fall. `Only days from 1 Jul 2025 are counted in the week starting 30 Jun.`
 */
function cutNote(chart: TimelineChart): Line[] {
  const cut = chart.periods.filter((p) => p.days);
  if (cut.length === 0) return [];
  const clauses = cut.map((p) => ({ days: countedDays(chart, p), period: periodOfDay(chart.unit, p.start, p.days!.from > p.start ? p.days!.from : p.days!.to) }));
  const [first, ...rest] = clauses;
  const more = rest.map((c) => `, and only days ${c.days} in ${c.period}`).join('');
  return [plainLine(`Only days ${first!.days} are counted in ${first!.period}${more}.`)];
}

/**
 * Entries starting before the range and running into it: /timeline lists them there, but the
 * chart counts each in the period of the day it starts, which is not drawn.
 */
function startedBeforeNote(earlier: Page<EntrySummary>, since: string, unit: PeriodUnit): Line[] {
  if (earlier.total === 0) return [];
  const tail = `not on this chart, which counts each entry in the ${unit} it starts; /timeline lists them.`;
  if (earlier.totalIsLowerBound) return [plainLine(`More than ${plural(earlier.total, 'entry', 'entries')} starting before ${since} and running into it are ${tail}`)];
  // Their figures are named only when every one of them was read.
  const entries = earlier.items.length === earlier.total ? earlier.items : [];
  return [plainLine(leftOutSentence({ count: earlier.total, entries, vaguely: `starting before ${since} and running into it`, byDate: false }, [`is ${tail}`, `are ${tail}`]))];
}

/** How many entries running into the range from before are read for their figures. */
const EARLIER_READ = 100;

/**
 * The entries dated less precisely than the chart's unit (the month-dated ones on a weekly chart),
 * read for their figures: a chart drawing a line of fatalities says what it leaves out.
 */
function impreciseEntries(dossier: DossierReader, filter: ChartFilter, counts: PeriodCounts): EntrySummary[] {
  if (counts.imprecise === 0) return [];
  const { since: _since, until: _until, ...terms } = filter;
  // An entry spanning one day is counted on it, as the chart's counts do.
  return counts.impreciseDates.flatMap((dated) => entriesDated(dossier, terms, dated.date).filter((entry) => !oneDay(entry)));
}

/** `dated Jul 2025`, `dated 1967 and Dec 2024`, `dated 1948 to Jul 2025`: entries' dates as they give them. */
function datedWords(dates: PeriodCounts['impreciseDates']): string {
  const shown = dates.map((dated) => formatIsoPartial(dated.date));
  return `dated ${shown.length <= 2 ? shown.join(' and ') : `${shown[0]} to ${shown.at(-1)}`}`;
}

/**
 * A chart whose every matching entry is dated less precisely than its period (`1967` on a chart by
 * month): an empty picture would say nothing, so the reply says why in words. `period`: the
 * since/until typed; without both, the entries are named by their own dates, as the range found
 * from them starts on their first days, which no entry gives.
 */
function tooImprecise(title: string, unit: PeriodUnit, period: string | undefined, counts: PeriodCounts, yearDated: number): View {
  const entries = counts.imprecise;
  const monthDated = entries - yearDated;
  const precision = monthDated > 0 && yearDated > 0 ? 'a month or a year' : monthDated > 0 ? 'a month' : 'a year';
  const [is, they] = entries === 1 ? ['is', 'it is'] : ['are', 'they are'];
  const hint = monthDated === entries ? 'by:month counts them.' : monthDated > 0 ? `by:month counts the ${monthDated} dated to a month.` : '/timeline lists them.';
  const by = monthDated > 0 ? unit : 'week or month';
  const said = period
    ? `${plural(entries, 'entry', 'entries')} ${period} ${is} dated only to ${precision}, so ${they} not counted by ${by}`
    : `${plural(entries, 'entry', 'entries')} ${datedWords(counts.impreciseDates)} (only to ${precision}) ${is} not counted by ${by}`;
  return { title, tone: 'normal', intro: [plainLine(`${said}: there is nothing to chart.`), plainLine(hint)], sections: [] };
}

export const chartTimeline: SubcommandSpec = {
  name: 'timeline',
  description: 'Entries per week or month, stacked by event type, as a picture',
  readOnly: true,
  options: [
    topicOption,
    actorFilterOption,
    placeFilterOption,
    eventTypeOption,
    sinceOption,
    // No period after today's is drawn, whatever until says.
    { ...untilOption, description: 'Up to this date, at most today (default: the newest matching entry)' },
    { name: 'by', description: 'Bars per week or per month (default: week for a year or less, month if most are dated to one)', type: 'choice', choices: [{ value: 'week', label: 'week' }, { value: 'month', label: 'month' }], example: 'month' },
    dataOption,
  ],
  examples: ['topic:syria-israel', 'actor:"Ron Dermer" by:month', 'since:2024-07 until:2025-06 type:talks', 'topic:syria-israel data:true'],
  async run(args, ctx) {
    const { filter, words, untilNote } = chartFilter(args, ctx);
    const data = ctx.services.charts.data;
    // No period after today's is drawn: nothing in the dossier lies there, so it would show zeros.
    const today = chartToday(ctx);
    const range = await chartRange(filter, data, today);
    const given = args.by as PeriodUnit | undefined;
    const unitBySpan: PeriodUnit = given ?? (range ? unitForSpan(range) : 'week');
    if (!range) {
      // A place no entry has is refused, as /timeline refuses it.
      checkFiltersExist(ctx.services.dossier, undefined, args.place === undefined ? undefined : String(args.place), ctx.services.places);
      // None starts in the range, but some may run into it from before, as /timeline lists them.
      const late = filter.since !== undefined && filter.since > today;
      const earlier = filter.since !== undefined && !late ? startedBeforeNote(startedBefore(ctx.services.dossier, filter, filter.since, EARLIER_READ), sinceWords(args, filter.since), unitBySpan) : [];
      return nothingToChart(titled(`Entries per ${unitBySpan}`, words), words.length > 0, late ? today : undefined, earlier);
    }
    const { until } = range;
    const first = firstDayBy(filter, range, unitBySpan);
    const periods = periodCount(first, until, unitBySpan);
    if (periods > MAX_PERIODS[unitBySpan]) {
      const years = Math.floor(MAX_PERIODS.month / 12);
      const shorter = unitBySpan === 'week' ? 'Use by:month, or a shorter since/until.' : `Chart at most ${years} years at a time (since:${Number(first.slice(0, 4)) + Math.max(0, Math.ceil(periods / 12) - years)} until:${until.slice(0, 4)}, say); /timeline lists entries of any span.`;
      throw new UserError('invalid-option', `A chart by ${unitBySpan} draws at most ${MAX_PERIODS[unitBySpan]} ${unitBySpan}s; since/until span ${periods} ${unitBySpan}s.`, [shorter], 'since');
    }
    const { unit, since, counts, byMonthInstead, byMonth } = await countPeriods(filter, range, unitBySpan, given, data);
    const earlier = startedBefore(ctx.services.dossier, filter, since, EARLIER_READ);
    const earlierNote = startedBeforeNote(earlier, sinceWords(args, since), unit);
    const title = titled(`Entries per ${unit}`, words);
    if (countedEntries(counts) === 0 && counts.imprecise > 0) {
      const yearDated = unit === 'month' ? counts.imprecise : (await byMonth()).imprecise;
      const view = tooImprecise(title, unit, args.since && args.until ? periodWords(args, range) : undefined, counts, yearDated);
      return { ...view, intro: [...(view.intro ?? []), ...earlierNote] };
    }
    // The calls of the days counted; without until, of the whole last period drawn (up to today).
    const end = countedUntil(until, filter.until !== undefined, unit, today);
    const calls = ctx.services.trends.between(filter.topic, since, end);
    const series = [...fatalityLine(counts.fatalities, since, until, unit), ...trendMarks(calls, unit, filter.topic === undefined)];
    // An until within the last period cuts it, unless that period holds today (it is then not over).
    const countedTo = filter.until !== undefined && end < today ? end : undefined;
    const chart = buildTimelineChart({ title, unit, since, until, counts, series, ...(countedTo ? { countedTo } : {}) });
    if (chartTotal(chart) === 0) return nothingToChart(title, words.length > 0, undefined, earlierNote);
    const leftOut = { count: counts.imprecise, entries: impreciseEntries(ctx.services.dossier, filter, counts), vaguely: `dated less precisely than a ${unit}` };
    const leftOutWords = counts.imprecise > 0 ? leftOutSentence(leftOut, ['is not on this chart', 'are not on this chart']) : undefined;
    const description = timelineAlt(chart);
    // The alt text says what the picture leaves out too: its line of fatalities is not the whole toll.
    const alt = altText(description, leftOutWords ? `${leftOutWords}.` : undefined);
    const imprecise = leftOutWords ? [plainLine(`${leftOutWords}${unit === 'week' ? ' (by:month shows those dated to a month)' : ''}.`)] : [];
    const notes = [
      ...(byMonthInstead ? [plainLine('By month, as most of these entries are dated only to a month (by:week draws weeks).')] : []),
      ...imprecise,
      ...earlierNote,
      ...untilNote,
      ...cutNote(chart),
      ...partialNote(chart, end, today),
      ...(end === today ? await laterNote(ctx, filter, today) : []),
    ];
    if (args.data === true) {
      return { title: `Data — ${title}`, tone: 'normal', intro: [plainLine(description), ...notes], sections: [{ lines: timelineTable(chart) }] };
    }
    // The picture's alt text describes it: the text under the title does not say it again.
    return {
      title,
      tone: 'normal',
      intro: notes,
      sections: [],
      image: chartImage(ctx.services.charts.renderer, chart, alt, () => timelineTable(chart)),
      buttons: [dataButton('timeline', args)],
    };
  },
};
