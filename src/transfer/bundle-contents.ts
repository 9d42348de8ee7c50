// What a bundle holds, in the words the import and the export both say it: the export's summary
// and the import's report of the same bundle read alike, so the two can be compared at a glance.
import { plural, wordList } from '../core/text.js';
import type { RecordKind } from '../store/bundle-format.js';

/** "17 entries (2 removed), 15 actors, 9 places, 40 revisions and 3 trend calls". */
export function bundleContents(counts: Readonly<Record<RecordKind, number>>, removed: number): string {
  const parts = [
    `${plural(counts.entry, 'entry', 'entries')}${removed > 0 ? ` (${removed} removed)` : ''}`,
    plural(counts.actor, 'actor'),
    plural(counts.place, 'place'),
    plural(counts.revision, 'revision'),
    ...(counts.trend_call > 0 ? [plural(counts.trend_call, 'trend call')] : []),
  ];
  return wordList(parts);
}
