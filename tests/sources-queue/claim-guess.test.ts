// GIVEN a feed item's title WHEN Sitrep reads whether it gives a party's own account of its act
// THEN `X says it killed…`, `X claims attack…`, `X affirme avoir…`, `X يعلن اغتيال…` are claims by X
// whose event is the act (its type from the act's words, else the summary's), while a party's
// report of another's act, a statement of intent, a passive headline or an Arabic announcement of
// a death are not.
import { describe, expect, it } from 'vitest';
import { ownClaimIn } from '../../src/core/review/claim-guess.js';
import { guessClaimedType } from '../../src/core/review/type-guess.js';
import { compileNames, suggest } from '../../src/core/sources/suggest.js';

const names = compileNames([
  { kind: 'actor', id: 1, name: 'Israel', actorKind: 'state', aliases: ['Israël', 'إسرائيل'], peoples: ['Israeli', 'israélien', 'israélienne', 'إسرائيلي', 'إسرائيلية'] },
  { kind: 'actor', id: 2, name: 'Syria', actorKind: 'state', aliases: ['Syrie', 'سوريا'], peoples: ['Syrian'] },
  { kind: 'actor', id: 5, name: 'Hezbollah', aliases: ['Hizbullah', 'حزب الله'] },
  { kind: 'actor', id: 6, name: 'Turkey', actorKind: 'state', peoples: ['Turkish'] },
  { kind: 'actor', id: 7, name: 'Syrian Democratic Forces', aliases: ['SDF'] },
]);
const NAMES: Record<number, string> = { 1: 'Israel', 2: 'Syria', 5: 'Hezbollah', 6: 'Turkey', 7: 'Syrian Democratic Forces' };

/** Whose claim the title makes (`-`: a claim with no known party), and the type its event gets; undefined for none. */
function read(title: string, summary = ''): [string, string] | undefined {
  const { actors } = suggest({ title, summary }, names);
  const claim = ownClaimIn(title, actors);
  return claim && [claim.actorId === undefined ? '-' : NAMES[claim.actorId]!, guessClaimedType(claim.deed, summary)];
}

describe('GIVEN a title in which a party tells of its own act', () => {
  it('THEN it is a claim by that party, typed by the act', () => {
    expect(read('Israel says it struck Hezbollah weapons depots')).toEqual(['Israel', 'air-strike']);
    expect(read('Hezbollah claims responsibility for rocket attack on Kiryat Shmona')).toEqual(['Hezbollah', 'shelling']);
    expect(read('SDF says it has arrested 12 Islamic State suspects')).toEqual(['Syrian Democratic Forces', 'arrest']);
    expect(read('Israeli army says its jets struck targets near Damascus')).toEqual(['Israel', 'air-strike']);
    expect(read("L'armée israélienne affirme avoir frappé des positions du Hezbollah")).toEqual(['Israel', 'air-strike']);
    expect(read('حزب الله يتبنى استهداف موقع إسرائيلي بالصواريخ')).toEqual(['Hezbollah', 'shelling']);
    expect(read('أعلن الجيش الإسرائيلي اغتيال قيادي في حزب الله')).toEqual(['Israel', 'other']);
    expect(read('حزب الله يقول إنه استهدف موقعا إسرائيليا بالصواريخ')).toEqual(['Hezbollah', 'shelling']);
    expect(read('قال الجيش الإسرائيلي إنه قصف مواقع لحزب الله')).toEqual(['Israel', 'shelling']);
    expect(read('الجيش الإسرائيلي يؤكد أنه اعتقل ثلاثة في القنيطرة')).toEqual(['Israel', 'arrest']);
  });

  it('THEN an act the title does not type takes the summary’s type, else `other` — never a statement', () => {
    expect(read('Israel says it killed Hezbollah commander', 'The army said an air strike hit his car near Nabatieh.')).toEqual(['Israel', 'air-strike']);
    expect(read('Israel says it killed Hezbollah commander', 'The army said so in a statement.')).toEqual(['Israel', 'other']);
    expect(read('Hezbollah claims attack on Israeli base')).toEqual(['Hezbollah', 'other']);
  });

  it('THEN a speaker the dossier does not know, named by its office or a capitalised name, is a claim with no party', () => {
    expect(read('Military says it has destroyed tunnels under the border')).toEqual(['-', 'other']);
    expect(read('Iran says it seized a tanker in the Gulf')).toEqual(['-', 'other']);
    expect(read('Houthis claim rocket attack on Eilat')).toEqual(['-', 'shelling']);
    // Named as the title writes it, for the card to say the dossier lacks it; an office is no name.
    const unknown = (title: string) => ownClaimIn(title, suggest({ title, summary: '' }, names).actors)?.unknown;
    expect(unknown('Houthis claim rocket attack on Eilat')).toBe('Houthis');
    expect(unknown('Hayat Tahrir al-Sham says it captured Saraqib')).toBe('Hayat Tahrir al-Sham');
    expect(unknown('Military says it has destroyed tunnels under the border')).toBeUndefined();
  });
});

describe('GIVEN a title that is no party’s account of its own act', () => {
  it('THEN no claim is read', () => {
    // Another's act, reported.
    expect(read('Syria says Israeli strike killed two soldiers near Damascus')).toBeUndefined();
    // What it will do, or what it was not told.
    expect(read('Turkey says it will not allow a corridor in northern Syria')).toBeUndefined();
    expect(read('Syria says it was not informed of the strike')).toBeUndefined();
    // A passive headline: its soldier was killed.
    expect(read('Israel says its soldiers killed in Gaza ambush')).toBeUndefined();
    // `claims` as a noun.
    expect(read('Israel rejects claims of strike on hospital')).toBeUndefined();
    // What it will do, or did not, in Arabic.
    expect(read('قال نتنياهو إنه سيضرب دمشق')).toBeUndefined();
    expect(read('حزب الله يقول إنه لم يطلق صواريخ')).toBeUndefined();
    // Another's act, reported in Arabic.
    expect(read('قالت سوريا إن غارة إسرائيلية قتلت جنديين')).toBeUndefined();
    // An announced death (`مقتل`) may be the speaker's own loss.
    expect(read('الجيش الإسرائيلي يعلن مقتل جندي في غزة')).toBeUndefined();
    // Nobody before the verb, or who reports rather than acts.
    expect(read('Says it killed: the week in review')).toBeUndefined();
    expect(read('Report says it found mass graves near Sweida')).toBeUndefined();
    expect(read('the group says it captured the town')).toBeUndefined();
  });
});
