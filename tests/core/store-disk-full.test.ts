// The store's disk fills while the bot runs: a command that writes is refused with a reply saying
// the disk is full and nothing was saved (not an internal error), and the bot goes on answering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const add = '/entry add title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel outlet:AFP';
beforeEach(() => {
  app = createTestApp('slack:U1');
});
afterEach(() => app.dispose());

/** The store may grow no further, as on a full disk: SQLite refuses the next page with SQLITE_FULL. */
function fillDisk(): void {
  app.db.pragma(`max_page_count = ${app.db.pragma('page_count', { simple: true }) as number}`);
  // The pages the store keeps free are taken too, as a full disk leaves none.
  app.db.exec('CREATE TABLE filler (bytes BLOB)');
  const fill = app.db.prepare('INSERT INTO filler (bytes) VALUES (randomblob(512))');
  try {
    for (;;) fill.run();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
  }
}

describe("GIVEN the store's disk is full", () => {
  it('WHEN an admin adds an entry THEN the reply says the disk is full and nothing was saved, reading still works, and once space is freed the same command goes through', async () => {
    fillDisk();
    const before = storeFingerprint(app.db);
    const refused = await app.dispatcher.runText(add, admin, 'req-1');
    expect(refused.tone).toBe('error');
    expect(refused.title).toBe('Nothing was saved');
    expect(viewText(refused)).toContain("The dossier's disk is full, so nothing was saved.");
    expect(viewText(refused)).toContain('free disk space, then send the same command again');
    expect(viewText(refused)).not.toContain('internal error');
    expect(refused.errorId).toBeUndefined();
    expect(app.logger.lines.some((l) => l.level === 'error' && l.message.includes("the store's disk is full"))).toBe(true);
    expect(storeFingerprint(app.db)).toBe(before);
    expect(viewText(await app.dispatcher.runText('/timeline limit:1', admin))).toContain('Showing 1 of 17 entries.');

    app.db.exec('DROP TABLE filler');
    const added = await app.dispatcher.runText(add, admin, 'req-2');
    expect(added.tone).toBe('success');
  });
});
