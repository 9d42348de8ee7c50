// The direct message a watcher gets: the entries their watches cover that were added, corrected,
// restored or removed since their last message, each as digests list it, and how to stop.
import { itemSection } from '../digest/compose.js';
import type { EntryChange, EntryChangeKind } from '../digest/changes.js';
import { KIND_WORDS, unlistedSections } from '../digest/unlisted.js';
import { plural } from '../text.js';
import { span, type Line, type Section, type View } from '../view.js';

/**
 * More changes than this are named by id, not listed: each with the command that shows it
 * (/timeline shows neither corrections nor removals).
 */
export const MAX_LISTED_CHANGES = 20;

export const WATCH_MESSAGE_TITLE = 'Sitrep — what you watch changed';

/** `labels`: the names of the person's watches, as /watch list shows them. */
export function watchMessage(changes: readonly EntryChange[], actorNames: ReadonlyMap<number, string>, labels: readonly string[]): View {
  const counts = new Map<EntryChangeKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => plural(n, ...KIND_WORDS[kind])).join(' · ');
  const sections: Section[] = changes.slice(0, MAX_LISTED_CHANGES).map((change) => itemSection(change, actorNames));
  sections.push(...unlistedSections(changes.slice(MAX_LISTED_CHANGES), `past the ${MAX_LISTED_CHANGES} a message lists`));
  const intro: Line[] = [[span.bold(summary)], [span.plain(`You watch ${labels.join(', ')}.`)]];
  return {
    title: WATCH_MESSAGE_TITLE,
    tone: 'normal',
    intro,
    sections,
    footer: [span.plain('Details: '), span.command('entry show', 'ID'), span.plain(' · Your watches: '), span.command('watch list'), span.plain(' · Stop them: '), span.command('watch stop')],
  };
}
