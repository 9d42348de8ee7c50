// Opens the store an import writes into and checks the rows against it. A store the import
// creates holds what the file holds, without the seed dossier `npm start` puts in a new store: an
// export re-imported there would otherwise bring back seed entries the operator had removed.
import { existsSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { createApp, type App } from '../app.js';
import { writeLine } from './cli-lines.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { openDatabase, type Db } from '../store/connection.js';
import { readSeedFiles } from '../store/seed.js';
import { planImport, type ImportPlan, type PlanOptions } from './import-plan.js';
import { plansWrites } from './import-report.js';
import { blankLinesOf } from './csv-rows.js';
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
  return withBlankRows(plan, blankLinesOf(rows));
}

/** The CSV's blank rows (all cells empty, as a spreadsheet saves them) listed and counted as skipped. */
function withBlankRows(plan: ImportPlan, lines: readonly number[]): ImportPlan {
  if (lines.length === 0) return plan;
  const blank = lines.map((line) => ({ line, reason: 'blank row (every cell is empty)' }));
  plan.skipped = [...plan.skipped, ...blank].sort((a, b) => a.line - b.line);
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
 * Records every seed file as applied, so no later start seeds the store: the import's file is its
 * dossier (a seed entry the file lacks was removed where it was exported).
 */
function markSeedsApplied(db: Db): void {
  const insert = db.prepare('INSERT OR IGNORE INTO seed_runs (name, applied_at) VALUES (?, ?)');
  const at = new Date().toISOString();
  db.transaction(() => readSeedFiles().forEach((seed) => insert.run(seed.name, at)))();
}

/**
 * A new store without the seed, to check rows against: createApp seeds every store it opens that
 * has no seed run recorded, so the store is made first, in a directory of its own that closing the
 * app removes (a dry run leaves nothing behind).
 */
function unseededScratch(open: (path: string) => App): App {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-'));
  try {
    const path = join(dir, 'scratch.db');
    const db = openDatabase(path);
    try {
      markSeedsApplied(db);
    } finally {
      db.close();
    }
    const app = open(path);
    return {
      ...app,
      close() {
        app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A missing store is created (without the seed) only to write into: until then the rows are
 * checked against a new one, which is then saved as the store, so the plan holds for it as it
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
  const scratch = unseededScratch(open);
  const plan = checkRows(scratch, rows, stderr, options);
  if (dryRun || !plansWrites(plan)) {
    writeLine(stderr, `There is no store at ${dbPath} yet: checked against a new, empty one (without the seed dossier), and none was created.`);
    return { app: scratch, plan };
  }
  writeLine(stderr, `Creating a new store at ${dbPath}, without the seed dossier: it holds what the file holds.`);
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
