// GIVEN a store of an older release (schema 27) that a bot of that release still runs on WHEN the
// bot of this release starts on it THEN it refuses to upgrade the store under that bot, naming
// its pid and host and what to do, exits non-zero and leaves the store as it was; a bot that
// stopped, or bots of this release starting side by side, start as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { startupMessage } from '../../src/startup-errors.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { runCompiled } from '../support/compiled.js';
import { createStoreAtVersion, OLDER_VERSION, registerBot, storeState } from '../support/older-store.js';
import { recordingLogger } from '../support/test-app.js';

const latest = loadMigrations().length;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-upgrade-under-bot-'));
  dbPath = join(dir, 'sitrep.db');
  createStoreAtVersion(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What the person starting the bot reads when createApp refuses the store. */
function startFails(): string {
  try {
    createApp({ dbPath, admins: [], logger: recordingLogger() }).close();
  } catch (error) {
    return startupMessage(error);
  }
  throw new Error('the bot started');
}

describe('GIVEN a bot of the older release running on the store', () => {
  it('WHEN the bot of this release starts THEN it says the older bot runs (pid and host), to stop it first, and the store is not upgraded', () => {
    registerBot(dbPath, 'old-bot');
    const [pid, host] = [process.pid, literal(hostname())];
    expect(startFails()).toMatch(
      new RegExp(
        `^Sitrep could not start — the store ${literal(dbPath)} is at schema version ${OLDER_VERSION}, and this Sitrep would upgrade it to ${latest}, ` +
          `but a bot of the older release is still running on it \\(pid ${pid} on ${host}\\): .* The store was not changed\\. ` +
          `Stop the bot of the older release \\(pid ${pid} on ${host}\\) first \\(Ctrl-C in the console running it, or kill ${pid} on ${host}; under systemd: systemctl stop sitrep\\), then start again\\.$`,
      ),
    );
    expect(storeState(dbPath)).toEqual({ version: OLDER_VERSION, bots: ['old-bot'] });
  });

  it('WHEN the bot of this release is started as a process THEN it exits with status 1 and that one line, no stack', () => {
    registerBot(dbPath, 'old-bot');
    const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath }, '/timeline limit:1\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Sitrep could not start — the store ${dbPath} is at schema version ${OLDER_VERSION}`);
    expect(run.stderr).toContain(`Stop the bot of the older release (pid ${process.pid} on ${hostname()}) first`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(storeState(dbPath).version).toBe(OLDER_VERSION);
  }, 60_000);

  it('WHEN that bot stopped without saying so (not seen for two minutes) THEN the bot of this release upgrades the store and starts', () => {
    registerBot(dbPath, 'old-bot', 120);
    createApp({ dbPath, admins: [], logger: recordingLogger() }).close();
    expect(storeState(dbPath).version).toBe(latest);
  });
});

describe('GIVEN a bot of this release running on an upgraded store', () => {
  it('WHEN a second bot of this release starts beside it THEN it starts, as before', () => {
    createApp({ dbPath, admins: [], logger: recordingLogger() }).close();
    registerBot(dbPath, 'first-bot');
    const second = createApp({ dbPath, admins: [], logger: recordingLogger() });
    second.close();
    expect(storeState(dbPath)).toEqual({ version: latest, bots: ['first-bot'] });
  });
});
