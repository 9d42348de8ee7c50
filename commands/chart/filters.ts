// The filters a chart takes, resolved as /timeline resolves them, with words for its title.
import { resolveActor } from '../../src/core/actor-resolution.js';
import { dayInZone } from '../../src/core/as-of-day.js';
import type { ChartData, ChartFilter, PeriodCounts } from '../../src/core/charts/chart-data-port.js';
import { addDays, yearBefore } from '../../src/core/charts/periods.js';
import type { CommandArgs, CommandContext, OptionSpec } from '../../src/core/command-spec.js';
import type { EntrySummary } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, formatIsoPartial, formatPartialDate, lastDay, parsePartialDate, precisionOf, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader, Page } from '../../src/core/ports.js';
import { plural } from '../../src/core/text.js';
import { plainLine, type Line } from '../../src/core/view.js';
import { eventTypeLabel, type EventType } from '../../src/core/vocabulary.js';
import { viewZone } from '../as-of.js';
import { resolveTopic, topicOption } from '../shared-options.js';
import { knownPlaceTerms, refuseSinceAfterUntil } from '../timeline.js';

export const sinceOption: OptionSpec = { name: 'since', description: 'From this date: 2025, 2025-07 or 2025-07-12 (default: the oldest matching entry, at most a year back)', type: 'date', example: '2025-01' };
export const untilOption: OptionSpec = { name: 'until', description: 'Up to this date (default: the newest matching entry)', type: 'date', example: '2025-07' };
export const dataOption: OptionSpec = { name: 'data', description: 'The figures as a text table instead of a picture', type: 'boolean', example: 'true' };
export { topicOption };

export interface ResolvedFilter {
  filter: ChartFilter;
  /** `topic syria-israel`, `actor Ron Dermer`…, for the title. */
  words: string[];
  /** The same words but `since`'s and `until`'s, for a title that names its period in its own words. */
  undated: string[];
  /** For an `until` after today, which a chart reads as today: says so. */
  untilNote: Line[];
}

export function chartFilter(args: CommandArgs, ctx: CommandContext): ResolvedFilter {
  const since = args.since as PartialDate | undefined;
  const until = args.until as PartialDate | undefined;
  const filter: ChartFilter = {};
  const words: string[] = [];
  // Every filter the dossier makes nothing of is named in one refusal.
  checkAll([
    () => refuseSinceAfterUntil(since, until),
    () => {
      if (args.topic) filter.topic = resolveTopic(ctx.services.dossier, String(args.topic));
    },
    () => {
      if (args.actor) {
        const actor = resolveActor(ctx.services.dossier, String(args.actor));
        filter.actorId = actor.id;
        words.push(`actor ${actor.name}`);
      }
    },
    () => {
      // A located place reads its area, as /timeline does: place:Syria holds Damascus and Sweida province.
      if (args.place) Object.assign(filter, knownPlaceTerms(ctx, String(args.place)));
    },
  ]);
  if (filter.topic) words.unshift(`topic ${filter.topic}`);
  if (args.place) words.push(`place ${String(args.place)}`);
  if (args.type) {
    filter.eventType = args.type as EventType;
    words.push(eventTypeLabel(filter.eventType));
  }
  const undated = [...words];
  if (since) {
    filter.since = firstDay(since);
    words.push(`since ${formatPartialDate(since)}`);
  }
  const untilNote: Line[] = [];
  if (until) {
    filter.until = lastDay(until);
    // No chart counts past today (chartRange): a later until is cut there, and the reply says so.
    const today = chartToday(ctx);
    const cut = firstDay(until) > today && (since === undefined || firstDay(since) <= today);
    // The title names the day the figures end on, not a day yet to come.
    words.push(`until ${cut ? formatIsoPartial(today) : formatPartialDate(until)}`);
    if (cut) untilNote.push(plainLine(`until ${formatPartialDate(until)} is after today (${formatIsoPartial(today)} in ${viewZone(ctx)}): entries are counted up to today.`));
  }
  return { filter, words, undated, untilNote };
}

/** `Entries per week — topic syria-israel`: the chart's subject and its filters. */
export const titled = (subject: string, words: readonly string[]) => (words.length > 0 ? `${subject} — ${words.join(', ')}` : subject);

/**
 * Today, as far as a chart goes: the channel's day (its digest zone, else SITREP_TZ's), as
 * `until:today` reads it. A channel whose day is already later may have dated entries or trend
 * calls after it: laterNote says so rather than leave them out silently.
 */
export function chartToday(ctx: CommandContext): string {
  return dayInZone(ctx.now(), viewZone(ctx));
}

