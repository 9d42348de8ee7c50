// A row that is a stored entry (same key, or same source URL) corrects it: the fields the row
// gives replace the stored ones, a field it lacks keeps its value, and what differs is said field
// by field ("confidence reported → confirmed"). One table says, for each field of an entry, which
// row fields give it and how a value reads; a field added to entries adds a line here.
import type { ClaimInput, EntryInput, Fatalities, SourceRecord } from '../core/domain.js';
import { formatFatalities } from '../core/fatalities.js';
import { parsePartialDate, toIsoPartial } from '../core/partial-date.js';
import { changedFields } from '../core/entry-diff.js';
import type { RawRow } from './source-row.js';
import { isNone } from './row-values.js';
import { correctedSources } from './source-corrections.js';
import { quoted, sourceChanges, sourceText } from './correction-text.js';

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

const listed = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.join(', '));
const fatalitiesShown = (f: Fatalities | undefined) => (f ? `${formatFatalities(f)} (${f.source})` : '(none)');
const claimText = (c: ClaimInput, names: ActorNames) =>
  [`${names(c.actorId)} ${c.stance} ${toIsoPartial(c.date)}:`, sourceText(c.source), c.note ? quoted(c.note) : ''].filter(Boolean).join(' ');

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
    field: 'sources', label: 'sources', given: ['source_url', 'outlet', 'attribution', 'published', 'grade', 'sources', 'more_sources'], clearable: true,
    show: (e) => (e.sources.length === 0 ? '(none)' : e.sources.map(sourceText).join('; ')),
  },
  { field: 'confidence', label: 'confidence', given: ['confidence'], clearable: false, show: (e) => e.confidence },
  { field: 'tags', label: 'tags', given: ['tags'], clearable: true, show: (e) => listed([...e.tags].sort()) },
  { field: 'fatalities', label: 'fatalities', given: ['fatalities', 'fatalities_source'], clearable: true, show: (e) => fatalitiesShown(e.fatalities) },
  {
    field: 'claims', label: 'claims', given: ['claims'], clearable: true,
    show: (e, names) => ((e.claims ?? []).length === 0 ? '(none)' : e.claims!.map((c) => claimText(c, names)).join('; ')),
  },
];

/** A source with its keys in one order, so two equal sources compare equal as JSON. */
function canonicalSource(source: SourceRecord): SourceRecord {
  return {
    outlet: source.outlet,
    ...(source.url ? { url: source.url } : {}),
    ...(source.attribution ? { attribution: source.attribution } : {}),
    ...(source.published ? { published: source.published } : {}),
    ...(source.grade ? { grade: source.grade } : {}),
  };
}

/** A claim with its keys in one order (its date and source too), as the store reads it back. */
function canonicalClaim(claim: ClaimInput): ClaimInput {
  return {
    actorId: claim.actorId,
    stance: claim.stance,
    date: parsePartialDate(toIsoPartial(claim.date))!,
    source: canonicalSource(claim.source),
    ...(claim.note ? { note: claim.note } : {}),
  };
}

/** The entry with its sources and claims in canonical form, so equal states compare equal. */
const canonical = (entry: EntryInput): EntryInput => ({
  ...entry,
  sources: entry.sources.map(canonicalSource),
  ...(entry.claims ? { claims: entry.claims.map(canonicalClaim) } : {}),
});

const givesField = (row: RawRow, spec: CorrectableField) =>
  spec.given.some((name) => name in row && (spec.clearable || !isNone(row[name])));

/** The stored entry with the fields the row gives laid over it (`checked`: the row as /entry add reads it). */
export function correctedState(current: EntryInput, checked: EntryInput, row: RawRow): EntryInput {
  const next = canonical(current);
  const given = canonical(checked);
  for (const spec of CORRECTABLE_FIELDS) {
    if (!givesField(row, spec)) continue;
    const value = spec.field === 'sources' ? correctedSources(next.sources, given.sources, row).map(canonicalSource) : given[spec.field];
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
  /** What changed within the field, when the whole before and after would bury it (a source's grade). */
  details?: string[];
}

/** Sources are told apart source by source and field by field: one grade changed reads as that. */
function detailsOf(field: keyof EntryInput, current: EntryInput, next: EntryInput): string[] | undefined {
  if (field !== 'sources') return undefined;
  const details = sourceChanges(current.sources.map(canonicalSource), next.sources);
  return details.length > 0 ? details : undefined;
}

/** What differs, field by field, in the table's order. */
export function fieldChanges(current: EntryInput, next: EntryInput, names: ActorNames): FieldChange[] {
  const changed = new Set(changedFields(canonical(current), next));
  return CORRECTABLE_FIELDS.filter((spec) => changed.has(spec.field)).map((spec) => {
    const details = detailsOf(spec.field, current, next);
    return { field: spec.field, label: spec.label, from: spec.show(current, names), to: spec.show(next, names), ...(details ? { details } : {}) };
  });
}

const describeChange = (c: FieldChange): string => c.details?.join('; ') ?? `${c.label} ${c.from} → ${c.to}`;

export const describeChanges = (changes: readonly FieldChange[]): string => changes.map(describeChange).join('; ');

/** The reason /entry history shows for the edit a correction writes. */
export const correctionReason = (file: string, changes: readonly FieldChange[]): string => `changed by import of ${file}: ${describeChanges(changes)}`;
