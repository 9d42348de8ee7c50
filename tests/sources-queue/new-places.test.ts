// GIVEN feed items naming places the dossier has never had WHEN a check proposes them THEN the
// card suggests the places the gazetteer knows (where the dossier's places are, in a country the
// item names, or a city most readers know), not words that only look like names, and an approved
// card's places are stored located.
import { describe, expect, it } from 'vitest';
import { placesDesk, recentItem as item } from './support/card-lines.js';

const desk = placesDesk();
const { placesSuggested } = desk;

describe('GIVEN the seed dossier, whose places are in Syria, Israel, France and Azerbaijan', () => {
  it('WHEN items name Daraa, Amman, Latakia, a village of Sweida, two cities in a title-case headline and a province THEN each card suggests them beside the places the dossier knows', async () => {
    const lines = await placesSuggested([
      item('d1', 'Israeli strike hits weapons depot near Daraa, two killed', 'Israel did not comment.'),
      item('d2', 'Al-Shaibani meets Barrack in Amman to discuss southern Syria', 'The two met on Wednesday.'),
      item('d3', 'Clashes in Latakia countryside leave 12 dead', 'Security forces clashed with gunmen, a monitor said. Shells also fell near Salkhad.'),
      item('d4', 'Government Forces Shell Villages Between Homs And Hama', ''),
      item('d5', 'Shelling in Idlib province kills four', ''),
    ]);
    expect(lines).toEqual(['Daraa', 'Southern Syria, Amman', 'Latakia, Salkhad', 'Homs, Hama', 'Idlib province']);
  });

  it('WHEN a headline of names lists two places after a preposition THEN the second counts as the first does, not as a word capitalised for style', async () => {
    const lines = await placesSuggested([
      item('l1', 'Clashes near Qamishli and Ras al-Ain', ''),
      item('l2', 'Strikes in Deir ez-Zor and Al-Bukamal', ''),
    ]);
    expect(lines).toEqual(['Qamishli, Ras al-Ain', 'Deir ez-Zor, Al-Bukamal']);
  });

  it('WHEN an item says a town is Lebanese THEN the town counts as in a country the item names; named alone, it does not', async () => {
    const lines = await placesSuggested([
      item('b1', 'Israeli drone hits a car in the Lebanese town of Bint Jbeil', ''),
      item('b2', 'Fire breaks out at a market in Bint Jbeil overnight', ''),
    ]);
    expect(lines).toEqual(['Bint Jbeil', '—']);
  });

  it('WHEN a French item names the country as French news does (Liban) THEN a town there counts', async () => {
    const [line] = await placesSuggested([item('b3', 'Liban : deux civils tués dans une frappe de drone à Bint Jbeil', '')]);
    expect(line).toBe('Bint Jbeil');
  });

  it('WHEN an item names Tripoli with Lebanon THEN the Lebanese city is suggested by a spelling that locates it, not the Libyan capital', async () => {
    const [line] = await placesSuggested([item('t1', 'Clashes in Tripoli, Lebanon leave three dead', 'The army deployed in Bab al-Tabbaneh.')]);
    expect(line).toBe('Tripoli (Lebanon)');
    await desk.queue.run('/review approve id:1');
    expect(await desk.queue.text('/place name:"Tripoli (Lebanon)"')).toContain('Lebanon');
    expect(await desk.queue.text('/timeline place:Lebanon')).toContain('Clashes in Tripoli, Lebanon leave three dead');
  });

  it('WHEN an item names a region standing alone THEN the towns of its country count too (Jenin with the West Bank, Beit Lahia with Gaza), and the region beside a town in it is not suggested', async () => {
    const lines = await placesSuggested([
      item('r1', 'Israeli raid in Jenin, West Bank leaves three dead', ''),
      item('r2', 'Strike hits Beit Lahia school in northern Gaza', ''),
      item('r3', 'Army bulldozers enter the camp at Jenin', ''),
    ]);
    // The region beside the town only says where it is; without it, the West Bank town of 35,000
    // is too far from the dossier's places.
    expect(lines).toEqual(['Jenin', 'Beit Lahia, Gaza', '—']);
  });

  it('WHEN capitalised words only look like places (a person, initialisms, a clause opening on a common word) THEN none is suggested', async () => {
    const [line] = await placesSuggested([item('p1', 'Victoria Nuland says US and EU will keep sanctions', 'Port workers in the region went on strike.')]);
    expect(line).toBe('—');
  });

  it('WHEN items name places by GeoNames\' alternate names or the press spellings Sitrep adds THEN those are suggested; a word that is only an alternate name elsewhere, and a capital that speaks, are not', async () => {
    const lines = await placesSuggested([
      item('k1', 'Kurdish forces hand over Kobani checkpoints to the Syrian army', ''),
      item('k2', 'Israeli strike kills five in Khan Younis, health officials say', ''),
      item('k3', 'Clashes erupt in Qamishli between the SDF and government forces', ''),
      // GeoNames has "Hamas" among the alternate names of Hamm, Germany, and "Tell" of At Tall near Damascus.
      item('k4', 'Hamas official says talks continue', 'Tell me why, one resident asked.'),
      // A capital that urges or says is its government speaking.
      item('k5', 'Washington urges restraint after Quneitra incursion', 'Amman says its border is closed.'),
      // Where the speakers are is still a place.
      item('k6', 'Officials in Latakia said the port reopened', ''),
    ]);
    expect(lines).toEqual(['Kobani', 'Khan Younis', 'Qamishli', '—', 'Quneitra', 'Latakia']);
    await desk.queue.run('/review approve id:2');
    expect(await desk.queue.text('/place "Khan Younis"')).toMatch(/Country +Palestine/);
  });

  it("WHEN items name Israeli towns by their alternate names THEN they are suggested as written or by the gazetteer's own name, never by GeoNames' spaceless ASCII forms of it (QiryatShmona)", async () => {
    const lines = await placesSuggested([
      item('q1', 'Rockets hit Kiryat Shmona after strike on Nabatieh', ''),
      item('q2', 'Sirens sound in Qiryat Motzkin and Kfar Yona', ''),
    ]);
    expect(lines).toEqual(['Kiryat Shmona, Nabatieh', 'Qiryat Motzkin, Kfar Yona']);
  });

  it("WHEN a headline's kicker names a place by another spelling THEN it is read as a name, not as a clause's first word; a piece's label is not", async () => {
    const lines = await placesSuggested([
      item('kk1', 'Soueïda : au moins 30 morts dans des affrontements', ''),
      item('kk2', 'Live: Israeli strikes hit Damascus suburbs', ''),
      item('kk3', 'Opinion: Damascus needs more than a truce', ''),
    ]);
    expect(lines).toEqual(['Sweida province', 'Damascus', 'Damascus']);
  });

  it('WHEN a headline is in title case, or a clause opens on a preposition THEN the place after the preposition is read as a name standing alone, other words count as a clause\'s first word would, and a capital that speaks is still not suggested', async () => {
    const lines = await placesSuggested([
      item('c1', 'Talks On Aid Crossings In Khan Younis Stall', ''),
      item('c2', 'Shelling in Khan Younis Damages Hospital', ''),
      item('c3', 'In Kobani residents return to ruined homes', ''),
      item('c4', 'Washington Urges Restraint After Quneitra Incursion', ''),
      item('c5', 'Kobani Residents Return As Talks Resume', ''),
      // Port is a French village of 3,000 people: a title-case word is capitalised for the style.
      item('c6', 'Explosion In Latakia Port Kills Two Workers', ''),
    ]);
    // Kobani opening a title-case headline is no name standing alone: an alternate name there is not read.
    expect(lines).toEqual(['Khan Younis', 'Khan Younis', 'Kobani', 'Quneitra', '—', 'Latakia']);
  });

  it('WHEN an item names a place the dossier holds under another spelling THEN the card suggests the dossier\'s spelling, once', async () => {
    await desk.queue.run('/entry add title:"Shelling near Tadmur" date:2025-07-20 type:shelling topic:syria-israel places:Tadmur');
    const [line] = await placesSuggested([item('m1', 'Fighting near Palmyra as cells regroup', 'Clashes were reported in Tadmur and around Palmyra.')]);
    expect(line).toBe('Tadmur');
  });

  it('WHEN an approved card suggested a new place THEN the entry holds it, located in its country', async () => {
    await placesSuggested([item('a1', 'Shelling reported near Daraa', 'Residents said shells fell overnight.')]);
    const approved = await desk.queue.text('/review approve id:1');
    const id = /entry #(\d+)/.exec(approved)![1];
    expect(await desk.queue.text(`/entry show id:${id}`)).toMatch(/Places +Daraa/);
    expect(await desk.queue.text('/timeline place:Syria limit:1')).toContain('Shelling reported near Daraa');
  });
});
