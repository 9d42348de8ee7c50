// What people read about one check: the reply to /sources check (or its refusal while the server
// asked Sitrep to wait), the lines /sources why shows for each check, and the notice a review
// channel gets when a source is paused. Instants are on the reader's clock (`when`): a notice is
// queued once for every review channel, and written on each channel's clock as it is posted there.
import { shownAddress } from '../address-keys.js';
import { authorLabel } from '../author-label.js';
import { isolated } from '../bidi-isolate.js';
import { UserError } from '../errors.js';
import { instantText } from '../instant-text.js';
import type { InstantWriter } from '../past-instant.js';
import { plural, wordList } from '../text.js';
import { plainLine, span, type Line, type Section, type Span, type View } from '../view.js';
import { attachArgs, uncitedAt, type UncitedReports } from '../review/uncited-reports.js';
import type { RevisedItem } from './intake-plan.js';
import { isNotFound, MAX_FAILURES, retryAfterOnClock, type FailureTiming } from './poll-timing.js';
import { busySummary, isSitrepBusy } from './sitrep-busy.js';
import { sourceName, type CheckRecord, type FoundItem, type ItemOutcome, type RevisedFound, type WatchedSource } from './watched-source.js';

/** Text ending as a sentence: a reason quoting an error often ends with its own full stop. */
export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Items listed per check before saying how many more. */
const LISTED_ITEMS = 12;

const OUTCOME_WORDS: Record<ItemOutcome, string> = {
  proposed: 'proposed',
  'same-story': 'same story',
  filtered: 'filtered out',
  baseline: 'recorded',
  stale: 'too old',
};

/** The reports an approved candidate's entry does not cite yet, by candidate id. */
export type UncitedLookup = (candidateId: number) => UncitedReports | undefined;

/**
 * ` (entry #21, which does not cite Delta: /review attach id:2 entry:21)`: a report that joined a
 * story approved already is not cited by its entry until an admin attaches it.
 */
function notCitedYet(item: FoundItem, uncited: UncitedLookup | undefined): Line {
  if (item.outcome !== 'same-story' || item.candidateId === undefined || !uncited) return [];
  const story = uncited(item.candidateId);
  const report = story && uncitedAt(story, item.link);
  if (!story || !report) return [];
  return [span.plain(` (entry #${story.entryId}, which does not cite ${isolated(report.outlet)}: `), span.command('review attach', attachArgs(story)), span.plain(')')];
}

export function foundLine(item: FoundItem): Line {
  return noticedLine(item, undefined);
}

/** An item found, saying where a report joined a story whose entry does not cite it. */
function noticedLine(item: FoundItem, uncited: UncitedLookup | undefined): Line {
  const target = item.candidateId !== undefined ? ` → candidate #${item.candidateId}` : '';
  return [span.bold(`${OUTCOME_WORDS[item.outcome]}${target}`), ...notCitedYet(item, uncited), span.plain(`: ${item.title}`), ...(item.detail ? [span.italic(` (${item.detail})`)] : [])];
}

/** `4 items: 2 new (1 proposed, 1 filtered out), 2 seen before (1 revised by the feed)`; a failure's error with its instants written by `when`. */
export function checkSummary(record: CheckRecord, when: InstantWriter): string {
  if (isSitrepBusy(record)) return busySummary(record, when);
  if (record.result === 'failed') return `failed: ${record.error === undefined ? 'no reason recorded' : retryAfterOnClock(record.error, when)}`;
  const moved = record.moved ? `; the feed moved here from ${shownAddress(record.moved.url)} (HTTP ${record.moved.status}): it is read at this address from now on` : '';
  return answeredSummary(record) + moved + unfinishedText(record);
}

/** `; the check was interrupted: 150 items were left for the next check`, for a check whose last step never ran. */
function unfinishedText({ unfinished }: CheckRecord): string {
  if (!unfinished) return '';
  const items = plural(unfinished.left, 'item');
  if (unfinished.running) return unfinished.left > 0 ? `; still being recorded: ${items} to go` : '; still being recorded';
  return unfinished.left > 0 ? `; the check was interrupted: ${items} ${unfinished.left === 1 ? 'was' : 'were'} left for the next check` : '; the check was interrupted before its end';
}

function answeredSummary(record: CheckRecord): string {
  if (record.result === 'not-modified') return 'not modified since the last check (the server answered 304)';
  const counts = new Map<ItemOutcome, number>();
  for (const item of record.found) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const parts = [...counts].map(([outcome, n]) => `${n} ${OUTCOME_WORDS[outcome]}`);
  const fresh = record.found.length;
  const revised = record.revised.length > 0 ? ` (${record.revised.length} revised by the feed)` : '';
  return `${plural(record.items, 'item')}: ${fresh} new${parts.length > 0 ? ` (${parts.join(', ')})` : ''}, ${record.seen} seen before${revised}`;
}

/** `candidates #4 and #5`. */
const candidatesText = (ids: readonly number[]) => `${ids.length === 1 ? 'candidate' : 'candidates'} ${wordList(ids.map((id) => `#${id}`))}`;

