// npm run backup -- FILE
// Copies the live store to FILE while the bot keeps running (SQLite's online backup), checks the
// copy (PRAGMA integrity_check) and only then puts it at FILE. Exits 0 when FILE holds the
// checked copy, 2 otherwise (FILE is then left as it was).
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { basename, dirname } from 'node:path';
import { readOneFile } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { loadConfig } from '../config.js';
import { BadCopyError, backupMayNotReplace, backupStore, type BackupResult } from '../store/backup.js';
import { storeFileOf, writeProblem } from './out-file.js';
import { phaseProgress } from './progress-report.js';
import { removeLeftovers } from './leftovers.js';

const USAGE = 'Usage: npm run backup -- FILE';
/** How long the copy waits for a write of the bot's to finish before going on. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A FILE argument that is empty (it would name the current directory: a slip, not a choice),
 * missing or given twice: says which, with the usage, and returns true. `what` is what FILE is.
 */
export function emptyFileArgument(argv: readonly string[], usage: string, io: CliIo, what = 'the file'): boolean {
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: [...argv], strict: false, allowPositionals: true, options: { help: { type: 'boolean' } } });
    // --help, and mistyped options, are for readOneFile to answer.
    if (parsed.values.help !== undefined || Object.keys(parsed.values).length > 0) return false;
    positionals = parsed.positionals;
  } catch {
    return false;
  }
  const problem = positionals.some((arg) => arg.trim() === '')
    ? 'FILE is empty: give the path of a file.'
    : positionals.length === 0
      ? `FILE is missing: give the path of ${what}.`
      : positionals.length > 1
        ? `Give one FILE, not ${positionals.length} (${positionals.join(', ')}): a path with spaces goes in quotes.`
        : undefined;
  if (problem === undefined) return false;
  writeLine(io.stderr, `${problem}\n${usage}`);
  return true;
}

/** `this user (sitrep)`; without the name where the system has none for the uid. */
function thisUser(): string {
  try {
    return `this user (${userInfo().username})`;
  } catch {
    return 'this user';
  }
}

/** Why Sitrep cannot create files in `dir`, or undefined when it can. */
function unwritable(dir: string): string | undefined {
  try {
    // The copy is made beside FILE and renamed over it: the directory is written, not only FILE.
    accessSync(dir, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return `its directory ${dir} is on a read-only disk: give another path`;
    return `its directory ${dir} is not writable by ${thisUser()}: give another path, or let this user write there`;
  }
}

/** Why `file` cannot receive a backup, before any copying. */
function targetProblem(file: string): string | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return `it is a directory: give a file name in it, e.g. ${file}/sitrep-backup.db`;
  const notReplaced = backupMayNotReplace(file);
  if (notReplaced) return notReplaced;
  const parent = dirname(file);
  if (!existsSync(parent)) return `its directory ${parent} does not exist: create it, or give another path`;
  if (!statSync(parent).isDirectory()) return `${parent} is a file, not a directory: give another path`;
  return unwritable(parent);
}

/** Why the copy failed, in words: SQLite says only "unable to open database file" when it cannot create one. */
function backupProblem(error: unknown, file: string): string {
  if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') return `SQLite could not create the copy in ${dirname(file)} (is the directory writable by ${thisUser()}?)`;
  return writeProblem(error);
}

/** What the report adds about the file FILE replaces, and the side files removed with it. */
function replacedNote(replacing: boolean, { removedSideFiles }: BackupResult): string {
  const sideFiles = removedSideFiles.map((path) => basename(path)).join(', ');
  if (sideFiles === '') return replacing ? '; it replaces the file that was there' : '';
  const what = removedSideFiles.length === 1 ? 'file' : 'files';
  return `; it replaces ${replacing ? 'the file that was there and ' : ''}the ${sideFiles} ${what} SQLite had left beside it`;
}

export async function runBackup(argv: string[], io: CliIo): Promise<number> {
  if (emptyFileArgument(argv, USAGE, io, 'the backup to write')) return 2;
  const read = readOneFile(argv, USAGE, io.stderr);
  if ('exit' in read) return read.exit;
  const { file } = read;
  const { dbPath } = loadConfig(io.env);
  if (!existsSync(dbPath)) {
    writeLine(io.stderr, `There is no store at ${dbPath} (SITREP_DB): nothing to back up.`);
    return 2;
  }
  const storeFile = storeFileOf(dbPath, file);
  if (storeFile !== undefined) {
    const what = storeFile === '' ? 'the store itself' : `the store's ${storeFile.slice(1)} file, which SQLite keeps beside it`;
    writeLine(io.stderr, `${file} is ${what}: back it up to another file.`);
    return 2;
  }
  const problem = targetProblem(file);
  if (problem) {
    writeLine(io.stderr, `Cannot back up to ${file}: ${problem}. Nothing was written.`);
    return 2;
  }
  removeLeftovers([`${file}.partial-`], 'a killed backup', io.stderr);
  // Not openDatabase: a backup neither migrates nor seeds the store it copies.
  const db = new Database(dbPath, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  // Said in the report: an operator keeping dated backups would not want one overwritten unawares.
  const replacing = existsSync(file);
  const started = performance.now();
  let progress: ReturnType<typeof phaseProgress> | undefined;
  try {
    const onProgress = (done: number, total: number) => (progress ??= phaseProgress(io.stderr, 'Copying', total)).update(done);
    // Again just before FILE is replaced: a bot may have started on it while the copy was made.
    const result = await backupStore(db, file, onProgress, () => {
      const problem = backupMayNotReplace(file);
      if (problem) throw new BadCopyError(problem);
    });
    progress?.stop();
    const megabytes = (statSync(file).size / 1e6).toFixed(1);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    writeLine(io.stdout, `Backed up ${dbPath} to ${file} (${megabytes} MB, integrity checked${replacedNote(replacing, result)}) in ${seconds} s.`);
    return 0;
  } catch (error) {
    progress?.stop();
    writeLine(io.stderr, `Backup failed, ${file} was not written: ${backupProblem(error, file)}`);
    return 2;
  } finally {
    db.close();
  }
}
