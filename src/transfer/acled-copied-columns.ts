// The ACLED columns the CSV export repeats (event_date, time_precision, event_type, actor1,
// actor2), worked out once for the ACLED export, the CSV export and the import's check of those
// copies: one entry has the same values in all three.
import type { PartialDate } from '../core/partial-date.js';
import type { EventType } from '../core/vocabulary.js';
import { acledEventDate } from './acled-date.js';
import { acledSides, type ActorFactsById, type SideLink } from './acled-sides.js';
import { ACLED_EVENT_TYPES } from './acled-vocabulary.js';

/** What the columns are read from: a stored entry or an import row. */
export interface AcledCopySource<L extends SideLink> {
  eventType: EventType;
  start: PartialDate;
  end?: PartialDate;
  actors: readonly L[];
}

export interface AcledCopiedColumns<L extends SideLink> {
  event_date: string;
  time_precision: 1 | 2 | 3;
  /** ACLED's event type; empty for a type ACLED does not record (a statement). */
  event_type: string;
  /** Each side's actors, the first of each being ACLED's actor1 and actor2, the others its associates. */
  sides: [L[], L[]];
}

export function acledCopiedColumns<L extends SideLink>(entry: AcledCopySource<L>, actors: ActorFactsById): AcledCopiedColumns<L> {
  const type = ACLED_EVENT_TYPES[entry.eventType];
  const { date, precision } = acledEventDate(entry.start, entry.end);
  return { event_date: date, time_precision: precision, event_type: type?.event ?? '', sides: acledSides(entry.actors, actors, type?.event === 'Battles') };
}
