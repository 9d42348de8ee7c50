// The end of a bundle's merge: the import's plan applied as any import's is (see import-apply),
// with the aliases the merge gives stored actors (see bundle-actor-names) listed first and written
// in the same transaction, so that a failed write leaves the store as it was.
import { basename } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { plural } from '../core/text.js';
import { actorNameLines, writeActorNames, type ActorNamesPlan } from './bundle-actor-names.js';
import { writeLine } from './cli-lines.js';
import { applyPlan, type ImportTarget } from './import-apply.js';
import type { ImportPlan } from './import-plan.js';
import { planCounts, plansWrites, printPlan } from './import-report.js';

export function applyMerge(target: ImportTarget, plan: ImportPlan, names: ActorNamesPlan, file: string, name: string, dryRun: boolean, io: CliIo): number {
  for (const line of actorNameLines(names, dryRun)) writeLine(io.stdout, line);
  if (dryRun || names.added.length === 0) return applyPlan(target, plan, file, name, dryRun, io);
  const stamp = { by: `import:${basename(file)}`, at: new Date().toISOString() };
  return target.db.transaction(() => {
    writeActorNames(target.db, names.added, basename(file), stamp);
    if (plansWrites(plan)) return applyPlan(target, plan, file, name, dryRun, io);
    // Aliases alone: applyPlan would say that nothing was written.
    printPlan(io.stdout, plan, target.topics, false);
    const aliases = names.added.reduce((n, addition) => n + addition.names.length, 0);
    writeLine(io.stdout, `Imported ${name}: ${planCounts(plan)}; ${plural(aliases, 'alias', 'aliases')} added to actors.`);
    return plan.rejected.length + plan.conflicts.length > 0 ? 1 : 0;
  })();
}
