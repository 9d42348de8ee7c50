// An entry's history tells when /actors merge or /actors unmerge changed the actors it names,
// who did it and when, while /entry undo still takes back only the entry's own changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let clock = new Date('2026-03-01T10:00:00Z');
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
beforeEach(async () => {
  clock = new Date('2026-03-01T10:00:00Z');
  app = createTestApp('slack:U1', () => clock);
  await run('/actors add name:"T. Barrack" kind:person');
  await run('/entry edit id:3 actors:"T. Barrack:participant, Israel:participant"');
  clock = new Date('2026-03-02T09:30:00Z');
  await run('/actors merge from:"T. Barrack" into:"Tom Barrack"');
});
afterEach(() => app.dispose());

describe('GIVEN an entry whose actor was merged into another', () => {
  it('WHEN reading its history THEN a line says which actor was folded into which, by whom and when', async () => {
    const history = await run('/entry history id:3');
    expect(history).toContain('2 revisions, and 1 actor merge that changed its actors, oldest first.');
    expect(history).toContain('2026-03-02 09:30 UTC · Actors: T. Barrack folded into Tom Barrack by `/actors merge` — by ed (Slack)');
    expect(history).toContain('a merge is taken back with `/actors unmerge`, not `/entry undo`');
    // An entry the merged actor was not on has nothing to say about it.
    expect(await run('/entry history id:5')).not.toContain('Actors:');
  });

  it('WHEN the entry is undone after the merge THEN its own edit is taken back and the merge stands', async () => {
    const undone = await run('/entry undo id:3');
    expect(undone).toMatch(/Took back r\d+ \(actors\)/);
    expect(undone).not.toContain('T. Barrack');
    // The merged actor is still an alias of the one kept.
    expect(await run('/actor "T. Barrack"')).toContain('Tom Barrack');
    const history = await run('/entry history id:3');
    expect(history).toMatch(/folded into Tom Barrack by `\/actors merge`[^\n]*\n[^\n]*edit by ed \(Slack\) — actors \(undo of r\d+, an edit\)/);
  });

  it('WHEN the merge is taken back THEN the history says so too, on the entries that got the actor back', async () => {
    clock = new Date('2026-03-03T08:00:00Z');
    await run('/actors unmerge name:"T. Barrack"');
    const history = await run('/entry history id:3');
    expect(history).toContain('2 revisions, and 1 actor merge and 1 unmerge that changed its actors, oldest first.');
    expect(history).toContain('2026-03-03 08:00 UTC · Actors: T. Barrack separated again from Tom Barrack by `/actors unmerge` — by ed (Slack)');
    expect(await run('/entry show id:3')).toContain('T. Barrack — participant');
    // Tom Barrack's own entries never named T. Barrack: neither the merge nor the unmerge is theirs.
    expect(await run('/entry history id:13')).not.toContain('Actors:');
  });

  it('WHEN an entry lost the folded actor again before the unmerge THEN only the merge is its history', async () => {
    await run('/entry edit id:3 actors:"Israel:participant"');
    await run('/actors unmerge name:"T. Barrack"');
    const history = await run('/entry history id:3');
    expect(history).toContain('folded into Tom Barrack by `/actors merge`');
    expect(history).not.toContain('/actors unmerge` —');
  });
});
