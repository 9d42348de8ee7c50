// GIVEN a store whose console digest is due (subscribed two days ago, its slots passed while no
// console was open) WHEN a command is piped into the compiled bot (`echo '/help' | npm start`, a
// one-off run) THEN it prints no digest and records none as delivered: the digest is left for the
// console a person opens at a terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { runCompiled } from '../support/compiled.js';
import { entryInput } from '../digest/support/entry-input.js';
import { copySeededStore } from '../support/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let dbPath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-piped-digest-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
  const subscribedAt = new Date(Date.now() - 2 * DAY);
  const app = createApp({ dbPath, admins: [], logger: silentLogger, now: () => subscribedAt, checksInWorker: false });
  const reply = await app.dispatcher.runText('/digest subscribe schedule:"daily 08:00"', CONSOLE_CALLER);
  expect(reply.tone).toBe('success');
  app.services.editor.addEntry(entryInput({ title: 'Envoys meet in Baku' }), { by: 'console:operator', at: subscribedAt.toISOString() });
  app.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a console digest due', () => {
  it('WHEN a command is piped into the console THEN the run answers it, prints no digest and records none', () => {
    const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath, SITREP_HISTORY: 'off' }, '/help\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/timeline');
    expect(run.stdout).not.toContain('Sitrep digest');
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM digest_deliveries').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
