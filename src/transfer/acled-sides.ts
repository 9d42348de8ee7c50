// ACLED's two sides of an event, from the roles of an entry's actors and the bodies they belong
// to. Shared by the ACLED export and the CSV export's ACLED-named columns, so both name the same
// actor1 and actor2 for one entry.
import type { ActorKind, ActorRole } from '../core/vocabulary.js';

export interface ActorFacts {
  kind: ActorKind;
  affiliationId: number | null;
}

/** Every actor's kind and affiliation, by id; an actor missing from it belongs to nobody and has no known kind. */
export type ActorFactsById = ReadonlyMap<number, ActorFacts>;

/** What a side needs of an actor link: an entry's (with its name) or an import row's (ids only). */
export interface SideLink {
  actorId: number;
  role: ActorRole;
}

/** The actor and those it belongs to, up to the top (a minister → ministry → state). */
function lineOf(actorId: number, actors: ActorFactsById): number[] {
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
export const rootOf = (actorId: number, actors: ActorFactsById): number => lineOf(actorId, actors).at(-1)!;

/** Whether one actor belongs to the other, directly or through the bodies between (a minister and its state). */
const inLine = (a: number, b: number, actors: ActorFactsById): boolean => lineOf(a, actors).includes(b) || lineOf(b, actors).includes(a);

function grouped<L extends SideLink>(links: readonly L[], together: (a: L, b: L) => boolean): [L[], L[]] {
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
export function acledSides<L extends SideLink>(links: readonly L[], actors: ActorFactsById, twoSided: boolean): [L[], L[]] {
  const bySameTop = grouped(links, (a, b) => rootOf(a.actorId, actors) === rootOf(b.actorId, actors));
  if (!twoSided || bySameTop[1].length > 0 || bySameTop[0].length < 2) return bySameTop;
  return grouped(links, (a, b) => inLine(a.actorId, b.actorId, actors));
}
