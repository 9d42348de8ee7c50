// /sources list and /sources why: every watched feed with its state, and one feed's latest
// checks with what each found.
import { instantText } from '../review/candidate-card.js';
import { plural } from '../text.js';
import { plainLine, span, type Line, type Section, type View } from '../view.js';
import { checkSummary, foundLines } from './check-views.js';
import { keywordList } from './keyword-hits.js';
import { formatEvery } from './poll-timing.js';
import { sourceName, type CheckRecord, type WatchedSource } from './watched-source.js';

const when = (at: Date | undefined) => (at ? instantText(at) : 'never');

function stateLine(source: WatchedSource): Line {
  if (source.pausedAt) {
    return [span.bold('paused'), span.plain(` since ${instantText(source.pausedAt)}: ${source.pausedReason ?? 'no reason given'} — `), span.command('sources resume', `id:${source.id}`)];
  }
  const failing = source.failures > 0 ? ` · ${plural(source.failures, 'failure')} in a row (${source.lastError ?? 'no reason recorded'})` : ' · no failures';
  return [span.bold('active'), span.plain(` · next check ${instantText(source.nextCheckAt)}${failing}`)];
}

export function sourceSection(source: WatchedSource): Section {
  const keywords = keywordList(source.keywords);
  return {
    heading: [span.code(`#${source.id}`), span.plain(' '), span.bold(sourceName(source))],
    lines: [
      [span.link(source.url, source.url)],
      plainLine(`topic ${source.topic} · every ${formatEvery(source.everyMinutes)} · ${keywords ? `keywords: ${keywords}` : 'no keywords (every item)'}`),
      stateLine(source),
      plainLine(`last check ${when(source.lastCheckedAt)} · last new item ${when(source.lastNewAt)}`),
    ],
  };
}

export function sourcesListView(sources: readonly WatchedSource[]): View {
  if (sources.length === 0) {
    return {
      title: 'Sources',
      tone: 'normal',
      intro: [[span.plain('No feed is watched yet. An admin adds one with '), span.command('sources add', 'url:… topic:…')]],
      sections: [],
    };
  }
  const paused = sources.filter((s) => s.pausedAt).length;
  return {
    title: `Sources (${sources.length})`,
    tone: 'normal',
    intro: [[span.plain(`${plural(sources.length, 'feed')} watched${paused > 0 ? `, ${paused} paused` : ''}. What a source's checks found: `), span.command('sources why', 'id:N')]],
    sections: sources.map(sourceSection),
  };
}

function checkSection(record: CheckRecord): Section {
  const how = record.trigger === 'manual' ? 'checked by hand' : 'scheduled check';
  return {
    heading: [span.bold(instantText(record.at)), span.plain(` · ${how} · ${checkSummary(record)}`)],
    lines: [...foundLines(record.found), ...(record.paused ? [plainLine('This check paused the source.')] : [])],
  };
}

export function whyView(source: WatchedSource, checks: readonly CheckRecord[]): View {
  return {
    title: `Checks of #${source.id} ${sourceName(source)}`,
    tone: 'normal',
    intro: [
      plainLine(checks.length === 0 ? 'Not checked yet: the first check records what the feed holds.' : `The latest ${plural(checks.length, 'check')}, newest first, and what each found new.`),
      stateLine(source),
    ],
    sections: checks.map(checkSection),
    footer: plainLine('proposed: a new candidate · same story: another report of a candidate · filtered out: no keyword matched · recorded: held by a first check · too old: published over 7 days before'),
  };
}
