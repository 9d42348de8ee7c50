// A fresh seeded app on a temporary database file, for tests.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { silentLogger, type Logger } from '../../src/core/logger.js';
import type { View } from '../../src/core/view.js';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  context: object;
  message: string;
}

/** A logger that keeps what it was told, so tests can assert on refusals and error ids. */
export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  return {
    lines,
    info: (context, message) => lines.push({ level: 'info', context, message }),
    warn: (context, message) => lines.push({ level: 'warn', context, message }),
    error: (context, message) => lines.push({ level: 'error', context, message }),
  };
}

export interface TestApp extends App {
  dir: string;
  dbPath: string;
  logger: ReturnType<typeof recordingLogger>;
  dispose(): void;
}

/**
 * Migrating and seeding a store takes a few hundred milliseconds on 2 cores; copying a seeded
 * file takes a few. So each seed time gets one seeded store per test file, copied for every app.
 */
const seededStores = new Map<string, string>();
let storesDir: string | undefined;

function seededStore(seedTime: Date | undefined): string {
  const key = seedTime?.toISOString() ?? 'wall clock';
  const known = seededStores.get(key);
  if (known) return known;
  // Under the run's scratch directory, which the globalSetup removes: a worker may be killed.
  storesDir ??= mkdtempSync(join(inject('scratchRoot'), 'seeded-'));
  const path = join(storesDir, `seeded-${seededStores.size}.db`);
  // Closing the only connection checkpoints the WAL into the file: the file alone is the store.
  createApp({ dbPath: path, admins: [], logger: silentLogger, ...(seedTime ? { now: () => seedTime } : {}) }).close();
  seededStores.set(key, path);
  return path;
}

/** Puts a new seeded store at `dbPath`, as the first start would create it (seeded at `seedTime`, or now). */
export function copySeededStore(dbPath: string, seedTime?: Date): void {
  copyFileSync(seededStore(seedTime), dbPath);
}

/** `admins` uses SITREP_ADMINS syntax, e.g. "discord:111,discord-role:222,slack:U1". */
export function createTestApp(admins = '', now?: () => Date): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath, now?.());
  const logger = recordingLogger();
  const app = createApp({ dbPath, admins: parseAdminRules(admins), logger, ...(now ? { now } : {}) });
  return {
    ...app,
    dir,
    dbPath,
    logger,
    dispose() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The local console operator, who may run every command. */
const CONSOLE_OPERATOR = { platform: 'console', userId: 'operator', localOperator: true } as const;

/** Runs command lines as the console operator on one seeded app for all of a file's tests (made before them, disposed after). */
export function operatorCommandsForFile(): (line: string) => Promise<View> {
  let app: TestApp | undefined;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app?.dispose());
  return (line) => app!.dispatcher.runText(line, CONSOLE_OPERATOR);
}
