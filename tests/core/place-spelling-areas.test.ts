// GIVEN the seed dossier and an entry at Nawa, in Daraa governorate: every spelling of a seat
// that shares its governorate's name (Daraa, Deraa, Dar'a; Sweida, Soueida) reads the same
// governorate, for /timeline place:, /place and /watch alike; a place the gazetteer knows but no
// entry is at is refused as such, not as a name nothing is close to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

let app: TestApp;
const run = async (text: string, caller = reader) => viewText(await app.dispatcher.runText(text, caller));
const count = async (place: string) => (await run(`/timeline place:${place}`)).match(/of (\d+) entr/)?.[1];

beforeAll(async () => {
  app = createTestApp('slack:U1', () => new Date('2026-12-01T10:00:00Z'));
  expect(await run('/entry add title:"Shelling near Nawa" date:2026-11-20 type:shelling topic:syria-israel places:Nawa', admin)).toContain('Added entry #18.');
});
afterAll(() => app.dispose());

describe('GIVEN an entry at Nawa, in Daraa governorate', () => {
  it('WHEN anyone filters by Daraa, Deraa or Dar\'a THEN each finds the entry', async () => {
    expect(await count('Daraa')).toBe('1');
    expect(await count('Deraa')).toBe('1');
    expect(await count('"Dar\'a"')).toBe('1');
  });

  it('WHEN anyone filters by Soueida THEN it finds what Sweida finds', async () => {
    expect(await count('Sweida')).toBe('2');
    expect(await count('Soueida')).toBe('2');
  });

  it('WHEN anyone asks /place Deraa or /place Soueida THEN the seat is shown with the entries of its whole governorate, as for Daraa and Sweida', async () => {
    const deraa = await run('/place Deraa');
    expect(deraa).toMatch(/^Dar‘ā\n {2}Precision +locality\n {2}Region +Daraa\n[\s\S]*Entries +from all of Daraa \(region\), as place:Deraa filters read it/);
    expect(deraa).toContain('Latest entries (1 in all)');
    expect(deraa).toContain('Shelling near Nawa');
    const soueida = await run('/place Soueida');
    expect(soueida).toMatch(/^As-Suwayda\n[\s\S]*Entries +from all of Suwayda \(region\)/);
    expect(soueida).toContain('Latest entries (2 in all)');
  });

  it('WHEN someone watches Deraa, then Daraa THEN both follow the governorate: the second is the same watch', async () => {
    expect(await run('/watch add place:Deraa')).toContain('You now watch the place Deraa (Daraa region, Syria) as watch #1.');
    expect(await run('/watch add place:Daraa')).toContain('You already watch the place Deraa (Daraa region, Syria) as watch #1; Daraa region, Syria is the same place.');
  });

  it('WHEN a filter by Deraa meets another filter no entry there meets THEN nothing matches, and the place is not called unknown', async () => {
    const reply = await run('/timeline place:Deraa type:talks');
    expect(reply).toContain('No entries match.');
    expect(reply).not.toContain('No entry has the place');
  });

  it('WHEN anyone filters by a place the gazetteer knows and no entry is at THEN the refusal says where the gazetteer puts it, not that no place is close', async () => {
    const reply = await run('/timeline place:Tartus');
    expect(reply).toContain('No entry has the place `Tartus`');
    expect(reply).toContain('“Tartus” is in the gazetteer (Tartus, Syria), but no entry lies there yet');
    // The command is given whole, to copy and send back.
    expect(reply).toContain('`/place name:Tartus` shows where it is.');
    expect(reply).not.toContain('No place the entries name is close');
  });
});
