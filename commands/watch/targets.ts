// What a /watch option names, resolved as /timeline's filters resolve it: an actor by name or
// alias (with "did you mean"), a place through the located places (a watch on Syria covers
// Sweida; see place-target.ts), a topic of the dossier (an unknown one offers the closest).
import { resolveActor } from '../../src/core/actor-resolution.js';
import type { CommandArgs, CommandContext } from '../../src/core/command-spec.js';
import { UserError } from '../../src/core/errors.js';
import { foldKey } from '../../src/core/text.js';
import type { Watch, WatchKind, WatchTarget } from '../../src/core/watch/watch-port.js';
import { placeTarget, type OtherPlace } from './place-target.js';
import { trendTopic } from '../trend-topic.js';

export const WATCH_KINDS: readonly WatchKind[] = ['actor', 'place', 'topic'];

export interface ResolvedTarget {
  target: WatchTarget;
  label: string;
  /** A place whose region and seat share a name: which one is watched, and how to watch the other. */
  other?: OtherPlace;
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
  switch (kind) {
    case 'actor': {
      const actor = resolveActor(ctx.services.dossier, typed);
      return { target: { kind, actorId: actor.id }, label: actor.name };
    }
    case 'topic': {
      const topic = trendTopic(ctx, typed);
      return { target: { kind, topic }, label: topic };
    }
    case 'place':
      return placeTarget(typed, ctx);
  }
}

export function sameTarget(a: WatchTarget, b: WatchTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The person's watches of this kind named as typed, as /watch list names them (any case or
 * spacing): a label names its watch even where the name would not resolve again as typed
 * (`Quneitra region, Syria`, `Tom Barrack (was T. Barrack)`).
 */
export function watchesLabelled(mine: readonly Watch[], kind: WatchKind, typed: string): Watch[] {
  const key = foldKey(typed);
  return mine.filter((watch) => watch.target.kind === kind && foldKey(watch.label) === key);
}
