// The direct message a watcher gets: the entries their watches cover that were added, corrected,
// restored or removed since their last message, each as digests list it, how many it lists, whether
// another message carries on from it, and how to stop.
import { itemSection } from '../digest/compose.js';
import type { EntryChangeKind } from '../digest/changes.js';
import { KIND_WORDS, splitByKind, unlistedSections } from '../digest/unlisted.js';
import { formatCount, plural } from '../text.js';
import { span, type Line, type Section, type Span, type View } from '../view.js';
import type { WatchedChange } from './matching.js';

/**
 * More changes than this are named by id, not listed: each with the command that shows it
 * (/timeline shows neither corrections nor removals). As in digests, the smaller kinds keep all
 * theirs, so an import's new entries do not push a removal or a correction out of the message.
 */
export const MAX_LISTED_CHANGES = 20;

export const WATCH_MESSAGE_TITLE = 'Sitrep — what you watch changed';

/**
 * Between the names of the person's watches: a place's name holds commas of its own
 * (`Quneitra region, Syria`), so commas would run two watches together.
 */
export const LABEL_SEPARATOR = '; ';

/** Under a correction that took an entry out of everything the person watches. */
export const LEFT_WATCHES = 'It no longer involves anything you watch, so later changes to it are not sent.';

/**
 * A change as digests list it, then why it is the person's: which of their watches it involves
 * (said only to someone with several), or that it no longer involves any.
 */
function watchedSection(change: WatchedChange, actorNames: ReadonlyMap<number, string>, several: boolean): Section {
  const section = itemSection(change, actorNames);
  if (change.leftWatches) return { ...section, lines: [...section.lines, [span.italic(LEFT_WATCHES)]] };
  if (!several || change.watchedBy.length === 0) return section;
  return { ...section, lines: [...section.lines, [span.italic('Involves what you watch: '), span.plain(change.watchedBy.join(LABEL_SEPARATOR))]] };
}

/**
 * Under a message that read the revision log only part of the way (a large import is read in
 * steps): the rest is read for the next message, which waits the usual 10 minutes.
 */
export const MORE_FOLLOW = 'More changes were made after these than one message covers: any that involve what you watch come in your next message, 10 minutes after this one.';

export interface WatchMessageOptions {
  /** The changes covered stop short of the latest: the next message goes on from there. */
  moreFollow?: boolean;
}

/** The command that shows the one entry a message is about, by its number; with several, its form. */
function detailsCommand(changes: readonly WatchedChange[]): Span {
  return span.command('entry show', changes.length === 1 ? String(changes[0]!.entryId) : 'ID');
}

/** `labels`: the names of the person's watches, as /watch list shows them. */
export function watchMessage(changes: readonly WatchedChange[], actorNames: ReadonlyMap<number, string>, labels: readonly string[], options: WatchMessageOptions = {}): View {
  const counts = new Map<EntryChangeKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, n]) => plural(n, ...KIND_WORDS[kind]));
  // As a digest's header says it: how many the message lists in full, and where the others are.
  const unlisted = changes.length - MAX_LISTED_CHANGES;
  const shown = unlisted > 0 ? [`${formatCount(MAX_LISTED_CHANGES)} listed in full, ${formatCount(unlisted)} named by id after them`] : [];
  const summary = [...kinds, ...shown].join(' · ');
  const { listed, unlisted: named } = splitByKind(changes, MAX_LISTED_CHANGES);
  const sections: Section[] = listed.map((change) => watchedSection(change, actorNames, labels.length > 1));
  sections.push(...unlistedSections(named, `past the ${MAX_LISTED_CHANGES} a message lists`));
  const intro: Line[] = [[span.bold(summary)], [span.plain(`You watch ${labels.join(LABEL_SEPARATOR)}.`)]];
  if (options.moreFollow) intro.push([span.italic(MORE_FOLLOW)]);
  return {
    title: WATCH_MESSAGE_TITLE,
    tone: 'normal',
    intro,
    sections,
    footer: [span.plain('Details: '), detailsCommand(changes), span.plain(' · Your watches: '), span.command('watch list'), span.plain(' · Stop them: '), span.command('watch stop')],
  };
}
