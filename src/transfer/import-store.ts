// Opens the store an import writes into and checks the rows against it.
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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

function checkRows(app: App, rows: SourceRow[], stderr: Writable, { keepUnlocated, ...options }: CheckOptions, label = 'Checking'): ImportPlan {
  const checking = phaseProgress(stderr, label, rows.length);
  const places = new RowPlaces(app.services.places, keepUnlocated === true);
  const plan = planImport(rows, app.db, app.dossier, (n) => checking.update(n), { ...options, places });
  checking.stop();
  return plan;
}

/**
 * Saves the store the rows were checked against as the file at `dbPath`, built under a temporary
 * name and linked into place whole: killed half-way, there is no store rather than half a one. False
 * when a store appeared there meanwhile (another process created it), which is left as it is.
 */
function saveAs(scratch: App, dbPath: string): boolean {
  const building = `${dbPath}.importing-${process.pid}`;
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
    rmSync(building, { force: true });
    scratch.db.prepare('VACUUM INTO ?').run(building);
    // A link is made only where no file is: a store created meanwhile is never replaced.
    try {
      linkSync(building, dbPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    return true;
  } finally {
    rmSync(building, { force: true });
  }
}

/**
 * A missing store is created (and seeded) only to write into: until then the rows are checked
 * against a new one in memory, which is then saved as the store, so the plan holds for it as it
 * stands. Only a store another process created meanwhile has the rows checked again.
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
  writeLine(stderr, `Creating a new store at ${dbPath}.`);
  let saved: boolean;
  try {
    saved = saveAs(scratch, dbPath);
  } finally {
    scratch.close();
  }
  const app = open(dbPath);
  if (saved) return { app, plan };
  writeLine(stderr, `A store appeared at ${dbPath} meanwhile (another process created it): checking the rows again against it.`);
  return { app, plan: checkRows(app, rows, stderr, options, 'Rechecking') };
}
