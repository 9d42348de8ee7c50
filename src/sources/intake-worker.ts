// The worker thread of worker-checks.ts: fetches watched feeds and records their checks on its
// own connection to the store (WAL lets the bot's reads go on beside its writes). Deciding what
// an item is, suggesting names and places, and writing the candidates all happen here, so a
// check cycle of hundreds of feeds leaves the bot's thread to its users. Feeds are parsed here
// under a time limit, those too large to read here in a parse worker of this thread's own, with
// its time and memory limits (bounded-parser.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { isUserError, type UserErrorCode } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { CheckTrigger } from '../core/sources/watched-source.js';
import { WatchService } from '../core/sources/watch-service.js';
import { openDatabase } from '../store/connection.js';
import { openGazetteer } from '../store/place-gazetteer.js';
import { SqliteSourceStore } from '../store/source-store.js';
import { HttpFeedFetcher } from './fetch-feed.js';
import { BoundedFeedParser } from './bounded-parser.js';
import { WorkerFeedParser } from './worker-parser.js';
import { failureText, yieldCoresToBot } from '../worker-thread.js';

export interface IntakeSetup {
  dbPath: string;
  busyTimeoutMs?: number;
  allowPrivate: boolean;
  gazetteerDir?: string;
  /** Parse workers of this thread. */
  feedReaders: number;
}

/** Asks the thread to close its connections and end: sent by the owner instead of terminating it mid-call. */
export interface IntakeClose {
  close: true;
}

export interface IntakeRequest {
  id: number;
  sourceId: number;
  trigger: CheckTrigger;
  /** The bot's clock when the check was asked for: the check's time. */
  at: string;
  /** The review desk's zone then, on which an undated item's day is read. */
  zone?: string;
}

export type IntakeLog = { level: keyof Logger; context: object; message: string };

/** A refusal (a source removed meanwhile): the owner rebuilds it as the UserError it was. */
export type IntakeRefusal = { code: UserErrorCode; message: string; hints: string[]; option?: string };

export type IntakeResponse = { id: number; checkId: number } | { id: number; failed: string } | { id: number; refused: IntakeRefusal } | { log: IntakeLog } | { ready: true };

/**
 * This connection's page cache, in KB: SQLite's own default, where better-sqlite3 sets 16 MB. The
 * checks read and write a few pages of each table at a time; through a check cycle the larger
 * cache filled and held some 15 MB more, for no difference in the cycle's CPU (BENCHMARKS.md).
 */
const INTAKE_CACHE_KB = 2_000;

const port = parentPort;
if (!port) throw new Error('intake-worker.ts runs as a worker thread (see worker-checks.ts)');
const setup = workerData as IntakeSetup;
yieldCoresToBot();

/** Errors are not cloneable with their fields; the log gets their text. */
function loggable(context: object): object {
  return Object.fromEntries(Object.entries(context).map(([key, value]) => [key, value instanceof Error ? failureText(value) : value]));
}

const log = (level: keyof Logger) => (context: object, message: string) => port.postMessage({ log: { level, context: loggable(context), message } } satisfies IntakeResponse);
const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };

let clock = new Date();
let zone: string | undefined;
const db = openDatabase(setup.dbPath, setup.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: setup.busyTimeoutMs });
db.pragma(`cache_size = -${INTAKE_CACHE_KB}`);
const gazetteer = openGazetteer(setup.gazetteerDir);
const onProblem = (problem: string) => logger.error({ problem }, 'reading a feed failed');
const workers = new WorkerFeedParser({ workers: setup.feedReaders, onProblem });
// With one reader, the feeds of usual size are read on this thread, which is not the bot's: a
// parse worker beside it would hold another isolate's memory through every check cycle. More
// readers read every feed in worker threads, that many at once, for the throughput.
const parser = setup.feedReaders > 1 ? workers : new BoundedFeedParser({ large: workers, onProblem });
const fetcher = new HttpFeedFetcher({ allowPrivate: setup.allowPrivate, parser });
const sources = new WatchService({ store: new SqliteSourceStore(db), fetcher, now: () => clock, reviewZone: () => zone ?? 'UTC', logger, gazetteer });

/**
 * Ends the thread between two pieces of work: no check is mid-transaction then (each runs in
 * one turn), and the stores close before the thread goes, not under a call into SQLite.
 */
async function close(): Promise<never> {
  await parser.close().catch(() => undefined);
  db.close();
  gazetteer.close();
  process.exit(0);
}

port.on('message', (request: IntakeRequest | IntakeClose) => {
  if ('close' in request) return void close();
  clock = new Date(request.at);
  zone = request.zone;
  sources.checkRecorded(request.sourceId, request.trigger).then(
    (checkId) => port.postMessage({ id: request.id, checkId } satisfies IntakeResponse),
    (error: unknown) =>
      port.postMessage(
        (isUserError(error)
          ? { id: request.id, refused: { code: error.code, message: error.message, hints: error.hints, ...(error.option === undefined ? {} : { option: error.option }) } }
          : { id: request.id, failed: failureText(error) }) satisfies IntakeResponse,
      ),
  );
});
port.postMessage({ ready: true } satisfies IntakeResponse);
