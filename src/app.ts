// Builds the platform-neutral application: store, seed, dossier and dispatcher. Used by main
// and by tests, so both run exactly the same wiring.
import { allCommands } from '../commands/index.js';
import type { AdminRule, PlatformName } from './core/caller.js';
import type { PlaceCoordinates } from './core/charts/locate.js';
import { WorkerChartRenderer } from './charts/render-pool.js';
import { WorkerChartData } from './charts/worker-chart-data.js';
import { SqlitePlaceCoordinates } from './store/place-coordinates.js';
import { Dispatcher } from './core/dispatcher.js';
import type { Logger } from './core/logger.js';
import type { CommandServices } from './core/services.js';
import { ReviewQueue } from './core/review/review-queue.js';
import type { FeedFetcher } from './core/sources/feed-port.js';
import { WatchService } from './core/sources/watch-service.js';
import { Turns } from './core/turns.js';
import { withoutWaiting } from './store/writes-without-waiting.js';
import { HttpFeedFetcher } from './sources/fetch-feed.js';
import { WorkerFeedParser } from './sources/worker-parser.js';
import { WorkerChecks } from './sources/worker-checks.js';
import { SqliteChartQueries } from './store/chart-queries.js';
import { SqlitePastViews } from './store/as-of-views.js';
import { openDatabase, type Db } from './store/connection.js';
import { actorsReadAlikeWarnings } from './core/actors-read-alike.js';
import { actorsSharingNameKeys } from './store/actors-sharing-name-keys.js';
import { OlderBotRunningError } from './store/migrate.js';
import { StartupError } from './startup-errors.js';
import { reportStartupNotice, reportStartupWarnings, type StartupNoticesOut } from './startup-warnings.js';
import { leaveCheckpoints } from './store/checkpoints.js';
import { createDigestStore, type SqliteDigestStore } from './store/digest-store.js';
import { openGazetteer } from './store/place-gazetteer.js';
import { attachGazetteer, locatePendingPlaces } from './store/place-locations.js';
import { SqlitePlaces } from './store/place-store.js';
import { SqlitePostEdits } from './store/post-edits.js';
import { seedDatabase } from './store/seed.js';
import { SqliteDossier } from './store/sqlite-dossier.js';
import { SqliteEditor } from './store/sqlite-editor.js';
import { SqliteRequestLog } from './store/sqlite-request-log.js';
import { SqliteReviewStore } from './store/review-store.js';
import { SqliteSourceStore } from './store/source-store.js';
import { createDigestRuntime, type DigestRuntime } from './scheduler/runtime.js';
import { SourcePoller, type SourcePollerOptions } from './scheduler/source-poller.js';
import { WatchRunner, type WatchRunnerOptions } from './scheduler/watch-runner.js';
import { SqliteWatches } from './store/watches.js';
import { nodeCronTasks, type TaskFactory } from './scheduler/tasks.js';

export interface AppOptions {
  dbPath: string;
  admins: readonly AdminRule[];
  logger: Logger;
  now?: () => Date;
  /** Zone of digest subscriptions that name none (SITREP_TZ); UTC by default. */
  timezone?: string;
  /** Wakes the digest scheduler; node-cron and timers by default, a virtual clock in tests. */
  digestTasks?: TaskFactory;
  /** How long a write waits on another connection's; see openDatabase. */
  busyTimeoutMs?: number;
  /** SITREP_SOURCES_ALLOW_PRIVATE: watched feeds may be on private and local addresses. */
  sourcesAllowPrivate?: boolean;
  /** Reads watched feeds; the HTTP fetcher by default. */
  feedFetcher?: FeedFetcher;
  /** Where the gazetteer file is kept (built there when missing); data/gazetteer by default. */
  gazetteerDir?: string;
  /** SITREP_CHART_RENDERS: charts drawn at once, each in a worker thread (1 by default). */
  chartRenders?: number;
  /** SITREP_FEED_READERS: feeds read at once, each in a worker thread (1 by default). */
  feedReaders?: number;
  /**
   * Feed checks fetched and recorded in a worker thread with its own connection to the store
   * (true by default); false records them on this thread. A given feedFetcher, or a store in
   * memory (which no second connection can open), always records them here.
   */
  checksInWorker?: boolean;
  /** Draws charts and counts their figures; worker threads on this store by default, started on the first chart. */
  chartRenderer?: WorkerChartRenderer;
  /** Where places are on a map; the store's located places by default. */
  placeCoordinates?: PlaceCoordinates;
  /**
   * Whether a store an older Sitrep wrote is upgraded (true by default: the bot's start); the
   * command-line programs refuse one instead (SchemaTooOldError), as an older bot may run on it.
   */
  upgradeOlder?: boolean;
  /**
   * Where start-up tells what it does to the store (an upgrade) and warns of what it finds there
   * (actors whose names read as one): a person's terminal, or the log; `logger`'s lines by default.
   */
  startupOut?: StartupNoticesOut;
  /**
   * Whether this process's console is the review desk (true by default): a console a person has
   * open posts the console's cards and edits them; one run once, fed by a pipe, leaves them to it.
   */
  consoleReviewDesk?: boolean;
}

