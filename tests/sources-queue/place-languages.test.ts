// GIVEN feed items in English, French and Arabic naming the same town WHEN a check proposes them
// THEN every card suggests the one place by one name, the one `/entry add places:` stores for the
// English spelling, so that approving a card in any language adds no second name for the town.
import { describe, expect, it } from 'vitest';
import { placesDesk, recentItem as item } from './support/card-lines.js';

const desk = placesDesk();
const { placesSuggested } = desk;

describe('GIVEN the seed dossier, which holds Sweida province and nothing in Daraa', () => {
  it('WHEN items name Daraa as English, French and Arabic news write it THEN each card suggests Daraa, and the approved French card stores the place /entry add places:Daraa stores', async () => {
    const lines = await placesSuggested([
      item('e1', 'Shelling reported near Daraa overnight', ''),
      item('f1', 'Une école touchée par un obus à Déraa', ''),
      item('a1', 'انفجار سيارة مفخخة في مدينة درعا', ''),
    ]);
    expect(lines).toEqual(['Daraa', 'Daraa', 'Daraa']);
    const approved = await desk.queue.text('/review approve id:2');
    const id = /entry #(\d+)/.exec(approved)![1];
    expect(await desk.queue.text(`/entry show id:${id}`)).toMatch(/^ {2}Places +Daraa$/m);
    // The approval stored the place the English spelling names: typing it adds no new place.
    const added = await desk.queue.text('/entry add title:"Shelling in Daraa" date:2025-07-20 type:shelling topic:syria-israel places:Daraa');
    expect(added).toMatch(/^ {2}Places +Daraa$/m);
    expect(added).not.toContain('New place');
  });

  it('WHEN items name Sweida in English, French (Soueida, Soueïda) and Arabic THEN each card suggests the dossier’s Sweida province, the area /timeline place:Sweida reads', async () => {
    const lines = await placesSuggested([
      item('e2', 'Clashes erupt in Sweida as truce frays', ''),
      item('f2', 'Des tirs entendus à Soueida dans la nuit', ''),
      item('f3', 'Couvre-feu décrété à Soueïda', ''),
      item('a2', 'احتجاجات في مدينة السويداء', ''),
    ]);
    expect(lines).toEqual(['Sweida province', 'Sweida province', 'Sweida province', 'Sweida province']);
    const approved = await desk.queue.text('/review approve id:2');
    const id = /entry #(\d+)/.exec(approved)![1];
    expect(await desk.queue.text(`/entry show id:${id}`)).toMatch(/^ {2}Places +Sweida province$/m);
  });
});