/**
 * What a candidate drafted again became one with: the pending candidates that joined it as the
 * same story, or the earlier one it joined (its reports are that one's now).
 */
function joinedText(item: RevisedFound): string {
  if (item.joinedInto !== undefined) return `; joined candidate #${item.joinedInto} (same story)`;
  const by = item.joinedBy ?? [];
  return by.length > 0 ? `; ${candidatesText(by)} joined it (same story)` : '';
}

/** An item the feed revised: the candidate it proposed, waiting for review, says what it says now; an entry approved from it is only named. */
export function revisedLine(item: RevisedFound): Line {
  const target = item.candidateId !== undefined
    ? ` → candidate #${item.candidateId} drafted again${joinedText(item)}`
    : item.entryId !== undefined ? ` → cited by entry #${item.entryId}, left as it was` : '';
  return [span.bold(`revised${target}`), span.plain(`: ${item.title}`)];
}

/** The first items revised, and how many more /sources why lists. */
export function revisedLines(revised: readonly RevisedFound[], sourceId: number): Line[] {
  const lines = revised.slice(0, LISTED_ITEMS).map(revisedLine);
  if (revised.length > LISTED_ITEMS) lines.push([span.plain(`… and ${revised.length - LISTED_ITEMS} more: `), span.command('sources why', `id:${sourceId}`)]);
  return lines;
}

/** The first items found, and how many more /sources why lists. */
export function foundLines(found: readonly FoundItem[], sourceId: number, uncited?: UncitedLookup): Line[] {
  const lines = found.slice(0, LISTED_ITEMS).map((item) => noticedLine(item, uncited));
  if (found.length > LISTED_ITEMS) lines.push([span.plain(`… and ${found.length - LISTED_ITEMS} more, each with what became of it: `), span.command('sources why', `id:${sourceId}`)]);
  return lines;
}

/** How an admin's pause is stored: `paused by` and the author as changeAuthor() writes it. */
const PAUSED_BY = 'paused by ';

/** The reason stored when an admin pauses a source (`by`: the change stamp's author). */
export const adminPauseReason = (by: string): string => `${PAUSED_BY}${by}`;

/**
 * Why a source is paused, its instants written by `when`: a reason quoting an error is stored with
 * that error's Retry-After in UTC; an admin's pause names the admin as people read them
 * (`ana (Discord)`), not by the platform's id it is stored with.
 */
export function pauseReason(source: WatchedSource, when: InstantWriter): string {
  const reason = source.pausedReason;
  if (reason === undefined) return 'no reason given';
  if (reason.startsWith(PAUSED_BY)) return `${PAUSED_BY}${authorLabel(reason.slice(PAUSED_BY.length))}`;
  return retryAfterOnClock(reason, when);
}

/** The error of a source's last failed check, its instants written by `when`. */
export const lastErrorText = (source: WatchedSource, when: InstantWriter): string => (source.lastError === undefined ? 'no reason recorded' : retryAfterOnClock(source.lastError, when));

function nextLine(source: WatchedSource, record: CheckRecord, when: InstantWriter): Line {
  if (record.paused || source.pausedAt) {
    return [span.plain(`Source #${source.id} is paused: ${sentence(pauseReason(source, when))} Resume it with `), span.command('sources resume', `id:${source.id}`), span.plain('.')];
  }
  const after = record.result === 'failed' ? `${plural(source.failures, 'failure')} in a row; ` : '';
  return plainLine(`${after}next check at ${when(source.nextCheckAt)}.`);
}

/** What to do when Sitrep was too busy to read the feed: nothing, or try again shortly. */
function busyLine(source: WatchedSource): Line {
  return [span.plain('Nothing to fix in the feed: Sitrep checks it again then by itself, or run '), span.command('sources check', `id:${source.id}`), span.plain(' again in a minute.')];
}

/** A 404 is often a site being deployed or moved: it is retried, not taken for the feed gone. */
function notFoundLine(source: WatchedSource, record: CheckRecord): Line[] {
  if (record.result !== 'failed' || !isNotFound(record.error) || record.paused || source.pausedAt) return [];
  return [
    plainLine(
      `A 404 is often brief (a site being deployed or moved), so Sitrep retries it with the usual back-off and pauses the source only after ${MAX_FAILURES} failed checks in a row; a feed gone for good answers 410. If the address is wrong, remove the source and add the right one.`,
    ),
  ];
}

/** `18:00 UTC` on the day of `now` (on the same clock), else `2025-07-21 02:00 UTC`. */
function clockText(at: Date, now: Date, when: InstantWriter): string {
  const text = when(at);
  const day = 'YYYY-MM-DD'.length;
  return text.slice(0, day) === when(now).slice(0, day) ? text.slice(day + 1) : text;
}

/**
 * The refusal of a check by hand before the time the server asked Sitrep to wait until
 * (Retry-After): the server is not asked, nothing is recorded. Its times are in UTC unless `when` says otherwise.
 */
