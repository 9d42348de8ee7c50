// What people read about one check: the reply to /sources check, the lines /sources why shows
// for each check, and the notice a review channel gets when a source is paused.
import { instantText } from '../review/candidate-card.js';
import { plural } from '../text.js';
import { plainLine, span, type Line, type Section, type View } from '../view.js';
import type { FailureTiming } from './poll-timing.js';
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

export function foundLine(item: FoundItem): Line {
  const target = item.candidateId !== undefined ? ` → candidate #${item.candidateId}` : '';
  return [span.bold(`${OUTCOME_WORDS[item.outcome]}${target}`), span.plain(`: ${item.title}`), ...(item.detail ? [span.italic(` (${item.detail})`)] : [])];
}

/** `4 items: 2 new (1 proposed, 1 filtered out), 2 seen before (1 revised by the feed)`. */
export function checkSummary(record: CheckRecord): string {
  if (record.result === 'failed') return `failed: ${record.error ?? 'no reason recorded'}`;
  if (record.result === 'not-modified') return 'not modified since the last check (the server answered 304)';
  const counts = new Map<ItemOutcome, number>();
  for (const item of record.found) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const parts = [...counts].map(([outcome, n]) => `${n} ${OUTCOME_WORDS[outcome]}`);
  const fresh = record.found.length;
  const revised = record.revised.length > 0 ? ` (${record.revised.length} revised by the feed)` : '';
  return `${plural(record.items, 'item')}: ${fresh} new${parts.length > 0 ? ` (${parts.join(', ')})` : ''}, ${record.seen} seen before${revised}`;
}

/** An item the feed revised: the candidate it proposed, waiting for review, says what it says now. */
function revisedLine(item: RevisedFound): Line {
  const target = item.candidateId !== undefined ? ` → candidate #${item.candidateId} drafted again` : '';
  return [span.bold(`revised${target}`), span.plain(`: ${item.title}`)];
}

export function revisedLines(revised: readonly RevisedFound[]): Line[] {
  const lines = revised.slice(0, LISTED_ITEMS).map(revisedLine);
  if (revised.length > LISTED_ITEMS) lines.push(plainLine(`… and ${revised.length - LISTED_ITEMS} more`));
  return lines;
}

export function foundLines(found: readonly FoundItem[]): Line[] {
  const lines = found.slice(0, LISTED_ITEMS).map(foundLine);
  if (found.length > LISTED_ITEMS) lines.push(plainLine(`… and ${found.length - LISTED_ITEMS} more`));
  return lines;
}

function nextLine(source: WatchedSource, record: CheckRecord): Line {
  if (record.paused || source.pausedAt) {
    return [span.plain(`Source #${source.id} is paused: ${sentence(source.pausedReason ?? 'no reason given')} Resume it with `), span.command('sources resume', `id:${source.id}`), span.plain('.')];
  }
  const after = record.result === 'failed' ? `${plural(source.failures, 'failure')} in a row; ` : '';
  return plainLine(`${after}next check at ${instantText(source.nextCheckAt)}.`);
}

/** The reply to /sources check. */
export function checkReplyView(source: WatchedSource, record: CheckRecord): View {
  const failed = record.result === 'failed';
  const sections: Section[] = [
    ...(record.found.length > 0 ? [{ heading: [span.bold('Items new to this source')], lines: foundLines(record.found) }] : []),
    ...(record.revised.length > 0 ? [{ heading: [span.bold('Items the feed revised')], lines: revisedLines(record.revised) }] : []),
  ];
  return {
    title: `${failed ? 'Check failed' : 'Checked'}: #${source.id} ${sourceName(source)}`,
    tone: failed ? 'normal' : 'success',
    intro: [plainLine(checkSummary(record)), nextLine(source, record)],
    sections,
    footer: [span.plain('Earlier checks: '), span.command('sources why', `id:${source.id}`)],
  };
}

/** Posted in the review channels when a source stops being checked. */
export function pausedNotice(source: WatchedSource, timing: FailureTiming): View {
  return {
    title: `Source #${source.id} paused: ${sourceName(source)}`,
    tone: 'error',
    intro: [
      plainLine(`Sitrep stopped checking ${source.url} (topic ${source.topic}): ${sentence(timing.pause ?? 'it failed')}`),
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
