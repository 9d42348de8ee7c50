// Another writer holding the store (an import, a second bot process) past the busy timeout:
// the command is refused with a reply that says to retry, and nothing is written.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let other: Database.Database;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const add = '/entry add title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel outlet:AFP';
beforeEach(() => {
  app = createTestApp('slack:U1');
  app.db.pragma('busy_timeout = 20'); // the bot waits 5 s; the test need not
  other = new Database(app.dbPath);
});
afterEach(() => {
  other.close();
  app.dispose();
});

describe('GIVEN another connection holding the write lock', () => {
  it('WHEN an admin adds an entry THEN the reply says to try again, nothing is written, and the retry works', async () => {
    const before = storeFingerprint(app.db);
    other.exec('BEGIN IMMEDIATE');
    const refused = await app.dispatcher.runText(add, admin, 'req-1');
    expect(refused.tone).toBe('error');
    expect(refused.title).toBe('Try again in a moment');
    expect(viewText(refused)).toContain('nothing was changed');
    expect(refused.errorId).toBeUndefined();
    expect(app.logger.lines.some((l) => l.level === 'warn' && l.message.includes('store busy'))).toBe(true);
    other.exec('ROLLBACK');
    expect(storeFingerprint(app.db)).toBe(before);

    // Reads never wait for the writer (WAL), and the same command goes through once it is done.
    other.exec('BEGIN IMMEDIATE');
    expect(viewText(await app.dispatcher.runText('/timeline limit:1', admin))).toContain('Showing 1 of 17 entries.');
    other.exec('ROLLBACK');
    const added = await app.dispatcher.runText(add, admin, 'req-2');
    expect(added.tone).toBe('success');
  });
});
