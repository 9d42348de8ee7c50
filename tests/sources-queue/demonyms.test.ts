// GIVEN the seed's states (Syria, Israel, the United States) WHEN feed items name them by what
// their people are called ("Israeli strike", "Syrian officials", "frappes israéliennes",
// "غارة إسرائيلية") or by the country's French or Arabic name THEN the card suggests the state,
// and a longer name the dossier knows still wins ("Israeli forces").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { cardLines, recentItem as item } from './support/card-lines.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const actorsSuggested = (items: ScriptedItem[]) => cardLines(queue, feeds, items, 'Actors');

describe('GIVEN the seed dossier', () => {
  it('WHEN items name states by their people, in English or French THEN each card suggests the states; a known longer name keeps its own actor', async () => {
    const lines = await actorsSuggested([
      item('p1', 'Israeli strike hits weapons depot near Daraa'),
      item('p2', 'Syrian and Israeli officials meet again', 'Americans mediated, diplomats said.'),
      item('p3', 'Frappes israéliennes près de Deraa', 'Les Syriens dénoncent une violation.'),
      item('p4', 'Israeli forces advance near Quneitra'),
    ]);
    expect(lines).toEqual(['Israel (initiator)', 'Syria, Israel, United States', 'Israel (initiator), Syria', 'Israel Defense Forces (initiator)']);
  });

  it('WHEN Arabic items name states by their people, with the article or a clitic written on THEN each card suggests the states', async () => {
    const lines = await actorsSuggested([
      item('a1', 'غارة إسرائيلية على ريف درعا'),
      item('a2', 'انتشار القوات السورية قرب الحدود', 'وقال مسؤولون أميركيون إن المحادثات مستمرة.'),
      item('a3', 'لقاء بين مسؤولين سوريين وإسرائيليين في باريس'),
    ]);
    expect(lines).toEqual(['Israel (initiator)', 'Syria, United States', 'Syria, Israel']);
  });

  it('WHEN a people’s name opens another name (the Syrian Democratic Forces, the Syrian Observatory) THEN it does not suggest the state, unless the title capitalises every word or the name is the state’s own office or organ', async () => {
    const lines = await actorsSuggested([
      item('n1', 'Syrian Democratic Forces clash with tribal fighters', 'The Syrian Observatory for Human Rights reported casualties.'),
      item('n2', 'Israeli Strike Hits Depot Near Quneitra'),
      item('n3', 'Drone hits a car near Daraa', 'Syrian state media blamed Israeli drones.'),
      item('n4', 'Israeli Prime Minister warns of a wider war', 'The Syrian Army redeployed south.'),
    ]);
    expect(lines).toEqual(['—', 'Israel (initiator)', 'Syria, Israel', 'Israel (initiator), Syria']);
  });

  it('WHEN items name states in French or Arabic (États-Unis, سوريا, إسرائيل) THEN the cards suggest them with no alias added by hand', async () => {
    const lines = await actorsSuggested([
      item('c1', 'Les États-Unis appellent au calme à Soueida'),
      item('c2', 'اجتماع بين سوريا وإسرائيل في باكو'),
    ]);
    expect(lines).toEqual(['United States', 'Syria, Israel']);
  });

  it('WHEN a people’s name is part of another people’s (Latin American, North American) THEN it does not suggest the state', async () => {
    const lines = await actorsSuggested([item('l1', 'Latin American and Syrian diplomats meet in Geneva'), item('l2', 'North American envoys urge calm')]);
    expect(lines).toEqual(['Syria', '—']);
  });

  it('WHEN an actor that is no state bears a country’s name THEN its people’s name does not suggest it', async () => {
    await queue.run('/actors add name:Jordan kind:person title:"Aid worker"');
    const [line] = await actorsSuggested([item('j1', 'Jordanian officials say crossings reopen')]);
    expect(line).toBe('—');
  });

  it('WHEN an admin makes a country-named actor a state between two checks THEN the next check suggests it by its people’s name', async () => {
    await queue.run('/actors add name:Jordan kind:other');
    feeds.serve('/levant.xml', 'Levant Wire', [item('j1', 'Jordanian officials say crossings reopen')]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:1');
    expect(await queue.text('/review show id:1')).toMatch(/^ {2}Actors +—$/m);
    expect(await queue.text('/actors edit name:Jordan kind:state')).toContain('Jordan');
    feeds.serve('/levant.xml', 'Levant Wire', [item('j2', 'Jordanian troops deploy along the border')]);
    await queue.run('/sources check id:1');
    expect(await queue.text('/review show id:2')).toMatch(/^ {2}Actors +Jordan \(initiator\)$/m);
  });
});
