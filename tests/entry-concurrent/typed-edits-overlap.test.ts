// GIVEN two admins, one on Slack and the operator at the console, typing edits of one entry
// minutes apart WHEN the later edit changes a field the other just changed THEN it is written
// (the last one wins) and its reply says whose change it replaced, how long ago and what that
// change was. WHEN the later edit is refused because of the other's change (a publication day now
// before the date they moved) THEN the refusal says that change was made, by whom and when.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const slackAdmin: Caller = { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T', displayName: 'alice' };
const MINUTE = 60_000;

let app: TestApp;
let clock = Date.parse('2025-08-01T12:00:00Z');
beforeEach(() => {
  clock = Date.parse('2025-08-01T12:00:00Z');
  app = createTestApp('slack:U0ADMIN', () => new Date(clock));
});
afterEach(() => app.dispose());

const words = (text: string) => text.replace(/\s+/g, ' ');
const run = async (line: string, caller: Caller = CONSOLE_CALLER) => words(viewText(await app.dispatcher.runText(line, caller)));

describe('a typed edit of a field another admin changed minutes ago', () => {
  it('is written, and the console reply names the change it replaces', async () => {
    await run('/entry edit id:12 title:"Officials meet in Baku"', slackAdmin);
    clock += 2 * MINUTE;
    const said = await run('/entry edit id:12 title:"Syrian and Israeli envoys meet in Baku"');
    expect(said).toContain('Updated #12: title.');
    expect(said).toContain('This replaces the change alice (Slack) made 2 minutes ago (Title: “Syrian and Israeli officials meet in Baku” → “Officials meet in Baku”).');
    expect(app.dossier.getEntry(12)!.title).toBe('Syrian and Israeli envoys meet in Baku');
  });

  it('says nothing of a change to another field, of one older than ten minutes, or of the caller’s own', async () => {
    await run('/entry edit id:12 confidence:disputed', slackAdmin);
    clock += MINUTE;
    expect(await run('/entry edit id:12 title:"Envoys meet in Baku"')).not.toContain('This replaces');
    await run('/entry edit id:14 title:"Barrack on talks in Paris"', slackAdmin);
    clock += 11 * MINUTE;
    expect(await run('/entry edit id:14 title:"Barrack: talks held in Paris"')).not.toContain('This replaces');
    await run('/entry edit id:11 title:"al-Sharaa in Baku"', slackAdmin);
    expect(await run('/entry edit id:11 title:"al-Sharaa visits Baku"', slackAdmin)).not.toContain('This replaces');
  });
});

describe('a typed edit refused because of another admin’s change minutes ago', () => {
  it('says the date it was checked against was just changed, by whom and from what', async () => {
    await run('/entry edit id:12 date:2025-07-20', slackAdmin);
    clock += 2 * MINUTE;
    const before = storeFingerprint(app.db);
    const refused = await app.dispatcher.runText('/entry edit id:12 published:2025-07-15', CONSOLE_CALLER);
    expect(refused.tone).toBe('error');
    const said = words(viewText(refused));
    expect(said).toContain("Option `published` (2025-07-15) is before the entry's date (2025-07-20)");
    expect(said).toContain('Date was changed by alice (Slack) at 2025-08-01 12:00 UTC, 2 minutes ago (“12 Jul 2025” → “20 Jul 2025”): what you gave was checked against that.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('says nothing of it when the date was the caller’s own change', async () => {
    await run('/entry edit id:12 date:2025-07-20');
    const said = await run('/entry edit id:12 published:2025-07-15');
    expect(said).toContain("is before the entry's date (2025-07-20)");
    expect(said).not.toContain('Date was changed');
  });
});
