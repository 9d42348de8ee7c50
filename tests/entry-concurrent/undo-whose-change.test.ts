// GIVEN two admins, one on Discord and one on Slack, changing one entry WHEN one of them runs
// /entry undo THEN the reply names whose change it took back and when, says plainly when that was
// the other's recent change, and `revision:` refuses to take back any change but the one meant.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const discordAdmin: Caller = { platform: 'discord', userId: '111', workspaceId: 'g', displayName: 'bob' };
const slackAdmin: Caller = { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T', displayName: 'alice' };
const MINUTE = 60_000;

let app: TestApp;
let clock = Date.parse('2025-08-01T12:00:00Z');
beforeEach(() => {
  clock = Date.parse('2025-08-01T12:00:00Z');
  app = createTestApp('discord:111,slack:U0ADMIN', () => new Date(clock));
});
afterEach(() => app.dispose());

const run = async (line: string, caller: Caller) => viewText(await app.dispatcher.runText(line, caller));
const latestRevision = (id: number) => app.services.editor.entryHistory(id).at(-1)!.id;
/** `bob (Discord) at …`: as /entry history names an author and a time. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('/entry undo of another admin’s change', () => {
  it('names the author and time of the change it took back', async () => {
    await run('/entry edit id:10 confidence:disputed', slackAdmin);
    const edit = latestRevision(10);
    clock += 20 * MINUTE;
    const said = words(await run('/entry undo id:10', discordAdmin));
    expect(said).toContain(`Took back r${edit} (confidence), by alice (Slack) at 2025-08-01 12:00 UTC.`);
  });

  it('does not name the caller when the change was their own', async () => {
    await run('/entry edit id:10 confidence:disputed', discordAdmin);
    const edit = latestRevision(10);
    const said = words(await run('/entry undo id:10', discordAdmin));
    expect(said).toContain(`Took back r${edit} (confidence). Undo again`);
    expect(said).not.toContain('not by you');
  });

  it('says plainly that a change made minutes ago was the other admin’s, and that the caller’s own still stands', async () => {
    await run('/entry edit id:12 summary:"Officials met in Baku, per Reuters."', discordAdmin);
    const mine = latestRevision(12);
    await run('/entry edit id:12 confidence:disputed', slackAdmin);
    clock += 2 * MINUTE;
    const said = words(await run('/entry undo id:12', discordAdmin));
    expect(said).toContain('That change was made by alice (Slack) 2 minutes ago, not by you;');
    expect(said).toContain(`your own latest change, r${mine} (summary), still stands.`);
    expect(said).toContain('/entry undo id:12 revision:…');
    expect(app.dossier.getEntry(12)!.summary).toBe('Officials met in Baku, per Reuters.');
  });
});

describe('/entry undo revision:', () => {
  it('takes back the change named when it is the latest', async () => {
    await run('/entry edit id:12 confidence:disputed', slackAdmin);
    const said = words(await run(`/entry undo id:12 revision:${latestRevision(12)}`, slackAdmin));
    expect(said).toContain('Took back');
    expect(app.dossier.getEntry(12)!.confidence).not.toBe('disputed');
  });

  it('two admins undoing at once: the later one, meaning a change the first already took back, is refused and the good change stays', async () => {
    await run('/entry edit id:12 summary:"Officials met in Baku, per Reuters."', discordAdmin);
    const good = latestRevision(12);
    await run('/entry edit id:12 confidence:disputed', slackAdmin);
    const bad = latestRevision(12);
    // Both looked at /entry history and meant the confidence edit.
    expect(words(await run(`/entry undo id:12 revision:${bad}`, discordAdmin))).toContain(`Took back r${bad} (confidence)`);
    const before = storeFingerprint(app.db);
    const undo = latestRevision(12);
    const refused = await app.dispatcher.runText(`/entry undo id:12 revision:${bad}`, slackAdmin);
    expect(refused.tone).toBe('error');
    const said = words(viewText(refused));
    expect(said).toContain(`Nothing was taken back: r${bad} was taken back already, by r${undo}, by bob (Discord) at 2025-08-01 12:00 UTC.`);
    expect(said).toContain(`The latest is r${good} (summary), by bob (Discord) at 2025-08-01 12:00 UTC.`);
    expect(storeFingerprint(app.db)).toBe(before);
    expect(app.dossier.getEntry(12)!.summary).toBe('Officials met in Baku, per Reuters.');
  });

  it('refuses a change that is no longer the latest, naming the latest and its author', async () => {
    await run('/entry edit id:12 summary:"Officials met in Baku, per Reuters."', discordAdmin);
    const meant = latestRevision(12);
    await run('/entry edit id:12 confidence:disputed', slackAdmin);
    const latest = latestRevision(12);
    const before = storeFingerprint(app.db);
    const said = words(await run(`/entry undo id:12 revision:${meant}`, discordAdmin));
    expect(said).toContain(`Nothing was taken back: r${meant} is not the latest change to #12 any more. The latest is r${latest} (confidence), by alice (Slack) at 2025-08-01 12:00 UTC.`);
    expect(said).toContain(`/entry undo id:12 revision:${latest}`);
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
