// Opens the store an import writes into and checks the rows against it. A store the import
// creates holds what the file holds, without the seed dossier `npm start` puts in a new store: an
// export re-imported there would otherwise bring back seed entries the operator had removed.
import { existsSync, linkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { removeWithSideFiles } from '../store/backup.js';
import type { App } from '../app.js';
import { openCurrentStore } from './current-store.js';
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
 * Records every seed file as applied, so no later start seeds the store: the import's file is its
 * dossier (a seed entry the file lacks was removed where it was exported).
 */
function markSeedsApplied(db: Db): void {
  const insert = db.prepare('INSERT OR IGNORE INTO seed_runs (name, applied_at) VALUES (?, ?)');
  const at = new Date().toISOString();
  db.transaction(() => readSeedFiles().forEach((seed) => insert.run(seed.name, at)))();
}

/**
 * A new store without the seed at `path`: createApp seeds every store it opens that has no seed
 * run recorded, so the store is made first. `remove` takes away what it leaves once closed.
 */
function unseededStore(open: (path: string) => App, path: string, remove: () => void): App {
  try {
    const db = openDatabase(path);
    try {
      markSeedsApplied(db);
    } finally {
      db.close();
    }
    const app = open(path);
    let closed = false;
    return {
      ...app,
      close() {
        if (closed) return;
        closed = true;
        app.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** A store to check rows against only (a dry run): in a directory of its own, which closing it removes. */
function scratchStore(open: (path: string) => App): App {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-'));
  return unseededStore(open, join(dir, 'scratch.db'), () => rmSync(dir, { recursive: true, force: true }));
}

/** What the name a new store is built under beside `dbPath` starts with, before this process's id (see leftovers.ts). */
export const buildingStem = (dbPath: string) => `${dbPath}.importing-`;
const buildingName = (dbPath: string) => `${buildingStem(dbPath)}${process.pid}`;

/**
 * A new store built beside `dbPath` under a temporary name: rows are checked against it, written
 * into it, and only then is it linked into place (see saveBuilt). Killed half-way, there is no
 * store at `dbPath` rather than an empty or half-written one.
 */
function buildingStore(open: (path: string) => App, dbPath: string): App {
  const building = buildingName(dbPath);
  const remove = () => removeWithSideFiles(building);
  remove();
  return unseededStore(open, building, remove);
}

/** Thrown by saveBuilt when a store appeared at SITREP_DB while the new one was built (another process created it). */
export class StoreAppeared extends Error {}

/**
 * Closes the store built (folding its WAL into the file) and links it into place whole. A link is
 * made only where no file is: a store created meanwhile is never replaced (StoreAppeared).
 */
function saveBuilt(built: App, dbPath: string): void {
  const building = buildingName(dbPath);
  // Closing the only connection folds the WAL into the file, so the file alone is the store.
  built.db.close();
  try {
    linkSync(building, dbPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StoreAppeared(`A store appeared at ${dbPath} meanwhile (another process created it)`);
    throw error;
  } finally {
    built.close();
  }
}

export interface CheckedStore {
  app: App;
  plan: ImportPlan;
  /** For a store the import creates: puts it in place once the plan is written into `app` (see saveBuilt). */
  save?: () => void;
}

/**
 * A missing store is created (without the seed) only to write into: the rows are checked against
 * a new one, built beside it, into which they are written before it is put in place, so the plan
 * holds for it as it stands. Only a store another process created meanwhile has the rows checked
 * again (recheck).
 */
export function checkAgainstStore(
  rows: SourceRow[],
  config: Config,
  dryRun: boolean,
  logger: Logger,
  stderr: Writable,
  options: CheckOptions = {},
): CheckedStore {
  const { dbPath } = config;
  const open = (path: string) => openCurrentStore({ dbPath: path, admins: config.admins, logger });
  if (dbPath === ':memory:' || existsSync(dbPath)) {
    const app = open(dbPath);
    return { app, plan: checkRows(app, rows, stderr, options) };
  }
  const scratch = dryRun ? scratchStore(open) : buildingStore(open, dbPath);
  let plan: ImportPlan;
  try {
    plan = checkRows(scratch, rows, stderr, options);
  } catch (error) {
    scratch.close();
    throw error;
  }
  if (dryRun || !plansWrites(plan)) {
    writeLine(stderr, `There is no store at ${dbPath} yet: checked against a new, empty one (without the seed dossier), and none was created.`);
    return { app: scratch, plan };
  }
  writeLine(stderr, `Creating a new store at ${dbPath}, without the seed dossier: it holds what the file holds.`);
  if (existsSync(dbPath)) {
    scratch.close();
    return recheck(rows, config, logger, stderr, options);
  }
  return { app: scratch, plan, save: () => saveBuilt(scratch, dbPath) };
}

/** The rows checked again against a store another process created at SITREP_DB while they were checked. */
export function recheck(rows: SourceRow[], config: Config, logger: Logger, stderr: Writable, options: CheckOptions = {}): CheckedStore {
  const { dbPath } = config;
  writeLine(stderr, `A store appeared at ${dbPath} meanwhile (another process created it): checking the rows again against it.`);
  const app = openCurrentStore({ dbPath, admins: config.admins, logger });
  return { app, plan: checkRows(app, rows, stderr, options, 'Rechecking') };
}
