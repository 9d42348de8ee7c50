// /sources list and /sources why: every watched feed with its state, and one feed's latest
// checks with what each found, every item of them, a page at a time. Instants are on the reader's
// clock (`when`).
import { addressSpan } from '../address-keys.js';
import { exactPager } from '../entry-views.js';
import type { InstantWriter } from '../past-instant.js';
import { plural } from '../text.js';
import { plainLine, span, type Invocation, type Line, type Section, type View } from '../view.js';
import { checkSummary, foundLine, lastErrorText, pauseReason, revisedLine } from './check-views.js';
import { keywordList } from './keyword-hits.js';
import { formatEvery } from './poll-timing.js';
import { sourceName, type CheckRecord, type WatchedSource } from './watched-source.js';

const everText = (at: Date | undefined, when: InstantWriter) => (at ? when(at) : 'never');

function stateLine(source: WatchedSource, when: InstantWriter): Line {
  if (source.pausedAt) {
    return [span.bold('paused'), span.plain(` since ${when(source.pausedAt)}: ${pauseReason(source, when)} — `), span.command('sources resume', `id:${source.id}`)];
  }
  const failing = source.failures > 0 ? ` · ${plural(source.failures, 'failure')} in a row (${lastErrorText(source, when)})` : ' · no failures';
  return [span.bold('active'), span.plain(` · next check ${when(source.nextCheckAt)}${failing}`)];
}

/** The outlet an admin named, with what the feed calls itself when that is something else. */
function outletPart(source: WatchedSource): string {
  if (!source.outlet) return '';
  return source.feedTitle && source.feedTitle !== source.outlet ? ` · outlet ${source.outlet} (the feed's title: ${source.feedTitle})` : ` · outlet ${source.outlet}`;
}

/** Where the feed was read before its server redirected it here for good, and when. */
function movedLines(source: WatchedSource, when: InstantWriter): Line[] {
  const moved = source.movedFrom;
  if (!moved) return [];
  return [[span.plain('moved from '), addressSpan(moved.url), span.plain(` on ${when(moved.at)} (its server answered HTTP ${moved.status} there)`)]];
}

export function sourceSection(source: WatchedSource, when: InstantWriter, waiting = 0): Section {
  const keywords = keywordList(source.keywords);
  return {
    heading: [span.code(`#${source.id}`), span.plain(' '), span.bold(sourceName(source))],
    lines: [
      [addressSpan(source.url)],
      ...movedLines(source, when),
      plainLine(`topic ${source.topic} · every ${formatEvery(source.everyMinutes)} · ${keywords ? `keywords: ${keywords}` : 'no keywords (every item)'}${source.reliability ? ` · reliability ${source.reliability}` : ''}${outletPart(source)}`),
      stateLine(source, when),
      [
        span.plain(`last check ${everText(source.lastCheckedAt, when)} · last new item ${everText(source.lastNewAt, when)}`),
        ...(waiting > 0 ? [span.plain(` · ${plural(waiting, 'candidate')} waiting for review: `), span.command('review list', `source:${source.id}`)] : []),
      ],
    ],
  };
}

/** Sources a page of /sources list shows. */
export const SOURCES_PAGE_SIZE = 10;

/** The watched feeds (of a topic), a page at a time, with how many are paused or failing; instants written by `when`. */
export function sourcesListView(
  all: readonly WatchedSource[],
  when: InstantWriter,
  { topic, page = 1, waiting = new Map() }: { topic?: string; page?: number; waiting?: ReadonlyMap<number, number> } = {},
): View {
  const sources = topic === undefined ? all : all.filter((source) => source.topic === topic);
  if (sources.length === 0) {
    const intro: Line = topic === undefined
      ? [span.plain('No feed is watched yet. An admin adds one with '), span.command('sources add', 'url:… topic:…')]
      : [span.plain(`No feed is watched for the topic ${topic}. All of them: `), span.command('sources list')];
    return { title: 'Sources', tone: 'normal', intro: [intro], sections: [] };
  }
  const at = (n: number) => ({ command: 'sources', subcommand: 'list', args: { ...(topic ? { topic } : {}), page: n } });
  const paging = exactPager(page, sources.length, SOURCES_PAGE_SIZE, 'sources', at);
  const paused = sources.filter((s) => s.pausedAt).length;
  const failing = sources.filter((s) => !s.pausedAt && s.failures > 0).length;
  const states = [paused > 0 ? `${paused} paused` : '', failing > 0 ? `${failing} failing` : ''].filter(Boolean);
  return {
    title: `Sources${topic ? ` — ${topic}` : ''} (${sources.length})`,
    tone: 'normal',
    intro: [[span.plain(`${plural(sources.length, 'feed')} watched${states.length > 0 ? `, ${states.join(', ')}` : ''}. What a source's checks found: `), span.command('sources why', 'id:N')]],
    sections: sources.slice((page - 1) * SOURCES_PAGE_SIZE, page * SOURCES_PAGE_SIZE).map((source) => sourceSection(source, when, waiting.get(source.id))),
    ...paging,
  };
}

