// An actor filter of a past view: the actor the typed name stood for then, which is not always
// the one it finds now (a merge moves names to the actor kept), and notes saying how they differ.
import type { AsOfInstant } from './as-of-day.js';
import type { CommandArgs } from './command-spec.js';
import type { ActorMatch } from './domain.js';
import { actorName } from './entry-diff.js';
import { invocationArgs } from './entry-views.js';
import { instantIn } from './past-instant.js';
import type { PastViews } from './as-of-port.js';
import { quoteIfNeeded } from './text-syntax.js';
import { span, type Line } from './view.js';

export interface PastActorFilter {
  /** The actor whose entries then the view lists. */
  actorId: number;
  name: string;
  notes: Line[];
}

/** The same command with another actor, as typed back (dates as `2025-08-03`; the page left out). */
function withActor(args: CommandArgs, actor: string): string {
  const plain: Record<string, string | number | boolean> = { ...invocationArgs(args), actor };
  return Object.entries(plain)
    .filter(([name]) => name !== 'page')
    .map(([name, value]) => `${name}:${quoteIfNeeded(String(value))}`)
    .join(' ');
}

/** `command` (e.g. `timeline`) and its `args` give the command a note offers for an actor merged in later. */
export function pastActorFilter(past: PastViews, match: ActorMatch, asOf: AsOfInstant, command: string, args: CommandArgs): PastActorFilter {
  const then = past.actorThen(match.id, match.matchedName, asOf.before);
  const names = past.actorNames([then.own, then.holder, ...then.mergedSince]);
  const own = actorName(then.own, names);
  const holder = actorName(then.holder, names);
  const notes: Line[] = [];
  if (then.addedAfter !== undefined) {
    notes.push([span.plain(`${own} was added at ${instantIn(then.addedAfter, asOf.zone)}, after then: it had no entries yet.`)]);
  } else if (then.holder !== then.own) {
    notes.push([span.plain(`${own} had been merged into ${holder} by then: this is ${holder}’s timeline as it stood, with the entries that named ${own}.`)]);
  }
  // Their entries are not the filtered actor's then, though they are now: say where they are.
  for (const id of then.mergedSince) {
    const merged = actorName(id, names);
    notes.push([
      span.plain(`${merged} was its own actor then (merged into ${holder} later), so its entries are not counted here: `),
      span.command(command, withActor(args, merged)),
    ]);
  }
  return { actorId: then.holder, name: holder, notes };
}
