// A store made before migration 0036 may hold two actors, or two places, whose names differ by an
// apostrophe only (`Ja'far Saad` and `Jafar Saad`; `Dar'a`, Daraa in Syria, and `Dara`, in
// Senegal): the older fold kept them apart, the new one reads both alike. Each is still found by
// its own name typed letter for letter; only a spelling neither has is read through the fold.
import { beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Caller } from '../../src/core/caller.js';
import type { EntryInput } from '../../src/core/domain.js';
import { PlaceAreas, watchedChanges } from '../../src/core/watch/matching.js';
import type { WatchTarget } from '../../src/core/watch/watch-port.js';
import { migratingApp } from '../support/migration-rerun.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g1', channelId: 'c1' };
const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };

const store = migratingApp('discord:1');
const { current } = store;
const reply = async (text: string) => viewText(await current().dispatcher.runText(text, admin));

const entryAt = (title: string, places: string[], actors: EntryInput['actors'] = []): EntryInput => ({
  title, summary: '', eventType: 'armed-clash', topic: 'syria-israel', start: { year: 2025, month: 7, day: 10 },
  places, actors, sources: [{ outlet: 'AFP' }], confidence: 'reported', tags: [],
});
const addEntry = (title: string, places: string[], actors: EntryInput['actors'] = []) => current().services.editor.addEntry(entryAt(title, places, actors), stamp);

/** Keys a stored place as the fold before migration 0036 did: the apostrophe read as a space. */
const keyAsBefore = (name: string, oldKey: string) => store.app.db.prepare('UPDATE places SET place_key = ? WHERE name = ?').run(oldKey, name);

/** Runs migration 0036 on the store, as an upgrade from the release before it does, and opens it again. */
const upgrade = () => store.reopenAfter(36);

/** Settles a stored place as the gazetteer's record of that name in this country, as an admin's /places locate does. */
const locateIn = (name: string, country: string) => {
  const { places } = store.app.services;
  const record = places.gazetteer.named(name.toLowerCase()).find((m) => m.place.country.code === country)!.place;
  places.settle(places.stored(name)!.id, { kind: 'located', place: record }, stamp);
};

describe('GIVEN two actors whose names differ by an apostrophe only, made before migration 0036', () => {
  let commander: number;
  let businessman: number;
  beforeEach(async () => {
    await reply('/actors add name:"Ja\'far Saad" kind:person title:"Commander, Southern Front"');
    commander = store.app.dossier.actorsNamed("Ja'far Saad")[0]!.id;
    store.app.db.prepare("UPDATE actor_names SET name_key = 'ja far saad' WHERE name = ?").run("Ja'far Saad");
    await reply('/actors add name:"Jafar Saad" kind:person title:"Businessman in Homs"');
    businessman = store.app.dossier.actorsNamed('Jafar Saad')[0]!.id;
    addEntry('Clash near Daraa city', [], [{ actorId: commander, role: 'initiator' }]);
    addEntry('Market fire in Homs', [], [{ actorId: businessman, role: 'participant' }]);
    upgrade();
  });

  it('WHEN either name is typed letter for letter, in any case THEN /actor and the actor filter take that actor, and another spelling asks which', async () => {
    expect(await reply('/actor "Ja\'far Saad"')).toMatch(/^Ja'far Saad\n {2}Kind +person\n {2}Title +Commander, Southern Front/);
    expect(await reply('/actor "Jafar Saad"')).toMatch(/^Jafar Saad\n {2}Kind +person\n {2}Title +Businessman in Homs/);
    expect(await reply('/actor "JA\'FAR SAAD"')).toMatch(/^Ja'far Saad\n/);
    const his = await reply('/timeline actor:"Ja\'far Saad"');
    expect(his).toContain('Clash near Daraa city');
    expect(his).not.toContain('Market fire in Homs');
    // A spelling neither has is read through the fold: both are offered.
    const asked = await reply('/actor "Ja’far Saad"');
    expect(asked).toContain('Ask again with one of these names:');
    expect(asked).toContain('Jafar Saad (person) — Businessman in Homs');
    expect(asked).toContain("Ja'far Saad (person) — Commander, Southern Front");
  });

  it('WHEN a change names one of them THEN it changes that actor alone', async () => {
    expect(await reply('/actors edit name:"Jafar Saad" title:"Trader in Homs"')).toContain('Updated Jafar Saad: title.');
    expect(await reply('/actor "Ja\'far Saad"')).toContain('Commander, Southern Front');
  });
});

describe('GIVEN Dar\'a (Daraa, Syria) and Dara (Senegal) stored before migration 0036', () => {
  beforeEach(() => {
    addEntry('Clash near Daraa city', ["Dar'a"]);
    keyAsBefore("Dar'a", 'dar a');
    addEntry('Market fire in Senegal', ['Dara']);
    locateIn('Dara', 'SN');
    upgrade();
  });

  it('THEN /place and the place filter find each by its own name', async () => {
    const daraa = await reply('/place "Dar\'a"');
    expect(daraa).toContain('Country      Syria');
    expect(daraa).toContain('Clash near Daraa city');
    expect(await reply('/place Dara')).toContain('Country      Senegal');
    const filtered = await reply('/timeline place:"Dar\'a"');
    expect(filtered).toContain('Clash near Daraa city');
    expect(filtered).not.toContain('Market fire in Senegal');
  });

  it('WHEN a new entry names Dar\'a THEN it is stored at Daraa, and Dara keeps its spelling', async () => {
    const id = addEntry('Shelling in Daraa', ["Dar'a"]);
    expect(await reply(`/entry show ${id}`)).toMatch(/Places +Dar'a\n/);
    expect(await reply('/place Dara')).not.toContain('Shelling in Daraa');
    expect(await reply('/timeline place:Dara')).toMatch(/Places: Dara\n/);
  });
});

describe('GIVEN a free-text place with an apostrophe beside its namesake without, stored before migration 0036', () => {
  beforeEach(() => {
    addEntry('Raid at the gate', ["Ja'ar Gate"]);
    keyAsBefore("Ja'ar Gate", 'ja ar gate');
    addEntry('Protest at the other gate', ['Jaar Gate']);
    upgrade();
  });

  it('THEN /place and the place filter read its own entries', async () => {
    const place = await reply('/place "Ja\'ar Gate"');
    expect(place).toMatch(/^Ja'ar Gate\n/);
    expect(place).toContain('Raid at the gate');
    expect(place).not.toContain('Protest at the other gate');
    const filtered = await reply('/timeline place:"Ja\'ar Gate"');
    expect(filtered).toContain('Raid at the gate');
    expect(filtered).not.toContain('Protest at the other gate');
  });

  it('WHEN someone watches it THEN a change at it is theirs, and one at its namesake is not', async () => {
    expect(await reply('/watch add place:"Ja\'ar Gate"')).toContain("You now watch the place Ja'ar Gate");
    const stored = current().db.prepare('SELECT target FROM watches').pluck().get() as string;
    expect(stored).toMatch(/^name:/);
    const watched: WatchTarget = { kind: 'place', placeKey: stored.slice('name:'.length) };
    const watch = { id: 1, target: watched, label: "Ja'ar Gate", createdAt: new Date() };
    const change = (entryId: number, places: string[]) => ({ entryId, kind: 'new' as const, after: entryAt('A change', places), changedFields: [] });
    const covered = watchedChanges([change(1, ["Ja'ar Gate"]), change(2, ['Jaar Gate'])], [watch], new PlaceAreas(current().services.places));
    expect(covered.map((c) => c.entryId)).toEqual([1]);
  });
});
