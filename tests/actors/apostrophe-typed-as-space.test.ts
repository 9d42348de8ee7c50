// GIVEN actors whose names hold an apostrophe after a short word (`M'hamed Ali`, `Ministère de
// l'Intérieur`) WHEN a name is typed with a space for the apostrophe, as phone keyboards and
// spreadsheets write it THEN it is that actor's name, found as exactly as the name typed in full.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reply = async (line: string) => {
  const view = await app.dispatcher.runText(line, admin);
  return { tone: view.tone, text: viewText(view).replaceAll('`', '') };
};

beforeEach(async () => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  expect((await reply(`/actors add name:"M'hamed Ali" kind:person`)).tone).toBe('success');
  expect((await reply(`/actors add name:"Ministère de l'Intérieur" kind:government-body`)).tone).toBe('success');
  expect((await reply(`/actors add name:"Rachid Ben M'Barek" kind:person`)).tone).toBe('success');
});
afterEach(() => app.dispose());

describe('GIVEN a name typed with a space for its apostrophe', () => {
  it('WHEN /actor looks up "M hamed Ali" THEN it shows M\'hamed Ali, not "No actor is called"', async () => {
    const { tone, text } = await reply('/actor name:"M hamed Ali"');
    expect(tone, text).not.toBe('error');
    expect(text).toContain("M'hamed Ali");
    expect(text).not.toContain('No actor is called');
    expect(text).not.toContain('Closest known names');
  });

  it('WHEN two short words are typed apart ("Rachid Ben M Barek") THEN the actor is found', async () => {
    const { text } = await reply('/actor name:"rachid ben m barek"');
    expect(text).toContain("Rachid Ben M'Barek");
    expect(text).not.toContain('No actor is called');
  });

  it('WHEN /entry add names "ministere de l interieur" in actors: THEN the entry has Ministère de l\'Intérieur in that role', async () => {
    const { tone, text } = await reply('/entry add title:"Curfew in Tripoli" date:2026-02-20 type:statement topic:syria-israel actors:"ministere de l interieur:initiator"');
    expect(tone, text).toBe('success');
    expect(text).toContain("Ministère de l'Intérieur — initiator");
  });

  it('WHEN /actors merge, which takes only full names, is given "M hamed Ali" THEN it is taken as the full name', async () => {
    await reply('/actors add name:"Mohamed Ali" kind:person');
    const { tone, text } = await reply('/actors merge from:"Mohamed Ali" into:"M hamed Ali"');
    expect(tone, text).toBe('success');
    expect(text).toContain("Merged Mohamed Ali into M'hamed Ali");
  });
});