export interface App {
  db: Db;
  dossier: SqliteDossier;
  services: CommandServices;
  dispatcher: Dispatcher;
  digests: DigestRuntime<SqliteDigestStore>;
  /** Starts checking the watched feeds (in the process holding their lease) and posting review cards. */
  startSourcePoller(options?: Pick<SourcePollerOptions, 'tickMs' | 'leaseMs' | 'batch'>): SourcePoller;
  /** Starts sending watchers their direct messages, through the posters registered so far that have them. */
  startWatchRunner(options?: Pick<WatchRunnerOptions, 'tickMs' | 'leaseMs' | 'retry' | 'isDesk'>): WatchRunner;
  close(): void;
}

/** Seconds as a person reads a wait: `0.4 s`, `38 s`. */
const took = (ms: number) => `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`;

/**
 * Opens and migrates the store, saying which one and what migrating did: processes starting
 * together wait for each other's migrations. An upgrade is said before it starts (it can take a
 * minute) and once done; one refused because an older bot runs on the store is a StartupError.
 */
function openStore({ dbPath, busyTimeoutMs, logger, upgradeOlder }: AppOptions, out: StartupNoticesOut): Db {
  const notice = (text: string, context: object) => reportStartupNotice(text, { store: dbPath, ...context }, out);
  let db: Db;
  try {
    db = openDatabase(dbPath, {
      busyTimeoutMs,
      ...(upgradeOlder === undefined ? {} : { upgradeOlder }),
      migrationLog: {
        onWait: () => logger.info({ store: dbPath }, 'waiting for another Sitrep process to migrate the store'),
        onUpgrading: (from, to) => notice(`Upgrading the store ${dbPath} from version ${from} to ${to}; this can take a minute on a large store…`, { from, to }),
        onMigrated: (from, to, tookMs) => {
          if (from === 0) logger.info({ store: dbPath, from, to }, `created the store at version ${to}`);
          else notice(`Upgraded the store ${dbPath} from version ${from} to ${to} in ${took(tookMs)}.`, { from, to, ms: Math.round(tookMs) });
        },
      },
    });
  } catch (error) {
    if (error instanceof OlderBotRunningError) throw new StartupError(error.message, { cause: error });
    throw error;
  }
  logger.info({ store: dbPath, version: db.pragma('user_version', { simple: true }) }, `using the store ${dbPath}`);
  return db;
}

