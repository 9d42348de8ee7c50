// Output files of the transfer programs, and plain reasons for what goes wrong with a path. A file
// is written under a temporary name beside it and renamed over it once complete, so a failed or
// killed export leaves the file that was there as it was.
import { createWriteStream, existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSqliteFile, SIDE_FILES } from '../store/backup.js';

const PATH_PROBLEMS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of its path is a file, not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'its name is too long',
};

/** Why a file could not be written, in words; the error's own message for anything else. */
export function writeProblem(error: unknown): string {
  return PATH_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file',
  ENOTDIR: 'there is no such file (a part of its path is a file, not a directory)',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Why a file could not be read, in words; the error's own message for anything else. */
export function readProblem(error: unknown): string {
  return READ_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message;
}

/**
 * Why a path written as a folder (ending in `/`) cannot be written as a file, or undefined for a
 * file name: its last part would otherwise be taken as the file's name (a file `missing-dir`).
 */
export function folderPathProblem(path: string): string | undefined {
  if (!path.endsWith('/')) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) return `it is a directory: give a file name in it`;
  return `the folder ${path} does not exist: create it, or give a file name`;
}

/**
 * Writes `text` to `path` whole, or leaves `path` as it was and throws. `beforeReplace` runs just
 * before the rename, to refuse a file that became one not to replace while the text was written.
 */
export async function writeWhole(path: string, text: Iterable<string>, beforeReplace?: () => void): Promise<void> {
  const notAFile = folderPathProblem(path);
  if (notAFile) throw new Error(notAFile);
  const temp = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  try {
    await pipeline(Readable.from(text), createWriteStream(temp));
    beforeReplace?.();
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The path with its links and `..` resolved as far as it exists, to tell whether two paths are one file. */
export function canonicalPath(path: string): string {
  const full = resolve(path);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : join(canonicalPath(parent), basename(full));
}

/** SQLite's files beside a store: writing one while a bot runs corrupts what it reads. */
const STORE_FILE_SUFFIXES = ['', ...SIDE_FILES];

/** Which of the store's files `file` is (its suffix), if any; through links too. */
export function storeFileOf(dbPath: string, file: string): string | undefined {
  const store = canonicalPath(dbPath);
  const target = canonicalPath(file);
  return STORE_FILE_SUFFIXES.find((suffix) => target === `${store}${suffix}`);
}

/**
 * Why an export must not replace `file`, or undefined when it may: the store's own files (through
 * links too), any SQLite database (another store, a backup), or a file SQLite keeps beside one.
 * Replacing any of them loses a dossier, or what a running bot has not folded into its store yet.
 */
export function notToReplace(dbPath: string, file: string): string | undefined {
  const storeFile = storeFileOf(dbPath, file);
  if (storeFile === '') return `${file} is the store itself`;
  if (storeFile !== undefined) return `${file} is the store's ${storeFile.slice(1)} file, which SQLite keeps beside it`;
  if (isSqliteFile(file)) return `${file} is an SQLite database (a Sitrep store or a backup?), which an export does not replace`;
  const target = canonicalPath(file);
  const suffix = SIDE_FILES.find((end) => target.endsWith(end) && isSqliteFile(target.slice(0, -end.length)));
  if (suffix !== undefined) return `${file} is the ${suffix.slice(1)} file SQLite keeps beside the database ${target.slice(0, -suffix.length)}`;
  return undefined;
}
