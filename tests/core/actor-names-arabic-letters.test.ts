// Arabic writers put taa marbuta for haa (هيئة, هيئه), alef maqsura or the Persian yeh for yaa
// (نتنياهو, نتنیاهو) and the Persian keheh for kaf: an actor's name in one spelling is its name in
// the others, so /actor finds it and /actors add refuses it as a second actor, in a new store and
// in one keyed before migration 0041. Two actors that 0041 keys alike both stay findable.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { foldKey } from '../../src/core/text.js';
import { migratingApp } from '../support/migration-rerun.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'discord', userId: '1', workspaceId: 'g1', channelId: 'c1' };
const store = migratingApp('discord:1');

async function reply(line: string): Promise<{ text: string; refused: boolean }> {
  const view = await store.current().dispatcher.runText(line, admin);
  return { text: viewText(view).replaceAll('`', ''), refused: view.tone === 'error' };
}
const text = async (line: string) => (await reply(line)).text;

const HTS_ARABIC = 'هيئة تحرير الشام';
const HTS_WITH_HAA = 'هيئه تحرير الشام';
const NETANYAHU_ARABIC = 'نتنياهو';
const NETANYAHU_PERSIAN_YEH = 'نتن\u06ccاهو';

/** Keys a stored name as before migration 0041: folded as every name is, its Arabic letters as written. */
const keyAsBefore = (name: string) => store.app.db.prepare('UPDATE actor_names SET name_key = ? WHERE name = ?').run(foldKey(name), name);

describe('GIVEN an actor with an Arabic alias', () => {
  it('WHEN an admin adds that alias spelled with haa for taa marbuta as a new actor THEN it is refused, naming the actor, and nothing is stored', async () => {
    await text(`/actors add name:"Hay'at Tahrir al-Sham" kind:armed-group aliases:"${HTS_ARABIC}"`);
    const before = storeFingerprint(store.app.db);
    const refused = await reply(`/actors add name:"${HTS_WITH_HAA}" kind:armed-group`);
    expect(refused.refused).toBe(true);
    expect(refused.text).toContain(`“${HTS_WITH_HAA}” already names Hay'at Tahrir al-Sham.`);
    expect(storeFingerprint(store.app.db)).toBe(before);
  });

  it('WHEN the alias is typed with haa, or with the Persian yeh THEN /actor shows that actor', async () => {
    await text(`/actors add name:"Hay'at Tahrir al-Sham" kind:armed-group aliases:"${HTS_ARABIC}"`);
    await text(`/actors add name:"Benjamin Netanyahu" kind:person aliases:"${NETANYAHU_ARABIC}"`);
    expect(await text(`/actor ${HTS_WITH_HAA}`)).toMatch(/^Hay'at Tahrir al-Sham\n {2}Kind +armed group/);
    expect(await text(`/actor ${NETANYAHU_PERSIAN_YEH}`)).toMatch(/^Benjamin Netanyahu\n {2}Kind +person/);
    expect((await reply(`/actors add name:"${NETANYAHU_PERSIAN_YEH}" kind:person`)).text).toContain(`already names Benjamin Netanyahu.`);
  });
});

describe('GIVEN a store whose actor names were keyed before migration 0041', () => {
  it('THEN the upgrade keys them anew: the other spelling finds the actor and is refused as a new one', async () => {
    await text(`/actors add name:"Hay'at Tahrir al-Sham" kind:armed-group aliases:"${HTS_ARABIC}"`);
    keyAsBefore(HTS_ARABIC);
    store.reopenAfter(41);
    expect(await text(`/actor ${HTS_WITH_HAA}`)).toMatch(/^Hay'at Tahrir al-Sham\n/);
    expect(await text('/actor هيئة تحرير')).toMatch(/^Hay'at Tahrir al-Sham\n/);
    expect((await reply(`/actors add name:"${HTS_WITH_HAA}" kind:armed-group`)).refused).toBe(true);
  });

  it('WHEN two actors were named in two of those spellings THEN both are kept, each found by its own name, and another spelling asks which', async () => {
    await text('/actors add name:"حماة" kind:other title:"Hama city council"');
    keyAsBefore('حماة');
    await text('/actors add name:"حماه" kind:other title:"Hamah relief committee"');
    store.reopenAfter(41);
    expect(await text('/actor حماة')).toMatch(/^حماة\n {2}Kind +other\n {2}Title +Hama city council/);
    expect(await text('/actor حماه')).toMatch(/^حماه\n {2}Kind +other\n {2}Title +Hamah relief committee/);
    // With a madda on the alef: a spelling neither name has.
    const spelledOtherwise = await reply('/actor حمآة');
    expect(spelledOtherwise.text).toContain('Several actors match “حمآة”');
    expect(spelledOtherwise.text).toContain('Hama city council');
    expect(spelledOtherwise.text).toContain('Hamah relief committee');
  });
});
