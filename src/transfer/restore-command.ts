// npm run restore -- FILE
// Puts the backup FILE in place of the store (SITREP_DB), refusing while a bot runs on it: FILE is
// checked first, and the store it replaces is kept aside. Exits 0 when restored, 2 otherwise (the
// store is then as it was).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { readOneFile } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { writeLine } from './cli-lines.js';
import { configOrSay } from './cli-config.js';
import { loadMigrations } from '../store/migrate.js';
import { restoreStore } from '../store/restore.js';
import { emptyFileArgument } from './backup-command.js';
import { storeFileOf, writeProblem } from './out-file.js';
import { removeLeftovers } from './leftovers.js';

const USAGE = 'Usage: npm run restore -- FILE';

/**
 * Creates the store's directory where it is missing, as the bot does when it starts: the backup is
 * copied and checked there before it becomes the store. Returns the first directory it created.
 */
function createStoreDirectory(dir: string): { created?: string } | { problem: string } {
  if (existsSync(dir)) return statSync(dir).isDirectory() ? {} : { problem: `${dir} is a file, not a directory` };
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) missing.unshift(current);
  try {
    // One level at a time: a recursive mkdir says ENOENT where the disk is read-only.
    for (const level of missing) mkdirSync(level);
    return { created: missing[0] };
  } catch (error) {
    removeCreatedDirectories(dir, missing[0]!);
    return { problem: `its directory ${dir} does not exist and cannot be created: ${writeProblem(error)}` };
  }
}

/** Removes the directories createStoreDirectory made, from `dir` up to `created`, where they are still empty. */
function removeCreatedDirectories(dir: string, created: string): void {
  for (let current = dir; ; current = dirname(current)) {
    try {
      rmdirSync(current);
    } catch (error) {
      // A level never made is absent; one something was put in meanwhile stays, with those above it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
    if (current === created) return;
  }
}

/**
 * What the success line adds for a backup an older Sitrep wrote: its schema version, and that
 * the bot upgrades it when it next starts, while the command-line programs refuse it until then.
 */
function olderSchemaNote(dbPath: string): string {
  let version: number;
  try {
    // The restored store is one file (journal_mode DELETE): reading it leaves nothing beside it.
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    // The store is restored whatever this read meets; the bot's start says its version.
    return '';
  }
  const known = loadMigrations().length;
  if (version >= known) return '';
  return `: it has schema version ${version}; the bot upgrades it to ${known} when it next starts (npm run export, import and feeds wait until then)`;
}

export async function runRestore(argv: string[], io: CliIo): Promise<number> {
  if (emptyFileArgument(argv, USAGE, io, 'the backup to restore')) return 2;
  const read = readOneFile(argv, USAGE, io.stderr);
  if ('exit' in read) return read.exit;
  const { file } = read;
  const config = configOrSay(io);
  if (!config) return 2;
  const { dbPath } = config;
  if (!existsSync(file)) {
    writeLine(io.stderr, `Cannot restore ${file}: there is no such file. The store is unchanged.`);
    return 2;
  }
  if (statSync(file).isDirectory()) {
    writeLine(io.stderr, `Cannot restore ${file}: it is a directory: give the backup file in it. The store is unchanged.`);
    return 2;
  }
  const storeFile = storeFileOf(dbPath, file);
  if (storeFile !== undefined) {
    writeLine(io.stderr, `Cannot restore ${file}: it is ${storeFile === '' ? 'the store itself' : `the store's ${storeFile.slice(1)} file`}: give a backup of it. The store is unchanged.`);
    return 2;
  }
  const storeDir = dirname(dbPath);
  const directory = createStoreDirectory(storeDir);
  if ('problem' in directory) {
    writeLine(io.stderr, `Cannot restore ${file} as the store at ${dbPath}: ${directory.problem}. Nothing was written.`);
    return 2;
  }
  removeLeftovers([`${dbPath}.restoring-`], 'a killed restore', io.stderr);
  try {
    const { keptAside } = await restoreStore(file, dbPath);
    const aside = keptAside ? ` The store it replaced is kept at ${keptAside}: delete it once the restored store is as it should be.` : '';
    const created = directory.created ? ` (its directory ${storeDir} was created)` : '';
    writeLine(io.stdout, `Restored ${file} (integrity checked) as the store at ${dbPath}${created}${olderSchemaNote(dbPath)}.${aside}`);
    return 0;
  } catch (error) {
    if (directory.created) removeCreatedDirectories(storeDir, directory.created);
    writeLine(io.stderr, `Cannot restore ${file}: ${(error as Error).message.replace(/\.?$/, '.')} The store is unchanged.`);
    return 2;
  }
}