/**
 * The days a chart covers: since/until as given, until at most today; without since, the year up
 * to until (or to the newest matching entry), or less when the entries start later. When the year
 * up to an until given holds no matching entry, the range starts a year before the newest one and
 * still ends at until. Undefined when no entry matches, or since is after today.
 */
export async function chartRange(filter: ChartFilter, data: ChartData, today: string): Promise<{ since: string; until: string } | undefined> {
  const found = filter.since !== undefined && filter.until !== undefined ? undefined : await data.dayRange(filter);
  const latest = filter.until ?? found?.newest;
  const until = latest !== undefined && latest > today ? today : latest;
  // The year back from until, or from the newest entry when that year holds none (until:2026-09, all of them in 2025).
  const yearBack = until && found ? yearBefore(yearBefore(until) <= found.newest ? until : found.newest) : undefined;
  const since = filter.since ?? (yearBack && found ? [yearBack, found.oldest].sort()[1] : undefined);
  return since && until && since <= until ? { since, until } : undefined;
}

/**
 * Matching entries and trend calls dated after today here, by a channel whose day is already
 * later (a zone east of this one): no chart counts them, so a note says so. Asked only of a chart
 * counting up to today.
 */
export async function laterNote(ctx: CommandContext, filter: ChartFilter, today: string): Promise<Line[]> {
  const tomorrow = addDays(today, 1);
  const { since: _since, until: _until, ...terms } = filter;
  const later = await ctx.services.charts.data.dayRange({ ...terms, since: tomorrow });
  const entries = later ? entriesIn(await ctx.services.charts.data.periodCounts({ ...terms, since: tomorrow, until: later.newest }, 'month')) : 0;
  const calls = ctx.services.trends.between(filter.topic, tomorrow, '9999-12-31').length;
  if (entries === 0 && calls === 0) return [];
  const what = [entries > 0 ? plural(entries, 'entry', 'entries') : '', calls > 0 ? plural(calls, 'trend call') : ''].filter(Boolean).join(' and ');
  const are = entries + calls === 1 ? 'is' : 'are';
  return [plainLine(`${what} dated after today here (${formatIsoPartial(today)} in ${viewZone(ctx)}), by a channel whose day is already later, ${are} not on this chart yet.`)];
}

/** Every entry the counts hold, those dated less precisely than their period too. */
const entriesIn = (counts: PeriodCounts) => counts.rows.reduce((sum, row) => sum + row.count, 0) + counts.imprecise;

/**
 * Entries matching the filter that start before `since` and run into it (dated `2025` or
 * `Jul 2025`, or spanning days from before): /timeline lists them from `since` on, but a chart
 * places an entry by the day it starts, which lies before the range. Up to `limit` of them, with
 * how many there are (up to the timeline's count cap).
 */
export function startedBefore(dossier: DossierReader, filter: ChartFilter, since: string, limit = 0): Page<EntrySummary> {
  const { since: _since, until: _until, ...terms } = filter;
  // Entries ending on or after since and starting on or before the day before: only those.
  return dossier.timeline({ ...terms, since, until: addDays(since, -1), limit, offset: 0 });
}

/** `Jul 2025` as typed, or the day the range found starts on. */
export const sinceWords = (args: CommandArgs, since: string) => (args.since ? formatPartialDate(args.since as PartialDate) : formatIsoPartial(since));

/**
 * `from Jul 2024 to Jun 2025`, `from 1 Jul 2025 to 1 Aug 2025`: each end as typed, or as the day
 * found when not given (or, for an until after today, today's: the range stops there). Ends of
 * different precision (`since:2025-07` up to the newest entry's day) are both written as days, as
 * /chart timeline names a range cut to days: a month up to a day reads as a slip.
 */
export function periodWords(args: CommandArgs, range: { since: string; until: string }): string {
  const typedSince = args.since as PartialDate | undefined;
  const typedUntil = args.until as PartialDate | undefined;
  const since = typedSince ?? dayOf(range.since);
  const until = typedUntil && lastDay(typedUntil) <= range.until ? typedUntil : dayOf(range.until);
  const samePrecision = precisionOf(since) === precisionOf(until);
  const from = formatPartialDate(samePrecision ? since : dayOf(firstDay(since)));
  const to = formatPartialDate(samePrecision ? until : dayOf(lastDay(until)));
  if (from !== to) return `from ${from} to ${to}`;
  return /^\d+ /.test(from) ? `on ${from}` : `in ${from}`;
}

/** A `YYYY-MM-DD` day as a date of day precision. */
const dayOf = (day: string): PartialDate => parsePartialDate(day)!;
