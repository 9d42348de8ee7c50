// One entry as one row of ACLED data: its values in ACLED's vocabularies where the store has
// them, empty where it has nothing (see acled-vocabulary for the mapping, and the README).
import type { EntryActorLink, EntryDetail } from '../core/domain.js';
import { firstDay, formatDateSpan, lastDay } from '../core/partial-date.js';
import type { ActorKind } from '../core/vocabulary.js';
import { countryAcronym, entryLocation, geoColumns, type PlaceLocator } from './acled-geo.js';
import { ACLED_EVENT_TYPES, INTER_OF_KIND, interaction, type AcledColumn, type AcledEventType, type InterType } from './acled-vocabulary.js';

export interface ActorFacts {
  kind: ActorKind;
  affiliationId: number | null;
}

export interface AcledContext {
  /** Every actor's kind and affiliation, by id. */
  actors: ReadonlyMap<number, ActorFacts>;
  locate: PlaceLocator;
}

export type AcledRow = Record<AcledColumn, string | number>;

/** The actor and those it belongs to, up to the top (a minister → ministry → state). */
function lineOf(actorId: number, actors: ReadonlyMap<number, ActorFacts>): number[] {
  const line = [actorId];
  // The bound only guards against a corrupt cycle.
  for (let hop = 0; hop < 64; hop++) {
    const parent = actors.get(line.at(-1)!)?.affiliationId;
    if (parent === null || parent === undefined) break;
    line.push(parent);
  }
  return line;
}

/** The actor an actor belongs to at the top, itself when it belongs to none. */
const rootOf = (actorId: number, actors: ReadonlyMap<number, ActorFacts>): number => lineOf(actorId, actors).at(-1)!;

/** An actor's ACLED type: its kind's, or for a person the type of the body it belongs to. */
function interOf(actorId: number, actors: ReadonlyMap<number, ActorFacts>): InterType | undefined {
  const kind = actors.get(actorId)?.kind;
  if (kind !== 'person') return kind === undefined ? undefined : INTER_OF_KIND[kind];
  const root = actors.get(rootOf(actorId, actors));
  return root && root.kind !== 'person' ? INTER_OF_KIND[root.kind] : undefined;
}

/** Whether one actor belongs to the other, directly or through the bodies between (a minister and its state). */
const inLine = (a: number, b: number, actors: ReadonlyMap<number, ActorFacts>): boolean => lineOf(a, actors).includes(b) || lineOf(b, actors).includes(a);

type Together = (a: EntryActorLink, b: EntryActorLink) => boolean;

function grouped(links: readonly EntryActorLink[], together: Together): [EntryActorLink[], EntryActorLink[]] {
  const one = links.filter((l) => l.role === 'initiator');
  const two = links.filter((l) => l.role === 'target');
  const participants = links.filter((l) => l.role === 'participant');
  const joining = one.length + two.length + participants.length > 0 ? participants : links.filter((l) => l.role === 'subject');
  for (const link of joining) {
    if (one.length > 0 && together(one[0]!, link)) one.push(link);
    else if (two.length > 0 && together(two[0]!, link)) two.push(link);
    else if (one.length === 0) one.push(link);
    else two.push(link);
  }
  return [one, two];
}

/**
 * ACLED's two sides: initiators on one, targets on the other; participants join the side whose
 * actors belong to the same body (a ministry with its state), else open the side still empty,
 * else go with the second. Mediators and hosts have no ACLED column; subjects have none either,
 * except in an entry that names nobody else, where they are its actors. A battle has two sides
 * even when every party belongs to one state (government forces against a community of the
 * same country): there, only actors in one line of affiliation (a ministry and its state) share
 * a side.
 */
function sides(links: readonly EntryActorLink[], actors: ReadonlyMap<number, ActorFacts>, twoSided: boolean): [EntryActorLink[], EntryActorLink[]] {
  const bySameTop = grouped(links, (a, b) => rootOf(a.actorId, actors) === rootOf(b.actorId, actors));
  if (!twoSided || bySameTop[1].length > 0 || bySameTop[0].length < 2) return bySameTop;
  return grouped(links, (a, b) => inLine(a.actorId, b.actorId, actors));
}

/** ACLED codes those who demonstrate as Protesters, whatever body they come from, but for state forces. */
const sideOneType = (inter: InterType | undefined, type: AcledEventType): InterType | undefined =>
  type.event === 'Protests' && inter !== 'State forces' ? 'Protesters' : inter;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * ACLED dates an event to a day: a date known only to the month (or year, or a span) is recorded
 * at the middle of the period, as the codebook does for a month, with time_precision 3; a span of
 * a week or less is 2; a known day is 1.
 */
function eventDate(entry: EntryDetail): { date: string; precision: 1 | 2 | 3 } {
  const from = dayNumber(firstDay(entry.start));
  const to = dayNumber(lastDay(entry.end ?? entry.start));
  const date = new Date(Math.floor((from + to) / 2) * DAY_MS).toISOString().slice(0, 10);
  const days = to - from + 1;
  return { date, precision: days === 1 ? 1 : days <= 7 ? 2 : 3 };
}

const names = (links: readonly EntryActorLink[]) => links.map((l) => l.name).join('; ');

/** The entry's ACLED row, or undefined for a type ACLED does not record (see ACLED_EVENT_TYPES). */
export function acledRow(entry: EntryDetail, context: AcledContext): AcledRow | undefined {
  const type = ACLED_EVENT_TYPES[entry.eventType];
  if (!type) return undefined;
  const { date, precision } = eventDate(entry);
  const [[actor1, ...with1], [actor2, ...with2]] = sides(entry.actors, context.actors, type.event === 'Battles');
  const inter1 = actor1 ? sideOneType(interOf(actor1.actorId, context.actors), type) : undefined;
  const inter2 = actor2 ? interOf(actor2.actorId, context.actors) : undefined;
  const place = entryLocation(entry.places, context.locate);
  return {
    event_id_cnty: `${countryAcronym(place)}${entry.id}`,
    event_date: date,
    year: Number(date.slice(0, 4)),
    time_precision: precision,
    disorder_type: type.disorder,
    event_type: type.event,
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
