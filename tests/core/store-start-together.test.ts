// GIVEN two Sitrep processes starting together on one store (a Discord-only and a Slack-only bot
// restarted after an upgrade) WHEN the store is new or has migrations pending THEN each migration
// and the seed are applied once, the second process waiting for the first, then finding them done,
// and both start; the start-up log says which store is in use and what migrating did.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { openDatabase } from '../../src/store/connection.js';
import { loadMigrations, migrate } from '../../src/store/migrate.js';
import { openGazetteer } from '../../src/store/place-gazetteer.js';
import { locatePendingPlaces } from '../../src/store/place-locations.js';
import { seedDatabase } from '../../src/store/seed.js';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { REPO } from '../support/repo.js';
import { recordingLogger } from '../support/test-app.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-together-'));
  dirs.push(dir);
  return dir;
}

/** A store as the release before fatalities, claims and grades left it: version 11, seeded (tests/fixtures/stores/README.md). */
const V11_STORE = join(REPO, 'tests/fixtures/stores/seeded-v11.db');
const latest = loadMigrations().length;

/** A connection as another process's: its own, waiting for the lock no longer than a test should. */
function otherProcess(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 20');
  return db;
}

describe('GIVEN another process holding the write lock while migrations are pending', () => {
  function migrationsDir(): string {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_places.sql'), 'CREATE TABLE places (name TEXT);');
    writeFileSync(join(dir, '0002_place_location.sql'), 'ALTER TABLE places ADD COLUMN location TEXT;');
    return dir;
  }

  it('WHEN it applies them and lets go THEN this one waits, says so, then finds them applied and applies none again', () => {
    const dir = migrationsDir();
    const path = join(dir, 'store.db');
    const ours = otherProcess(path);
    const theirs = otherProcess(path);
    theirs.exec('BEGIN IMMEDIATE');
    const said: string[] = [];
    // Called while this process waits: the other process does its migrations and commits.
    const onWait = () => {
      said.push('waiting');
      theirs.exec('ROLLBACK');
      expect(migrate(theirs, dir)).toEqual([1, 2]);
    };
    expect(migrate(ours, dir, { onWait, onMigrated: (from, to) => said.push(`${from}→${to}`) })).toEqual([]);
    expect(said).toEqual(['waiting']);
    expect(ours.pragma('user_version', { simple: true })).toBe(2);
    expect(ours.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('places')).toEqual(['name', 'location']);
    ours.close();
    theirs.close();
  });

  it('WHEN it applies only the first THEN this one applies the rest, once', () => {
    const dir = migrationsDir();
    const path = join(dir, 'store.db');
    const ours = otherProcess(path);
    const theirs = otherProcess(path);
    theirs.exec('BEGIN IMMEDIATE');
    theirs.exec('CREATE TABLE places (name TEXT); PRAGMA user_version = 1;');
    const onWait = () => theirs.exec('COMMIT');
    const said: string[] = [];
    expect(migrate(ours, dir, { onWait, onMigrated: (from, to) => said.push(`${from}→${to}`) })).toEqual([2]);
    expect(said).toEqual(['1→2']);
    expect(ours.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('places')).toEqual(['name', 'location']);
    ours.close();
    theirs.close();
  });
});

describe('GIVEN another process holding the write lock on a new, unseeded store', () => {
  it('WHEN it seeds the store and lets go THEN this one finds it seeded and seeds nothing', () => {
    const path = join(tempDir(), 'store.db');
    openDatabase(path).close();
    const ours = openDatabase(path, { busyTimeoutMs: 20 });
    const theirs = openDatabase(path, { busyTimeoutMs: 20 });
    theirs.exec('BEGIN IMMEDIATE');
    const onWait = () => {
      theirs.exec('ROLLBACK');
      expect(seedDatabase(theirs)).toHaveLength(1);
    };
    expect(seedDatabase(ours, new Date(), undefined, { onWait })).toEqual([]);
    expect(ours.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    ours.close();
    theirs.close();
  });
});

describe('GIVEN another process holding the write lock on an upgraded store whose places are not looked up yet', () => {
  it('WHEN it looks them up and lets go THEN this one waits, finds them located and looks up none again', () => {
    const path = join(tempDir(), 'store.db');
    const setup = openDatabase(path);
    seedDatabase(setup); // no gazetteer attached: the seed's places wait to be looked up, as an upgraded store's do
    setup.close();
    const gazetteer = openGazetteer();
    const ours = openDatabase(path, { busyTimeoutMs: 20 });
    const theirs = openDatabase(path, { busyTimeoutMs: 20 });
    const pending = ours.prepare('SELECT count(*) FROM places WHERE location IS NULL').pluck();
    expect(pending.get()).toBeGreaterThan(0);
    theirs.exec('BEGIN IMMEDIATE');
    const said: string[] = [];
    const onWait = () => {
      said.push('waiting');
      theirs.exec('ROLLBACK');
      expect(locatePendingPlaces(theirs, gazetteer, '2025-07-25T10:00:00.000Z').located).toBeGreaterThan(0);
    };
    expect(locatePendingPlaces(ours, gazetteer, '2025-07-25T10:00:01.000Z', { onWait })).toEqual({ located: 0, ambiguous: 0, 'not-located': 0 });
    expect(said).toEqual(['waiting']);
    expect(pending.get()).toBe(0);
    // Each place was looked up once: one line per place in its log.
    expect(ours.prepare('SELECT count(*) FROM place_locations GROUP BY place_id HAVING count(*) > 1').all()).toEqual([]);
    ours.close();
    theirs.close();
  });
});

/** Runs the compiled console on `path` with one command; resolves with its exit status and what it printed. */
function consoleRun(path: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [compiled('src/main.ts')], { cwd: deployedRoot(), env: cleanEnv({ SITREP_DB: path, SITREP_HISTORY: 'off' }) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end('/timeline limit:1\n');
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('GIVEN two bot processes started at once', () => {
  it.each([
    ['a new store', (path: string) => void path],
    ['a store of version 11', (path: string) => copyFileSync(V11_STORE, path)],
  ])('WHEN they start on %s THEN both start and answer, with nothing printed on stderr', async (_, make) => {
    const path = join(tempDir(), 'store.db');
    make(path);
    const runs = await Promise.all([consoleRun(path), consoleRun(path)]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Timeline\nShowing 1 of 17 entries\./);
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare('SELECT count(*) FROM seed_runs').pluck().get()).toBe(1);
    db.close();
  }, 60_000);
});

describe('GIVEN a store with migrations pending', () => {
  it('WHEN the bot starts THEN its log names the store and says from which version to which it was upgraded', () => {
    const path = join(tempDir(), 'store.db');
    copyFileSync(V11_STORE, path);
    const logger = recordingLogger();
    createApp({ dbPath: path, admins: [], logger }).close();
    const said = logger.lines.filter((line) => line.level === 'info').map((line) => line.message);
    expect(said).toContainEqual(expect.stringMatching(new RegExp(`^Upgraded the store ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} from version 11 to ${latest} in `)));
    expect(said).toContain(`using the store ${path}`);

    const again = recordingLogger();
    createApp({ dbPath: path, admins: [], logger: again }).close();
    expect(again.lines.map((line) => line.message).filter((message) => /migrated|upgrad/i.test(message))).toEqual([]);
    expect(again.lines.map((line) => line.message)).toContain(`using the store ${path}`);
  });
});
