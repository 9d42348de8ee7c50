// The list options of /entry add and edit (actors, places, tags): a list given whole replaces the
// entry's and the reply names what it took off; `+item` adds and `-item` removes single items;
// actors given without a role, and an entry added without a source, are pointed out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const run = (line: string) => app.dispatcher.runText(line, operator);
const text = async (line: string) => viewText(await run(line));
/** The lines under a heading of /entry show (`Actors`), one item a line. */
const shownUnder = async (id: number, heading: string) => {
  const lines = (await text(`/entry show id:${id}`)).split('\n');
  const start = lines.indexOf(heading);
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('    '));
  return lines.slice(start + 1, end).map((line) => line.trim());
};
const shownField = async (id: number, field: string) => (await text(`/entry show id:${id}`)).split('\n').find((line) => line.startsWith(`  ${field} `))!.slice(field.length + 2).trim();

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
});
afterEach(() => app.dispose());

const SEED_ACTORS_13 = ['Tom Barrack — subject', 'Asaad al-Shaibani — subject', 'Ron Dermer — subject'];

describe('GIVEN entry #13 with Tom Barrack, Asaad al-Shaibani and Ron Dermer, and Netanyahu created as an actor', () => {
  beforeEach(async () => {
    expect(await shownUnder(13, 'Actors')).toEqual(SEED_ACTORS_13);
    expect((await run('/actors add name:"Benjamin Netanyahu" kind:person affiliation:Israel aliases:Netanyahu')).tone).toBe('success');
  });

  it('WHEN an edit gives actors:"+Netanyahu:subject" THEN he is added beside the three, and the reply names him', async () => {
    const said = await text('/entry edit id:13 actors:"+Netanyahu:subject"');
    expect(said).toContain('Updated #13: actors.');
    expect(said).toContain('Actors: + Benjamin Netanyahu (subject)');
    expect(await shownUnder(13, 'Actors')).toEqual([...SEED_ACTORS_13, 'Benjamin Netanyahu — subject']);
    // Written unquoted, as one item, it is read the same; given again it changes nothing.
    expect(await text('/entry edit id:13 actors:+Netanyahu:subject')).toContain('Nothing to change: entry #13 already has those values.');
  });

  it('WHEN an edit gives actors:-Dermer THEN only he is taken off, and the reply names him', async () => {
    const said = await text('/entry edit id:13 actors:-Dermer');
    expect(said).toContain('Actors: − Ron Dermer (subject)');
    expect(said).not.toContain('To take this edit back');
    expect(await shownUnder(13, 'Actors')).toEqual(['Tom Barrack — subject', 'Asaad al-Shaibani — subject']);
  });

  it('WHEN an edit takes an actor off and adds him back in another role THEN his role changes and the others stay', async () => {
    const said = await text('/entry edit id:13 actors:"-Dermer, +Ron Dermer:participant"');
    expect(said).toContain('Actors: + Ron Dermer (participant), − Ron Dermer (subject)');
    expect(await shownUnder(13, 'Actors')).toEqual(['Tom Barrack — subject', 'Asaad al-Shaibani — subject', 'Ron Dermer — participant']);
  });

  it('WHEN an edit gives a plain list THEN it replaces the actors, and the reply names each one dropped and added, how to change one item, and the undo', async () => {
    const said = await text('/entry edit id:13 actors:"Netanyahu:subject"');
    expect(said).toContain('Updated #13: actors.');
    expect(said).toContain('Actors: + Benjamin Netanyahu (subject), − Tom Barrack (subject), − Asaad al-Shaibani (subject), − Ron Dermer (subject)');
    expect(said).toContain(
      "A list with no item marked + or - replaces the entry's whole list; to add or remove single items: `actors:\"+Name:role, -Name\"`. To take this edit back: `/entry undo id:13`",
    );
    expect(await shownUnder(13, 'Actors')).toEqual(['Benjamin Netanyahu — subject']);
    await run('/entry undo id:13');
    expect(await shownUnder(13, 'Actors')).toEqual(SEED_ACTORS_13);
  });

  it('WHEN an edit mixes marked and plain items THEN it is refused, saying a plain list replaces, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const said = await text('/entry edit id:13 actors:"Netanyahu:subject, +Syria"');
    expect(said).toContain('Option `actors` mixes items marked + or - (`+Syria`) with unmarked ones (`Netanyahu:subject`).');
    expect(said).toContain("Unmarked items replace the entry's whole list; to add or remove single items, mark each one: actors:\"+Name:role, -Name\".");
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN an edit removes an actor the entry does not name THEN it is refused, naming it, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const said = await text('/entry edit id:13 actors:"-Netanyahu, -Dermer"');
    expect(said).toContain('Option `actors`: `-Netanyahu` is not on the entry, so cannot be removed.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN an edit adds an actor with no role THEN the reply says he was recorded as participant, and gives the edit that sets it', async () => {
    const said = await text('/entry edit id:13 actors:+Netanyahu');
    expect(said).toContain('Actors: + Benjamin Netanyahu (participant)');
    expect(said).toContain(
      'Benjamin Netanyahu was recorded as participant, as no role was given (roles: initiator, target, mediator, participant, host, subject). To set one: ' +
        '`/entry edit id:13 actors:"Tom Barrack:subject, Asaad al-Shaibani:subject, Ron Dermer:subject, Benjamin Netanyahu:…"`',
    );
  });
});

describe('GIVEN entry #12 in Baku, Azerbaijan, tagged baku and direct-talks', () => {
  beforeEach(async () => {
    expect(await shownField(12, 'Places')).toBe('Baku, Azerbaijan');
    expect(await shownField(12, 'Tags')).toBe('baku, direct-talks');
  });

  it('WHEN an edit gives places:"+Paris" and tags:"+ceasefire, -baku" THEN those items alone change, and the reply names them', async () => {
    const said = await text('/entry edit id:12 places:"+Paris" tags:"+ceasefire, -baku"');
    expect(said).toContain('Places: + Paris');
    expect(said).toContain('Tags: + ceasefire, − baku');
    expect(await shownField(12, 'Places')).toBe('Baku, Azerbaijan, Paris');
    expect(await shownField(12, 'Tags')).toBe('ceasefire, direct-talks');
    expect(await text('/entry edit id:12 places:"-azerbaijan"')).toContain('Places: − Azerbaijan');
    expect(await shownField(12, 'Places')).toBe('Baku, Paris');
  });

  it('WHEN an edit gives plain places:Geneva and tags:ceasefire THEN both lists are replaced, and the reply names what went and the undo', async () => {
    const said = await text('/entry edit id:12 places:Geneva tags:ceasefire');
    expect(said).toContain('Places: + Geneva, − Baku, − Azerbaijan');
    expect(said).toContain('Tags: + ceasefire, − baku, − direct-talks');
    expect(said).toContain('To take this edit back: `/entry undo id:12`');
    expect(await shownField(12, 'Places')).toBe('Geneva');
  });

  it('WHEN an edit re-spells a place with respell:true and adds one THEN the reply lists the place added, not the re-spelled one as taken off', async () => {
    const said = await text('/entry edit id:12 places:"baku, Azerbaijan, Paris" respell:true');
    expect(said).toContain('Places: + Paris\n');
    expect(said).not.toContain('− Baku');
    expect(await shownField(12, 'Places')).toBe('baku, Azerbaijan, Paris');
  });

  it('WHEN a plain list keeps Syria and Israel without roles and changes Ahmed al-Sharaa’s THEN only his change is listed, and no role note names the two', async () => {
    const said = await text('/entry edit id:12 actors:"Syria, Israel, Ahmed al-Sharaa:host"');
    expect(said).toContain('Actors: + Ahmed al-Sharaa (host), − Ahmed al-Sharaa (subject)');
    expect(said).not.toContain('no role was given');
  });

  it('WHEN an edit removes a place the entry does not have THEN it is refused, listing the places it has', async () => {
    const said = await text('/entry edit id:12 places:"-Rome"');
    expect(said).toContain('Option `places`: `-Rome` is not on the entry, so cannot be removed.');
    expect(said).toContain("The entry's places: Baku, Azerbaijan.");
  });
});

describe('GIVEN /entry add', () => {
  const ADD = '/entry add title:"Strike near Quneitra" date:2025-07 type:air-strike topic:syria-israel';

  it('WHEN actors are given without roles THEN the reply names those recorded as participant, and the edit that sets their roles', async () => {
    const said = await text(`${ADD} actors:"Israel, Syria, Dermer:mediator" outlet:AFP`);
    const id = Number(/Added entry #(\d+)/.exec(said)![1]);
    expect(said).toContain(
      'Israel and Syria were recorded as participant, as no role was given (roles: initiator, target, mediator, participant, host, subject). To set theirs: ' +
        `\`/entry edit id:${id} actors:"Israel:…, Syria:…, Ron Dermer:mediator"\``,
    );
    expect(await text(`${ADD} actors:"Israel:initiator, Syria:target" outlet:AFP`)).not.toContain('no role was given');
  });

  it('WHEN no source is given THEN the entry is added, and the reply says it has none and how to add one', async () => {
    const said = await text(`${ADD} actors:"Israel:initiator"`);
    const id = Number(/Added entry #(\d+)/.exec(said)![1]);
    expect(said).toContain(`Entry #${id} has no source. Add one with \`/entry edit id:${id} outlet:… source_url:…\``);
    expect(await text(`${ADD} actors:"Israel:initiator" outlet:AFP`)).not.toContain('has no source');
  });
});

describe('GIVEN /help entry edit', () => {
  it('THEN the list options say a list replaces the entry’s, and how to add or remove one item', async () => {
    const said = await text('/help entry edit');
    expect(said).toContain("actors — Name:role list, replacing the entry's; +Name:role adds one, -Name removes one");
    expect(said).toContain("places — Places list, replacing the entry's; +Place adds one, -Place removes one");
    expect(said).toContain("tags — Tags list, replacing the entry's; +tag adds one, -tag removes one");
  });
});
