// Builds the platform-neutral application: store, seed, dossier and dispatcher. Used by main
// and by tests, so both run exactly the same wiring.
import { allCommands } from '../commands/index.js';
import type { AdminRule } from './core/caller.js';
import { Dispatcher } from './core/dispatcher.js';
import type { Logger } from './core/logger.js';
import type { CommandServices } from './core/services.js';
import { openDatabase, type Db } from './store/connection.js';
import { seedDatabase } from './store/seed.js';
import { SqliteDossier } from './store/sqlite-dossier.js';
import { SqliteEditor } from './store/sqlite-editor.js';
import { SqliteRequestLog } from './store/sqlite-request-log.js';
import { createDigestRuntime, type DigestRuntime } from './scheduler/runtime.js';
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
}

export interface App {
  db: Db;
  dossier: SqliteDossier;
  services: CommandServices;
  dispatcher: Dispatcher;
  digests: DigestRuntime;
  close(): void;
}

export function createApp(options: AppOptions): App {
  const db = openDatabase(options.dbPath, { busyTimeoutMs: options.busyTimeoutMs });
  const seeded = seedDatabase(db, options.now?.() ?? new Date());
  if (seeded.length > 0) options.logger.info({ seeded }, 'seeded a new store');
  const dossier = new SqliteDossier(db);
  const digests = createDigestRuntime({
    db,
    defaultTimeZone: options.timezone ?? 'UTC',
    now: options.now ?? (() => new Date()),
    logger: options.logger,
    tasks: options.digestTasks ?? nodeCronTasks(options.logger),
  });
  const services: CommandServices = { dossier, editor: new SqliteEditor(db), digests: digests.service };
  const dispatcher = new Dispatcher({
    commands: allCommands,
    services,
    adminRules: options.admins,
    logger: options.logger,
    requestLog: new SqliteRequestLog(db, options.now),
    ...(options.now ? { now: options.now } : {}),
  });
  return { db, dossier, services, dispatcher, digests, close: () => db.close() };
}
