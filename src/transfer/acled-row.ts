// One entry as one row of ACLED data: its values in ACLED's vocabularies where the store has
// them, empty where it has nothing (see acled-vocabulary for the mapping, and the README).
import type { EntryActorLink, EntryDetail } from '../core/domain.js';
import { formatDateSpan } from '../core/partial-date.js';
import { acledCopiedColumns } from './acled-copied-columns.js';
import { acledEventId } from './acled-event-id.js';
import { entryLocation, geoColumns, type PlaceLocator } from './acled-geo.js';
import { rootOf, type ActorFacts, type ActorFactsById } from './acled-sides.js';
import { ACLED_EVENT_TYPES, INTER_OF_KIND, interaction, type AcledColumn, type AcledEventType, type InterType } from './acled-vocabulary.js';

// acled-export reads the facts' type from here.
export type { ActorFacts };

export interface AcledContext {
  /** Every actor's kind and affiliation, by id. */
  actors: ActorFactsById;
  locate: PlaceLocator;
}

export type AcledRow = Record<AcledColumn, string | number>;

/** An actor's ACLED type: its kind's, or for a person the type of the body it belongs to. */
function interOf(actorId: number, actors: ActorFactsById): InterType | undefined {
  const kind = actors.get(actorId)?.kind;
  if (kind !== 'person') return kind === undefined ? undefined : INTER_OF_KIND[kind];
  const root = actors.get(rootOf(actorId, actors));
  return root && root.kind !== 'person' ? INTER_OF_KIND[root.kind] : undefined;
}

/**
 * An actor's type on its side of this event. ACLED codes those who demonstrate as Protesters,
 * whatever body they come from, but for state forces. Civilians, in ACLED, are unarmed and only
 * ever on the receiving end: a community that fights (either side of a battle) or attacks (side 1
 * of political violence) does so through its armed men, whom ACLED codes as an Identity militia.
 */
function typeOnSide(inter: InterType | undefined, type: AcledEventType, side: 1 | 2): InterType | undefined {
  if (side === 1 && type.event === 'Protests' && inter !== 'State forces') return 'Protesters';
  const armed = type.event === 'Battles' || (side === 1 && type.disorder === 'Political violence');
  return armed && inter === 'Civilians' ? 'Identity militia' : inter;
}

const names = (links: readonly EntryActorLink[]) => links.map((l) => l.name).join('; ');

/**
 * The entry's ACLED row, or undefined for a type ACLED does not record (see ACLED_EVENT_TYPES);
 * `key` is the entry's stable key, which names the row (acled-event-id).
 */
export function acledRow(entry: EntryDetail, key: string, context: AcledContext): AcledRow | undefined {
  const type = ACLED_EVENT_TYPES[entry.eventType];
  if (!type) return undefined;
  // The columns the CSV export repeats come from the same place, so both exports agree on them.
  const { event_date: date, time_precision: precision, event_type: eventType, sides } = acledCopiedColumns(entry, context.actors);
  const [[actor1, ...with1], [actor2, ...with2]] = sides;
  const inter1 = actor1 ? typeOnSide(interOf(actor1.actorId, context.actors), type, 1) : undefined;
  const inter2 = actor2 ? typeOnSide(interOf(actor2.actorId, context.actors), type, 2) : undefined;
  const place = entryLocation(entry.places, context.locate);
  return {
    event_id_cnty: acledEventId(key),
    event_date: date,
    year: Number(date.slice(0, 4)),
    time_precision: precision,
    disorder_type: type.disorder,
    event_type: eventType,
    sub_event_type: type.sub,
    actor1: actor1?.name ?? '',
    assoc_actor_1: names(with1),
    inter1: inter1 ?? '',
    actor2: actor2?.name ?? '',
    assoc_actor_2: names(with2),
    inter2: inter2 ?? '',
    interaction: interaction(inter1, inter2, actor2 !== undefined),
    civilian_targeting: type.civiliansTargeted ? 'Civilians targeted' : '',
    ...geoColumns(place),
    admin2: '',
    admin3: '',
    source: [...new Set(entry.sources.map((s) => s.outlet))].join('; '),
    source_scale: '',
    notes: `${formatDateSpan(entry.start, entry.end)}: ${entry.summary || entry.title}`,
    // The most conservative estimate, as ACLED records; no figures are recorded as 0, as ACLED does.
    fatalities: entry.fatalities ? (entry.fatalities.low ?? entry.fatalities.best) : 0,
    tags: '',
    timestamp: Math.floor(Date.parse(entry.updatedAt) / 1000),
  };
}
