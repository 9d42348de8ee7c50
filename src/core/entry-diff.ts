// What differs between two states of an entry, field by field: which fields changed (as edits
// record them) and, for /entry diff, each change in words.
import type { ClaimInput, EntryInput, SourceRecord } from './domain.js';
import { isolated } from './bidi-isolate.js';
import { claimLine, sourceLine } from './entry-views.js';
import { fatalitiesWithSource } from './fatalities.js';
import { formatIsoPartial, formatPartialDate, type PartialDate } from './partial-date.js';
import { sameJson } from './same-json.js';
import { gradeText } from './source-grade.js';
import { outletLink } from './source-link.js';
import { foldKey } from './text.js';
import { span, type Line } from './view.js';
import { eventTypeLabel } from './vocabulary.js';

/**
 * A field's value as compared: tags are a set (stored and read without order); places are
 * shared rows found by their folded name, so `baghdad` for a stored `Baghdad` is no change; no
 * claims is the same whether said with an empty list or none.
 */
function comparable(input: EntryInput, key: keyof EntryInput): unknown {
  if (key === 'tags') return [...input.tags].sort();
  if (key === 'claims') return input.claims ?? [];
  if (key === 'places') return input.places.map(foldKey);
  return input[key];
}

/** Which top-level fields differ between two states, in a stable order. */
export function changedFields(before: EntryInput, after: EntryInput): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof EntryInput>;
  return [...keys].filter((k) => !sameJson(comparable(before, k), comparable(after, k))).sort();
}

/** One changed field: a value replaced, or items added to, taken from or changed in a list. */
export type FieldChange =
  | { field: string; label: string; kind: 'value'; before: string; after: string }
  | { field: string; label: string; kind: 'list'; added: Line[]; removed: Line[]; changed: Line[] };

/** How an actor shown at one end came to be another at the other end, if it did. */
export type ActorFold = (before: number, after: number) => 'merge' | 'unmerge' | undefined;

/** The order fields are shown in: as /entry show lists them. */
const FIELDS: readonly (readonly [keyof EntryInput, string])[] = [
  ['title', 'Title'],
  ['start', 'Date'],
  ['end', 'End date'],
  ['eventType', 'Type'],
  ['confidence', 'Confidence'],
  ['topic', 'Topic'],
  ['places', 'Places'],
  ['fatalities', 'Fatalities'],
  ['tags', 'Tags'],
  ['summary', 'Summary'],
  ['actors', 'Actors'],
  ['sources', 'Sources'],
  ['claims', 'Claims'],
];

/** Fields compared item by item rather than as one value. */
const LIST_FIELDS: readonly (keyof EntryInput)[] = ['actors', 'sources', 'places', 'tags', 'claims'];

const dateText = (date: PartialDate | undefined) => (date ? formatPartialDate(date) : 'none');

function sourceText(source: SourceRecord): string {
  return [isolated(source.outlet), source.url, source.attribution && isolated(source.attribution), source.published, source.grade].filter(Boolean).join(' · ');
}

/** Every actor a state of an entry names, as a party or as the author of a claim (ids may repeat). */
export const actorIdsNamed = (state: EntryInput): number[] => [...state.actors, ...(state.claims ?? [])].map((a) => a.actorId);

/** An actor as a snapshot names it: by its name, or by its id when the name is not known. */
export const actorName = (id: number, names: ReadonlyMap<number, string>) => names.get(id) ?? `actor #${id}`;

/** actorName as a line shows it, set apart when written right to left (bidi-isolate.ts). */
const shownName = (id: number, names: ReadonlyMap<number, string>) => isolated(actorName(id, names));

/** `Israel (mediator)`: an actor of an entry with its role. */
export const actorWithRole = (actor: { actorId: number; role: string }, names: ReadonlyMap<number, string>) => `${shownName(actor.actorId, names)} (${actor.role})`;

/** `Israel denies · 26 Jul 2025 · AFP · B2 — note`: who, which stance, when, through which source. */
export function claimText(claim: ClaimInput, names: ReadonlyMap<number, string>): string {
  return `${shownName(claim.actorId, names)} ${claim.stance} · ${formatPartialDate(claim.date)} · ${sourceText(claim.source)}${claim.note ? ` — ${isolated(claim.note)}` : ''}`;
}

function valueText(state: EntryInput, field: keyof EntryInput): string {
  switch (field) {
    case 'start':
    case 'end':
      return dateText(state[field]);
    case 'eventType':
      return eventTypeLabel(state.eventType);
    case 'fatalities':
      return fatalitiesWithSource(state.fatalities);
    default:
      return isolated(String(state[field] ?? '')) || '—';
  }
}

/** The items of a list field (actors, sources, places, tags, claims), each as a line of text. */
export function listItems(state: EntryInput, field: keyof EntryInput, names: ReadonlyMap<number, string>): string[] {
  switch (field) {
    case 'actors':
      return state.actors.map((a) => actorWithRole(a, names));
    case 'sources':
      return state.sources.map(sourceText);
    case 'claims':
      return (state.claims ?? []).map((claim) => claimText(claim, names));
    default:
      return (state[field] as string[]).map(isolated);
  }
}

