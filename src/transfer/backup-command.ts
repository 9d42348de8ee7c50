// npm run backup -- FILE
// Copies the live store to FILE while the bot keeps running (SQLite's online backup, under one
// read transaction: see src/store/backup.ts), checks the copy (PRAGMA integrity_check) and only
// then puts it at FILE. A FILE already there is replaced only when it is empty or an older backup
// of this store. Exits 0 when FILE holds the checked copy, 2 otherwise (FILE is then left as it was).
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { cannotWrite } from '../store/write-access.js';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { basename, dirname, join } from 'node:path';
import { readOneFile } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { configOrSay } from './cli-config.js';
import { BadCopyError, backupMayNotReplace, backupStore, CopyKeptRestarting, MAX_RESTARTS, sqliteFileProblem, type BackupResult } from '../store/backup.js';
import type { Db } from '../store/connection.js';
import { folderPathProblem, storeFileOf, writeProblem } from './out-file.js';
import { phaseProgress } from './progress-report.js';
import { removeKilledBackups } from './backup-leftovers.js';

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

/** FILE as typed, resolved: a trailing `/` (a folder meant) is kept, which resolving would drop. */
function typedFile(argv: readonly string[], resolved: string): string {
  const [typed] = parseArgs({ args: [...argv], strict: false, allowPositionals: true }).positionals;
  return typed?.endsWith('/') && !resolved.endsWith('/') ? `${resolved}/` : resolved;
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
  // The copy is made beside FILE and renamed over it: the directory is written, not only FILE.
  const why = cannotWrite(dir, 'directory');
  if (why === 'read-only disk') return `its directory ${dir} is on a read-only disk: give another path`;
  if (why === 'not writable') return `its directory ${dir} is not writable by ${thisUser()}: give another path, or let this user write there`;
  return undefined;
}

/** The name of the user owning `path`, or `uid N` where the system has no name for it. */
function ownerOf(path: string): string {
  const uid = String(statSync(path).uid);
  try {
    const entry = readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.split(':')[2] === uid);
    if (entry) return entry.split(':')[0]!;
  } catch {
    // No user database to read: the uid says who it is.
  }
  return `uid ${uid}`;
}

/** What to do when this user may not do what SQLite needs to read the store: run as its owner. */
function asTheOwner(dbPath: string, fix: string): string {
  if (statSync(dbPath).uid === process.getuid?.()) return fix;
  const owner = ownerOf(dbPath);
  return `run the backup as the user that owns the store, ${owner} (e.g. sudo -u ${owner} npm run backup -- FILE)`;
}

/**
 * Why SQLite could not open the store to copy it, in words: SQLite says only "unable to open
 * database file" or "attempt to write a readonly database". Reading a store in WAL mode, as the
 * bot leaves it, creates its -shm file beside it when no bot runs.
 */
function storeProblem(error: unknown, dbPath: string): string {
  const cannot = `SQLite cannot open the store ${dbPath} to copy it`;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code !== 'SQLITE_CANTOPEN' && !code.startsWith('SQLITE_READONLY')) return `${cannot}: ${sqliteFileProblem(error) ?? (error as Error).message}.`;
  try {
    accessSync(dbPath, constants.R_OK);
  } catch {
    return `${cannot}: ${thisUser()} may not read it. ${capitalized(asTheOwner(dbPath, 'let this user read it'))}.`;
  }
  const dir = dirname(dbPath);
  const why = cannotWrite(dir, 'directory');
  const shm = "SQLite must create the store's -shm file there to read it";
  if (why === 'read-only disk') return `${cannot}: its directory ${dir} is on a read-only disk, and ${shm}. Back it up where that disk is mounted writable, as the bot needs it.`;
  if (why === 'not writable') return `${cannot}: ${thisUser()} may not create files in its directory ${dir}, and ${shm}. ${capitalized(asTheOwner(dbPath, 'let this user write there'))}.`;
  return `${cannot}: ${(error as Error).message}.`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Opens the store and reads its header, so that SQLite's refusal to open it is told here, as the
 * store's: it opens files only once they are read, which would be in the middle of the copy.
 */
function openStoreToCopy(dbPath: string): Db {
  // Not openDatabase: a backup neither migrates nor seeds the store it copies.
  const db = new Database(dbPath, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Why `file` cannot receive a backup, before any copying. */
function targetProblem(file: string): string | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return `it is a directory: give a file name in it, e.g. ${join(file, 'sitrep-backup.db')}`;
  const notAFile = folderPathProblem(file);
  if (notAFile) return notAFile;
  const notReplaced = backupMayNotReplace(file);
  if (notReplaced) return notReplaced;
  const parent = dirname(file);
  if (!existsSync(parent)) return `its directory ${parent} does not exist: create it, or give another path`;
  if (!statSync(parent).isDirectory()) return `${parent} is a file, not a directory: give another path`;
  return unwritable(parent);
}

/** Why the copy failed, in words: SQLite says only "unable to open database file" when it cannot create one. */
function backupProblem(error: unknown, file: string): string {
  const { code } = error as { code?: string };
  if (code === 'SQLITE_CANTOPEN') return `SQLite could not create the copy in ${dirname(file)} (is the directory writable by ${thisUser()}?)`;
  // The copy is written in FILE's folder: that disk is the full one.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return `the disk of its folder ${dirname(file)} is full: free space there, or choose a folder on another disk`;
  }
  if (error instanceof CopyKeptRestarting) {
    return `${error.message}. The store is not in WAL mode (Sitrep puts it in WAL mode when it opens it), so SQLite copies it again after each write: back up once what writes to it is done`;
  }
  return writeProblem(error);
}

/** The progress line saying the copy starts over, after which the count starts again from 0. */
const restartLine = (restart: number) =>
  `Copying again from the start (${restart} of at most ${MAX_RESTARTS} times): the store was written to, and it is not in WAL mode, so SQLite cannot go on with what it copied.`;

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
  const file = typedFile(argv, read.file);
  const config = configOrSay(io);
  if (!config) return 2;
  const { dbPath } = config;
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
  // Whatever name each was given: dated backups never meet a later backup to the same name.
  removeKilledBackups(dirname(file), file, io.stderr);
  let db: Db;
  try {
    db = openStoreToCopy(dbPath);
  } catch (error) {
    writeLine(io.stderr, `Backup failed, ${file} was not written: ${storeProblem(error, dbPath)}`);
    return 2;
  }
  // Now that the store is open, FILE is checked to be an older backup of it, not another store.
  const notOurs = backupMayNotReplace(file, db);
  if (notOurs) {
    db.close();
    writeLine(io.stderr, `Cannot back up to ${file}: ${notOurs}. Nothing was written.`);
    return 2;
  }
  // Said in the report: an operator keeping dated backups would not want one overwritten unawares.
  const replacing = existsSync(file);
  const started = performance.now();
  let progress: ReturnType<typeof phaseProgress> | undefined;
  try {
    const onProgress = (done: number, total: number) => (progress ??= phaseProgress(io.stderr, 'Copying', total)).update(done);
    const onRestart = (restart: number) => {
      progress?.stop();
      progress = undefined;
      writeLine(io.stderr, restartLine(restart));
    };
    // Again just before FILE is replaced: a bot may have started on it, or another store been put there, while the copy was made.
    const beforeReplace = () => {
      const problem = backupMayNotReplace(file, db);
      if (problem) throw new BadCopyError(problem);
    };
    const result = await backupStore(db, file, { onProgress, onRestart, beforeReplace });
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
