// What the person starting the bot reads when it cannot start: one line naming what is wrong
// (a variable, a token, a URL that cannot be reached), not a stack trace.
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { ConfigError } from './config.js';
import { SchemaTooNewError } from './store/migrate.js';
import { sqliteFileFault, sqlitePlaceFault } from './store/sqlite-faults.js';
import { cannotWrite } from './store/write-access.js';

/** A start-up failure its message explains; printed as it is, without a stack. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The error and what it wraps: `cause`, or `original` for the Slack Web API client's errors. */
function* chain(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  let current = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    yield current;
    const { cause, original } = current as { cause?: unknown; original?: unknown };
    current = cause ?? original;
  }
}

/** undici's and TLS's codes for a request that got no answer; system errors carry a `syscall`. */
const NETWORK_CODE = /^(UND_ERR_|ERR_TLS_)|CERT|UNABLE_TO_VERIFY/;

/**
 * Why a request got no answer at all (connection refused, name not found, timed out, TLS), as
 * "connect ECONNREFUSED 127.0.0.1:9"; undefined when the failure is not the network's.
 */
export function networkCause(error: unknown): string | undefined {
  const links = [...chain(error)] as { code?: unknown; syscall?: unknown; message?: unknown }[];
  for (const { code, syscall, message } of links) {
    if (typeof code !== 'string' || (typeof syscall !== 'string' && !NETWORK_CODE.test(code))) continue;
    const text = typeof message === 'string' ? message : '';
    return text.includes(code) ? text : `${code}${text ? `: ${text}` : ''}`;
  }
  // fetch() refused before connecting (a port it blocks, a malformed URL): its innermost reason.
  const fetchFailed = links.findIndex((link) => link instanceof TypeError && link.message === 'fetch failed');
  if (fetchFailed < 0) return undefined;
  const reason = links.at(-1)!.message;
  return typeof reason === 'string' ? reason : 'fetch failed';
}

/** How a platform adapter names its API in start-up errors: `Slack`, `Slack's Web API`, `SLACK_API_URL`. */
export interface PlatformApi {
  platform: string;
  api: string;
  url: string;
  urlVariable: string;
}

/** Nothing answered at the platform's API: the network or its URL is at fault. Undefined otherwise. */
export function unreachable(at: PlatformApi, error: unknown): StartupError | undefined {
  const network = networkCause(error);
  if (!network) return undefined;
  return new StartupError(`${at.platform} could not be reached at ${at.url} (${network}). Check the network, or ${at.urlVariable}.`, { cause: error });
}

/** The platform's API answered `what` with an HTTP error status: its trouble, or the wrong URL. */
export function answeredWithStatus(at: PlatformApi, what: string, status: unknown, error: unknown): StartupError {
  return new StartupError(`${at.api} at ${at.url} answered ${what} with HTTP ${status}. Try again later, or check ${at.urlVariable}.`, { cause: error });
}

/** Anything thrown, as an Error: what no start-up explanation fits goes on as it is. */
export const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** What SQLite's codes for a file it cannot read as a database say of the store. */
const UNREADABLE: Partial<Record<NonNullable<ReturnType<typeof sqliteFileFault>>, string>> = {
  'not-a-database': 'is not an SQLite database (did another file take its place?)',
  damaged: 'is damaged: SQLite finds it malformed (was it cut short, or written over?)',
};

/**
 * The store SITREP_DB names cannot be read as a database (overwritten by another file, cut short,
 * damaged): what to do, as a StartupError; undefined for any other failure.
 */
export function unreadableStore(dbPath: string, error: unknown): StartupError | undefined {
  const fault = sqliteFileFault(error);
  const what = fault && UNREADABLE[fault];
  if (what === undefined) return undefined;
  return new StartupError(
    `the store ${dbPath} (SITREP_DB) ${what}. Put a backup in its place with npm run restore -- FILE, then start Sitrep again; or set SITREP_DB to the store's path.`,
    { cause: error },
  );
}

/**
 * The store was written by a newer Sitrep than this one (started again after a rollback): which
 * versions, and the two ways back, as a StartupError; undefined for any other failure.
 */
export function storeTooNew(dbPath: string, error: unknown): StartupError | undefined {
  if (!(error instanceof SchemaTooNewError)) return undefined;
  return new StartupError(
    `the store ${dbPath} (SITREP_DB) was written by a newer Sitrep: its schema version is ${error.fileVersion}, and this Sitrep knows versions up to ${error.knownVersion}. ` +
      'Run the newer Sitrep, or restore the backup taken before the upgrade with npm run restore -- FILE, then start this one again.',
    { cause: error },
  );
}

