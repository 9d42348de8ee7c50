// GIVEN entries naming one town in several spellings (Quneitra, Kuneitra, القنيطرة: one gazetteer
// record), THEN the map counts them as one place named by the spelling most used, the reply to
// the write that stores a new spelling says it is the same place and how to use the stored one,
// and a search by a spelling few entries hold points to the timeline that reads them all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { lineToPlainText } from '../../src/core/view.js';
import { DRAWING } from '../support/drawing.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

let app: TestApp;
const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
const add = async (title: string, day: string, places: string) =>
  expect(await run(`/entry add title:"${title}" date:${day} type:air-strike topic:syria-israel places:"${places}"`)).toMatch(/Added entry #\d+\./);

beforeEach(async () => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  await add('Strike near the town', '2026-01-05', 'Quneitra');
  await add('Second strike near the town', '2026-01-12', 'Quneitra');
  await add('Shelling in the south', '2026-01-20', 'Daraa');
  await add('Drone over the crossing', '2026-01-26', 'Daraa');
});
afterEach(() => app.dispose());

describe('GIVEN a town stored as Quneitra', () => {
  it('WHEN an entry names it Kuneitra THEN the reply says it is the same place, stored already, and how to write the stored spelling', async () => {
    const added = await run('/entry add title:"Raid at dawn" date:2026-02-02 type:incursion topic:syria-israel places:"Kuneitra, Damascus"');
    expect(added).toContain('Added entry #22.');
    expect(added).toContain(
      'Kuneitra is the same place as Quneitra, stored already: entries under either are read together by /timeline place:, /chart map and /place, but /search finds each spelling apart. To write it as Quneitra: `/entry edit id:22 places:"Quneitra, Damascus"`',
    );
    expect(await run('/entry edit id:22 places:"Quneitra, Damascus"')).toContain('Updated #22: places.');
    // A spelling no entry uses any more is not offered.
    const again = await run('/entry add title:"Raid at dusk" date:2026-02-03 type:incursion topic:syria-israel places:"القنيطرة"');
    expect(again).toContain('القنيطرة is the same place as Quneitra, stored already');
    expect(again).not.toContain('Kuneitra');
  });

  it('WHEN the map counts places THEN the spellings are one place, each entry counted once, named as most entries name it', DRAWING, async () => {
    await add('Strike by the crossing', '2026-02-02', 'Kuneitra');
    await add('Strike on the outskirts', '2026-02-09', 'القنيطرة, Quneitra');
    const view = await app.dispatcher.runText('/chart map since:2026-01 until:2026-02 data:true', reader);
    const rows = view.sections[0]!.lines.map(lineToPlainText);
    expect(rows.filter((row) => /latitude 33\.1\d, longitude 35\.8\d/.test(row))).toEqual(['Quneitra: 4 entries; latest event type Air/drone strike; latitude 33.13, longitude 35.82']);
    expect(lineToPlainText(view.intro![0]!)).toContain('the busiest: Quneitra 4, Daraa 2');
  });

  it('WHEN a search names the place as only some entries spell it THEN it points to the timeline that lists them all', async () => {
    await add('Shelling of the city', '2026-02-02', 'درعا');
    const search = await run('/search درعا', reader);
    expect(search).toContain('Showing 1 of 1 result.');
    expect(search).toContain('“درعا” is a place (Daraa, Syria): `/timeline place:درعا` lists all 3 entries there, under any spelling.');
    expect(await run('/timeline place:درعا', reader)).toContain('Showing 1 to 3 of 3 entries.');
    // A search that finds every entry there says nothing of it.
    expect(await run('/search Shelling city', reader)).not.toContain('is a place');
  });
});
