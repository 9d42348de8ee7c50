// npm run import -- BUNDLE: into a store that holds no dossier (or none at all yet) the bundle is
// loaded whole, with its own ids and history, so the store exports the same bundle again; into a
// store with a dossier it is merged (see bundle-merge). A new store is built under a temporary
// name and renamed into place once loaded: killed half-way, there is no store rather than half a one.
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { removeWithSideFiles } from '../store/backup.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { readProblem } from './out-file.js';
import type { Config } from '../config.js';
import { BundleLoadError, holdsNoDossier, loadBundle } from '../store/bundle-load.js';
import { openDatabase, type Db } from '../store/connection.js';
import { sharedRevisionFinder } from '../store/entry-revision-reads.js';
import { SqliteDossier } from '../store/sqlite-dossier.js';
import { WholeBundleCheck } from './bundle-check.js';
import { bundleContents } from './bundle-contents.js';
import { readBundle, type Bundle } from './bundle-file.js';
import type { BundleLines } from './bundle-lines.js';
import { planActorNames } from './bundle-actor-names.js';
import { mergeBundle } from './bundle-merge.js';
import { applyMerge } from './bundle-merge-apply.js';
import { mergedPins } from './bundle-pins.js';
import { storedEntriesByKey } from './bundle-stored-entries.js';
import { planImport } from './import-plan.js';
import { phaseProgress } from './progress-report.js';
import { ImportFileError } from './source-row.js';

const contents = (bundle: Bundle) => bundleContents(bundle.counts, bundle.removed);

/** The keys of the bundle's entries, each record read once. */
function entryKeys(bundle: Bundle): string[] {
  const keys: string[] = [];
  for (const record of bundle.records) {
    if (record.kind !== 'entry') continue;
    const { key } = record.fields;
    if (typeof key === 'string') keys.push(key);
  }
  return keys;
}

const refuse = (io: CliIo, name: string, reason: string) => writeLine(io.stderr, `Cannot import ${name}: ${reason}. Nothing was written.`);

/**
 * The bundle read against the store's columns, or undefined after saying why it cannot be. One
 * loaded whole is checked as a merge checks its rows: the store's constraints catch too little.
 */
function readOrSay(file: BundleLines, db: Db, name: string, whole: boolean, io: CliIo): Bundle | undefined {
  try {
    const check = whole ? new WholeBundleCheck() : undefined;
    const bundle = readBundle(file, db, check && ((record) => check.note(record)));
    check?.check(bundle.records);
    return bundle;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    refuse(io, name, error.message);
    return undefined;
  }
}

/** Loads the bundle whole; false after saying why the store refused it (nothing written). */
function loadWhole(db: Db, file: BundleLines, bundle: Bundle, name: string, io: CliIo): boolean {
  const loading = phaseProgress(io.stderr, 'Loading', bundle.records.length);
  try {
    try {
      // Its records are read again as they are loaded: they must be the ones checked.
      file.assertUnchanged();
      loadBundle(db, bundle.records, (n) => {
        loading.update(n);
        // Told of the last record inside the load's transaction: a file changed meanwhile rolls it back.
        if (n === bundle.records.length) file.assertUnchanged();
      });
    } finally {
      loading.stop();
    }
    return true;
  } catch (error) {
    if (error instanceof BundleLoadError) refuse(io, name, `line ${error.line}: ${error.message}`);
    else if (error instanceof ImportFileError) refuse(io, name, error.message);
    // Checked at commit, for want of a line: the bundle's links are checked before (bundle-links).
    else if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') refuse(io, name, 'a record names one the bundle does not hold (FOREIGN KEY constraint failed)');
    else throw error;
    return false;
  }
}

