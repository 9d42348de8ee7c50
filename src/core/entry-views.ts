// View pieces shared by the commands that show entries: one section per entry, the date with
// its precision, actor lists, fatalities, sources with their grades, claims and pagination.
import { isolated } from './bidi-isolate.js';
import type { CommandArgs } from './command-spec.js';
import type { ClaimInput, EntrySummary, SourceRecord } from './domain.js';
import { formatFatalities, sumFatalities } from './fatalities.js';
import type { Page } from './ports.js';
import { firstDay, formatDateSpan, formatIsoPartial, formatPartialDate, lastDay, type PartialDate } from './partial-date.js';
import { typedDate } from './day-time.js';
import { formatCount, plural } from './text.js';
import { UserError } from './errors.js';
import { gradeText } from './source-grade.js';
import { outletLink } from './source-link.js';
import { formatInvocation } from './text-syntax.js';
import { eventTypeLabel } from './vocabulary.js';
import { span, type Invocation, type Line, type Pager, type Section } from './view.js';

export function entryDateText(entry: Pick<EntrySummary, 'start' | 'end'>): string {
  return formatDateSpan(entry.start, entry.end);
}

export function entryHeading(entry: EntrySummary): Line {
  return [span.bold(`#${entry.id}`), span.plain(' '), span.bold(entry.title)];
}

export function entryMetaLine(entry: EntrySummary): Line {
  const fatalities = entry.fatalities ? ` · fatalities ${formatFatalities(entry.fatalities)}` : '';
  return [span.plain(`${entryDateText(entry)} · ${eventTypeLabel(entry.eventType)} · ${entry.confidence}${fatalities}`)];
}

/** The days a list covers, `YYYY-MM-DD`: it lists the entries whose dates reach into them. */
export interface ListedDays {
  since?: string | undefined;
  until?: string | undefined;
}

/** Whether an entry's dates run past the days listed: it only reaches into them (`Jul 2025` from 29 Jul). */
const reachesOut = (entry: EntrySummary, days: ListedDays) =>
  (days.since !== undefined && firstDay(entry.start) < days.since) || (days.until !== undefined && lastDay(entry.end ?? entry.start) > days.until);

/**
 * `, of which 150 (100 to 200) from 1 entry dated Jul 2025 that only reaches into this range`: the
 * part of a sum given by entries whose toll may lie mostly outside the days listed.
 */
function reachingInWords(entries: readonly EntrySummary[], days: ListedDays): string {
  const reaching = entries.filter((entry) => entry.fatalities && reachesOut(entry, days));
  const sum = sumFatalities(reaching.map((entry) => entry.fatalities));
  if (!sum) return '';
  const dates = [...new Set(reaching.map(entryDateText))];
  const dated = dates.length <= 2 ? ` dated ${dates.join(' and ')}` : '';
  const reach = reaching.length === 1 ? 'reaches' : 'reach';
  return `, of which ${formatFatalities(sum.figures)} from ${plural(reaching.length, 'entry', 'entries')}${dated} that only ${reach} into this range`;
}

/**
 * The fatalities of the entries shown, added up (a list's header); none when no entry has figures.
 * `days`: the range listed, whose entries running past it are named apart in the sum.
 */
export function fatalitiesSumLine(entries: readonly EntrySummary[], shown: string, days: ListedDays = {}): Line[] {
  const sum = sumFatalities(entries.map((e) => e.fatalities));
  if (!sum) return [];
  return [[span.plain(`Fatalities ${shown}: ${formatFatalities(sum.figures)}, from ${plural(sum.entries, 'entry', 'entries')} with figures${reachingInWords(entries, days)}.`)]];
}

/**
 * A source as listed: the outlet (a link when it has one), its grade with what it says
 * (`AFP · B2 (usually reliable; probably true)`: a bare code means nothing to most readers),
 * attribution and date.
 */
export function sourceLine(source: SourceRecord): Line {
  const line: Line = outletLink(source.outlet, source.url, span.bold);
  if (source.grade) line.push(span.plain(` · ${gradeText(source.grade)}`));
  if (source.attribution) line.push(span.plain(` — ${isolated(source.attribution)}`));
  if (source.published) line.push(span.plain(` (${formatIsoPartial(source.published)})`));
  return line;
}

/** `confirms · 26 Jul 2025 · Syrian state television · F1 — as reported`, after whoever made the claim. */
export function claimLine(lead: Line, claim: ClaimInput): Line {
  return [
    ...lead,
    span.plain(` ${claim.stance} · ${formatPartialDate(claim.date)} · `),
    ...sourceLine(claim.source),
    ...(claim.note ? [span.italic(` — ${isolated(claim.note)}`)] : []),
  ];
}

