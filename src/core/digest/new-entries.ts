// The entries a change range created and still holds at its end, counted by event type, in all
// and per topic and per actor: the figures of every digest card over that range, whatever its
// filters, read without going through the range's changes again.
import type { EventType } from '../vocabulary.js';
import type { ChangeSet, DigestFilters } from './changes.js';

export type NewCounts = ReadonlyMap<EventType, number>;

export interface NewEntries {
  all: NewCounts;
  byTopic: ReadonlyMap<string, NewCounts>;
  byActor: ReadonlyMap<number, NewCounts>;
  /** Each new entry, for the rare filter on a topic and an actor at once. */
  list: readonly NewEntry[];
}

function tally(counts: Map<EventType, number>, type: EventType): void {
  counts.set(type, (counts.get(type) ?? 0) + 1);
}

/** One entry a range created, as it stands: what a card's filters read of it. */
export interface NewEntry {
  type: EventType;
  topic: string;
  /** Each actor once, whatever its roles. */
  actors: readonly number[];
}

/** The new entries of a change set, as they stand at its end. */
export function newEntriesOf(set: ChangeSet): NewEntry[] {
  const found: NewEntry[] = [];
  for (const change of set.entries) {
    if (change.kind !== 'new') continue;
    const actors: number[] = [];
    for (const { actorId } of change.after.actors) if (!actors.includes(actorId)) actors.push(actorId);
    found.push({ type: change.after.eventType, topic: change.after.topic, actors });
  }
  return found;
}

export function indexNewEntries(entries: readonly NewEntry[]): NewEntries {
  const all = new Map<EventType, number>();
  const byTopic = new Map<string, Map<EventType, number>>();
  const byActor = new Map<number, Map<EventType, number>>();
  for (const { type, topic, actors } of entries) {
    tally(all, type);
    let inTopic = byTopic.get(topic);
    if (!inTopic) byTopic.set(topic, (inTopic = new Map()));
    tally(inTopic, type);
    for (const actor of actors) {
      let ofActor = byActor.get(actor);
      if (!ofActor) byActor.set(actor, (ofActor = new Map()));
      tally(ofActor, type);
    }
  }
  return { all, byTopic, byActor, list: entries };
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
  if (!eventType) return counts;
  const count = counts.get(eventType);
  return count ? new Map([[eventType, count]]) : NONE;
}
