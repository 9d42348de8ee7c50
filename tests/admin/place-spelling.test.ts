// Places are shared by their folded name, so the first spelling stored is the one every entry
// shows: an edit with respell:true that names the place with another spelling corrects it
// everywhere, says so, and records it where /entry undo can take it back. An edit that differs only
// in letter case, without respell:true, keeps the stored spelling and says how to re-spell.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
const placesOf = async (id: number) => (await run(`/entry show id:${id}`)).match(/Places\s+(.*)/)?.[1];
let secondAdded = '';
beforeEach(async () => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  await run('/entry add title:"Strike near Baghdad airport" date:2025-08 type:air-strike topic:iraq places:"baghdad, Iraq"');
  secondAdded = await run('/entry add title:"Talks in Baghdad" date:2025-09 type:talks topic:iraq places:Baghdad');
});
afterEach(() => app.dispose());

describe('GIVEN a place first stored as “baghdad”', () => {
  it('WHEN a later entry names it “Baghdad” THEN every entry still shows the first spelling, and the reply says how to re-spell it', async () => {
    expect(await placesOf(19)).toBe('baghdad');
    expect(secondAdded).toContain(
      'Places keep the spelling other entries share: shown “Baghdad” as “baghdad”. To re-spell everywhere: `/entry edit id:19 places:"Baghdad" respell:true`',
    );
  });

  it('WHEN an admin edits an entry to spell it “Baghdad” with respell:true THEN it is re-spelled on every entry, and the reply names them', async () => {
    const reply = await run('/entry edit id:18 places:"Baghdad, Iraq" respell:true');
    expect(reply).toContain('Updated #18: places.');
    expect(reply).toContain('Re-spelled the place “baghdad” as “Baghdad” everywhere. It now reads so on 1 other entry too: #19. `/entry undo id:18` spells it back.');
    expect(await placesOf(18)).toBe('Baghdad, Iraq');
    expect(await placesOf(19)).toBe('Baghdad');
    expect(await run('/timeline place:baghdad')).toContain('Places: Baghdad');
    expect(await run('/entry history id:18')).toMatch(/edit by ed \(Slack\) — places \(re-spelled place “baghdad” as “Baghdad” on every entry\)/);
  });

  it('WHEN that edit is undone THEN the old spelling is back everywhere, and history says so', async () => {
    await run('/entry edit id:18 places:"Baghdad, Iraq" respell:true');
    expect(await run('/entry undo id:18')).toMatch(/Took back r\d+ \(places\)/);
    expect(await placesOf(19)).toBe('baghdad');
    expect(await run('/entry history id:18')).toMatch(/undo of r\d+, an edit; re-spelled place “Baghdad” as “baghdad” on every entry/);
  });

  it('WHEN an edit spells two stored places anew THEN the reply says so for each', async () => {
    const reply = await run('/entry edit id:15 places:"paris, FRANCE" respell:true');
    expect(reply).toContain('Re-spelled the place “Paris” as “paris” everywhere. It now reads so on 2 other entries too: #14, #16.');
    expect(reply).toContain('Re-spelled the place “France” as “FRANCE” everywhere. No other entry shows it.');
  });

  it('WHEN an edit names the place as it is already spelled THEN there is still nothing to change', async () => {
    expect(await run('/entry edit id:19 places:baghdad')).toContain('Nothing to change: entry #19 already has those values.');
  });
});

describe('GIVEN a place stored as “Baku”', () => {
  it('WHEN an edit names it “baku” without respell THEN every entry keeps “Baku”, and the reply says so and how to re-spell', async () => {
    const reply = await run('/entry edit id:12 places:"baku, Azerbaijan" confidence:claimed');
    expect(reply).toContain('Updated #12: confidence.');
    expect(reply).toContain(
      'Kept the stored spelling of places that differ only in letter case: shown “baku” as “Baku”. To re-spell everywhere: `/entry edit id:12 places:"baku, Azerbaijan" respell:true`',
    );
    expect(reply).not.toContain('Re-spelled');
    expect(await placesOf(11)).toBe('Baku, Azerbaijan');
    expect(await placesOf(12)).toBe('Baku, Azerbaijan');
    expect(await run('/entry history id:12')).not.toContain('re-spelled');
  });

  it('WHEN the case slip is all the edit changes THEN there is nothing to change, and the reply still says how to re-spell', async () => {
    const reply = await run('/entry edit id:11 places:"baku, Azerbaijan"');
    expect(reply).toContain('Nothing to change: entry #11 already has those values.');
    expect(reply).toContain('To re-spell everywhere: `/entry edit id:11 places:"baku, Azerbaijan" respell:true`');
    expect(await placesOf(11)).toBe('Baku, Azerbaijan');
  });

  it('WHEN the admin asks with respell:true THEN it is re-spelled on every entry', async () => {
    const reply = await run('/entry edit id:11 places:"baku, Azerbaijan" respell:true');
    expect(reply).toContain('Re-spelled the place “Baku” as “baku” everywhere.');
    expect(await placesOf(12)).toBe('baku, Azerbaijan');
  });

  it('WHEN respell:true names it with another accent THEN that spelling is taken everywhere too', async () => {
    const reply = await run('/entry edit id:11 places:"Bakú, Azerbaijan" respell:true');
    expect(reply).toContain('Re-spelled the place “Baku” as “Bakú” everywhere.');
    expect(await placesOf(12)).toBe('Bakú, Azerbaijan');
  });
});
