// The start-up warning of actors whose names read as one (they share a name key): a lookup of
// that name finds both, and nobody would be told otherwise.
import { formatInvocation } from './text-syntax.js';
import { humanize } from './vocabulary.js';

export interface ActorsSharingNameKey {
  key: string;
  /** The actor to keep first: the one on most entries, then the oldest. */
  actors: { id: number; name: string; kind: string }[];
}

/** One warning per shared key, naming the actors and the merges that fold them into the first. */
export function actorsReadAlikeWarnings(groups: readonly ActorsSharingNameKey[]): string[] {
  return groups.map(({ actors }) => {
    const [kept, ...others] = actors;
    const named = listed(actors.map((actor) => `${actor.name} (${humanize(actor.kind)})`));
    const merges = listed(others.map((other) => formatInvocation({ command: 'actors', subcommand: 'merge', args: { from: other.name, into: kept!.name } })));
    return (
      `${named} are ${actors.length} actors with names that now read as one, so a lookup of that name spelled otherwise than each has it is ambiguous. ` +
      `If they are one actor, fold ${others.length === 1 ? 'the other' : 'the others'} into ${kept!.name}: ${merges}.`
    );
  });
}

/** `a and b`, `a, b and c`. */
const listed = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