/**
 * A list's items matched across the two ends: those that stayed as they were, those whose
 * identity held while the rest changed (`changedLine`), and those added or taken away. An item
 * whose `pairs` counterpart already stayed may still pair with it when `sharedAfter` is set
 * (two actors merged into one).
 */
function listChange<T>(
  was: readonly T[],
  now: readonly T[],
  how: {
    same: (a: T, b: T) => boolean;
    pairs: (a: T, b: T) => boolean;
    line: (item: T) => Line;
    changedLine: (a: T, b: T) => Line;
    sharedAfter?: boolean;
  },
): { added: Line[]; removed: Line[]; changed: Line[] } {
  const used = new Set<number>();
  const left: T[] = [];
  for (const a of was) {
    const i = now.findIndex((b, j) => !used.has(j) && how.same(a, b));
    if (i < 0) left.push(a);
    else used.add(i);
  }
  const removed: Line[] = [];
  const changed: Line[] = [];
  for (const a of left) {
    let i = now.findIndex((b, j) => !used.has(j) && how.pairs(a, b));
    if (i >= 0) used.add(i);
    else if (how.sharedAfter) i = now.findIndex((b) => how.pairs(a, b));
    if (i >= 0) changed.push(how.changedLine(a, now[i]!));
    else removed.push(how.line(a));
  }
  const added = now.flatMap((b, j) => (used.has(j) ? [] : [how.line(b)]));
  return { added, removed, changed };
}

/** ` by /actors merge`: what moved an actor without an edit of the entry. */
const foldedBy = (fold: 'merge' | 'unmerge'): Line => [span.plain(' by '), span.command(`actors ${fold}`)];

const SOURCE_PARTS: readonly (readonly [keyof SourceRecord, string, (value: string) => string])[] = [
  ['grade', 'grade', gradeText],
  ['attribution', 'attribution', isolated],
  ['published', 'published', formatIsoPartial],
];

/** `AFP: grade F2 (…) → B2 (usually reliable; probably true)`: what changed in a source that kept its outlet and link. */
function sourceChangeLine(a: SourceRecord, b: SourceRecord): Line {
  const parts = SOURCE_PARTS.filter(([key]) => a[key] !== b[key]).map(([key, name, text]) => {
    const value = (source: SourceRecord) => (source[key] ? text(source[key]) : '—');
    return `${name} ${value(a)} → ${value(b)}`;
  });
  return [...outletLink(b.outlet, b.url, span.bold), span.plain(`: ${parts.join('; ') || 'changed'}`)];
}

function listFieldChange(field: keyof EntryInput, before: EntryInput, after: EntryInput, names: ReadonlyMap<number, string>, fold: ActorFold) {
  const plain = (text: string): Line => [span.plain(text)];
  switch (field) {
    case 'actors':
      return listChange(before.actors, after.actors, {
        same: (a, b) => a.actorId === b.actorId && a.role === b.role,
        pairs: (a, b) => a.role === b.role && fold(a.actorId, b.actorId) !== undefined,
        line: (a) => plain(actorWithRole(a, names)),
        changedLine: (a, b) => [span.plain(`${shownName(a.actorId, names)} → ${actorWithRole(b, names)}`), ...foldedBy(fold(a.actorId, b.actorId)!)],
        sharedAfter: true,
      });
    case 'sources':
      // A source is its outlet and link; its grade, attribution and day may change.
      return listChange(before.sources, after.sources, {
        same: (a, b) => sameJson(a, b),
        pairs: (a, b) => a.outlet === b.outlet && (a.url ?? '') === (b.url ?? ''),
        line: sourceLine,
        changedLine: sourceChangeLine,
      });
    case 'claims':
      return listChange(before.claims ?? [], after.claims ?? [], {
        same: (a, b) => sameJson(a, b),
        pairs: (a, b) => fold(a.actorId, b.actorId) !== undefined && sameJson({ ...a, actorId: 0 }, { ...b, actorId: 0 }),
        line: (c) => claimLine([span.plain(shownName(c.actorId, names))], c),
        changedLine: (a, b) => [...claimLine([span.plain(`${shownName(a.actorId, names)} → ${shownName(b.actorId, names)}`)], b), ...foldedBy(fold(a.actorId, b.actorId)!)],
        sharedAfter: true,
      });
    default: {
      const was = before[field] as string[];
      const now = after[field] as string[];
      const line = (item: string) => plain(isolated(item));
      return listChange(was, now, { same: (a, b) => a === b, pairs: () => false, line, changedLine: line });
    }
  }
}

/**
 * Every field that differs, in words; a list that only changed order says so with no items.
 * `fold` tells how an actor at one end became another at the other without an edit.
 */
export function fieldChanges(before: EntryInput, after: EntryInput, names: ReadonlyMap<number, string>, fold: ActorFold = () => undefined): FieldChange[] {
  const changed = new Set(changedFields(before, after));
  return FIELDS.filter(([field]) => changed.has(field)).map(([field, label]): FieldChange => {
    if (!LIST_FIELDS.includes(field)) {
      return { field, label, kind: 'value', before: valueText(before, field), after: valueText(after, field) };
    }
    return { field, label, kind: 'list', ...listFieldChange(field, before, after, names, fold) };
  });
}