function intoNewStore(dbPath: string, file: BundleLines, name: string, dryRun: boolean, io: CliIo): number {
  if (dryRun) {
    const scratch = openDatabase(':memory:');
    try {
      const bundle = readOrSay(file, scratch, name, true, io);
      if (!bundle) return 2;
      writeLine(io.stdout, `Dry run of ${name}: it would create a store at ${dbPath} holding ${contents(bundle)}. Nothing was written.`);
      return 0;
    } finally {
      scratch.close();
    }
  }
  const building = `${dbPath}.importing-${process.pid}`;
  const db = openDatabase(building);
  try {
    const bundle = readOrSay(file, db, name, true, io);
    if (!bundle) return 2;
    writeLine(io.stderr, `Checking ${name} to load it into a new store at ${dbPath}.`);
    if (!loadWhole(db, file, bundle, name, io)) {
      writeLine(io.stderr, `No store was created at ${dbPath}.`);
      return 2;
    }
    // Closing the only connection folds the WAL into the file, so the file alone is the store.
    db.close();
    renameSync(building, dbPath);
    writeLine(io.stdout, `Imported ${name} into a new store at ${dbPath}: ${contents(bundle)}.`);
    return 0;
  } finally {
    if (db.open) db.close();
    removeWithSideFiles(building);
  }
}

function intoStore(dbPath: string, path: string, file: BundleLines, name: string, dryRun: boolean, io: CliIo): number {
  // Never upgraded here: an older store is refused (SchemaTooOldError), as the other programs refuse it.
  const db = openDatabase(dbPath, { upgradeOlder: false });
  try {
    const whole = holdsNoDossier(db);
    const bundle = readOrSay(file, db, name, whole, io);
    if (!bundle) return 2;
    if (whole) {
      if (dryRun) {
        writeLine(io.stdout, `Dry run of ${name}: the store at ${dbPath} holds no dossier, so it would load ${contents(bundle)} whole. Nothing was written.`);
        return 0;
      }
      if (!loadWhole(db, file, bundle, name, io)) return 2;
      writeLine(io.stdout, `Imported ${name} whole into ${dbPath}: ${contents(bundle)}.`);
      return 0;
    }
    const dossier = new SqliteDossier(db);
    const merge = mergeBundle(bundle.records, dossier, sharedRevisionFinder(db), storedEntriesByKey(db, entryKeys(bundle)));
    const pins = mergedPins(db, bundle.records, merge.rows.flatMap((row) => (row.values?.places ?? []) as string[]));
    // The merge read the records again from the file: they must be the ones checked.
    file.assertUnchanged();
    if (pins.clashes.length > 0) {
      refuse(io, name, pins.clashes.join('; '));
      return 2;
    }
    const checking = phaseProgress(io.stderr, 'Checking', merge.rows.length);
    const plan = planImport(merge.rows, db, dossier, (n) => checking.update(n), { planned: merge.planned });
    checking.stop();
    // A bundle's places are not looked up again (planImport checks none): its pins are stored as it gives them.
    plan.locatedPlaces = pins.created;
    plan.skipped = [...merge.skipped, ...plan.skipped].sort((a, b) => a.line - b.line);
    writeLine(io.stderr, `The store at ${dbPath} holds a dossier: merging ${name} into it (its entries' history stays in the bundle).`);
    for (const line of merge.matched) writeLine(io.stderr, line);
    const calls = bundle.counts.trend_call;
    // A trend call is a judgement on the stored dossier as it stood: not mixed into another's.
    if (calls > 0) writeLine(io.stderr, `${calls === 1 ? 'Its trend call is' : `Its ${calls} trend calls are`} not merged: a merge brings entries and actors only (set calls with /trend set).`);
    for (const line of pins.unpinned) writeLine(io.stdout, `  warning  ${line}`);
    const names = planActorNames(db, merge.planned.reader(dossier), merge.taken);
    return applyMerge({ db, dbPath, topics: dossier.topics() }, plan, names, path, name, dryRun, io);
  } finally {
    db.close();
  }
}

export function importBundle(path: string, file: BundleLines, config: Config, dryRun: boolean, io: CliIo): number {
  const name = `${basename(path)} (bundle)`;
  try {
    file.open();
  } catch (error) {
    writeLine(io.stderr, `Cannot read ${path}: ${readProblem(error)}. Nothing was written.`);
    return 2;
  }
  try {
    if (config.dbPath !== ':memory:' && !existsSync(config.dbPath)) return intoNewStore(config.dbPath, file, name, dryRun, io);
    return intoStore(config.dbPath, path, file, name, dryRun, io);
  } finally {
    file.close();
  }
}
