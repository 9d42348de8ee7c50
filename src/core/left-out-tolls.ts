// Entries a figure leaves out (dated less precisely than it counts by) and the fatalities they
// carry, in words: a total of people killed that leaves out a toll says how large it is, so the
// total is not read as the whole.
import type { EntrySummary } from './domain.js';
import { formatFatalities, sumFatalities } from './fatalities.js';
import { firstDay, formatDateSpan, lastDay, parsePartialDate, toIsoPartial } from './partial-date.js';
import type { DossierReader, TimelineQuery } from './ports.js';
import { plural } from './text.js';

/** The filters of a timeline query, without its dates and page. */
export type EntryTerms = Omit<TimelineQuery, 'since' | 'until' | 'limit' | 'offset'>;

/** Entries read a page at a time, up to a bound no day of one filter's entries reaches. */
const PAGE = 200;
const MAX_PAGES = 25;

/**
 * The entries matching `terms` whose start is exactly `date` as given (`2025-07`, `2025`): read
 * from those overlapping its first day, which they all do, and few others.
 */
export function entriesDated(dossier: DossierReader, terms: EntryTerms, date: string): EntrySummary[] {
  const parsed = parsePartialDate(date);
  if (!parsed) return [];
  const day = firstDay(parsed);
  const found: EntrySummary[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items } = dossier.timeline({ ...terms, since: day, until: day, limit: PAGE, offset: page * PAGE });
    found.push(...items.filter((entry) => toIsoPartial(entry.start) === date));
    if (items.length < PAGE) break;
  }
  return found;
}

/** Whether an entry spans a single day: a chart counts it on that day, whatever its precision. */
export const oneDay = (entry: Pick<EntrySummary, 'start' | 'end'>) => firstDay(entry.start) === lastDay(entry.end ?? entry.start);

/**
 * `with 150 (100 to 200) reported killed`, or `… in 2 of them` when only some give figures;
 * undefined when none does.
 */
export function tollWords(entries: readonly Pick<EntrySummary, 'fatalities'>[]): string | undefined {
  const sum = sumFatalities(entries.map((entry) => entry.fatalities));
  if (!sum) return undefined;
  const some = sum.entries < entries.length ? ` in ${sum.entries} of them` : '';
  return `with ${formatFatalities(sum.figures)} reported killed${some}`;
}

export interface LeftOut {
  /** How many entries are left out. */
  count: number;
  /** Those found of them, for their dates and figures. */
  entries: readonly EntrySummary[];
  /** Why, as the entries' description: `dated less precisely than a week`. */
  vaguely: string;
  /** One entry with figures is named by its date (the default), which says why it is left out. */
  byDate?: boolean;
}

/**
 * `1 entry dated Jul 2025, with 150 (100 to 200) reported killed, is not on this chart`: one
 * entry with figures by its date; several by why they are left out, with their figures added up;
 * without figures, only why. `verbs`: the rest of the sentence for one entry and for several.
 */
export function leftOutSentence(leftOut: LeftOut, [one, many]: readonly [string, string]): string {
  const { count, entries, vaguely } = leftOut;
  const verb = count === 1 ? one : many;
  const toll = tollWords(entries);
  if (!toll) return `${plural(count, 'entry', 'entries')} ${vaguely} ${verb}`;
  const only = count === 1 && entries.length === 1 && leftOut.byDate !== false ? entries[0] : undefined;
  const described = only ? `dated ${formatDateSpan(only.start, only.end)}` : vaguely;
  return `${plural(count, 'entry', 'entries')} ${described}, ${toll}, ${verb}`;
}
