// Opens a test store again as a store a Sitrep before one migration left it: that migration is run
// again on it (only one: later migrations, new tables and columns, cannot run twice).
import { afterEach, beforeEach } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import type { EntryInput } from '../../src/core/domain.js';
import type { PartialDate } from '../../src/core/partial-date.js';
import type { EventType } from '../../src/core/vocabulary.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { createTestApp, recordingLogger, type TestApp } from './test-app.js';
import { viewText } from './view-text.js';

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

/**
 * A search desk on a store a migration can be run again on: `reply` runs a command as a reader
 * (on the store as reopened, once it is), `addEntry` stores an entry of `eventType` with a title,
 * summary and places, dated `start` (14 Jul 2025 unless given) and sourced to `outlet` (AFP
 * unless given), straight through the editor.
 */
export function migratingSearchDesk(eventType: EventType, entries: { start?: PartialDate; outlet?: string } = {}) {
  const store = migratingApp('');
  const reader: Caller = { platform: 'discord', userId: '42', workspaceId: 'g1', channelId: 'c1' };
  const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };
  const reply = async (text: string, on: App = store.current()) => viewText(await on.dispatcher.runText(text, reader));
  const addEntry = (title: string, summary = '', places: string[] = []) => {
    const entry: EntryInput = {
      title, summary, eventType, topic: 'syria-israel', start: entries.start ?? { year: 2025, month: 7, day: 14 },
      places, actors: [], sources: [{ outlet: entries.outlet ?? 'AFP' }], confidence: 'reported', tags: [],
    };
    return store.app.services.editor.addEntry(entry, stamp);
  };
  return { store, reply, addEntry, stamp };
}
