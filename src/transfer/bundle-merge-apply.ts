// The end of a bundle's merge: the import's plan applied as any import's is (see import-apply),
// with the aliases the merge gives stored actors (see bundle-actor-names) listed first and written
// in the plan's transaction, so that a failed write leaves the store as it was.
import { basename } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { plural } from '../core/text.js';
import { actorNameLines, writeActorNames, type ActorNamesPlan } from './bundle-actor-names.js';
import { writeLine } from './cli-lines.js';
import { applyPlan, type AlsoWritten, type ImportTarget } from './import-apply.js';
import type { ImportPlan } from './import-plan.js';

/** The aliases to add, as writes of the import: none when there are none. */
function aliasWrites(target: ImportTarget, names: ActorNamesPlan, file: string): AlsoWritten | undefined {
  const aliases = names.added.reduce((n, addition) => n + addition.names.length, 0);
  if (aliases === 0) return undefined;
  return {
    write: (stamp) => writeActorNames(target.db, names.added, basename(file), stamp),
    summary: `${plural(aliases, 'alias', 'aliases')} added to actors`,
  };
}

export function applyMerge(target: ImportTarget, plan: ImportPlan, names: ActorNamesPlan, file: string, name: string, dryRun: boolean, io: CliIo): number {
  for (const line of actorNameLines(names, dryRun)) writeLine(io.stdout, line);
  return applyPlan(target, plan, file, name, dryRun, io, aliasWrites(target, names, file));
}
