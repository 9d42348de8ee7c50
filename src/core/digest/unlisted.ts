// How many items a digest lists in full, and how it names the rest. A digest is posted in as many
// parts as it needs, so the bound only stops a mass import or clean-up from posting hundreds of
// messages in a channel: no newsroom's day comes near it. Past it, every item left out is still
// named by id, with the command that shows it (/timeline finds neither corrections nor removals).
import { plural } from '../text.js';
import { span, type Line, type Section } from '../view.js';
import type { EntryChange, EntryChangeKind } from './changes.js';
import { KIND_ORDER } from './changes.js';

/** Items listed in full per digest, over all kinds (up to 20 items a part: 25–35 messages). */
export const MAX_LISTED = 500;

export const KIND_WORDS: Record<EntryChangeKind, readonly [string, string]> = {
  new: ['new entry', 'new entries'],
  corrected: ['correction', 'corrections'],
  restored: ['restored entry', 'restored entries'],
  removed: ['removal', 'removals'],
};

/**
 * How many of each kind are listed: all, up to MAX_LISTED in total. Past it, the smaller kinds
 * keep all theirs and the larger share what is left, so a mass import does not hide a removal.
 */
export function listedPerKind(counts: Readonly<Record<EntryChangeKind, number>>, max = MAX_LISTED): Record<EntryChangeKind, number> {
  const quota = { ...counts };
  const kinds = KIND_ORDER.filter((k) => counts[k] > 0).sort((a, b) => counts[a] - counts[b]);
  let left = max;
  kinds.forEach((kind, index) => {
    quota[kind] = Math.min(counts[kind], Math.floor(left / (kinds.length - index)));
    left -= quota[kind];
  });
  return quota;
}

/**
 * The items listed in full (in the order given) and those past `max` only named, each kind
 * keeping its share as listedPerKind gives it.
 */
export function splitByKind<T extends EntryChange>(items: readonly T[], max: number): { listed: T[]; unlisted: T[] } {
  if (items.length <= max) return { listed: [...items], unlisted: [] };
  const counts: Record<EntryChangeKind, number> = { new: 0, corrected: 0, restored: 0, removed: 0 };
  for (const item of items) counts[item.kind] += 1;
  const quota = listedPerKind(counts, max);
  const listed: T[] = [];
  const unlisted: T[] = [];
  for (const item of items) (quota[item.kind]-- > 0 ? listed : unlisted).push(item);
  return { listed, unlisted };
}

/** `#3, #7–#12`: ids ascending, runs of consecutive ids (an import's) as ranges. */
export function idRanges(ids: readonly number[]): string[] {
  const sorted = [...ids].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    ranges.push(end > i ? `#${sorted[i]}–#${sorted[end]}` : `#${sorted[i]}`);
    i = end + 1;
  }
  return ranges;
}

/** The command that shows what the digest would have said of an item. */
const SHOWN_BY: Record<EntryChangeKind, string> = { new: 'entry show', corrected: 'entry history', restored: 'entry history', removed: 'entry history' };

/** Ids per section, so a section stays well inside one part (and one Discord field). */
const RANGES_PER_SECTION = 40;

/** The items past the bound (`past`: which, in words), kind by kind: named by id, with the command that shows each. */
export function unlistedSections(unlisted: readonly EntryChange[], past = `past the ${MAX_LISTED} items a digest lists`): Section[] {
  const sections: Section[] = [];
  for (const kind of KIND_ORDER) {
    const items = unlisted.filter((item) => item.kind === kind);
    if (items.length > 0) sections.push(...namedSections(kind, items.length, idRanges(items.map((item) => item.entryId)), past));
  }
  return sections;
}

/** `count` items of one kind named by `ranges` of ids, with the command that shows each, then `more` lines. */
export function namedSections(kind: EntryChangeKind, count: number, ranges: readonly string[], past: string, more: readonly Line[] = []): Section[] {
  const sections: Section[] = [];
  const see: Line = [span.plain('Each: '), span.command(SHOWN_BY[kind], 'ID')];
  for (let i = 0; i < ranges.length; i += RANGES_PER_SECTION) {
    const ids: Line = [span.plain(ranges.slice(i, i + RANGES_PER_SECTION).join(', '))];
    const last = i + RANGES_PER_SECTION >= ranges.length;
    const title = `Not listed: ${plural(count, ...KIND_WORDS[kind])} ${past}${i > 0 ? ' (continued)' : ''}`;
    sections.push({ heading: [span.bold(title)], lines: last ? [ids, see, ...more] : [ids] });
  }
  return sections;
}
