// GIVEN a place an admin located in one country and later in another (`/places locate`) WHEN a
// past timeline is filtered by a country (`/timeline place:Syria as_of:…`) THEN it holds the
// entries whose places lay in that country then: the view of a day before the place was moved
// shows its entries under the country it was in, as the dossier showed them that day; the live
// timeline, and the views of later days, under the country it is in now.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { viewText } from '../support/view-text.js';
import { ana, ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;

const shown = (line: string) => desk.shown(line);

/**
 * On 3 Jul: #18 at Mount Hermon, kept as free text. On 4 Jul the place is pinned in Quneitra
 * (Syria); on 6 Jul, pinned again in Lebanon.
 */
beforeEach(async () => {
  desk = new ClockedDesk('2025-07-01T09:00:00Z');
  await desk.editAt('2025-07-03T12:00:00Z', '/entry add title:"Shelling near the summit" date:2025-07-03 type:shelling topic:syria-israel places:"Mount Hermon" located:false');
  await desk.editAt('2025-07-04T12:00:00Z', '/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra');
  await desk.editAt('2025-07-06T12:00:00Z', '/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Lebanon');
  desk.setClock('2025-07-20T12:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN a place located in Syria, then in Lebanon', () => {
  it('WHEN the live timeline is filtered by country THEN the entry is under Lebanon only', async () => {
    expect(await shown('/timeline place:Lebanon')).toContain('#18 Shelling near the summit');
    expect(await shown('/timeline place:Syria')).not.toContain('#18 ');
  });

  it('WHEN a past timeline is filtered by country THEN the entry is under the country its place lay in that day', async () => {
    const syriaThen = await shown('/timeline place:Syria as_of:2025-07-05');
    expect(syriaThen).toContain('#18 Shelling near the summit');
    expect(await shown('/timeline place:Lebanon as_of:2025-07-05')).not.toContain('#18 ');
    // By a region too: Quneitra held it then.
    expect(await shown('/timeline place:Quneitra as_of:2025-07-05')).toContain('#18 Shelling near the summit');

    expect(await shown('/timeline place:Lebanon as_of:2025-07-07')).toContain('#18 Shelling near the summit');
    expect(await shown('/timeline place:Syria as_of:2025-07-07')).not.toContain('#18 ');
  });

  it('WHEN the entry was moved to another place since THEN the view of a day before still finds it under the country of its place then', async () => {
    await desk.editAt('2025-07-08T12:00:00Z', '/entry edit id:18 places:Damascus');
    desk.setClock('2025-07-20T12:00:00Z');
    expect(await shown('/timeline place:Lebanon as_of:2025-07-07')).toContain('#18 Shelling near the summit');
    expect(await shown('/timeline place:Syria as_of:2025-07-07')).not.toContain('#18 ');
    expect(await shown('/timeline place:Syria as_of:2025-07-05')).toContain('#18 Shelling near the summit');
    // No entry lay in Lebanon then, nor does now: the reply says so, as the live timeline's does.
    expect(viewText(await desk.run('/timeline place:Lebanon as_of:2025-07-09'))).toContain('No entry has the place `Lebanon`');
    expect(await shown('/timeline place:Syria as_of:2025-07-09')).toContain('#18 Shelling near the summit');
  });

  it('WHEN nothing changed since the past day THEN the past view by country counts what the live timeline counts, with a type too', async () => {
    const counted = (text: string) => /Showing 1 (?:to \d+ )?of ([\d,]+) entr/.exec(text)?.[1];
    for (const filters of ['place:Syria', 'place:Syria type:air-strike', 'place:Lebanon', 'place:"Sweida province"']) {
      const live = counted(await shown(`/timeline ${filters}`));
      expect(live, filters).toBeDefined();
      expect(counted(await shown(`/timeline ${filters} as_of:2025-07-19`)), filters).toBe(live);
    }
    // Syria held one entry more on 5 Jul: the one whose place lay in Quneitra then.
    const syriaNow = Number(counted(await shown('/timeline place:Syria')));
    expect(Number(counted(await shown('/timeline place:Syria as_of:2025-07-05')))).toBe(syriaNow + 1);
  });

  it('WHEN the past day is before the place was located anywhere THEN no country holds the entry, as none did then', async () => {
    expect(await shown('/timeline place:Syria as_of:2025-07-03')).not.toContain('#18 ');
    expect(await shown('/timeline place:Lebanon as_of:2025-07-03')).not.toContain('#18 ');
    // The place itself, by name, held it all along.
    expect(await shown('/timeline place:"Mount Hermon" as_of:2025-07-03')).toContain('#18 Shelling near the summit');
  });
});

describe('GIVEN a store filed before places\' areas were dated (schema 51)', () => {
  it('WHEN it is upgraded THEN its places count as lying where they lie now on every past day, and later moves are dated', async () => {
    const { dbPath } = desk.app;
    desk.app.close();
    const db = new Database(dbPath);
    db.exec('DROP TRIGGER place_locations_area_spans; DROP TABLE place_area_spans; PRAGMA user_version = 51;');
    db.close();
    const upgraded = createApp({ dbPath, admins: parseAdminRules('memory:ana'), logger: silentLogger, now: () => new Date('2025-07-20T12:00:00Z') });
    try {
      const text = async (line: string) => viewText(await upgraded.dispatcher.runText(line, ana));
      // Its history of moves was not kept: Lebanon, where it lies now, holds it on 5 Jul too.
      expect(await text('/timeline place:Lebanon as_of:2025-07-05')).toContain('#18 Shelling near the summit');
      expect(await text('/timeline place:Syria as_of:2025-07-05')).not.toContain('#18 ');
      await upgraded.dispatcher.runText('/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra', ana);
      expect(await text('/timeline place:Syria')).toContain('#18 Shelling near the summit');
      expect(await text('/timeline place:Lebanon as_of:2025-07-19')).toContain('#18 Shelling near the summit');
      expect(await text('/timeline place:Syria as_of:2025-07-19')).not.toContain('#18 ');
    } finally {
      upgraded.close();
    }
  });
});
