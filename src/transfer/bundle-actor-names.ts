// A bundle actor taken for a stored one (see bundle-merge) may have names the stored actor lacks:
// an alias added in the other store. The merge adds them as aliases, with a revision naming the
// import (as corrections of entries have), unless a name is another actor's here (or one the
// import creates), was taken away from this actor here, or is one /actors alias would refuse:
// each of those is said instead, with the command that adds it by hand.
import type { ChangeStamp } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import type { DossierReader } from '../core/ports.js';
import { actorNameKey } from '../core/actor-name-key.js';
import { assertNoLookAlike } from '../store/actor-look-alikes.js';
import { addName, recordActor } from '../store/actor-writes.js';
import type { Db } from '../store/connection.js';
import { nameProblem } from './bundle-check.js';

/** A bundle actor taken for a stored one: the stored actor's id, and the bundle actor's name and names. */
export interface MatchedActor {
  storedId: number;
  bundleName: string;
  names: readonly string[];
}

/** The aliases a stored actor gets from the bundle. */
export interface NameAddition {
  actorId: number;
  actorName: string;
  names: string[];
}

export interface ActorNamesPlan {
  added: NameAddition[];
  /** A bundle name not added, and why. */
  refused: string[];
}

/** Every name and alias the actor's revisions show it had here (folded). */
function namesHeldBefore(db: Db, actorId: number): Set<string> {
  const snapshots = db.prepare("SELECT snapshot FROM revisions WHERE entity = 'actor' AND entity_id = ?").pluck().all(actorId) as string[];
  const held = new Set<string>();
  for (const snapshot of snapshots) {
    const state = JSON.parse(snapshot) as { name?: unknown; aliases?: unknown };
    for (const name of [state.name, ...(Array.isArray(state.aliases) ? state.aliases : [])]) if (typeof name === 'string') held.add(actorNameKey(name));
  }
  return held;
}

/** Why a name /actors alias would refuse (a comma, control characters, a look-alike of another actor's), if it would. */
function aliasProblem(db: Db, name: string, actorId: number): string | undefined {
  const problem = nameProblem(name);
  if (problem) return problem;
  try {
    assertNoLookAlike(db, name, actorId);
    return undefined;
  } catch (error) {
    if (isUserError(error)) return `is refused here: ${error.message.replace(/\.$/, '')}`;
    throw error;
  }
}

const aliasCommand = (actor: string, name: string) => `/actors alias name:"${actor}" add:"${name}"`;

/**
 * The names of the bundle's actors that the stored actors they were taken for lack. `dossier`
 * answers the actors the import creates too (PlannedActors.reader): a name one of them takes is
 * not another's.
 */
export function planActorNames(db: Db, dossier: DossierReader, matches: readonly MatchedActor[]): ActorNamesPlan {
  const added = new Map<number, NameAddition>();
  const refused: string[] = [];
  // Names given to one stored actor by this import: a second actor of the bundle cannot take them.
  const given = new Map<string, string>();
  for (const { storedId, bundleName, names } of matches) {
    const actorName = dossier.getActorProfile(storedId)?.name ?? bundleName;
    const heldBefore = namesHeldBefore(db, storedId);
    const of = `actor "${bundleName}" of the bundle (the stored ${actorName})`;
    for (const name of names) {
      const key = actorNameKey(name);
      const owners = dossier.actorsNamed(name);
      if (owners.some((owner) => owner.id === storedId) || added.get(storedId)?.names.some((n) => actorNameKey(n) === key)) continue;
      const other = owners[0]?.name ?? given.get(key);
      if (other !== undefined) {
        refused.push(`${of} has the name "${name}", which names ${other} here: not added. If they are one actor: /actors merge from:"${other}" into:"${actorName}"`);
        continue;
      }
      if (heldBefore.has(key)) {
        refused.push(`${of} has the name "${name}", which ${actorName} had here and lost since: not added back. To add it again: ${aliasCommand(actorName, name)}`);
        continue;
      }
      const problem = aliasProblem(db, name, storedId);
      if (problem) {
        refused.push(`${of} has the name "${name}", which ${problem}: not added`);
        continue;
      }
      const addition = added.get(storedId) ?? added.set(storedId, { actorId: storedId, actorName, names: [] }).get(storedId)!;
      addition.names.push(name);
      given.set(key, actorName);
    }
  }
  return { added: [...added.values()], refused };
}

const quotedNames = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/** The revision's reason, as /actors history would name the change: the import, and the aliases it added. */
const additionReason = (file: string, names: readonly string[]) => `changed by import of ${file}: ${names.length === 1 ? 'alias' : 'aliases'} ${quotedNames(names)} added`;

/** Adds each actor's new aliases, with one revision per actor naming the import; inside the caller's transaction. */
export function writeActorNames(db: Db, added: readonly NameAddition[], file: string, stamp: ChangeStamp): void {
  for (const { actorId, names } of added) {
    for (const name of names) addName(db, actorId, name, false);
    recordActor(db, actorId, { action: 'edit', changedFields: ['aliases'], reason: additionReason(file, names) }, stamp);
  }
}

/** What the import's report says of actors' names: each addition (or, in a dry run, each it would make), then each name refused. */
export function actorNameLines(plan: ActorNamesPlan, dryRun: boolean): string[] {
  return [
    ...plan.added.map(({ actorName, names }) => `  alias    ${actorName}: ${quotedNames(names)} ${dryRun ? 'would be added' : 'added'} (a name the bundle gives it)`),
    ...plan.refused.map((reason) => `  warning  ${reason}`),
  ];
}