export function retryAfterRefusal(source: WatchedSource, until: Date, now: Date, when: InstantWriter = instantText): UserError {
  const time = clockText(until, now, when);
  const check = `/sources check id:${source.id}`;
  const then = source.pausedAt
    ? `run ${check} after that (the source is paused: /sources resume id:${source.id} has it checked from then on)`
    : source.nextCheckAt.getTime() <= until.getTime() + 60_000
      ? `it will be checked then, or run ${check} after that`
      : `its next check is at ${clockText(source.nextCheckAt, now, when)}, or run ${check} after ${time}`;
  return new UserError('conflict', `The feed asked Sitrep to wait until ${time} (Retry-After); ${then}.`, [`Source #${source.id} was not checked: its server was not asked, and nothing was recorded.`]);
}

/** The reply to /sources check, its instants written by `when`; `uncited` names the reports an approved story's entry lacks. */
export function checkReplyView(source: WatchedSource, record: CheckRecord, when: InstantWriter, uncited?: UncitedLookup): View {
  const failed = record.result === 'failed';
  // Sitrep too busy to read the feed: the summary gives the next check, and no failure is counted.
  const busy = isSitrepBusy(record);
  const sections: Section[] = [
    ...(record.found.length > 0 ? [{ heading: [span.bold('Items new to this source')], lines: foundLines(record.found, source.id, uncited) }] : []),
    ...(record.revised.length > 0 ? [{ heading: [span.bold('Items the feed revised')], lines: revisedLines(record.revised, source.id) }] : []),
  ];
  return {
    title: `${busy ? 'Not read' : failed ? 'Check failed' : 'Checked'}: #${source.id} ${sourceName(source)}`,
    tone: failed ? 'normal' : 'success',
    intro: [plainLine(checkSummary(record, when)), ...(busy && !source.pausedAt ? [busyLine(source)] : [nextLine(source, record, when)]), ...notFoundLine(source, record)],
    sections,
    footer: [span.plain('Earlier checks: '), span.command('sources why', `id:${source.id}`)],
  };
}

/**
 * Posted in the review channels when a feed revises items that entries cite: an entry is an
 * admin's to correct, so the feed's new wording is shown beside what it said when last read.
 */
export function revisedCitedNotice(source: WatchedSource, revisions: readonly (RevisedItem & { title: string })[]): View | undefined {
  const cited = revisions.flatMap((revision) => (revision.cited ? [{ ...revision.cited, title: revision.title }] : []));
  if (cited.length === 0) return undefined;
  const lines: Line[] = cited.slice(0, LISTED_ITEMS).map(({ entryId, title, before }) => [
    span.bold(`Entry #${entryId}`),
    span.plain(`: ${title}`),
    ...(before === title ? [span.italic(' (its summary or link changed)')] : [span.italic(` (was: ${before})`)]),
    span.plain(' — '),
    span.command('entry show', `id:${entryId}`),
  ]);
  if (cited.length > LISTED_ITEMS) lines.push(plainLine(`… and ${cited.length - LISTED_ITEMS} more: `), [span.command('sources why', `id:${source.id}`)]);
  return {
    title: `${sourceName(source)} revised ${cited.length === 1 ? 'an item an entry cites' : `${cited.length} items entries cite`}`,
    tone: 'normal',
    intro: [
      [
        span.plain(`Source #${source.id} (${shownAddress(source.url)}) now says something else of ${cited.length === 1 ? 'a report' : 'reports'} approved before. The entries are left as they were; correct one with `),
        span.command('entry edit', 'id:N'),
        span.plain(' if the feed corrected a fact.'),
      ],
    ],
    sections: [{ heading: [span.bold('Revised by the feed')], lines }],
  };
}

/** Posted in the review channels when a source stops being checked. */
export function pausedNotice(source: WatchedSource, timing: FailureTiming): View {
  return {
    title: `Source #${source.id} paused: ${sourceName(source)}`,
    tone: 'error',
    intro: [
      plainLine(`Sitrep stopped checking ${shownAddress(source.url)} (topic ${source.topic}): ${sentence(timing.pause ?? 'it failed')}`),
      [
        span.plain('Once the feed works again, resume it with '),
        span.command('sources resume', `id:${source.id}`),
        span.plain('; or stop watching it with '),
        span.command('sources remove', `id:${source.id}`),
        span.plain('. Its last checks: '),
        span.command('sources why', `id:${source.id}`),
      ],
    ],
    sections: [],
  };
}

/**
 * A notice as one review channel reads it. A pause's reason quotes its error with the time the
 * server asked Sitrep to wait until in UTC, as the store keeps it; the notice, queued once for
 * every review channel, gives that time on the clock `when` writes (the channel's) as it goes out.
 */
export function noticeOnClock(notice: View, when: InstantWriter): View {
  // Commands and links are Sitrep's own wording or addresses: no time of a reason is in them.
  const onClock = (part: Span): Span => (part.command || part.href ? part : { ...part, text: retryAfterOnClock(part.text, when) });
  const line = (spans: Line): Line => spans.map(onClock);
  return {
    ...notice,
    ...(notice.intro ? { intro: notice.intro.map(line) } : {}),
    sections: notice.sections.map((section) => ({ ...section, ...(section.heading ? { heading: line(section.heading) } : {}), lines: section.lines.map(line) })),
    ...(notice.footer ? { footer: line(notice.footer) } : {}),
  };
}
