// The fixed vocabularies of the dossier, kept in one place so the schema checks, option
// choices, autocomplete, help text and renderers never drift apart.

/** Event types modelled on ACLED's event/sub-event types, adapted to diplomacy coverage. */
export const EVENT_TYPES = [
  { id: 'armed-clash', label: 'Armed clash' },
  { id: 'air-strike', label: 'Air/drone strike' },
  { id: 'shelling', label: 'Shelling' },
  { id: 'incursion', label: 'Incursion/deployment' },
  { id: 'violence-against-civilians', label: 'Violence against civilians' },
  { id: 'protest', label: 'Protest' },
  { id: 'talks', label: 'Talks/negotiation' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'statement', label: 'Statement' },
  { id: 'arrest', label: 'Arrest' },
  { id: 'political-change', label: 'Political change' },
  { id: 'humanitarian', label: 'Humanitarian' },
  { id: 'other', label: 'Other' },
] as const;
export type EventType = (typeof EVENT_TYPES)[number]['id'];
export const EVENT_TYPE_IDS = EVENT_TYPES.map((t) => t.id) as EventType[];

export function eventTypeLabel(id: string): string {
  return EVENT_TYPES.find((t) => t.id === id)?.label ?? id;
}

/** How sure the dossier is of an entry, in the words editors use. */
export const CONFIDENCE_LEVELS = ['confirmed', 'reported', 'claimed', 'disputed'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** What an actor says of an entry, recorded as a claim on it (/entry claim). */
export const CLAIM_STANCES = ['claims', 'denies', 'confirms', 'disputes'] as const;
export type ClaimStance = (typeof CLAIM_STANCES)[number];

export const ACTOR_KINDS = [
  'state',
  'government-body',
  'armed-force',
  'armed-group',
  'person',
  'international-organisation',
  'community',
  'other',
  // What an import that creates the actors its rows name gives one whose kind the file omits.
  'unknown',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The kinds an admin chooses from: `unknown` is only given by imports, and edited away. */
export const CHOSEN_ACTOR_KINDS = ACTOR_KINDS.filter((kind) => kind !== 'unknown');

export const ACTOR_ROLES = ['initiator', 'target', 'mediator', 'participant', 'host', 'subject'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Turns a vocabulary id into words for people: `government-body` → `government body`. */
export function humanize(id: string): string {
  return id.replace(/-/g, ' ');
}

/** Stored field names that differ from the option people type to set them. */
const OPTION_OF_FIELD: Record<string, string> = { eventType: 'type', start: 'date', sources: 'source', affiliationId: 'affiliation' };

/** Changed fields as replies and history name them: by their options (`type`, not `eventType`). */
export function fieldOptionNames(fields: readonly string[]): string {
  return fields.map((field) => OPTION_OF_FIELD[field] ?? field).join(', ');
}
