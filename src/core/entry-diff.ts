// What differs between two states of an entry, field by field: which fields changed (as edits
// record them) and, for /entry diff, each change in words.
import type { ClaimInput, EntryInput, SourceRecord } from './domain.js';
import { fatalitiesWithSource } from './fatalities.js';
import { formatPartialDate, type PartialDate } from './partial-date.js';
import { sameJson } from './same-json.js';
import { foldKey } from './text.js';
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

/** One changed field: a value replaced, or items added to and taken from a list. */
export type FieldChange =
  | { field: string; label: string; kind: 'value'; before: string; after: string }
  | { field: string; label: string; kind: 'list'; added: string[]; removed: string[] };

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
  return [source.outlet, source.url, source.attribution, source.published, source.grade].filter(Boolean).join(' · ');
}

/** Every actor a state of an entry names, as a party or as the author of a claim (ids may repeat). */
export const actorIdsNamed = (state: EntryInput): number[] => [...state.actors, ...(state.claims ?? [])].map((a) => a.actorId);

/** An actor as a snapshot names it: by its name, or by its id when the name is not known. */
export const actorName = (id: number, names: ReadonlyMap<number, string>) => names.get(id) ?? `actor #${id}`;

/** `Israel (mediator)`: an actor of an entry with its role. */
export const actorWithRole = (actor: { actorId: number; role: string }, names: ReadonlyMap<number, string>) => `${actorName(actor.actorId, names)} (${actor.role})`;

/** `Israel denies · 26 Jul 2025 · AFP · B2 — note`: who, which stance, when, through which source. */
export function claimText(claim: ClaimInput, names: ReadonlyMap<number, string>): string {
  return `${actorName(claim.actorId, names)} ${claim.stance} · ${formatPartialDate(claim.date)} · ${sourceText(claim.source)}${claim.note ? ` — ${claim.note}` : ''}`;
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
      return String(state[field] ?? '') || '—';
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
      return state[field] as string[];
  }
}

/** Every field that differs, in words; a list that only changed order says so with no items. */
export function fieldChanges(before: EntryInput, after: EntryInput, names: ReadonlyMap<number, string>): FieldChange[] {
  const changed = new Set(changedFields(before, after));
  return FIELDS.filter(([field]) => changed.has(field)).map(([field, label]): FieldChange => {
    if (!LIST_FIELDS.includes(field)) {
      return { field, label, kind: 'value', before: valueText(before, field), after: valueText(after, field) };
    }
    const was = listItems(before, field, names);
    const now = listItems(after, field, names);
    return { field, label, kind: 'list', added: now.filter((x) => !was.includes(x)), removed: was.filter((x) => !now.includes(x)) };
  });
}
