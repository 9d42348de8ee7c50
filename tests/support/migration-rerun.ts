// Opens a test store again as a store a Sitrep before one migration left it: that migration is run
// again on it (only one: later migrations, new tables and columns, cannot run twice).
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { recordingLogger, type TestApp } from './test-app.js';

/** Runs migration `version` again on the app's store, closes the app and opens the store anew (with `admins`, as SITREP_ADMINS writes them). */
export function reopenAfterMigration(app: TestApp, version: number, admins = ''): App {
  const migration = loadMigrations().find((m) => m.version === version)!;
  app.db.transaction(() => app.db.exec(migration.sql))();
  app.close();
  return createApp({ dbPath: app.dbPath, admins: parseAdminRules(admins), logger: recordingLogger() });
}
