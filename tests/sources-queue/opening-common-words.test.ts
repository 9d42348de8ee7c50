// GIVEN feed items opening a sentence on a common word that is also a place's name (French
// `Réunion`, a meeting; English `Mobile`, `Split`, `Nice`, `Bath`) WHEN a check proposes them THEN
// the card does not suggest that place unless the item's other words place it there, and a plain
// approve stores only the places the item is about.
import { describe, expect, it } from 'vitest';
import { placesDesk, recentItem as item } from './support/card-lines.js';

const desk = placesDesk();
const { placesSuggested } = desk;

describe('GIVEN the seed dossier, whose places are in Syria, Israel, France and Azerbaijan', () => {
  it('WHEN a French item opens on “Réunion à Bakou, Azerbaïdjan.” THEN the card suggests Baku, not the island of Réunion, and a plain approve stores Baku alone', async () => {
    const [line] = await placesSuggested([item('r1', 'Contacts syro-israéliens', 'Réunion à Bakou, Azerbaïdjan.')]);
    expect(line).toBe('Baku');
    const approved = await desk.queue.text('/review approve id:1');
    const id = /entry #(\d+)/.exec(approved)![1];
    expect(await desk.queue.text(`/entry show id:${id}`)).toMatch(/^ {2}Places +Baku$/m);
  });

  it('WHEN English sentences open on Mobile, Split, Nice or Bath THEN no such place is suggested, near the dossier (Nice, France) or far from it', async () => {
    const lines = await placesSuggested([
      item('w1', 'Mobile networks cut after overnight strikes', ''),
      item('w2', 'Split deepens among Druze factions', ''),
      item('w3', 'Nice words but no deal, envoy says', ''),
      item('w4', 'Bath houses reopen as calm returns', ''),
    ]);
    expect(lines).toEqual(['—', '—', '—', '—']);
  });

  it('WHEN the item’s other words place the name (Nice with France), or the city lies beside the dossier’s countries (Beirut) THEN it is still suggested at a sentence’s start', async () => {
    const lines = await placesSuggested([
      item('s1', 'Nice, France: vigil held for the victims', ''),
      item('s2', 'Beirut residents flee south as strikes resume', ''),
    ]);
    expect(lines).toEqual(['France, Nice', 'Beirut']);
  });
});