export function createApp(options: AppOptions): App {
  const startupOut = options.startupOut ?? { logger: options.logger, warnEnabled: true };
  const db = openStore(options, startupOut);
  const gazetteer = openGazetteer(options.gazetteerDir, (message) => options.logger.info({}, message));
  // Before the seed, so its places are located as they are stored.
  attachGazetteer(db, gazetteer);
  const waitForSeed = () => options.logger.info({ store: options.dbPath }, 'waiting for another Sitrep process to seed the store');
  const seeded = seedDatabase(db, options.now?.() ?? new Date(), undefined, { onWait: waitForSeed });
  if (seeded.length > 0) options.logger.info({ seeded }, 'seeded a new store');
  // Places stored before Sitrep located them (or by a process without the gazetteer).
  const waitForLocating = () => options.logger.info({ store: options.dbPath }, 'waiting for another Sitrep process to look up stored places');
  const looked = locatePendingPlaces(db, gazetteer, (options.now?.() ?? new Date()).toISOString(), { onWait: waitForLocating });
  if (Object.values(looked).some((n) => n > 0)) options.logger.info({ places: looked }, 'looked up stored places in the gazetteer');
  // Once per bot start (the command-line programs leave it to the bot): an upgrade can make two actors read as one.
  if (options.upgradeOlder !== false) reportStartupWarnings(actorsReadAlikeWarnings(actorsSharingNameKeys(db)), startupOut);
  const dossier = new SqliteDossier(db, gazetteer);
  const now = options.now ?? (() => new Date());
  // Charts are drawn in worker threads, started on the first one; stopped on close.
  const pool = options.chartRenderer ? undefined : new WorkerChartRenderer({ dbPath: options.dbPath, workers: options.chartRenders ?? 1, onProblem: (problem) => options.logger.error({ problem }, 'drawing a chart failed') });
  const renderer = options.chartRenderer ?? pool!;
  const charts = { renderer, data: new WorkerChartData(renderer), added: new SqliteChartQueries(db), coordinates: options.placeCoordinates ?? new SqlitePlaceCoordinates(db) };
  const tasks = options.digestTasks ?? nodeCronTasks(options.logger);
  const postEdits = new SqlitePostEdits(db);
  const digests = createDigestRuntime({
    charts,
    postEdits,
    store: createDigestStore(db),
    defaultTimeZone: options.timezone ?? 'UTC',
    now,
    logger: options.logger,
    tasks,
  });
  // Review cards go out through the digests' posters: one registry of the adapters running here.
  // Feed checks and card posts do their store work in turns of the event loop, between replies;
  // a card post's store work does not wait on the checks' worker writing, it tries again later.
  const turns = new Turns();
  const reviewTurns = new Turns(withoutWaiting(db));
  const editor = new SqliteEditor(db);
  // Cards print their instants on the review channel's clock, as replies there do.
  const consoleDesk = options.consoleReviewDesk ?? true;
  const isDesk = (platform: PlatformName) => platform !== 'console' || consoleDesk;
  const review = new ReviewQueue({ store: new SqliteReviewStore(db, editor), posters: digests.posters, now, logger: options.logger, sender: digests.holder, turns: reviewTurns, edits: postEdits, zones: digests.service, isDesk });
  // Checks are fetched, read and recorded in a worker thread, so a cycle of hundreds of feeds
  // never holds a reply; or, with a fetcher given, here, with feeds read in a worker thread.
  const allowPrivate = options.sourcesAllowPrivate ?? false;
  const inWorker = (options.checksInWorker ?? true) && !options.feedFetcher && options.dbPath !== ':memory:';
  const runner = inWorker
    ? new WorkerChecks({
        dbPath: options.dbPath,
        allowPrivate,
        feedReaders: options.feedReaders ?? 1,
        logger: options.logger,
        now,
        onLive: (live) => leaveCheckpoints(db, live),
        reviewZone: () => review.deskZone(),
        ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
        ...(options.gazetteerDir === undefined ? {} : { gazetteerDir: options.gazetteerDir }),
      })
    : undefined;
  const parser = options.feedFetcher || runner ? undefined : new WorkerFeedParser({ workers: options.feedReaders ?? 1, onProblem: (problem) => options.logger.error({ problem }, 'reading a feed failed') });
  // With the runner, this fetcher only judges addresses as /sources add is given them.
  const fetcher = options.feedFetcher ?? new HttpFeedFetcher({ allowPrivate, ...(parser ? { parser } : {}) });
  const sources = new WatchService({ store: new SqliteSourceStore(db), fetcher, now, logger: options.logger, afterCheck: () => review.postPending(), reviewZone: () => review.deskZone(), turns, gazetteer, ...(runner ? { runner } : {}) });
  const watches = new SqliteWatches(db);
  const places = new SqlitePlaces(db, gazetteer);
  const services: CommandServices = {
    dossier,
    past: new SqlitePastViews(db),
    editor,
    digests: digests.service,
    sources,
    review,
    trends: digests.store.trends,
    places,
    charts,
    watches,
  };
  const dispatcher = new Dispatcher({
    commands: allCommands,
    services,
    adminRules: options.admins,
    logger: options.logger,
    requestLog: new SqliteRequestLog(db, options.now),
    ...(options.now ? { now: options.now } : {}),
  });
  const startSourcePoller = (pollerOptions: Pick<SourcePollerOptions, 'tickMs' | 'leaseMs' | 'batch'> = {}) => {
    const poller = new SourcePoller({ sources, review, leases: digests.store.leases, holder: digests.holder, tasks, now, logger: options.logger, ...pollerOptions });
    poller.start();
    return poller;
  };
  const startWatchRunner = (runnerOptions: Pick<WatchRunnerOptions, 'tickMs' | 'leaseMs' | 'retry' | 'isDesk'> = {}) => {
    const { store, posters, holder } = digests;
    const runner = new WatchRunner({ store: watches, changes: store.changes, places, leases: store.leases, posters, tasks, now, logger: options.logger, holder, ...runnerOptions });
    runner.start();
    return runner;
  };
  const close = () => {
    void parser?.close();
    void runner?.close();
    void pool?.close();
    db.close();
    gazetteer.close();
  };
  return { db, dossier, services, dispatcher, digests, startSourcePoller, startWatchRunner, close };
}
