// GIVEN the seed dossier WHEN /place names a place no entry is at THEN it says where the place is
// and that no entry is there, without offering a /timeline that would refuse the place; a place
// with entries still ends with the /timeline that lists them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

const run = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN a place in the gazetteer that no entry is at', () => {
  it('WHEN anyone asks /place Kiev THEN the reply says where it is and that it has no entries, and offers no /timeline', async () => {
    const reply = await run('/place Kiev');
    expect(reply).toMatch(/^Kyiv\n {2}Precision +locality\n {2}Region +Kyiv City\n {2}Country +Ukraine/);
    expect(reply).toContain('Latest entries (0 in all)');
    expect(reply).toContain('No entries at this place yet.');
    expect(reply).not.toContain('/timeline');
    // What it would have offered refuses the place.
    expect(await run('/timeline place:Kiev')).toContain('No entry has the place `Kiev`');
  });

  it('WHEN anyone asks /place Paris, where entries are THEN it still ends with the /timeline listing them', async () => {
    const reply = await run('/place Paris');
    expect(reply).toContain('Latest entries (3 in all)');
    expect(reply).toMatch(/All entries: `?\/timeline place:Paris`?$/);
    expect(await run('/timeline place:Paris')).toContain('Showing 1 to 3 of 3 entries.');
  });
});
