// npm run backup -- FILE
// Copies the live store to FILE while the bot keeps running (SQLite's online backup), checks the
// copy (PRAGMA integrity_check) and only then puts it at FILE. Exits 0 when FILE holds the
// checked copy, 2 otherwise (FILE is then left as it was).
import Database from 'better-sqlite3';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readOneFile } from '../cli-args.js';
import { writeLine, type CliIo } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { backupStore } from '../store/backup.js';
import { phaseProgress } from './progress-report.js';

const USAGE = 'Usage: npm run backup -- FILE';
/** How long the copy waits for a write of the bot's to finish before going on. */
const BUSY_TIMEOUT_MS = 5000;

const sameFile = (a: string, b: string) => existsSync(b) && realpathSync(a) === realpathSync(b);

export async function runBackup(argv: string[], io: CliIo): Promise<number> {
  const read = readOneFile(argv, USAGE, io.stderr);
  if ('exit' in read) return read.exit;
  const { file } = read;
  const { dbPath } = loadConfig(io.env);
  if (!existsSync(dbPath)) {
    writeLine(io.stderr, `There is no store at ${dbPath} (SITREP_DB): nothing to back up.`);
    return 2;
  }
  if (sameFile(dbPath, file)) {
    writeLine(io.stderr, `${file} is the store itself: back it up to another file.`);
    return 2;
  }
  // Not openDatabase: a backup neither migrates nor seeds the store it copies.
  const db = new Database(dbPath, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  // Said in the report: an operator keeping dated backups would not want one overwritten unawares.
  const replacing = existsSync(file);
  const started = performance.now();
  let progress: ReturnType<typeof phaseProgress> | undefined;
  try {
    await backupStore(db, file, (done, total) => (progress ??= phaseProgress(io.stderr, 'Copying', total)).update(done));
    progress?.stop();
    const megabytes = (statSync(file).size / 1e6).toFixed(1);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    writeLine(io.stdout, `Backed up ${dbPath} to ${file} (${megabytes} MB, integrity checked${replacing ? '; it replaces the file that was there' : ''}) in ${seconds} s.`);
    return 0;
  } catch (error) {
    progress?.stop();
    writeLine(io.stderr, `Backup failed, ${file} was not written: ${(error as Error).message}`);
    return 2;
  } finally {
    db.close();
  }
}
