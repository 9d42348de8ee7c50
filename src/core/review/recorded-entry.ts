// What the card of an approved candidate shows of the entry it became (or, attached, the entry
// its reports went to), as the dossier holds it: the admin may have changed any field on approval
// (the typed options, the Edit form) or since, so the feed's summary and the suggestion no longer
// say what was recorded.
import { isolated } from '../bidi-isolate.js';
import type { EntrySummary, SourceRecord } from '../domain.js';
import { entryDateText } from '../entry-views.js';
import { fatalitiesWithSource } from '../fatalities.js';
import { formatIsoPartial } from '../partial-date.js';
import { eventTypeLabel } from '../vocabulary.js';
import { plainLine, type Fact } from '../view.js';
import type { Candidate } from './candidate.js';

const listed = (items: readonly string[]) => plainLine(items.length > 0 ? items.join(', ') : '—');

/** The facts the entry records, in place of what the candidate suggested. */
export function recordedFacts(entry: EntrySummary): Fact[] {
  return [
    { label: 'Actors', value: listed(entry.actors.map((actor) => `${isolated(actor.name)} (${actor.role})`)) },
    { label: 'Places', value: listed(entry.places.map(isolated)) },
    { label: 'Type', value: plainLine(eventTypeLabel(entry.eventType)) },
    { label: 'Date', value: plainLine(entryDateText(entry)) },
    { label: 'Confidence', value: plainLine(entry.confidence) },
    // No figure recorded is no figure given, not none killed: shown as the other empty fields are.
    { label: 'Fatalities', value: plainLine(entry.fatalities ? fatalitiesWithSource(entry.fatalities) : '—') },
  ];
}

/** The summary the card shows: the entry's as recorded (none when emptied), else the feed's. */
export function shownSummary(candidate: Candidate): string {
  return candidate.recorded?.summary ?? candidate.summary;
}

/**
 * The entry's source for the candidate's own item: an approval cites it first; an attachment adds
 * it after the entry's sources, found by its address (none when the entry cited it already).
 */
function ownSource(candidate: Candidate): SourceRecord | undefined {
  const sources = candidate.recorded?.sources ?? [];
  if (!candidate.decision?.attached) return sources[0];
  const url = candidate.suggested.source.url;
  return url === undefined ? undefined : sources.find((source) => source.url === url);
}

/**
 * The card's Published line: `feed` (when the feed said the item was published) unless the entry's
 * source records another day, which it shows instead, or none, which it leaves out.
 */
export function publishedFacts(candidate: Candidate, feed: Fact): Fact[] {
  if (!candidate.recorded) return [feed];
  const source = ownSource(candidate);
  if (source === undefined) return candidate.decision?.attached ? [feed] : [];
  const { published } = source;
  if (published === undefined) return [];
  return published === candidate.suggested.source.published ? [feed] : [{ ...feed, value: plainLine(formatIsoPartial(published)) }];
}
