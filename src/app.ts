// Builds the platform-neutral application: store, seed, dossier and dispatcher. Used by main
// and by tests, so both run exactly the same wiring.
import { allCommands } from '../commands/index.js';
import type { AdminRule } from './core/caller.js';
import { Dispatcher } from './core/dispatcher.js';
import type { Logger } from './core/logger.js';
import type { CommandServices } from './core/services.js';
import { ReviewQueue } from './core/review/review-queue.js';
import type { FeedFetcher } from './core/sources/feed-port.js';
import { WatchService } from './core/sources/watch-service.js';
import { HttpFeedFetcher } from './sources/fetch-feed.js';
import { WorkerFeedParser } from './sources/worker-parser.js';
import { SqlitePastViews } from './store/as-of-views.js';
import { openDatabase, type Db } from './store/connection.js';
import { createDigestStore, type SqliteDigestStore } from './store/digest-store.js';
import { seedDatabase } from './store/seed.js';
import { SqliteDossier } from './store/sqlite-dossier.js';
import { SqliteEditor } from './store/sqlite-editor.js';
import { SqliteRequestLog } from './store/sqlite-request-log.js';
import { SqliteReviewStore } from './store/review-store.js';
import { SqliteSourceStore } from './store/source-store.js';
import { createDigestRuntime, type DigestRuntime } from './scheduler/runtime.js';
import { SourcePoller, type SourcePollerOptions } from './scheduler/source-poller.js';
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
}

export interface App {
  db: Db;
  dossier: SqliteDossier;
  services: CommandServices;
  dispatcher: Dispatcher;
  digests: DigestRuntime<SqliteDigestStore>;
  /** Starts checking the watched feeds (in the process holding their lease) and posting review cards. */
  startSourcePoller(options?: Pick<SourcePollerOptions, 'tickMs' | 'leaseMs' | 'batch'>): SourcePoller;
  close(): void;
}

export function createApp(options: AppOptions): App {
  const db = openDatabase(options.dbPath, { busyTimeoutMs: options.busyTimeoutMs });
  const seeded = seedDatabase(db, options.now?.() ?? new Date());
  if (seeded.length > 0) options.logger.info({ seeded }, 'seeded a new store');
  const dossier = new SqliteDossier(db);
  const now = options.now ?? (() => new Date());
  const tasks = options.digestTasks ?? nodeCronTasks(options.logger);
  const digests = createDigestRuntime({
    store: createDigestStore(db),
    defaultTimeZone: options.timezone ?? 'UTC',
    now,
    logger: options.logger,
    tasks,
  });
  // Review cards go out through the digests' posters: one registry of the adapters running here.
  const review = new ReviewQueue({ store: new SqliteReviewStore(db), posters: digests.posters, now, logger: options.logger, sender: digests.holder });
  // Feeds are read in a worker thread, so parsing one never holds a reply; stopped on close.
  const parser = options.feedFetcher ? undefined : new WorkerFeedParser({ onProblem: (problem) => options.logger.error({ problem }, 'reading a feed failed') });
  const fetcher = options.feedFetcher ?? new HttpFeedFetcher({ allowPrivate: options.sourcesAllowPrivate ?? false, ...(parser ? { parser } : {}) });
  const sources = new WatchService({ store: new SqliteSourceStore(db), fetcher, now, logger: options.logger, afterCheck: () => review.postPending() });
  const services: CommandServices = {
    dossier,
    past: new SqlitePastViews(db),
    editor: new SqliteEditor(db),
    digests: digests.service,
    sources,
    review,
    trends: digests.store.trends,
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
  const close = () => {
    void parser?.close();
    db.close();
  };
  return { db, dossier, services, dispatcher, digests, startSourcePoller, close };
}
