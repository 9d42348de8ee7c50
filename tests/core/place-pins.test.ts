// Landmarks the gazetteer lacks (Mount Hermon, an airbase, a crossing) pinned by an admin at
// coordinates inside a country or region the admin names: located as a point, held by that
// country's and region's timelines, drawn on the map, logged like any locate, and replaced by a
// later locate. Wrong coordinates, and coordinates without the area, are refused with nothing stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

describe('GIVEN the Syria–Israel dossier', () => {
  let app: TestApp;
  const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
  beforeEach(() => {
    app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  });
  afterEach(() => app.dispose());

  it('WHEN an admin types Mount Hermon, whose namesakes are all in the United States, THEN the refusal says how to keep it and pin it', async () => {
    const refused = await run('/entry add title:"Shelling near Hermon" date:2025-08-05 type:shelling topic:syria-israel places:"Mount Hermon"');
    expect(refused).toContain('“Mount Hermon” names several places; say which: Mount Hermon (Virginia)');
    expect(refused).toContain(
      'None of them lies in or beside the dossier\'s countries: if “Mount Hermon” is a place the gazetteer lacks (a mountain, a base, a crossing), keep it as free text with located:false, then pin it: `/places locate name:"Mount Hermon" at:"LAT, LON" in:COUNTRY`.',
    );
    expect(await run('/place name:"Mount Hermon"', reader)).toContain('keep it as free text with located:false, then pin it');
    // A name with a namesake in the dossier's countries (Tripoli, Lebanon) is not told to be pinned.
    const tripoli = await run('/entry add title:"Rally" date:2025-08-04 type:protest topic:syria-israel places:Tripoli');
    expect(tripoli).toContain('“Tripoli” names several places');
    expect(tripoli).not.toContain('pin it');
  });
});

describe('GIVEN the Syria–Israel dossier and an entry at Mount Hermon kept as free text', () => {
  let app: TestApp;
  const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
  const pin = '/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra';
  beforeEach(async () => {
    app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
    expect(await run('/entry add title:"Patrol on Mount Hermon" date:2025-08-04 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false')).toContain('Added entry #18.');
  });
  afterEach(() => app.dispose());

  it('WHEN an admin pins it in Quneitra THEN it is a located point: /place, the country and region timelines, the map and the entry history show it', async () => {
    const pinned = await run(pin);
    expect(pinned).toContain('Mount Hermon: pinned at 33.416, 35.857 in Quneitra, Syria');
    expect(pinned).toContain('Located (point) on 1 entry');

    const place = await run('/place name:"Mount Hermon"', reader);
    expect(place).toMatch(/^Mount Hermon\n {2}Location +pinned at 33\.416, 35\.857 in Quneitra, Syria by ed \(Slack\)\n {2}Precision +point\n {2}Region +Quneitra\n {2}Country +Syria \(SY · SYR\)\n {2}Coordinates +33\.41600, 35\.85700\n/);
    expect(place).toContain('Latest entries (1 in all)');

    const syria = await run('/timeline place:Syria', reader);
    expect(syria).toContain('#18 Patrol on Mount Hermon');
    expect(syria).not.toMatch(/leaves out their entries: [^.]*Mount Hermon/);
    expect(await run('/timeline place:Quneitra', reader)).toContain('#18 Patrol on Mount Hermon');
    expect(await run('/timeline place:Israel', reader)).not.toContain('#18');

    const map = await run('/chart map topic:syria-israel data:true', reader);
    expect(map).toContain('Mount Hermon: 1 entry; latest event type Armed clash; latitude 33.42, longitude 35.86');

    expect(await run('/entry history id:18', reader)).toContain('Mount Hermon: located — pinned at 33.416, 35.857 in Quneitra, Syria (point), by ed (Slack)');
  });

  it('WHEN a pinned place is later located as a gazetteer place, or kept as free text THEN that replaces the pin', async () => {
    await run(pin);
    expect(await run('/places locate name:"Mount Hermon" as:"Rif Dimashq"')).toContain('Mount Hermon: Rif-dimashq, Syria');
    expect(await run('/timeline place:Quneitra', reader)).not.toContain('#18');
    expect(await run('/place name:"Mount Hermon"', reader)).not.toContain('pinned');

    await run(pin);
    expect(await run('/places locate name:"Mount Hermon" located:false')).toContain('Kept as free text, on 1 entry.');
    expect(await run('/timeline place:Syria', reader)).not.toContain('#18');
    expect(await run('/place name:"Mount Hermon"', reader)).toMatch(/Location +not located \(free text\)/);
  });

  it('WHEN the coordinates are swapped, out of range or unreadable, or the area is missing or a town THEN it is refused and nothing is stored', async () => {
    const swapped = await run('/places locate name:"Mount Hermon" at:"35.857, 33.416" in:Syria');
    expect(swapped).toContain('Option `at`: 35.857, 33.416 lies far outside Syria, whose places lie between latitudes');
    expect(swapped).toContain('Latitude comes first: read the other way round, at:"33.416, 35.857", it lies in Syria.');
    const outOfRange = await run('/places locate name:"Mount Hermon" at:"133.4, 35.857" in:Syria');
    expect(outOfRange).toContain('Option `at`: “133.4, 35.857” is out of range: latitudes run from -90 to 90, longitudes from -180 to 180.');
    expect(outOfRange).toContain('Latitude comes first: at:"35.857, 133.4" if that is where it is.');
    expect(await run('/places locate name:"Mount Hermon" at:"north of Quneitra" in:Syria')).toContain('Option `at`: “north of Quneitra” is not a latitude and longitude.');
    expect(await run('/places locate name:"Mount Hermon" at:"33.416, 35.857"')).toContain('Option `at` needs `in`: the country or first-level region the point lies in (in:Syria, in:Quneitra). Sitrep does not decide borders from coordinates.');
    expect(await run('/places locate name:"Mount Hermon" in:Syria')).toContain('Option `in` goes with `at`');
    const town = await run('/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Nawa');
    expect(town).toContain('Option `in`: “Nawa” is a town (Daraa, Syria); a pin lies in a country or first-level region.');
    expect(town).toContain('Say which: in:"Daraa" or in:"Syria".');
    expect(await run('/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Syria as:Syria')).toContain('Give one of `as`');
    expect(await run(pin, reader)).toMatch(/admin/i);

    expect(await run('/place name:"Mount Hermon"', reader)).toMatch(/Location +not located \(free text\)/);
    expect(await run('/entry history id:18', reader)).not.toContain('Mount Hermon: located');
  });
});
