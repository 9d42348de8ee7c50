// Opens a test store again as a store a Sitrep before one migration left it: that migration is run
// again on it (only one: later migrations, new tables and columns, cannot run twice).
import { afterEach, beforeEach } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { createTestApp, recordingLogger, type TestApp } from './test-app.js';

/** Runs migration `version` again on the app's store, closes the app and opens the store anew (with `admins`, as SITREP_ADMINS writes them). */
export function reopenAfterMigration(app: TestApp, version: number, admins = ''): App {
  const migration = loadMigrations().find((m) => m.version === version)!;
  app.db.transaction(() => app.db.exec(migration.sql))();
  app.close();
  return createApp({ dbPath: app.dbPath, admins: parseAdminRules(admins), logger: recordingLogger() });
}

/** A test app for each test of a file (admins as SITREP_ADMINS writes them), which a test may open again after a migration. */
export interface MigratingApp {
  /** The app each test starts with. */
  readonly app: TestApp;
  /** The app open now: the one reopened after a migration, else the first. */
  current(): App;
  /** Runs migration `version` again on the store and opens it again (reopenAfterMigration). */
  reopenAfter(version: number): void;
}

export function migratingApp(admins: string): MigratingApp {
  let app: TestApp;
  let reopened: App | undefined;
  beforeEach(() => {
    app = createTestApp(admins);
  });
  afterEach(() => {
    reopened?.close();
    reopened = undefined;
    app.dispose();
  });
  return {
    get app() {
      return app;
    },
    current: () => reopened ?? app,
    reopenAfter(version) {
      reopened = reopenAfterMigration(app, version, admins);
    },
  };
}