/** Lines a page of /sources why holds, each check's heading counted as one: a check with more items goes on over the next pages. */
export const WHY_PAGE_LINES = 25;

/** A check's lines on one page: all of them, or the part that page holds. */
interface CheckPart {
  record: CheckRecord;
  lines: Line[];
  /** Its first lines are on the pages before. */
  continued: boolean;
  /** Lines of it on the pages after. */
  more: number;
}

/** Every item a check found new and every item it found revised, each with what became of it. */
function checkLines(record: CheckRecord): Line[] {
  return [...record.found.map(foundLine), ...record.revised.map(revisedLine), ...(record.paused ? [plainLine('This check paused the source.')] : [])];
}

/** The checks' lines cut into pages of WHY_PAGE_LINES, in order: a check too long for the rest of a page goes on over the next. */
function whyPages(checks: readonly CheckRecord[]): CheckPart[][] {
  const pages: CheckPart[][] = [[]];
  let used = 0;
  for (const record of checks) {
    const lines = checkLines(record);
    let at = 0;
    for (;;) {
      // A heading goes with one line of its check at least (none when it has none).
      if (WHY_PAGE_LINES - used - 1 < Math.min(1, lines.length - at) && used > 0) {
        pages.push([]);
        used = 0;
      }
      const part = lines.slice(at, at + Math.max(0, WHY_PAGE_LINES - used - 1));
      pages.at(-1)!.push({ record, lines: part, continued: at > 0, more: lines.length - at - part.length });
      at += part.length;
      used += 1 + part.length;
      if (at >= lines.length) break;
      pages.push([]);
      used = 0;
    }
  }
  return pages;
}

/** A check's part on page `page` of the source's /sources why. */
function checkSection({ record, lines, continued, more }: CheckPart, sourceId: number, page: number, when: InstantWriter): Section {
  const how = record.trigger === 'manual' ? 'checked by hand' : 'scheduled check';
  return {
    heading: [span.bold(when(record.at)), span.plain(continued ? ` · ${how}, continued` : ` · ${how} · ${checkSummary(record, when)}`)],
    lines: [...lines, ...(more > 0 ? [[span.plain(`… ${more} more of this check on the next page: `), span.command('sources why', `id:${sourceId} page:${page + 1}`)]] : [])],
  };
}

/**
 * A source's latest checks, newest first, with every item each found new (and what became of
 * it: proposed, filtered out and why…) and every item it found revised, WHY_PAGE_LINES lines to
 * a page; a page past the end is refused, naming the last.
 */
export function whyView(source: WatchedSource, checks: readonly CheckRecord[], when: InstantWriter, page = 1): View {
  const pages = whyPages(checks);
  const at = (n: number): Invocation => ({ command: 'sources', subcommand: 'why', args: { id: source.id, page: n } });
  const paging = exactPager(page, pages.length, 1, 'these checks', at);
  return {
    title: `Checks of #${source.id} ${sourceName(source)}`,
    tone: 'normal',
    intro: [
      plainLine(checks.length === 0 ? 'Not checked yet: the first check records what the feed holds.' : checks.length === 1 ? 'The latest check, and what it found new.' : `The latest ${plural(checks.length, 'check')}, newest first, and what each found new.`),
      stateLine(source, when),
      ...movedLines(source, when),
    ],
    sections: (pages[page - 1] ?? []).map((part) => checkSection(part, source.id, page, when)),
    footer: plainLine('proposed: a new candidate · same story: another report of a candidate · filtered out: kept out by the keywords, or in the dossier already · recorded: held by a first check · too old: published over 7 days before'),
    ...paging,
  };
}
