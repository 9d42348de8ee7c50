// An entry edited between an actor merge and its unmerge: /entry history shows the edit as it
// was typed, and a line each for the merge and the unmerge, by whom and when.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let clock = new Date('2026-03-01T10:00:00Z');
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
/** Runs a command at an instant of its own, as commands typed one after another are. */
async function at(iso: string, text: string): Promise<string> {
  clock = new Date(iso);
  return run(text);
}

beforeEach(async () => {
  clock = new Date('2026-03-01T10:00:00Z');
  app = createTestApp('slack:U1', () => clock);
  await run('/actors add name:"T. Barrack" kind:person');
  await run('/entry edit id:3 actors:"T. Barrack:participant, Ron Dermer:participant"');
  await at('2026-03-02T09:30:00Z', '/actors merge from:"T. Barrack" into:"Tom Barrack"');
  await at('2026-03-02T11:00:00Z', '/entry edit id:3 actors:+Israel');
});
afterEach(() => app.dispose());

/** The lines of the entry's history, oldest first. */
const historyLines = async () => (await run('/entry history id:3')).split('\n');

describe('GIVEN an entry whose actor was merged into another, then edited with actors:+Israel', () => {
  it('WHEN reading its history THEN the edit shows only the actor typed, after the merge line', async () => {
    const lines = await historyLines();
    const merge = lines.findIndex((line) => line.includes('T. Barrack folded into Tom Barrack by `/actors merge` — by ed (Slack)'));
    expect(merge, lines.join('\n')).toBeGreaterThan(0);
    expect(lines[merge]).toContain('2026-03-02 09:30 UTC');
    expect(lines[merge + 1]).toMatch(/^\s+`r\d+` 2026-03-02 11:00 UTC · edit by ed \(Slack\) — actors$/);
    expect(lines[merge + 2]).toMatch(/^\s+Actors: \+ Israel \(participant\)$/);
  });

  it('WHEN the merge is then taken back THEN the history has a line for the unmerge, saying the entry keeps whom the edit left it', async () => {
    await at('2026-03-03T08:00:00Z', '/actors unmerge name:"T. Barrack"');
    const history = await run('/entry history id:3');
    expect(history).toContain('3 revisions, and 1 actor merge that changed its actors, and 1 unmerge that left them as they were, oldest first.');
    expect(history).toContain(
      '2026-03-03 08:00 UTC · Actors: T. Barrack separated again from Tom Barrack by `/actors unmerge` — by ed (Slack); this entry keeps Tom Barrack, as its actors were edited after the merge',
    );
    expect(history).toMatch(/Actors: \+ Israel \(participant\)\n/);
    expect(history).not.toContain('− T. Barrack');
    expect(await run('/entry show id:3')).toMatch(/Tom Barrack — participant\s+Ron Dermer — participant\s+Israel — participant/);
  });

  it('WHEN the entry is edited again after the unmerge THEN that edit too shows only what was typed', async () => {
    await at('2026-03-03T08:00:00Z', '/actors unmerge name:"T. Barrack"');
    await at('2026-03-03T09:00:00Z', '/entry edit id:3 actors:"-Tom Barrack, +T. Barrack:participant"');
    const history = await run('/entry history id:3');
    expect(history).toMatch(/edit by ed \(Slack\) — actors\n\s+Actors: \+ T\. Barrack \(participant\), − Tom Barrack \(participant\)$/m);
  });
});

describe('GIVEN an entry whose actor was merged, then unmerged, then the entry edited', () => {
  it('WHEN reading its history THEN the edit after the unmerge shows only the actor typed', async () => {
    clock = new Date('2026-03-01T10:00:00Z');
    await run('/actors add name:"M. Ortagus" kind:person');
    await run('/entry edit id:5 actors:"+M. Ortagus:participant"');
    await at('2026-03-04T09:00:00Z', '/actors merge from:"M. Ortagus" into:"Ron Dermer"');
    await at('2026-03-04T10:00:00Z', '/actors unmerge name:"M. Ortagus"');
    await at('2026-03-04T11:00:00Z', '/entry edit id:5 actors:+Syria');
    const history = await run('/entry history id:5');
    expect(history).toContain('M. Ortagus separated again from Ron Dermer by `/actors unmerge` — by ed (Slack)\n');
    expect(history).toMatch(/2026-03-04 11:00 UTC · edit by ed \(Slack\) — actors\n\s+Actors: \+ Syria \(participant\)$/m);
  });
});
