// npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]
// Rows: validates every row first, sorts them into new entries, corrections of stored entries,
// skipped and rejected rows (and, with --complete, entries imports created that the file lacks,
// see missing-entries), writes the new entries, corrections and removals in one transaction and
// prints what happened to each row. A bundle: see bundle-import.
// Exits 0, 1 when a row was rejected or a field was in conflict (changed by the file and, since
// the revision its row shows, by the store), 2 when nothing could be imported (or the usage was wrong).
import { basename } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import type { Config } from '../config.js';
import { configOrSay } from './cli-config.js';
import { createLogger } from '../log.js';
import { importBundle } from './bundle-import.js';
import { applyPlan } from './import-apply.js';
import { readImportFile } from './import-file.js';
import { buildingStem, checkAgainstStore, recheck, StoreAppeared, type CheckedStore } from './import-store.js';
import { REQUIRED_FIELDS } from './import-fields.js';
import { readScriptArgs } from './script-args.js';
import { removeLeftovers } from './leftovers.js';
import { COMPLETE } from './missing-report.js';
import { OVERWRITE_NEWER } from './older-states.js';
import type { ImportFormat, SourceRow } from './row-reader.js';

const USAGE = 'Usage: npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]';
const FORMATS: readonly string[] = ['json', 'ndjson', 'csv', 'bundle'];
// What the export's --format acled writes, asked for here too: said as a file of ACLED data is refused.
const ACLED_FORMAT = 'acled';
const ACLED_FORMAT_REFUSAL = `--format acled: Sitrep does not read ACLED data, whether downloaded from ACLED or written by \`npm run export -- --format acled\`. Convert it to Sitrep's columns (${REQUIRED_FIELDS.join(', ')}, …: see "Import and export" in the README), or import an export made with --format csv or json.`;

interface ImportOptions {
  dryRun: boolean;
  createActors: boolean;
  /** Keep places the gazetteer cannot locate as not located, instead of refusing their rows. */
  unlocatedPlaces: boolean;
  /** The file is the whole set of its topics: entries imports created that it lacks are removed (see missing-entries). */
  complete: boolean;
  /** Write rows that give their entry as an earlier revision left it too (see older-states). */
  overwriteNewer: boolean;
}

/** Options that say how rows meet the store: a bundle carries its entries' histories and removals instead. */
const ROWS_ONLY = [
  ['complete', COMPLETE],
  ['overwriteNewer', OVERWRITE_NEWER],
] as const;

function importRows(file: string, rows: SourceRow[], format: ImportFormat, options: ImportOptions, config: Config, io: CliIo, started: number): number {
  const logger = createLogger(config.logLevel ?? 'warn');
  const checkOptions = { createActors: options.createActors, keepUnlocated: options.unlocatedPlaces, complete: options.complete, overwriteNewer: options.overwriteNewer };
  const write = ({ app, plan, save }: CheckedStore) => {
    try {
      const target = { db: app.db, dbPath: config.dbPath, topics: app.dossier.topics(), started, ...(save ? { save } : {}) };
      return applyPlan(target, plan, file, `${basename(file)} (${format})`, options.dryRun, io);
    } finally {
      app.close();
    }
  };
  try {
    return write(checkAgainstStore(rows, config, options.dryRun, logger, io.stderr, checkOptions));
  } catch (error) {
    // Another process created the store while the new one was written: nothing went into it yet.
    if (!(error instanceof StoreAppeared)) throw error;
    return write(recheck(rows, config, logger, io.stderr, checkOptions));
  }
}

function importFile(file: string, format: ImportFormat | 'bundle' | undefined, options: ImportOptions, config: Config, io: CliIo): number {
  // The summary's time is the whole run's: reading and checking a large file take longer than writing it.
  const started = performance.now();
  const source = readImportFile(file, format, io.stderr);
  if (!source) return 2;
  const { dbPath } = config;
  // A new store is built beside SITREP_DB under this name (import-store, bundle-import).
  if (dbPath !== ':memory:') removeLeftovers([buildingStem(dbPath)], 'a killed import', io.stderr, options.dryRun);
  if (source.kind === 'bundle') {
    const given = ROWS_ONLY.filter(([option]) => options[option]).map(([, flag]) => flag);
    if (given.length > 0) {
      writeLine(io.stderr, `${given.join(' and ')}: ${basename(file)} is a bundle, which carries its entries' histories and removals (see docs/bundle.md); ${given.length === 1 ? 'this option is' : 'these options are'} for files of rows. Import it without ${given.length === 1 ? 'it' : 'them'}. Nothing was written.`);
      return 2;
    }
    return importBundle(file, source.bundle, config, options.dryRun, io);
  }
  return importRows(file, source.rows, source.format, options, config, io, started);
}

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  'create-actors': { type: 'boolean', default: false },
  'unlocated-places': { type: 'boolean', default: false },
  complete: { type: 'boolean', default: false },
  'overwrite-newer': { type: 'boolean', default: false },
  format: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  // Before anything is read: `npm run import FILE --dry-run` would otherwise write.
  const read = readScriptArgs(argv, io, { script: 'import', noun: 'import', options: OPTIONS, choices: { format: FORMATS }, positionals: () => 1 }, { args: argv, allowPositionals: true, options: OPTIONS }, USAGE);
  if ('exit' in read) return read.exit;
  const { values, positionals } = read.args;
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    writeLine(io.stderr, USAGE);
    return values.help ? 0 : 2;
  }
  if (values.format === ACLED_FORMAT) {
    writeLine(io.stderr, `${ACLED_FORMAT_REFUSAL} ${USAGE}`);
    return 2;
  }
  if (values.format !== undefined && !FORMATS.includes(values.format)) {
    writeLine(io.stderr, `--format must be json, ndjson, csv or bundle — got "${values.format}". ${USAGE}`);
    return 2;
  }
  // Said as the bot's start says it, before any file is read.
  const config = configOrSay(io);
  if (!config) return 2;
  try {
    const options = {
      dryRun: values['dry-run'],
      createActors: values['create-actors'],
      unlocatedPlaces: values['unlocated-places'],
      complete: values.complete,
      overwriteNewer: values['overwrite-newer'],
    };
    return importFile(file, values.format as ImportFormat | 'bundle' | undefined, options, config, io);
  } catch (error) {
    writeLine(io.stderr, `Import failed, nothing was written: ${(error as Error).message}`);
    return 2;
  }
}
