// A row that is a stored entry (same key, or same source URL) corrects it: the fields the row
// gives replace the stored ones, a field it lacks keeps its value, and what differs is said field
// by field ("confidence reported → confirmed"). One table says, for each field of an entry, which
// row fields give it and how a value reads; a field added to entries adds a line here. A row that
// says which revision of the entry it shows, the entry changed since, is merged three ways instead
// (mergedState): what the store changed since is kept unless the file changed it too (for a list,
// unless the file changed the same item of it).
import type { ClaimInput, EntryInput, Fatalities, SourceRecord } from '../core/domain.js';
import { formatFatalities } from '../core/fatalities.js';
import { parsePartialDate, toIsoPartial } from '../core/partial-date.js';
import { changedFields } from '../core/entry-diff.js';
import type { RawRow } from './source-row.js';
import { isNone } from './row-values.js';
import { correctedSources } from './source-corrections.js';
import { sameButLineEnds } from './line-ends.js';
import { quoted, quotedChange, SOURCE_FIELDS, sourceChanges, sourceText } from './correction-text.js';
import { mergeKeys, mergeLists, type ItemConflict, type ListItems } from './list-merge.js';
import { sameJson } from '../core/same-json.js';

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
  /** For free text shown quoted: the text, so a change past the quote's clip can be shown where it is. */
  text?(entry: EntryInput): string;
}

const listed = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.join(', '));
const fatalitiesShown = (f: Fatalities | undefined) => (f ? `${formatFatalities(f)} (${f.source})` : '(none)');
const claimText = (c: ClaimInput, names: ActorNames) =>
  [`${names(c.actorId)} ${c.stance} ${toIsoPartial(c.date)}:`, sourceText(c.source), c.note ? quoted(c.note) : ''].filter(Boolean).join(' ');

export const CORRECTABLE_FIELDS: readonly CorrectableField[] = [
  { field: 'title', label: 'title', given: ['title'], clearable: false, show: (e) => quoted(e.title), text: (e) => e.title },
  { field: 'start', label: 'date', given: ['date'], clearable: false, show: (e) => toIsoPartial(e.start) },
  { field: 'end', label: 'end', given: ['end'], clearable: true, show: (e) => (e.end ? toIsoPartial(e.end) : '(none)') },
  { field: 'eventType', label: 'type', given: ['type'], clearable: false, show: (e) => e.eventType },
  { field: 'topic', label: 'topic', given: ['topic'], clearable: false, show: (e) => e.topic },
  { field: 'summary', label: 'summary', given: ['summary'], clearable: true, show: (e) => quoted(e.summary), text: (e) => e.summary },
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
    // A text stored with \r\n (imported so before) is not changed by the same text with \n.
    const stored = next[spec.field];
    if (typeof value === 'string' && typeof stored === 'string' && sameButLineEnds(value, stored)) continue;
    if (value === undefined) delete next[spec.field];
    else Object.assign(next, { [spec.field]: value });
  }
  return next;
}

/** Fields of one string each, compared first: most past states differ from a row in one of them. */
const ONE_STRING_FIELDS = CORRECTABLE_FIELDS.filter((spec) => ['title', 'eventType', 'topic', 'confidence'].includes(spec.field));

/** Whether the row, laid over `state`, changes none of its fields: it gives the entry as `state` has it. */
export function leavesAsIs(state: EntryInput, checked: EntryInput, row: RawRow): boolean {
  for (const spec of ONE_STRING_FIELDS) {
    const [given, stored] = [checked[spec.field], state[spec.field]];
    if (givesField(row, spec) && given !== stored && !(typeof given === 'string' && typeof stored === 'string' && sameButLineEnds(given, stored))) return false;
  }
  return changedFields(canonical(state), correctedState(state, checked, row)).length === 0;
}

/** A field the file and the store both changed since the row's revision, each its own way: left as stored. */
export interface FieldConflict {
  field: keyof EntryInput;
  label: string;
  /** The store's value, and the file's, as a correction shows them. */
  stored: string;
  file: string;
}

export interface MergedState {
  next: EntryInput;
  conflicts: FieldConflict[];
}

/**
 * Sources both sides changed, merged source by source and key by key when neither added or took
 * one away (the store a grade, the file an attribution); undefined when they changed one key apart.
 */
function mergedSources(base: readonly SourceRecord[], stored: readonly SourceRecord[], fromFile: readonly SourceRecord[]): SourceRecord[] | undefined {
  if (stored.length !== base.length || fromFile.length !== base.length) return undefined;
  const merged: SourceRecord[] = [];
  for (const [i, was] of base.entries()) {
    const source = mergeKeys(was, stored[i]!, fromFile[i]!, SOURCE_FIELDS);
    if (!source) return undefined;
    merged.push(canonicalSource(source as SourceRecord));
  }
  return merged;
}

/** A claim's parts that may change while it stays the same claim (its actor, stance, day and source's outlet or link stay). */
const CLAIM_PARTS = ['note', ...SOURCE_FIELDS] as const;
const claimParts = (claim: ClaimInput) => ({ ...claim.source, ...(claim.note ? { note: claim.note } : {}) });

const CLAIM_ITEMS: ListItems<ClaimInput> = {
  identity: (c) => [c.actorId, c.stance, toIsoPartial(c.date), c.source.url ?? c.source.outlet].join('\u0000'),
  same: sameJson,
  mergeItem(base, stored, fromFile) {
    const parts = mergeKeys(claimParts(base), claimParts(stored), claimParts(fromFile), CLAIM_PARTS);
    if (!parts) return undefined;
    const { note, ...source } = parts;
    return canonicalClaim({ actorId: stored.actorId, stance: stored.stance, date: stored.date, source: source as SourceRecord, ...(note ? { note } : {}) });
  },
};

