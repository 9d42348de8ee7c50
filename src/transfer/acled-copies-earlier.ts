// What CSV exports wrote in their ACLED-named columns before those columns took the ACLED export's
// values: the first day of the date, Sitrep's own type label, actor1 the first initiator (else the
// first actor) and actor2 the first target (else the first other actor). A file exported then and
// re-imported unedited is not taken for one whose copies were edited.
import type { EntryInput } from '../core/domain.js';
import { firstDay } from '../core/partial-date.js';
import { eventTypeLabel } from '../core/vocabulary.js';

/** Each such column's earlier value for the row as read. */
export function earlierCopies(input: EntryInput, nameOf: (id: number) => string): ReadonlyMap<string, string> {
  const actor1 = input.actors.find((a) => a.role === 'initiator') ?? input.actors[0];
  const others = input.actors.filter((a) => a.actorId !== actor1?.actorId);
  const actor2 = others.find((a) => a.role === 'target') ?? others[0];
  return new Map([
    ['event_date', firstDay(input.start)],
    ['event_type', eventTypeLabel(input.eventType)],
    ['actor1', actor1 ? nameOf(actor1.actorId) : ''],
    ['actor2', actor2 ? nameOf(actor2.actorId) : ''],
  ]);
}