export function actorsText(entry: EntrySummary): string {
  return entry.actors.map((a) => `${isolated(a.name)} (${a.role})`).join(', ');
}

/** An entry as a timeline item: heading, date/type/confidence, actors and places. */
export function entrySection(entry: EntrySummary, extra: Line[] = []): Section {
  const lines: Line[] = [entryMetaLine(entry), ...extra];
  if (entry.actors.length > 0) lines.push([span.italic('Actors: '), span.plain(actorsText(entry))]);
  if (entry.places.length > 0) lines.push([span.italic('Places: '), span.plain(entry.places.map(isolated).join(', '))]);
  return { heading: entryHeading(entry), lines };
}

/** Typed args back into the plain values an invocation carries (dates as `2025-07`). */
export function invocationArgs(args: CommandArgs): Record<string, string | number | boolean> {
  const plain: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    plain[name] = typeof value === 'object' ? typedDate(value as PartialDate) : value;
  }
  return plain;
}

export interface PageRequest {
  page: number;
  limit: number;
}

export function pageRequest(args: CommandArgs, defaultLimit: number): PageRequest & { offset: number } {
  const limit = (args.limit as number | undefined) ?? defaultLimit;
  const page = (args.page as number | undefined) ?? 1;
  return { page, limit, offset: (page - 1) * limit };
}

/** A page past the end, refused alike by every paged list: how many pages there are, and the last one to run when known. */
function pastTheEnd(page: number, pages: string, last: Invocation | undefined): UserError {
  return new UserError('invalid-option', `Option \`page\` is past the end — got \`${page}\`.`, [pages, ...(last ? [`Last page: ${formatInvocation(last)}`] : [])], 'page');
}

const pagesOf = (pageCount: number, many: string) => `There ${pageCount === 1 ? 'is 1 page' : `are ${pageCount} pages`} of ${many}.`;

/**
 * The pager of a list counted exactly, `size` to a page (none when one page holds it all); a
 * page past the end is refused, naming how many there are and the last page to run.
 */
export function exactPager(page: number, total: number, size: number, many: string, at: (page: number) => Invocation): { pager?: Pager } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  if (page > pageCount && total > 0) throw pastTheEnd(page, pagesOf(pageCount, many), at(pageCount));
  if (pageCount === 1) return {};
  return { pager: { page, pageCount, total, ...(page < pageCount ? { next: at(page + 1) } : {}), ...(page > 1 ? { previous: at(page - 1) } : {}) } };
}

/** The pager and the "Showing 1 to 10 of 17" line for a page of results. */
export function pageInfo(
  base: Omit<Invocation, 'args'>,
  args: CommandArgs,
  request: PageRequest,
  result: Page<unknown>,
  [one, many]: readonly [string, string],
): { pager: Pager; intro: Line } {
  const first = (request.page - 1) * request.limit + 1;
  const last = first + result.items.length - 1;
  // A page that is not full is the last one: its end is the exact total, even past a capped count.
  const lastPage = result.items.length > 0 && result.items.length < request.limit;
  const exact = !result.totalIsLowerBound || lastPage;
  const total = lastPage ? last : result.total;
  // Past a capped count, a page that shows entries is one of them: there are at least that many.
  const pageCount = Math.max(1, Math.ceil(total / request.limit), exact || result.items.length === 0 ? 0 : request.page);
  const pageArgs = (page: number): Invocation => ({ ...base, args: { ...invocationArgs(args), page } });
  if (request.page > 1 && result.items.length === 0) {
    const pages = result.total === 0 ? `There are no ${many}.` : exact
      ? pagesOf(pageCount, many)
      : `There are at least ${pageCount} pages of ${many}, but fewer than ${request.page}; narrow the search to count them all.`;
    // A count known exactly names the last page as a command to run.
    throw pastTheEnd(request.page, pages, result.total > 0 && exact ? pageArgs(pageCount) : undefined);
  }
  // A lower bound never reads below what the page itself shows (page 150 of a capped count).
  const totalText = exact ? plural(total, one, many) : `at least ${plural(Math.max(total, last), one, many)}`;
  const pager: Pager = { page: request.page, pageCount, total };
  if (!exact) pager.totalIsLowerBound = true;
  const more = !lastPage && (!exact || request.page < pageCount);
  if (more) pager.next = pageArgs(request.page + 1);
  if (request.page > 1) pager.previous = pageArgs(request.page - 1);
  // In words: a screen reader reads a dash between numbers by its name ("1 en dash 10").
  const range = first === last ? formatCount(first) : `${formatCount(first)} to ${formatCount(last)}`;
  const intro = result.items.length === 0 ? [span.plain(`No ${many} match.`)] : [span.plain(`Showing ${range} of ${totalText}.`)];
  return { pager, intro };
}
