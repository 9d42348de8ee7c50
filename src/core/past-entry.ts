// An entry as the dossier showed it at an instant, in the shapes the entry views show: states
// name actors by id, so names come with them.
import type { EntryAt } from './as-of-port.js';
import type { EntryDetail, EntryInput, EntrySummary } from './domain.js';
import { actorName } from './entry-diff.js';

export function summaryOf(id: number, state: EntryInput, names: ReadonlyMap<number, string>): EntrySummary {
  const summary: EntrySummary = {
    id,
    topic: state.topic,
    title: state.title,
    eventType: state.eventType,
    start: state.start,
    confidence: state.confidence,
    places: state.places,
    actors: state.actors.map((a) => ({ actorId: a.actorId, name: actorName(a.actorId, names), role: a.role })),
  };
  if (state.end) summary.end = state.end;
  if (state.fatalities) summary.fatalities = state.fatalities;
  return summary;
}

/**
 * The entry in full as the dossier showed it then: its revision count and last edit are those
 * up to then.
 */
export function detailOf(entry: EntryAt, names: ReadonlyMap<number, string>): EntryDetail {
  const state = entry.shown;
  return {
    ...summaryOf(entry.id, state, names),
    summary: state.summary,
    // In the store's order, as /entry show lists them now; a revision keeps them as typed.
    tags: [...state.tags].sort(),
    sources: state.sources,
    claims: (state.claims ?? []).map((claim) => ({ ...claim, actorName: actorName(claim.actorId, names) })),
    createdAt: entry.created.at,
    createdBy: entry.created.by,
    updatedAt: entry.lastChange.at,
    updatedBy: entry.lastChange.by,
    revisionCount: entry.revisionsBefore,
  };
}
