// An entry as a revision snapshot wrote it, in the shapes the entry views show: snapshots name
// actors by id, and those ids may since have been merged, so names come with them.
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

/** The entry in full as it stood then: its revision count and last edit are those up to then. */
export function detailOf(entry: EntryAt, names: ReadonlyMap<number, string>): EntryDetail {
  return {
    ...summaryOf(entry.id, entry.state, names),
    summary: entry.state.summary,
    tags: entry.state.tags,
    sources: entry.state.sources,
    claims: (entry.state.claims ?? []).map((claim) => ({ ...claim, actorName: actorName(claim.actorId, names) })),
    createdAt: entry.created.at,
    createdBy: entry.created.by,
    updatedAt: entry.lastChange.at,
    updatedBy: entry.lastChange.by,
    revisionCount: entry.revisionsBefore,
  };
}
