// GIVEN actor names, aliases and titles typed with runs of spaces (`Hayat  Tahrir al-Sham`, a
// name pasted from a headline) WHEN an admin adds, edits or aliases an actor THEN they are stored
// and shown with single spaces, as entry titles are, and the name typed either way is one actor.
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
async function ok(line: string): Promise<string> {
  const { tone, text } = await reply(line);
  expect(tone, text).toBe('success');
  return text;
}
/** The /actors list lines that name HTS, however spaced. */
const htsLines = async () => (await reply('/actors list kind:armed-group limit:25')).text.split('\n').map((line) => line.trim()).filter((line) => /Hayat\s+Tahrir/.test(line));

beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN a name typed with runs of spaces', () => {
  it('WHEN the actor is added THEN the reply and /actors list show the name with single spaces, and the single-spaced name is refused as taken', async () => {
    const added = await ok('/actors add name:"Hayat   Tahrir  al-Sham" kind:armed-group title:"Armed  group in   Idlib" aliases:"HTS,  Tahrir   al-Sham"');
    expect(added).toContain('Added actor Hayat Tahrir al-Sham.');
    expect(added).toMatch(/Also known as\s+HTS, Tahrir al-Sham/);
    expect(added).not.toMatch(/ {2,}\S*(?:Tahrir|al-Sham|group|Idlib)/);
    expect(await htsLines()).toEqual(['Hayat Tahrir al-Sham — armed group, Armed group in Idlib · 0 entries']);

    const again = await reply('/actors add name:"Hayat Tahrir al-Sham" kind:armed-group');
    expect(again.text).toContain('Hayat Tahrir al-Sham already exists.');
    expect(await htsLines()).toHaveLength(1);
  });

  it('WHEN an alias is added or the aliases and title edited THEN they are stored with single spaces', async () => {
    await ok('/actors add name:"Hayat Tahrir al-Sham" kind:armed-group');
    const aliased = await ok('/actors alias name:"Hayat  Tahrir  al-Sham" add:"Jabhat   Fateh  al-Sham"');
    expect(aliased).toContain('Added alias “Jabhat Fateh al-Sham”.');
    expect(aliased).toMatch(/Also known as\s+Jabhat Fateh al-Sham$/m);

    const edited = await ok('/actors edit name:"Hayat Tahrir al-Sham" title:"Islamist   coalition" aliases:"HTS,  Jabhat   al-Nusra"');
    expect(edited).toMatch(/Also known as\s+HTS, Jabhat al-Nusra$/m);
    expect(edited).toContain('Islamist coalition');
    expect(await htsLines()).toEqual(['Hayat Tahrir al-Sham — armed group, Islamist coalition · 0 entries']);
  });
});
