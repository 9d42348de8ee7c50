// Entries the dossier holds that may report a waiting candidate's event: of its type, at one of
// its places (else with its first actor), within a day of its date. `/review show` lists them, each
// with the /review attach that makes the candidate's reports its sources, so that the same event
// told in other words is not approved twice.
import { shiftDay } from '../../src/core/as-of-day.js';
import { isolated } from '../../src/core/bidi-isolate.js';
import type { EntrySummary } from '../../src/core/domain.js';
import { entryDateText } from '../../src/core/entry-views.js';
import { firstDay, lastDay, toIsoPartial } from '../../src/core/partial-date.js';
import type { DossierReader } from '../../src/core/ports.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { foldKey } from '../../src/core/text.js';
import { span, type Section } from '../../src/core/view.js';
import { eventTypeLabel } from '../../src/core/vocabulary.js';
import { suggestedStart } from './approval.js';

/** At most this many are listed: a few to compare, not a timeline. */
const MOST = 3;
/** Places and actors asked about, at most. */
const ASKED = 3;
/** Rows read a query: entries dated by a month or a year in the window are passed over. */
const ASKED_ROWS = 20;

/** The live entries alike, closest in the store's order first (none for a candidate dated only by a month or a year). */
export function entriesAlike(candidate: Candidate, dossier: DossierReader): EntrySummary[] {
  const day = toIsoPartial(suggestedStart(candidate));
  if (day.length !== 10) return [];
  const around = { eventType: candidate.suggested.type, since: shiftDay(day, -1), until: shiftDay(day, 1), offset: 0 };
  const { places, actors } = candidate.suggested;
  const queries = places.length > 0 ? places.slice(0, ASKED).map((place) => ({ ...around, placeKey: foldKey(place) })) : actors.slice(0, 1).map((actor) => ({ ...around, actorId: actor.id }));
  const found = new Map<number, EntrySummary>();
  // Only entries dated within the window: one dated by its month alone would match any day of it.
  const within = (entry: EntrySummary) => firstDay(entry.start) >= around.since && lastDay(entry.end ?? entry.start) <= around.until;
  for (const query of queries) for (const entry of dossier.timeline({ ...query, limit: ASKED_ROWS }).items) if (found.size < MOST && within(entry)) found.set(entry.id, entry);
  return [...found.values()];
}

/** The section listing them, each with the attach that would join the candidate to it. */
export function entriesAlikeSection(candidateId: number, entries: readonly EntrySummary[]): Section {
  return {
    heading: [span.bold('Alike in the dossier')],
    lines: entries.map((entry) => [
      span.plain(`#${entry.id} ${isolated(entry.title)} · ${entryDateText(entry)} · ${eventTypeLabel(entry.eventType)}${entry.places.length > 0 ? ` · ${entry.places.map(isolated).join(', ')}` : ''} — the same event? `),
      span.command('review attach', `id:${candidateId} entry:${entry.id}`),
    ]),
  };
}
