// The actors an import row names that the store does not have. Without --create-actors the row
// is refused naming every one of them (not only the first, as /entry add would); with it, each
// is planned, answered by lookups as if it existed (a placeholder id below zero), and created
// when the import writes, with the kind a row gives or `unknown`.
import { bestActorMatches, LIST_SEPARATOR_HINT } from '../core/actor-resolution.js';
import type { ActorMatch } from '../core/domain.js';
import type { DossierReader } from '../core/ports.js';
import { closestNames } from '../core/ranking.js';
import { actorNameKey } from '../core/actor-name-key.js';
import { wordList } from '../core/text.js';
import type { ActorKind } from '../core/vocabulary.js';
import { claimActorNames } from './row-claims.js';
import type { RawRow } from './source-row.js';
import { isNone, isObject } from './row-values.js';

export interface NamedActor {
  name: string;
  kind?: ActorKind;
  /** Named by a claim of the row, not in its actors. */
  inClaims?: true;
}

/** `Name:role` → Name, as /entry add reads an actors item. */
const nameOfItem = (item: string) => {
  const colon = item.lastIndexOf(':');
  return (colon < 0 ? item : item.slice(0, colon)).trim();
};

/** The actors a row names, with the kind an item gives; what cannot be read is left to the row's check. */
export function actorsNamedBy(row: RawRow): NamedActor[] {
  if (isNone(row.actors)) return [];
  const items: unknown[] = Array.isArray(row.actors) ? row.actors : [row.actors];
  return items.flatMap((item): NamedActor[] => {
    if (isObject(item)) {
      if (typeof item.name !== 'string') return [];
      return [{ name: item.name.trim(), ...(typeof item.kind === 'string' ? { kind: item.kind as ActorKind } : {}) }];
    }
    if (typeof item !== 'string') return [];
    return item.split(',').map(nameOfItem).filter(Boolean).map((name) => ({ name }));
  });
}

/**
 * The actors a row names that no stored (or planned) actor answers to, each once. `known`
 * remembers the names found, across the rows of a file: most rows name actors seen before.
 */
export function missingActors(row: RawRow, dossier: DossierReader, known: Set<string>): NamedActor[] {
  const missing = new Map<string, NamedActor>();
  // A claim's actor is named as much as the entry's: --create-actors creates it too.
  for (const actor of [...actorsNamedBy(row), ...claimActorNames(row).map((name): NamedActor => ({ name, inClaims: true }))]) {
    if (known.has(actor.name)) continue;
    const key = actorNameKey(actor.name);
    if (key === '' || missing.has(key)) continue;
    if (bestActorMatches(dossier, actor.name).length === 0) missing.set(key, actor);
    else known.add(actor.name);
  }
  return [...missing.values()];
}

/** "No actor is called `A` or `B` (…)": every missing actor, with the names close to each. */
export function missingActorsReason(missing: readonly NamedActor[], dossier: DossierReader): string {
  const names = missing.map((a) => `\`${a.name}\``);
  const listed = wordList(names, 'or');
  const known = dossier.allActorNames().map(({ name }) => name);
  const close = missing.flatMap((a) => {
    const near = closestNames(known, a.name);
    return near.length > 0 ? [`${missing.length > 1 ? `for \`${a.name}\`: ` : ''}${near.join(', ')}`] : [];
  });
  return [
    `No actor is called ${listed} (${[...new Set(missing.map((a) => (a.inClaims ? 'in `claims`' : 'option `actors`')))].join(', ')}).`,
    ...(missing.some((a) => a.name.includes(';')) ? [LIST_SEPARATOR_HINT] : []),
    ...(close.length > 0 ? [`Closest known names: ${close.join('; ')}.`] : []),
    `Create ${missing.length === 1 ? 'it' : 'them'} first with /actors add, or import with --create-actors (${missing.length === 1 ? 'it gets' : 'each gets'} the \`kind\` its row gives, else unknown).`,
  ].join(' ');
}

export interface PlannedActor {
  /** Below zero: stands for the actor until the import creates it. */
  placeholderId: number;
  name: string;
  kind: ActorKind;
  /** What a bundle says of the actor besides (a row names an actor only). */
  title?: string;
  aliases?: string[];
  /** A stored actor's id, or a planned one's placeholder, planned before it. */
  affiliationId?: number;
}

/** Actors an import will create, and a reader that already finds them by any of their names. */
export class PlannedActors {
  private readonly byKey = new Map<string, PlannedActor>();
  private readonly planned: PlannedActor[] = [];

  /** Plans the actor unless one of its names is planned already; returns the planned actor. */
  plan(actor: NamedActor & Omit<PlannedActor, 'placeholderId' | 'name' | 'kind'>): PlannedActor {
    const names = [actor.name, ...(actor.aliases ?? [])];
    const known = names.map((name) => this.byKey.get(actorNameKey(name))).find(Boolean);
    if (known) return known;
    const { kind, inClaims: _named, ...rest } = actor;
    const planned: PlannedActor = { ...rest, placeholderId: -(this.planned.length + 1), kind: kind ?? 'unknown' };
    this.planned.push(planned);
    for (const name of names) this.byKey.set(actorNameKey(name), planned);
    return planned;
  }

  list(): PlannedActor[] {
    return [...this.planned];
  }

  nameOf(placeholderId: number): string | undefined {
    return this.planned[-placeholderId - 1]?.name;
  }

  /** `dossier`, answering a planned actor's names exactly too. */
  reader(dossier: DossierReader): DossierReader {
    const planned = this.byKey;
    return Object.assign(Object.create(dossier) as DossierReader, {
      actorsNamed(query: string): ActorMatch[] {
        const actor = planned.size === 0 ? undefined : planned.get(actorNameKey(query));
        if (!actor) return dossier.actorsNamed(query);
        return [{ id: actor.placeholderId, name: actor.name, kind: actor.kind, matchedName: query, rank: 0 }];
      },
    });
  }
}
