// Opens the store an import writes into and checks the rows against it.
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { createApp, type App } from '../app.js';
import { writeLine } from './cli-lines.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { planImport, type ImportPlan, type PlanOptions } from './import-plan.js';
import { plansWrites } from './import-report.js';
import { RowPlaces } from './row-places.js';
import { phaseProgress } from './progress-report.js';
import type { SourceRow } from './row-reader.js';

/** How rows are checked: as planImport's options, their places against the store's gazetteer. */
export interface CheckOptions extends Omit<PlanOptions, 'places'> {
  /** --unlocated-places: keep places the gazetteer cannot locate as not located, in every row. */
  keepUnlocated?: boolean;
}

function checkRows(app: App, rows: SourceRow[], stderr: Writable, { keepUnlocated, ...options }: CheckOptions): ImportPlan {
  const checking = phaseProgress(stderr, 'Checking', rows.length);
  const places = new RowPlaces(app.services.places, keepUnlocated === true);
  const plan = planImport(rows, app.db, app.dossier, (n) => checking.update(n), { ...options, places });
  checking.stop();
  return plan;
}

/**
 * A missing store is created (and seeded) only to write into: until then the rows are checked
 * against a new one in memory, which holds what the created store would, and checked again
 * once it exists.
 */
export function checkAgainstStore(
  rows: SourceRow[],
  config: Config,
  dryRun: boolean,
  logger: Logger,
  stderr: Writable,
  options: CheckOptions = {},
): { app: App; plan: ImportPlan } {
  const { dbPath } = config;
  const open = (path: string) => createApp({ dbPath: path, admins: config.admins, logger });
  if (dbPath === ':memory:' || existsSync(dbPath)) {
    const app = open(dbPath);
    return { app, plan: checkRows(app, rows, stderr, options) };
  }
  const scratch = open(':memory:');
  const plan = checkRows(scratch, rows, stderr, options);
  if (dryRun || !plansWrites(plan)) {
    writeLine(stderr, `There is no store at ${dbPath} yet: checked against a new one, and none was created.`);
    return { app: scratch, plan };
  }
  scratch.close();
  writeLine(stderr, `Creating a new store at ${dbPath}.`);
  const app = open(dbPath);
  return { app, plan: checkRows(app, rows, stderr, options) };
}
