// Output files of the transfer programs, and plain reasons for what goes wrong with a path. A file
// is written under a temporary name beside it and renamed over it once complete, so a failed or
// killed export leaves the file that was there as it was.
import { createWriteStream, existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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

/** Writes `text` to `path` whole, or leaves `path` as it was and throws. */
export async function writeWhole(path: string, text: Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  try {
    await pipeline(Readable.from(text), createWriteStream(temp));
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