/**
 * The store SITREP_DB names cannot be used at all (not a database, damaged, written by a newer
 * Sitrep, on a full disk, in a directory this user cannot write, no file at all, locked by
 * another program): what to do, as a StartupError; undefined for any other failure.
 */
export function storeFault(dbPath: string, error: unknown): StartupError | undefined {
  const explained = unreadableStore(dbPath, error) ?? storeTooNew(dbPath, error);
  if (explained) return explained;
  const what = unusableStore(dbPath, error);
  return what === undefined ? undefined : new StartupError(`the store ${dbPath} (SITREP_DB) ${what}.`, { cause: error });
}

/** What keeps the store from being opened or written, and what to do, as the end of a sentence naming it. */
function unusableStore(dbPath: string, error: unknown): string | undefined {
  const failed = error as { code?: unknown; syscall?: unknown; path?: unknown };
  if (failed.syscall === 'mkdir' && typeof failed.path === 'string') return directoryNotMade(failed.path, String(failed.code));
  if (sqliteFileFault(error) === 'busy') {
    return 'is locked by another program writing to it (an import, a restore, an sqlite3 shell?). Let it finish or stop it, then start Sitrep again';
  }
  switch (sqlitePlaceFault(error)) {
    case 'full':
      return 'could not be written: its disk is full. Free disk space there, then start Sitrep again';
    case 'io':
      return `could not be written: the disk answered with an I/O error (${String(failed.code)}), as a full disk does. Free disk space there, or check the disk, then start Sitrep again`;
    case 'cannot-open':
    case 'read-only':
      return whyNotOpened(dbPath) ?? whyNotCreated(dbPath) ?? `cannot be opened: SQLite answered "${String((error as Error).message)}", and nothing on the file system says why. Check the path, or set SITREP_DB to a file on another disk`;
    default:
      return undefined;
  }
}

/** The store's directory could not be created (openDatabase creates it): a file is in the way, or no permission. */
function directoryNotMade(path: string, code: string): string {
  if (code === 'EEXIST' || code === 'ENOTDIR') return `cannot be created: ${path} is a file, not a directory. SITREP_DB must name a file in a directory`;
  if (code === 'ENOSPC') return 'could not be created: its disk is full. Free disk space there, then start Sitrep again';
  return `cannot be created: its directory ${path} could not be made (${code}). Create it, writable by the user running Sitrep, or set SITREP_DB to a path in a directory that user can write`;
}


/**
 * Why SQLite could not open the store or write it, found on the file system; undefined when
 * nothing there explains it (then the failure was not the store's).
 */
function whyNotOpened(dbPath: string): string | undefined {
  if (existsSync(dbPath) && statSync(dbPath).isDirectory()) return `is a directory. SITREP_DB must name a file, such as ${join(dbPath, 'sitrep.db')}`;
  const dir = dirname(dbPath);
  // SQLite keeps its WAL and shared-memory files beside the store, so it creates files there.
  const why = cannotWrite(dir, 'directory');
  // No chmod mends a read-only mount.
  if (why === 'read-only disk') {
    return `cannot be opened: its directory ${dir} is on a file system mounted read-only, and SQLite keeps files beside the store. Mount it read-write, or set SITREP_DB to a path on a writable disk`;
  }
  if (why) return `cannot be opened: its directory ${dir} is not writable by the user running Sitrep, and SQLite keeps files beside the store. Make ${dir} writable by that user, or set SITREP_DB to a path in a directory it can write`;
  const locked = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`].find((file) => existsSync(file) && cannotWrite(file, 'file'));
  if (locked) return `cannot be written: ${locked} is not writable by the user running Sitrep. Make it writable by that user (chown or chmod), then start Sitrep again`;
  return undefined;
}

/**
 * Why no file can be made at the store's path when SQLite could not make one and the directory
 * looks writable (a virtual file system such as /proc): the system's own answer to creating it.
 */
function whyNotCreated(dbPath: string): string | undefined {
  if (existsSync(dbPath)) return undefined;
  try {
    // 'wx' makes the file only where none is, so the file removed is the one made here to ask.
    closeSync(openSync(dbPath, 'wx'));
    rmSync(dbPath, { force: true });
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `cannot be created: the file system at ${dirname(dbPath)} refuses new files (${code ?? message}). Set SITREP_DB to a path on a disk where the user running Sitrep can keep files`;
  }
}

/** The message printed when start-up fails. An unexpected error keeps its stack: that is a bug. */
export function startupMessage(error: unknown): string {
  if (error instanceof ConfigError) return error.text;
  if (error instanceof StartupError) return `Sitrep could not start — ${error.message}`;
  // Explained by its message wherever it is thrown from: the operator's to mend, not a bug.
  if (error instanceof SchemaTooNewError) return `Sitrep could not start — ${error.message}`;
  return `Sitrep could not start: ${inspect(error)}`;
}
