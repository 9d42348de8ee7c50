// ACLED's province names as place qualifiers (`Shahba (As-Sweida)`, `Nawa (Dar'a)`): a qualifier
// is read as a place name is, so every spelling that locates a governorate alone qualifies a place
// in it, and a name the gazetteer has only elsewhere is refused saying where, and how to pin it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

describe('GIVEN the Syria–Israel dossier', () => {
  let app: TestApp;
  const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
  const add = (places: string, more = '') => run(`/entry add title:"Shelling" date:2025-08-05 type:shelling topic:syria-israel places:"${places}"${more}`);
  beforeEach(() => {
    app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  });
  afterEach(() => app.dispose());

  it.each([
    ['Shahba (As-Sweida)', 'Shahbā, Suwayda, Syria'],
    ["Nawa (Dar'a)", 'Nawá, Daraa, Syria'],
    ['Nawa (Deraa)', 'Nawá, Daraa, Syria'],
    ['Ariha (Idleb)', 'Arīḩā, Idlib, Syria'],
    ['Raqqa (Ar-Raqqa)', 'Ar Raqqah, Raqqa, Syria'],
    ['Qamishli (Al Hasakeh)', 'Al Qāmishlī, Al-Hasakah, Syria'],
    ['Douma (Rural Damascus)', 'Dūmā, Rif-dimashq, Syria'],
  ])('WHEN an admin adds an entry at %s, ACLED’s name for the governorate as qualifier, THEN it is added and located in that governorate', async (places, where) => {
    const reply = await add(places);
    expect(reply).toContain('Added entry #18.');
    expect(reply).toContain(`New place located: ${places} (${where}).`);
  });

  it('WHEN an admin filters by Rural Damascus, ACLED’s name for Rif Dimashq, THEN it reads the governorate', async () => {
    expect(await add('Douma (Rif Dimashq)')).toContain('Added entry #18.');
    expect(await run('/timeline place:"Rural Damascus"', reader)).toContain('#18 Shelling');
  });

  it('WHEN an admin adds Hamidiyah (Quneitra), a name the gazetteer has only in Tartus, THEN the refusal says so and how to pin the one in Quneitra, which then works', async () => {
    const refused = await add('Hamidiyah (Quneitra)');
    expect(refused).toContain('Option `places`: “Hamidiyah (Quneitra)” could not be located.');
    expect(refused).toContain(
      '“Hamidiyah (Quneitra)” is not in the gazetteer: it has Hamidiyah only in Tartus, Syria (Al Ḩamīdīyah), not in Quneitra. If a Hamidiyah in Quneitra is meant, keep it as free text with located:false, then pin it: `/places locate name:"Hamidiyah (Quneitra)" at:"LAT, LON" in:"Quneitra"`.',
    );
    expect(await add('Hamidiyah (Quneitra)', ' located:false')).toContain('Added entry #18.');
    expect(await run('/places locate name:"Hamidiyah (Quneitra)" at:"33.17, 35.83" in:"Quneitra"')).toContain('Hamidiyah (Quneitra): pinned at 33.17, 35.83 in Quneitra, Syria');
    expect(await run('/timeline place:Quneitra', reader)).toContain('#18 Shelling');
  });

  it('WHEN the qualifier names no country or region THEN the refusal says so and where the gazetteer has the place', async () => {
    expect(await add('Shahba (Swayda prov)')).toContain(
      '“Shahba (Swayda prov)” is not in the gazetteer: “Swayda prov” names no country or region it knows, and it has Shahba in Suwayda, Syria. Name the country or region otherwise, or write Shahba alone.',
    );
  });
});
