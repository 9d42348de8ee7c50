// GIVEN an actor whose name is misspelled or out of date WHEN an admin renames it with /actors
// edit new_name: THEN entries, timelines and search show and find it by the new name at once, the
// old name stays an alias (unless keep_old:false), and the rename is an edit of the actor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const member: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'member' };
const run = async (line: string, caller = admin) => {
  const view = await app.dispatcher.runText(line, caller);
  return { tone: view.tone, text: viewText(view).replaceAll('`', '') };
};
async function ok(line: string): Promise<string> {
  const { tone, text } = await run(line);
  expect(tone, text).not.toBe('error');
  return text;
}
async function refused(line: string, caller = admin): Promise<string> {
  const { tone, text } = await run(line, caller);
  expect(tone, text).toBe('error');
  return text;
}
/** The first line of /actor: the actor's name. */
const nameOf = async (typed: string) => (await run(`/actor name:"${typed}"`)).text.split('\n')[0];
const aliasesOf = async (typed: string) => /Also known as\s+(.*)$/m.exec((await run(`/actor name:"${typed}"`)).text)?.[1];

beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN Ron Dermer, on entry #13', () => {
  it('WHEN renamed THEN the reply says so and how to take it back, and /actor by either name shows the new name with the old as an alias', async () => {
    const said = await ok('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"');
    expect(said).toContain('Renamed Ron Dermer to Ronald Dermer; “Ron Dermer” is kept as an alias. To take it back: /actors edit name:"Ronald Dermer" new_name:"Ron Dermer" keep_old:false');
    expect(await nameOf('Ronald Dermer')).toBe('Ronald Dermer');
    expect(await nameOf('Ron Dermer')).toBe('Ronald Dermer');
    expect(await aliasesOf('Ronald Dermer')).toBe('Dermer, Ron Dermer');
  });

  it('WHEN renamed THEN /timeline actor: takes the old and the new name, and entries show the new one', async () => {
    await ok('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"');
    for (const typed of ['Ron Dermer', 'Ronald Dermer']) {
      const timeline = await ok(`/timeline actor:"${typed}"`);
      expect(timeline).toContain('Timeline — actor Ronald Dermer');
      expect(timeline).toContain('#13 Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
    }
    expect(await ok('/entry show 13')).toMatch(/^\s+Ronald Dermer — subject$/m);
  });

  it('WHEN renamed THEN /search finds its entries by the new name at once', async () => {
    expect(await ok('/search Ronald')).toContain('No results match.');
    await ok('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"');
    const found = await ok('/search Ronald');
    expect(found).toContain('#13 Diplomat: Barrack to facilitate al-Shaibani–Dermer talks');
  });

  it('WHEN renamed THEN the actor has an edit revision of its name and aliases, saying the name it had', async () => {
    await ok('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"');
    const revision = app.db
      .prepare("SELECT r.action, r.changed_fields, r.reason, r.changed_by, json_extract(r.snapshot, '$.name') AS name FROM revisions r JOIN actors a ON a.id = r.entity_id WHERE r.entity = 'actor' AND a.name = 'Ronald Dermer' ORDER BY r.id DESC LIMIT 1")
      .get();
    expect(revision).toEqual({ action: 'edit', changed_fields: '["aliases","name"]', reason: 'renamed from “Ron Dermer”', changed_by: 'slack:U1 (ed)', name: 'Ronald Dermer' });
  });

  it('WHEN renamed with keep_old:false THEN the old name is dropped, and the edit the reply offers brings it back as it was', async () => {
    const said = await ok('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer" keep_old:false');
    expect(said).toContain('Renamed Ron Dermer to Ronald Dermer; “Ron Dermer” is no longer one of its names.');
    expect(await aliasesOf('Ronald Dermer')).toBe('Dermer');
    const back = /To take it back: (\/actors edit .*)$/m.exec(said)![1]!;
    expect(back).toBe('/actors edit name:"Ronald Dermer" new_name:"Ron Dermer" keep_old:false');
    await ok(back);
    expect(await nameOf('Dermer')).toBe('Ron Dermer');
    expect(await aliasesOf('Dermer')).toBe('Dermer');
  });

  it('WHEN renamed to one of its aliases THEN the alias and the name swap places', async () => {
    const said = await ok('/actors edit name:"Ron Dermer" new_name:Dermer');
    expect(said).toContain('Renamed Ron Dermer to Dermer (until now its alias); “Ron Dermer” is kept as an alias.');
    expect(await nameOf('Dermer')).toBe('Dermer');
    expect(await aliasesOf('Dermer')).toBe('Ron Dermer');
    expect(await ok('/search Dermer')).toMatch(/^\s+Actors: .*Dermer \(subject\)$/m);
  });

  it('WHEN its name is only spelled anew THEN it is renamed and its aliases stay as they were', async () => {
    const said = await ok('/actors edit name:"Ron Dermer" new_name:"Ron DERMER"');
    expect(said).toContain('Renamed Ron Dermer to Ron DERMER. To take it back: /actors edit name:"Ron DERMER" new_name:"Ron Dermer"');
    expect(await nameOf('Ron Dermer')).toBe('Ron DERMER');
    expect(await aliasesOf('Ron Dermer')).toBe('Dermer');
  });

  it('WHEN renamed to the name or an alias of another actor THEN it is refused as /actors add refuses it, and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    expect(await refused('/actors edit name:"Ron Dermer" new_name:"Tom Barrack"')).toContain('Tom Barrack already exists.');
    const alias = await refused('/actors edit name:"Ron Dermer" new_name:Barrack');
    expect(alias).toContain('“Barrack” already names Tom Barrack.');
    expect(alias).toContain('If the two are one actor, fold this one into it: /actors merge from:"Ron Dermer" into:"Tom Barrack"');
    expect(storeFingerprint(app.db)).toEqual(before);
    expect(await nameOf('Dermer')).toBe('Ron Dermer');
  });

  it('WHEN a member who is not an admin renames it THEN it is refused and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    expect(await refused('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer"', member)).toContain('/actors edit is for Sitrep admins only.');
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN the new name comes with another field, or keep_old without a new name THEN it is refused and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    expect(await refused('/actors edit name:"Ron Dermer" new_name:"Ronald Dermer" title:Minister')).toContain(
      'Option title: a rename is a change of its own; change title with a second /actors edit.',
    );
    expect(await refused('/actors edit name:"Ron Dermer" keep_old:false')).toContain('Option keep_old goes with new_name');
    expect(storeFingerprint(app.db)).toEqual(before);
  });
});

describe('GIVEN a duplicate T. Barrack merged into Tom Barrack', () => {
  it('WHEN Tom Barrack is renamed to the merged actor’s own name THEN it is refused with the unmerge and merge that keep that name', async () => {
    await ok('/actors add name:"T. Barrack" kind:person');
    await ok('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const before = storeFingerprint(app.db);
    const said = await refused('/actors edit name:"Tom Barrack" new_name:"T. Barrack"');
    expect(said).toContain('“T. Barrack” is the own name of the actor merged into Tom Barrack, which /actors unmerge gives back to it');
    expect(said).toContain('/actors unmerge name:"T. Barrack", then /actors merge from:"Tom Barrack" into:"T. Barrack"');
    expect(storeFingerprint(app.db)).toEqual(before);
  });
});
