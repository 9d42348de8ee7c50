// ACLED's columns and vocabularies, and how Sitrep's event types and actor kinds map onto them.
// From the ACLED Codebook (https://acleddata.com/methodology/acled-codebook): "Table 1: Data
// Columns" (names, order, values), "Table 2" (event, sub-event and disorder types) and "Table 3"
// (interaction codes, in the text form the ACLED API returns by default). The README's table
// "ACLED export" says the same for people.
import type { ActorKind, EventType } from '../core/vocabulary.js';

export const ACLED_CODEBOOK_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export type AcledColumn = (typeof ACLED_CODEBOOK_COLUMNS)[number];

export interface AcledEventType {
  disorder: 'Political violence' | 'Demonstrations' | 'Strategic developments';
  event: string;
  sub: string;
  /** ACLED's civilian_targeting: civilians were the main or only target. */
  civiliansTargeted?: true;
}

const strategic = (sub: string): AcledEventType => ({ disorder: 'Strategic developments', event: 'Strategic developments', sub });

/**
 * Each Sitrep type as ACLED codes such an event; undefined where ACLED records no such event
 * (a statement is something said, not a development on the ground), so it is left out.
 */
export const ACLED_EVENT_TYPES: Readonly<Record<EventType, AcledEventType | undefined>> = {
  'armed-clash': { disorder: 'Political violence', event: 'Battles', sub: 'Armed clash' },
  'air-strike': { disorder: 'Political violence', event: 'Explosions/Remote violence', sub: 'Air/drone strike' },
  shelling: { disorder: 'Political violence', event: 'Explosions/Remote violence', sub: 'Shelling/artillery/missile attack' },
  'violence-against-civilians': { disorder: 'Political violence', event: 'Violence against civilians', sub: 'Attack', civiliansTargeted: true },
  protest: { disorder: 'Demonstrations', event: 'Protests', sub: 'Peaceful protest' },
  // The codebook's "movement of forces … non-violent security measures enacted by armed actors".
  incursion: strategic('Change to group/activity'),
  // The codebook files "peace agreements/talks" under Agreement.
  talks: strategic('Agreement'),
  agreement: strategic('Agreement'),
  arrest: strategic('Arrests'),
  // "the occurrence of a coup" and "the displacement of a civilian population" are the codebook's examples of Other.
  'political-change': strategic('Other'),
  humanitarian: strategic('Other'),
  other: strategic('Other'),
  statement: undefined,
};

/** ACLED's actor types (inter1, inter2), in the order of their codes 1–8. */
export const INTER_TYPES = ['State forces', 'Rebel group', 'Political militia', 'Identity militia', 'Rioters', 'Protesters', 'Civilians', 'External/Other forces'] as const;
export type InterType = (typeof INTER_TYPES)[number];

/**
 * The actor type each kind is in ACLED's terms; undefined where the kind does not say which
 * (an armed group may be a rebel group or a political or identity militia; a person is typed by
 * the body it belongs to, see acled-row).
 */
export const INTER_OF_KIND: Readonly<Record<ActorKind, InterType | undefined>> = {
  state: 'State forces',
  'government-body': 'State forces',
  'armed-force': 'State forces',
  'international-organisation': 'External/Other forces',
  community: 'Civilians',
  'armed-group': undefined,
  person: undefined,
  other: undefined,
  unknown: undefined,
};

/** ACLED's interaction: `State forces-Civilians` (lower code first), or `State forces only` without a second actor. */
export function interaction(inter1: InterType | undefined, inter2: InterType | undefined, hasActor2: boolean): string {
  if (inter1 === undefined) return '';
  if (!hasActor2) return `${inter1} only`;
  if (inter2 === undefined) return '';
  return [inter1, inter2].sort((a, b) => INTER_TYPES.indexOf(a) - INTER_TYPES.indexOf(b)).join('-');
}
