// The lines of one digest item: date, type, actors, places, fatalities and source, and for
// corrections what changed, with before → after for the fields people scan for.
import { isolated } from '../bidi-isolate.js';
import type { EntryInput, SourceRecord } from '../domain.js';
import { actorWithRole, listItems } from '../entry-diff.js';
import { fatalitiesWithSource, formatFatalities } from '../fatalities.js';
import { formatDateSpan, formatPartialDate } from '../partial-date.js';
import { outletLink } from '../source-link.js';
import { eventTypeLabel } from '../vocabulary.js';
import { span, type Line } from '../view.js';
import type { EntryChange } from './changes.js';

function sourceLine(source: SourceRecord, more: number): Line {
  const line: Line = [span.italic('Source: '), ...outletLink(source.outlet, source.url)];
  if (source.attribution) line.push(span.plain(` — ${isolated(source.attribution)}`));
  if (more > 0) line.push(span.plain(` (+${more} more)`));
  return line;
}

/** Date · type · confidence, then actors with roles, places, fatalities and the first source. */
export function entryMetaLines(entry: EntryInput, names: ReadonlyMap<number, string>): Line[] {
  const lines: Line[] = [
    [span.plain(`${formatDateSpan(entry.start, entry.end)} · ${eventTypeLabel(entry.eventType)} · ${entry.confidence}`)],
  ];
  if (entry.actors.length > 0) {
    lines.push([span.italic('Actors: '), span.plain(entry.actors.map((a) => actorWithRole(a, names)).join(', '))]);
  }
  if (entry.places.length > 0) lines.push([span.italic('Places: '), span.plain(entry.places.map(isolated).join(', '))]);
  if (entry.fatalities) lines.push([span.italic('Fatalities: '), span.plain(fatalitiesWithSource(entry.fatalities))]);
  const [first, ...rest] = entry.sources;
  if (first) lines.push(sourceLine(first, rest.length));
  return lines;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  eventType: 'type',
  start: 'date',
  end: 'end date',
  confidence: 'confidence',
  topic: 'topic',
  places: 'places',
  actors: 'actors',
  sources: 'sources',
  tags: 'tags',
};

/**
 * A list's items added and taken away, each as often as it was (a list may name an item twice);
 * `reordered` only when the same items stand in another order, and undefined when the lists read
 * the same.
 */
function listDiff(before: readonly string[], after: readonly string[]): string | undefined {
  if (before.length === after.length && before.every((item, i) => item === after[i])) return undefined;
  const unmatched = [...after];
  const removed: string[] = [];
  for (const item of before) {
    const at = unmatched.indexOf(item);
    if (at >= 0) unmatched.splice(at, 1);
    else removed.push(`− ${item}`);
  }
  const changes = [...unmatched.map((item) => `+ ${item}`), ...removed];
  return changes.length > 0 ? changes.join(', ') : 'reordered';
}

function describeField(field: string, before: EntryInput, after: EntryInput, names: ReadonlyMap<number, string>): string {
  const label = FIELD_LABELS[field] ?? field;
  const date = (d: EntryInput['start'] | undefined) => (d ? formatPartialDate(d) : 'none');
  switch (field) {
    case 'title':
      return `title (was “${isolated(before.title)}”)`;
    case 'eventType':
      return `type ${eventTypeLabel(before.eventType)} → ${eventTypeLabel(after.eventType)}`;
    case 'start':
      return `date ${date(before.start)} → ${date(after.start)}`;
    case 'end':
      return `end date ${date(before.end)} → ${date(after.end)}`;
    case 'confidence':
      return `confidence ${before.confidence} → ${after.confidence}`;
    case 'topic':
      return `topic ${isolated(before.topic)} → ${isolated(after.topic)}`;
    case 'places':
    case 'tags':
    case 'claims':
    case 'actors': {
      // Lists that read the same differ in what their lines leave out: the field alone is named.
      const diff = listDiff(listItems(before, field, names), listItems(after, field, names));
      return diff ? `${label}: ${diff}` : label;
    }
    case 'fatalities':
      return `fatalities ${before.fatalities ? formatFatalities(before.fatalities) : 'none'} → ${fatalitiesWithSource(after.fatalities)}`;
    default:
      return label;
  }
}

/** What changed between the item's two states, in words (`confidence reported → confirmed; date …`). */
export function describeChanges(item: Pick<EntryChange, 'before' | 'after' | 'changedFields'>, names: ReadonlyMap<number, string>): string {
  const before = item.before;
  if (!before) return '';
  return item.changedFields.map((f) => describeField(f, before, item.after, names)).join('; ');
}

/** A change a brief description spells out; a longer one is named by its field alone. */
const BRIEF_CHANGE_CHARS = 60;

/**
 * What changed, briefly, for a correction shortened to fit the message it is drawn in: each field,
 * with before → after where that is short, never the text a title had (the heading shows the new one).
 */
export function describeChangesBriefly(item: Pick<EntryChange, 'before' | 'after' | 'changedFields'>, names: ReadonlyMap<number, string>): string {
  const before = item.before;
  if (!before) return '';
  const brief = (field: string): string => {
    const label = FIELD_LABELS[field] ?? field;
    if (field === 'title') return label;
    const full = describeField(field, before, item.after, names);
    return full.length <= BRIEF_CHANGE_CHARS ? full : label;
  };
  return item.changedFields.map(brief).join('; ');
}

/** What a correction or restoration changed, in words. */
export function correctionLines(item: EntryChange, names: ReadonlyMap<number, string>): Line[] {
  if (item.kind === 'restored' && item.changedFields.length === 0) return [[span.italic('Restored unchanged.')]];
  if (!item.before) return [[span.italic('Changed.')]];
  return [[span.italic('Changed: '), span.plain(describeChanges(item, names))]];
}
