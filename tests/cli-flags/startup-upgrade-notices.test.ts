// GIVEN a store of an older release (schema 27) WHEN the bot of this release starts on it THEN it
// says it is upgrading the store before it starts (it can take a minute) and how long it took
// once done: a person at the console's terminal reads lines, a service or piped run log lines.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadMigrations } from '../../src/store/migrate.js';
import { createStoreAtVersion, OLDER_VERSION } from '../support/older-store.js';
import { recordingLogger } from '../support/test-app.js';

const latest = loadMigrations().length;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-upgrade-notices-'));
  dbPath = join(dir, 'sitrep.db');
  createStoreAtVersion(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The store's schema version as another connection reads it, while the bot starts. */
function versionSeen(): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('GIVEN the console started at a terminal', () => {
  it('WHEN it upgrades the store THEN a line says so before the upgrade and another how long it took after', () => {
    const shown: { line: string; version: number }[] = [];
    const logger = recordingLogger();
    const terminal = { write: (text: string) => shown.push({ line: text, version: versionSeen() }) };
    createApp({ dbPath, admins: [], logger, startupOut: { logger, warnEnabled: true, terminal } }).close();
    expect(shown).toHaveLength(2);
    expect(shown[0]).toEqual({ line: `Upgrading the store ${dbPath} from version ${OLDER_VERSION} to ${latest}; this can take a minute on a large store…\n`, version: OLDER_VERSION });
    expect(shown[1]!.line).toMatch(new RegExp(`^Upgraded the store ${literal(dbPath)} from version ${OLDER_VERSION} to ${latest} in \\d+\\.\\d s\\.\\n$`));
    expect(shown[1]!.version).toBe(latest);
    expect(logger.lines.filter((line) => line.message.startsWith('Upgrad'))).toEqual([]);
  });

  it('WHEN the store is already at this version THEN nothing is said', () => {
    createApp({ dbPath, admins: [], logger: recordingLogger() }).close();
    let shown = '';
    const logger = recordingLogger();
    createApp({ dbPath, admins: [], logger, startupOut: { logger, warnEnabled: true, terminal: { write: (text: string) => (shown += text) } } }).close();
    expect(shown).toBe('');
  });
});

describe('GIVEN a bot started as a service or with commands piped in', () => {
  it('WHEN it upgrades the store THEN its log has both lines, at info, naming the store and the versions', () => {
    const logger = recordingLogger();
    createApp({ dbPath, admins: [], logger }).close();
    const upgrades = logger.lines.filter((line) => line.message.startsWith('Upgrad'));
    expect(upgrades.map((line) => line.level)).toEqual(['info', 'info']);
    expect(upgrades[0]).toMatchObject({ context: { store: dbPath, from: OLDER_VERSION, to: latest }, message: `Upgrading the store ${dbPath} from version ${OLDER_VERSION} to ${latest}; this can take a minute on a large store…` });
    expect(upgrades[1]!.context).toMatchObject({ store: dbPath, from: OLDER_VERSION, to: latest });
    expect(upgrades[1]!.message).toMatch(new RegExp(`^Upgraded the store ${literal(dbPath)} from version ${OLDER_VERSION} to ${latest} in \\d+\\.\\d s\\.$`));
  });
});