/** A source is its outlet and link; its attribution, day and grade may change (as /entry diff pairs them). */
const SOURCE_ITEMS: ListItems<SourceRecord> = {
  identity: (s) => `${s.outlet}\u0000${s.url ?? ''}`,
  same: sameJson,
  mergeItem: (base, stored, fromFile) => {
    const merged = mergeKeys(base, stored, fromFile, SOURCE_FIELDS);
    return merged && canonicalSource(merged as SourceRecord);
  },
};

const TAG_ITEMS: ListItems<string> = { identity: (tag) => tag, same: (a, b) => a === b };

/** How a list field's items are merged and shown, for the fields merged item by item. */
interface ListField<T> {
  items: ListItems<T>;
  of(entry: EntryInput): readonly T[];
  show(item: T, names: ActorNames): string;
}

const listField = <T>(field: ListField<T>) => field as unknown as ListField<unknown>;

const LIST_FIELDS: Partial<Record<keyof EntryInput, ListField<unknown>>> = {
  tags: listField<string>({ items: TAG_ITEMS, of: (e) => e.tags, show: (tag) => tag }),
  claims: listField<ClaimInput>({ items: CLAIM_ITEMS, of: (e) => e.claims ?? [], show: claimText }),
  sources: listField<SourceRecord>({ items: SOURCE_ITEMS, of: (e) => e.sources, show: sourceText }),
};

/** One side of the items in conflict: each as that side has it, or as it was where that side took it away. */
function conflictSide<T>(conflicts: readonly ItemConflict<T>[], side: 'stored' | 'fromFile', show: (item: T) => string): string {
  return conflicts.map((c) => (c[side] !== undefined ? show(c[side]) : `(removed) ${show(c.base!)}`)).join('; ');
}

/**
 * A list field both sides changed, merged item by item: its value afterwards, and the items in
 * conflict (each left as stored), shown alone rather than the whole list each side has.
 */
function mergedList(spec: CorrectableField, was: EntryInput, stored: EntryInput, fromFile: EntryInput, names: ActorNames): { value: unknown[]; conflict?: FieldConflict } | undefined {
  const list = LIST_FIELDS[spec.field];
  if (!list) return undefined;
  const { merged, conflicts } = mergeLists(list.of(was), list.of(stored), list.of(fromFile), list.items);
  if (conflicts.length === 0) return { value: merged };
  const show = (item: unknown) => list.show(item, names);
  return { value: merged, conflict: { field: spec.field, label: spec.label, stored: conflictSide(conflicts, 'stored', show), file: conflictSide(conflicts, 'fromFile', show) } };
}

/**
 * A three-way merge, field by field, of the entry as the row's revision left it (`base`), as it is
 * stored (`current`) and as the file has it (`fromFile`: correctedState over `base`): a field the
 * file left as it was keeps the store's value, one only the file changed takes the file's, and
 * one both changed differently is a conflict, left as stored. A list (tags, claims, sources) both
 * changed is merged item by item instead: only the items both changed are in conflict.
 */
export function mergedState(base: EntryInput, current: EntryInput, fromFile: EntryInput, names: ActorNames): MergedState {
  const was = canonical(base);
  const stored = canonical(current);
  const byFile = new Set(changedFields(was, fromFile));
  const byStore = new Set(changedFields(was, stored));
  const differ = new Set(changedFields(stored, fromFile));
  const next = { ...stored };
  const conflicts: FieldConflict[] = [];
  for (const spec of CORRECTABLE_FIELDS) {
    if (!byFile.has(spec.field) || !differ.has(spec.field)) continue;
    const sources = spec.field === 'sources' && byStore.has('sources') ? mergedSources(was.sources, stored.sources, fromFile.sources) : undefined;
    if (sources) {
      next.sources = sources;
      continue;
    }
    if (byStore.has(spec.field)) {
      const list = mergedList(spec, was, stored, fromFile, names);
      if (list) {
        Object.assign(next, { [spec.field]: list.value });
        if (list.conflict) conflicts.push(list.conflict);
      } else conflicts.push({ field: spec.field, label: spec.label, stored: spec.show(stored, names), file: spec.show(fromFile, names) });
      continue;
    }
    const value = fromFile[spec.field];
    if (value === undefined) delete next[spec.field];
    else Object.assign(next, { [spec.field]: value });
  }
  return { next, conflicts };
}

/**
 * Every field in which the file's entry (`fromFile`: correctedState over `current`) differs from
 * the stored one, each a conflict left as stored: for a row whose history shares nothing with the
 * store's, where which side changed a field cannot be told.
 */
export function unrelatedState(current: EntryInput, fromFile: EntryInput, names: ActorNames): MergedState {
  return { next: canonical(current), conflicts: fieldConflicts(current, fromFile, names) };
}

/** Each field in which `theirs` differs from `ours`, as a conflict showing both values. */
export function fieldConflicts(ours: EntryInput, theirs: EntryInput, names: ActorNames): FieldConflict[] {
  return fieldChanges(ours, theirs, names).map((c) => ({ field: c.field, label: c.label, stored: c.from, file: c.to }));
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
    const [from, to] = spec.text ? quotedChange(spec.text(current), spec.text(next)) : [spec.show(current, names), spec.show(next, names)];
    return { field: spec.field, label: spec.label, from, to, ...(details ? { details } : {}) };
  });
}

const describeChange = (c: FieldChange): string => c.details?.join('; ') ?? `${c.label} ${c.from} → ${c.to}`;

export const describeChanges = (changes: readonly FieldChange[]): string => changes.map(describeChange).join('; ');

/** The reason /entry history shows for the edit a correction writes. */
export const correctionReason = (file: string, changes: readonly FieldChange[]): string => `changed by import of ${file}: ${describeChanges(changes)}`;
