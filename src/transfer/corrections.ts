// A row that is a stored entry (same key, or same source URL) corrects it: the fields the row
// gives replace the stored ones, a field it lacks keeps its value, and what differs is said field
// by field ("confidence reported → confirmed"). One table says, for each field of an entry, which
// row fields give it and how a value reads; a field added to entries adds a line here.
import type { EntryInput, SourceRecord } from '../core/domain.js';
import { toIsoPartial } from '../core/partial-date.js';
import { clip } from '../core/text-cut.js';
import { changedFields } from '../core/entry-diff.js';
import type { RawRow } from './source-row.js';
import { isNone } from './row-values.js';

/** How a correction names actors: by id, through the store (or the actors the import plans). */
export type ActorNames = (actorId: number) => string;

interface CorrectableField {
  field: keyof EntryInput;
  /** As replies and history name it: the option that sets it. */
  label: string;
  /** The row fields that give it. */
  given: readonly string[];
  /** Whether an empty value empties it; a field that must have one keeps it (confidence). */
  clearable: boolean;
  show(entry: EntryInput, names: ActorNames): string;
}

const QUOTE_LENGTH = 60;
const quoted = (text: string) => (text === '' ? '(none)' : `“${clip(text, QUOTE_LENGTH)}”`);
const listed = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.join(', '));
const sourceText = (s: SourceRecord) => [s.outlet, s.url, s.attribution, s.published].filter(Boolean).join(' ');

export const CORRECTABLE_FIELDS: readonly CorrectableField[] = [
  { field: 'title', label: 'title', given: ['title'], clearable: false, show: (e) => quoted(e.title) },
  { field: 'start', label: 'date', given: ['date'], clearable: false, show: (e) => toIsoPartial(e.start) },
  { field: 'end', label: 'end', given: ['end'], clearable: true, show: (e) => (e.end ? toIsoPartial(e.end) : '(none)') },
  { field: 'eventType', label: 'type', given: ['type'], clearable: false, show: (e) => e.eventType },
  { field: 'topic', label: 'topic', given: ['topic'], clearable: false, show: (e) => e.topic },
  { field: 'summary', label: 'summary', given: ['summary'], clearable: true, show: (e) => quoted(e.summary) },
  { field: 'places', label: 'places', given: ['places'], clearable: true, show: (e) => listed(e.places) },
  {
    field: 'actors', label: 'actors', given: ['actors'], clearable: true,
    show: (e, names) => listed(e.actors.map((a) => `${names(a.actorId)}:${a.role}`)),
  },
  {
    field: 'sources', label: 'sources', given: ['source_url', 'outlet', 'attribution', 'published', 'sources', 'more_sources'], clearable: true,
    show: (e) => (e.sources.length === 0 ? '(none)' : e.sources.map(sourceText).join('; ')),
  },
  { field: 'confidence', label: 'confidence', given: ['confidence'], clearable: false, show: (e) => e.confidence },
  { field: 'tags', label: 'tags', given: ['tags'], clearable: true, show: (e) => listed([...e.tags].sort()) },
];

/** A source with its keys in one order, so two equal sources compare equal as JSON. */
function canonicalSource(source: SourceRecord): SourceRecord {
  return {
    outlet: source.outlet,
    ...(source.url ? { url: source.url } : {}),
    ...(source.attribution ? { attribution: source.attribution } : {}),
    ...(source.published ? { published: source.published } : {}),
  };
}

const givesField = (row: RawRow, spec: CorrectableField) =>
  spec.given.some((name) => name in row && (spec.clearable || !isNone(row[name])));

/** The stored entry with the fields the row gives laid over it (`checked`: the row as /entry add reads it). */
export function correctedState(current: EntryInput, checked: EntryInput, row: RawRow): EntryInput {
  const next: EntryInput = { ...current, sources: current.sources.map(canonicalSource) };
  for (const spec of CORRECTABLE_FIELDS) {
    if (!givesField(row, spec)) continue;
    const value = spec.field === 'sources' ? checked.sources.map(canonicalSource) : checked[spec.field];
    if (value === undefined) delete next[spec.field];
    else Object.assign(next, { [spec.field]: value });
  }
  return next;
}

export interface FieldChange {
  field: keyof EntryInput;
  label: string;
  from: string;
  to: string;
}

/** What differs, field by field, in the table's order. */
export function fieldChanges(current: EntryInput, next: EntryInput, names: ActorNames): FieldChange[] {
  const changed = new Set(changedFields({ ...current, sources: current.sources.map(canonicalSource) }, next));
  return CORRECTABLE_FIELDS.filter((spec) => changed.has(spec.field)).map((spec) => ({
    field: spec.field,
    label: spec.label,
    from: spec.show(current, names),
    to: spec.show(next, names),
  }));
}

export const describeChanges = (changes: readonly FieldChange[]): string => changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join('; ');

/** The reason /entry history shows for the edit a correction writes. */
export const correctionReason = (file: string, changes: readonly FieldChange[]): string => `changed by import of ${file}: ${describeChanges(changes)}`;
