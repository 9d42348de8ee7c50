// A fresh seeded app on a temporary database file, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import type { Logger } from '../../src/core/logger.js';

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

/** `admins` uses SITREP_ADMINS syntax, e.g. "discord:111,discord-role:222,slack:U1". */
export function createTestApp(admins = '', now?: () => Date): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
  const dbPath = join(dir, 'sitrep.db');
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
