// /actors add refuses a name another actor holds. Typed as that actor's own name, in another case
// or with its accents decomposed (NFD, as some keyboards and pasted text write them), the refusal
// says the actor already exists, not that the name names itself.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp('discord:1');
afterAll(() => app.dispose());
const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g', channelId: 'c' };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, admin)).replaceAll('`', '');

describe('GIVEN an actor named Jean-Noël Barrot', () => {
  it('WHEN an admin adds the name again, with the ë decomposed or in lower case THEN the refusal says the actor exists and where to see it', async () => {
    await text('/actors add name:"Jean-Noël Barrot" kind:person title:"French foreign minister"');
    const decomposed = await text(`/actors add name:"${'Jean-Noël Barrot'.normalize('NFD')}" kind:person`);
    expect(decomposed).toContain('Jean-Noël Barrot already exists.\nSee /actor Jean-Noël Barrot');
    expect(decomposed).not.toContain('already names');
    expect(await text('/actors add name:"jean-noël barrot" kind:person')).toContain('Jean-Noël Barrot already exists.');
  });

  it('WHEN an admin adds one of its aliases as a new actor THEN the refusal names the actor the alias is of', async () => {
    await text('/actors alias name:"Jean-Noël Barrot" add:Barrot');
    expect(await text('/actors add name:Barrot kind:person')).toContain('“Barrot” already names Jean-Noël Barrot.');
  });
});
