// The entries a change range created and still holds at its end, counted by event type, in all
// and per topic and per actor: the figures of every digest card over that range, whatever its
// filters, read without going through the range's changes again.
import type { EventType } from '../vocabulary.js';
import { asFiltered, type ChangeSet, type DigestFilters, type EntryChange } from './changes.js';

export type NewCounts = ReadonlyMap<EventType, number>;

export interface NewEntries {
  all: NewCounts;
  byTopic: ReadonlyMap<string, NewCounts>;
  byActor: ReadonlyMap<number, NewCounts>;
  /** Each new entry's type, topic and actors, for the rare filter on a topic and an actor at once. */
  list: readonly { type: EventType; topic: string; actors: readonly number[] }[];
  /** Corrections and restorations: new to a filtered digest that they bring under its filters. */
  moved: readonly EntryChange[];
}

function tally(counts: Map<EventType, number>, type: EventType): void {
  counts.set(type, (counts.get(type) ?? 0) + 1);
}

/** Counts one entry of `type` in the counts filed under `key`. */
function tallyUnder<K>(counts: Map<K, Map<EventType, number>>, key: K, type: EventType): void {
  let under = counts.get(key);
  if (!under) counts.set(key, (under = new Map()));
  tally(under, type);
}

/** A correction or restoration of a field digests filter on: a filtered digest may list it as new. */
const FILTERED_FIELDS = ['topic', 'eventType', 'actors'];
const movesUnderFilters = (change: EntryChange) =>
  (change.kind === 'corrected' || change.kind === 'restored') && change.changedFields.some((field) => FILTERED_FIELDS.includes(field));

export function indexNewEntries(set: ChangeSet): NewEntries {
  const all = new Map<EventType, number>();
  const byTopic = new Map<string, Map<EventType, number>>();
  const byActor = new Map<number, Map<EventType, number>>();
  const list: NewEntries['list'][number][] = [];
  const moved: EntryChange[] = [];
  for (const change of set.entries) {
    if (movesUnderFilters(change)) moved.push(change);
    if (change.kind !== 'new') continue;
    const { eventType: type, topic } = change.after;
    // An actor named in two roles counts once.
    const actors: number[] = [];
    for (const { actorId } of change.after.actors) if (!actors.includes(actorId)) actors.push(actorId);
    tally(all, type);
    tallyUnder(byTopic, topic, type);
    for (const actor of actors) tallyUnder(byActor, actor, type);
    list.push({ type, topic, actors });
  }
  return { all, byTopic, byActor, list, moved };
}

const NONE: NewCounts = new Map();

/** The new entries a digest with these filters lists, by type (the filters of filterChanges). */
export function countNewEntries(index: NewEntries, filters: DigestFilters): NewCounts {
  const { topic, eventType, actorId } = filters;
  let counts: NewCounts;
  if (topic && actorId !== undefined) {
    const both = new Map<EventType, number>();
    for (const entry of index.list) if (entry.topic === topic && entry.actors.includes(actorId)) tally(both, entry.type);
    counts = both;
  } else if (topic) counts = index.byTopic.get(topic) ?? NONE;
  else if (actorId !== undefined) counts = index.byActor.get(actorId) ?? NONE;
  else counts = index.all;
  if (eventType) {
    const count = counts.get(eventType);
    counts = count ? new Map([[eventType, count]]) : NONE;
  }
  return withEntered(counts, index.moved, filters);
}

/** The counts with the entries a correction brought under the filters, which their digest lists as new. */
function withEntered(counts: NewCounts, moved: readonly EntryChange[], filters: DigestFilters): NewCounts {
  if (!filters.topic && !filters.eventType && filters.actorId === undefined) return counts;
  const entered = moved.filter((change) => asFiltered(change, filters)?.kind === 'new');
  if (entered.length === 0) return counts;
  const more = new Map(counts);
  for (const change of entered) tally(more, change.after.eventType);
  return more;
}
