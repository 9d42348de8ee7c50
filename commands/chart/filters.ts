// The filters a chart takes, resolved as /timeline resolves them, with words for its title.
import { resolveActor } from '../../src/core/actor-resolution.js';
import { dayInZone } from '../../src/core/as-of-day.js';
import type { ChartData, ChartFilter } from '../../src/core/charts/chart-data-port.js';
import { addDays, yearBefore } from '../../src/core/charts/periods.js';
import type { CommandArgs, CommandContext, OptionSpec } from '../../src/core/command-spec.js';
import type { EntrySummary } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, formatIsoPartial, formatPartialDate, lastDay, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader, Page } from '../../src/core/ports.js';
import { eventTypeLabel, type EventType } from '../../src/core/vocabulary.js';
import { viewZone } from '../as-of.js';
import { resolveTopic, topicOption } from '../shared-options.js';
import { knownPlaceTerms, refuseSinceAfterUntil } from '../timeline.js';

export const sinceOption: OptionSpec = { name: 'since', description: 'From this date: 2025, 2025-07 or 2025-07-12 (default: the oldest matching entry, at most a year before until)', type: 'date', example: '2025-01' };
export const untilOption: OptionSpec = { name: 'until', description: 'Up to this date (default: the newest matching entry)', type: 'date', example: '2025-07' };
export const dataOption: OptionSpec = { name: 'data', description: 'The figures as a text table instead of a picture', type: 'boolean', example: 'true' };
export { topicOption };

export interface ResolvedFilter {
  filter: ChartFilter;
  /** `topic syria-israel`, `actor Ron Dermer`…, for the title. */
  words: string[];
  /** The same words but `since`'s and `until`'s, for a title that names its period in its own words. */
  undated: string[];
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
  if (until) {
    filter.until = lastDay(until);
    words.push(`until ${formatPartialDate(until)}`);
  }
  return { filter, words, undated };
}

/** `Entries per week — topic syria-israel`: the chart's subject and its filters. */
export const titled = (subject: string, words: readonly string[]) => (words.length > 0 ? `${subject} — ${words.join(', ')}` : subject);

/**
 * Today, as far as a chart goes: the later of the channel's day (entries are dated up to it, and
 * trend calls made here) and the UTC day (calls made where no zone is set), so nothing in the
 * dossier lies after it.
 */
export function chartToday(ctx: CommandContext): string {
  const now = ctx.now();
  return [dayInZone(now, viewZone(ctx)), now.toISOString().slice(0, 10)].sort()[1]!;
}

/**
 * The days a chart covers: since/until as given; without them, the year up to the newest matching
 * entry, or less when the entries start later. With `today`, until is at most today (and the year
 * runs back from it). Undefined when no entry matches, or since is after today.
 */
export async function chartRange(filter: ChartFilter, data: ChartData, today?: string): Promise<{ since: string; until: string } | undefined> {
  const found = filter.since !== undefined && filter.until !== undefined ? undefined : await data.dayRange(filter);
  const latest = filter.until ?? found?.newest;
  const until = today !== undefined && latest !== undefined && latest > today ? today : latest;
  const since = filter.since ?? (until && found ? [yearBefore(until), found.oldest].sort()[1] : undefined);
  return since && until && since <= until ? { since, until } : undefined;
}

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

/** `from Jul 2024 to 26 Jul 2025`: each end as typed, or as the day found when not given. */
export function periodWords(args: CommandArgs, range: { since: string; until: string }): string {
  const since = args.since ? formatPartialDate(args.since as PartialDate) : formatIsoPartial(range.since);
  const until = args.until ? formatPartialDate(args.until as PartialDate) : formatIsoPartial(range.until);
  if (since !== until) return `from ${since} to ${until}`;
  return /^\d+ /.test(since) ? `on ${since}` : `in ${since}`;
}
