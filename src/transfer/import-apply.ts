// The end of an import of rows or of a bundle merged into a store: print the plan, then write it
// with any writes the caller adds, in one transaction (unless a dry run, or nothing would change),
// and say how it went. The exit code: 1 when a row was rejected or a field left as stored for a
// conflict, 0 otherwise.
import { basename } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { plural } from '../core/text.js';
import type { ChangeStamp } from '../core/domain.js';
import type { Db } from '../store/connection.js';
import type { ImportPlan } from './import-plan.js';
import { planCounts, plansWrites, printAdded, printPlan } from './import-report.js';
import { writePlan } from './import-write.js';
import { phaseProgress } from './progress-report.js';

export interface ImportTarget {
  db: Db;
  dbPath: string;
  /** The store's topics before the import, to name the ones it starts. */
  topics: readonly string[];
  /** For a store the import creates: puts it in place once written (see import-store). */
  save?: () => void;
  /** When the import began (performance.now()), so the time it reports covers the reading and check too; else the write's alone. */
  started?: number;
}

/** Writes an import makes besides its plan's (a bundle merge's aliases, see bundle-merge-apply). */
export interface AlsoWritten {
  /** Run in the plan's transaction, before its rows: a failed write leaves the store as it was. */
  write(stamp: ChangeStamp): void;
  /** What they did (`2 aliases added to actors`): the report's last line when the plan writes nothing else. */
  summary: string;
}

export function applyPlan(target: ImportTarget, plan: ImportPlan, file: string, name: string, dryRun: boolean, io: CliIo, also?: AlsoWritten): number {
  printPlan(io.stdout, plan, target.topics, dryRun);
  const counts = planCounts(plan);
  const stamp: ChangeStamp = { by: `import:${basename(file)}`, at: new Date().toISOString() };
  if (dryRun) {
    printAdded(io.stdout, plan);
    writeLine(io.stdout, `Dry run of ${name}: ${counts}. Nothing was written.`);
  } else if (plansWrites(plan)) {
    const changing = [
      ...(plan.corrected.length > 0 ? [`correcting ${plural(plan.corrected.length, 'entry', 'entries')}`] : []),
      ...(plan.removed.length > 0 ? [`removing ${plural(plan.removed.length, 'entry', 'entries')}`] : []),
    ].map((part) => ` and ${part}`).join('');
    writeLine(io.stderr, `Writing ${plural(plan.accepted.length, 'entry', 'entries')}${changing} to ${target.dbPath}…`);
    const writing = phaseProgress(io.stderr, 'Writing', plan.accepted.length);
    const started = target.started ?? performance.now();
    // The entries the accepted rows became, in their order: said once a new store is in place.
    const added = target.db.transaction(() => {
      also?.write(stamp);
      return writePlan(target.db, plan, basename(file), stamp, (n) => writing.update(n));
    })();
    writing.stop();
    target.save?.();
    const seconds = (performance.now() - started) / 1000;
    printAdded(io.stdout, plan, added);
    writeLine(io.stdout, `Imported ${name}: ${counts} in ${seconds.toFixed(1)} s.`);
  } else if (also) {
    target.db.transaction(() => also.write(stamp))();
    writeLine(io.stdout, `Imported ${name}: ${counts}; ${also.summary}.`);
  } else {
    writeLine(io.stdout, `Nothing to import from ${name}: ${counts}. Nothing was written.`);
  }
  return plan.rejected.length + plan.conflicts.length > 0 ? 1 : 0;
}
