// What a /watch option names, resolved as /timeline's filters resolve it: an actor by name or
// alias (with "did you mean"), a place through the located places (a watch on Syria covers
// Sweida), a topic of the dossier (an unknown one offers the closest).
import { resolveActor } from '../../src/core/actor-resolution.js';
import type { CommandArgs, CommandContext } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import { placeFilter } from '../../src/core/places/place-filter.js';
import type { GazetteerPlace } from '../../src/core/places/gazetteer-port.js';
import { foldKey } from '../../src/core/text.js';
import type { WatchKind, WatchTarget } from '../../src/core/watch/watch-port.js';
import { unknownPlaceError } from '../timeline.js';
import { trendTopic } from '../trend-topic.js';

export const WATCH_KINDS: readonly WatchKind[] = ['actor', 'place', 'topic'];

export interface ResolvedTarget {
  target: WatchTarget;
  label: string;
}

/** The one kind of thing the options name, or undefined when they name none; refuses several. */
export function namedKind(args: CommandArgs, verb: string): WatchKind | undefined {
  const given = WATCH_KINDS.filter((kind) => args[kind] !== undefined);
  if (given.length > 1) {
    throw new UserError('invalid-option', `One watch at a time: /watch ${verb} takes one of \`actor\`, \`place\` or \`topic\`, not ${given.map((k) => `\`${k}\``).join(' and ')}.`, [], given[1]);
  }
  return given[0];
}

export function resolveTarget(kind: WatchKind, typed: string, ctx: CommandContext): ResolvedTarget {
  const { dossier, places } = ctx.services;
  switch (kind) {
    case 'actor': {
      const actor = resolveActor(dossier, typed);
      return { target: { kind, actorId: actor.id }, label: actor.name };
    }
    case 'topic': {
      const topic = trendTopic(ctx, typed);
      return { target: { kind, topic }, label: topic };
    }
    case 'place': {
      const filter = placeFilter(places, typed);
      if (!filter) throw unknownPlaceError(dossier, typed);
      const label = places.stored(typed)?.name ?? (filter.kind === 'area' ? areaLabel(typed, filter.place) : filter.name);
      return filter.kind === 'area' ? { target: { kind, area: filter.area }, label } : { target: { kind, placeKey: filter.key }, label };
    }
  }
}

/**
 * A place the dossier does not hold, named so that two places of one name read apart (`Paris,
 * Texas, United States`; `Aleppo region, Syria` and the city `Aleppo, Syria`), after the name
 * typed when the gazetteer spells it otherwise (`Sweida (Suwayda, Syria)`).
 */
function areaLabel(typed: string, place: GazetteerPlace): string {
  const where = [...new Set([place.region?.name, place.country.name])].filter((name): name is string => name !== undefined && name !== place.name);
  // A governorate is told from its seat of the same name (`Aleppo region, Syria`, `Aleppo, Syria`).
  const own = place.precision === 'region' ? `${place.name} region` : place.name;
  const named = [own, ...where].join(', ');
  const spelled = asName(typed.trim());
  return spelled.includes('(') || foldKey(spelled) === foldKey(place.name) ? named : `${spelled} (${named})`;
}

/** A name typed all in lower case, as a name is written (`sweida` → `Sweida`); any other spelling as typed. */
function asName(typed: string): string {
  return typed === typed.toLocaleLowerCase() ? typed.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase()) : typed;
}

export function sameTarget(a: WatchTarget, b: WatchTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
