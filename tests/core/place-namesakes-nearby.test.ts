// GIVEN the seed dossier (its places in Syria, Israel, Azerbaijan and France): a name shared by a
// place beside the dossier's countries (Lebanon) and a larger one far away (Libya) is not taken
// for the far one; the reply says which is which, Lebanon's first, and how to name it. Sidon is
// found by `Saida`, as the press writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { resolvePlace } from '../../src/core/places/resolve-place.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };

let app: TestApp;
const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));

beforeAll(() => {
  app = createTestApp('slack:U1', () => new Date('2026-12-01T10:00:00Z'));
});
afterAll(() => app.dispose());

describe('GIVEN a dossier on Syria and Israel', () => {
  it('WHEN an admin adds an entry at Tripoli THEN it is refused as naming several places, Lebanon\'s first, and nothing is written', async () => {
    const reply = await run('/entry add title:"Clashes in Tripoli" date:2026-11-20 type:armed-clash topic:syria-israel places:Tripoli');
    expect(reply).toContain('“Tripoli” names several places; say which: Tripoli (Lebanon) — North Lebanon, Lebanon (locality); Tripoli (Libya) — Tripoli, Libya (locality)');
    expect(reply).not.toContain('New place located');
    expect(await run('/entry show 18', reader)).toContain('There is no entry #18.');
  });

  it('WHEN the admin names it as offered THEN the entry is at Tripoli, Lebanon', async () => {
    const reply = await run('/entry add title:"Clashes in Tripoli" date:2026-11-20 type:armed-clash topic:syria-israel places:"Tripoli (Lebanon)"');
    expect(reply).toContain('New place located: Tripoli (Lebanon) (Tripoli, North Lebanon, Lebanon).');
  });

  it('WHEN anyone asks /place Saida THEN it is Sidon, in Lebanon; Algeria\'s Saida is named so', async () => {
    expect(await run('/place Saida', reader)).toMatch(/^Sidon\n {2}Precision +locality\n {2}Region +South Governorate\n {2}Country +Lebanon \(LB · LBN\)/);
    expect(await run('/place "Saida (Algeria)"', reader)).toMatch(/^Saïda\n {2}Precision +locality\n {2}Region +Saida\n {2}Country +Algeria/);
  });

  it('WHEN a name is resolved with no dossier countries, or far from them THEN the most populous namesake is still the one meant', () => {
    const { gazetteer } = app.services.places;
    expect(resolvePlace(gazetteer, 'Tripoli')).toMatchObject({ kind: 'located', place: { country: { code: 'LY' } } });
    expect(resolvePlace(gazetteer, 'Tripoli', false, new Set(['JP']))).toMatchObject({ kind: 'located', place: { country: { code: 'LY' } } });
    // A namesake beside the dossier's countries weighs more, not everything: Damascus, Syria
    // (1.6 million) still outweighs Damascus, Maryland (15,000) in a dossier on Canada.
    expect(resolvePlace(gazetteer, 'Damascus', false, new Set(['CA']))).toMatchObject({ kind: 'located', place: { country: { code: 'SY' } } });
  });
});
