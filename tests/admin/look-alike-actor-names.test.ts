// A name that only looks like an actor's (a Cyrillic `а` in "Ahmed al-Sharаa") must not become
// a second actor that takes entries away from the real one: every path that adds a name refuses
// a word mixing Latin, Greek and Cyrillic letters, naming the letter, and a name that reads the
// same as a stored one, naming its actor. Names wholly in one alphabet or script stay welcome.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { lookAlikeRefusal } from '../../src/core/look-alike-names.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let dir: string;
const operator: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
beforeEach(() => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-look-alikes-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The reply, and whether the command was refused. */
async function reply(line: string): Promise<{ text: string; refused: boolean }> {
  const view = await app.dispatcher.runText(line, operator);
  return { text: viewText(view).replaceAll('`', ''), refused: view.tone === 'error' };
}
async function ok(line: string): Promise<string> {
  const { text, refused } = await reply(line);
  expect(refused, text).toBe(false);
  return text;
}
/** Refused, with the store as it was. */
async function refusal(line: string): Promise<string> {
  const before = storeFingerprint(app.db);
  const { text, refused } = await reply(line);
  expect(refused, text).toBe(true);
  expect(storeFingerprint(app.db)).toBe(before);
  return text;
}

// The second-to-last `а` of each is Cyrillic (U+0430).
const SHARAA_CYRILLIC_A = 'Ahmed al-Shar\u0430a';
const ASSAD_CYRILLIC_A = 'B\u0430shar al-Assad';

describe('GIVEN a name with a Cyrillic letter in a Latin word', () => {
  it('WHEN an admin adds it as an actor THEN it is refused, naming the letter and the actor it reads as', async () => {
    const text = await refusal(`/actors add name:"${SHARAA_CYRILLIC_A}" kind:person`);
    expect(text).toContain(`“${SHARAA_CYRILLIC_A}” mixes alphabets in one word: in “Shar\u0430a”, the 5th letter “\u0430” (U+0430) is Cyrillic; the others are Latin.`);
    expect(text).toContain('It reads as “Ahmed al-Sharaa”, the name of Ahmed al-Sharaa: to mean that actor, use that name (see /actor Ahmed al-Sharaa).');
    expect((await ok('/actors list kind:person')).match(/Ahmed al-Shar/g)).toHaveLength(1);

    const assad = await refusal(`/actors add name:"${ASSAD_CYRILLIC_A}" kind:person`);
    expect(assad).toContain('in “B\u0430shar”, the 2nd letter “\u0430” (U+0430) is Cyrillic; the others are Latin.');
    expect(assad).toContain('It reads as “Bashar al-Assad”, the name of Bashar al-Assad');
  });

  it('WHEN it names no actor yet THEN the refusal offers the Latin spelling to type', async () => {
    const text = await refusal('/actors add name:"M\u043ergan Ortagus" kind:person');
    expect(text).toContain('the 2nd letter “\u043e” (U+043E) is Cyrillic');
    expect(text).toContain('Type it in Latin letters only: “Morgan Ortagus”.');
  });

  it('WHEN it is added as an alias, by /actors alias or /actors edit, THEN it is refused', async () => {
    expect(await refusal('/actors alias name:"Tom Barrack" add:"Tom B\u0430rrack"')).toContain('the 2nd letter “\u0430” (U+0430) is Cyrillic');
    expect(await refusal('/actors edit name:Dermer aliases:"R. Dermer, R\u03bfn Dermer"')).toContain('in “R\u03bfn”, the 2nd letter “\u03bf” (U+03BF) is Greek; the others are Latin.');
    expect(await refusal(`/actors add name:"Hakan Fidan" kind:person aliases:"Fidan, ${SHARAA_CYRILLIC_A}"`)).toContain('mixes alphabets');
  });

  it('WHEN a merged actor would come back under it (/actors unmerge as:) THEN it is refused', async () => {
    await ok('/actors add name:"T. Barrack" kind:person');
    await ok('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    expect(await refusal('/actors unmerge name:"T. Barrack" as:"T. B\u0430rrack"')).toContain('is Cyrillic');
  });

  it('WHEN an entry names it THEN the refusal offers the real actor first, and no way to create the look-alike', async () => {
    const text = await refusal(`/entry add title:"Sharaa visits" date:2025-07-01 type:talks topic:syria-israel actors:"${ASSAD_CYRILLIC_A}:participant"`);
    expect(text).toContain(`No actor is called ${ASSAD_CYRILLIC_A} (option actors): in “B\u0430shar”, the 2nd letter “\u0430” (U+0430) is Cyrillic`);
    expect(text).toContain('Closest known names: Bashar al-Assad');
    expect(text).not.toContain('/actors add');
    // Every letter that can be Cyrillic is: a typo-distance away from nothing, it still reads as him.
    const disguised = '\u0412\u0430sh\u0430r \u0430l-\u0410ss\u0430d';
    expect((await refusal(`/timeline actor:"${disguised}"`))).toContain('Closest known names: Bashar al-Assad');
  });
});

describe('GIVEN a name wholly in one alphabet that reads the same as a stored name', () => {
  // Ѕугіа: Cyrillic dze, u, ghe, i, a.
  const SYRIA_CYRILLIC = '\u0405\u0443\u0433\u0456\u0430';

  it('WHEN it is added THEN it is refused naming the actor, and the alias it offers can be added to that actor', async () => {
    const text = await refusal(`/actors add name:"${SYRIA_CYRILLIC}" kind:state`);
    expect(text).toContain(`“${SYRIA_CYRILLIC}” looks the same as “Syria”, the name of Syria: they differ only in letters that look alike (Latin, Greek or Cyrillic).`);
    expect(text).toContain(`/actors alias name:"Syria" add:"${SYRIA_CYRILLIC}"`);
    expect(await refusal(`/actors alias name:Israel add:"${SYRIA_CYRILLIC}"`)).toContain('looks the same as “Syria”');
    await ok(`/actors alias name:"Syria" add:"${SYRIA_CYRILLIC}"`);
  });

  it('WHEN the stored name is the Cyrillic one THEN a Latin name that reads the same is refused', async () => {
    await ok('/actors add name:"\u041a\u0430\u0441\u0440\u0430" kind:person');
    expect(await refusal('/actors add name:"Kacpa" kind:person')).toContain('“Kacpa” looks the same as “\u041a\u0430\u0441\u0440\u0430”, the name of \u041a\u0430\u0441\u0440\u0430');
  });
});

describe('GIVEN names wholly in one non-Latin script', () => {
  it('WHEN they are added, as actors or aliases THEN they are kept', async () => {
    await ok('/actors alias name:"Ahmed al-Sharaa" add:"أحمد الشرع"');
    await ok('/actors add name:"Сергей Лавров" kind:person title:"Russian Foreign Minister"');
    await ok('/actors add name:"Νίκος Δένδιας" kind:person');
    await ok('/actors add name:"גדעון סער" kind:person aliases:"Gideon Saar"');
    const entry = await ok('/entry add title:"Lavrov meets Sharaa" date:2025-07-02 type:talks topic:syria-israel actors:"Сергей Лавров:participant, أحمد الشرع:participant"');
    expect(entry).toContain('Сергей Лавров');
    expect(await ok('/timeline actor:"Ahmed al-Sharaa"')).toContain('Lavrov meets Sharaa');
  });
});

describe('GIVEN an import whose rows name a look-alike actor', () => {
  it('WHEN imported with --create-actors THEN the look-alike is not created and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const rows = [{ title: 'Sharaa visits', date: '2025-07-01', type: 'talks', topic: 'syria-israel', actors: [`${SHARAA_CYRILLIC_A}:participant`] }];
    const result = await runProgram(runImport, [fileIn(dir, 'look-alike.json', JSON.stringify(rows)), '--create-actors'], { SITREP_DB: app.dbPath });
    expect(`${result.stdout}\n${result.stderr}`).toContain('the 5th letter “\u0430” (U+0430) is Cyrillic');
    expect(result.status).not.toBe(0);
    expect(storeFingerprint(app.db)).toBe(before);
    expect(app.db.prepare('SELECT count(*) FROM actors WHERE name = ?').pluck().get(SHARAA_CYRILLIC_A)).toBe(0);
  });
});

describe('GIVEN the names an import would create (lookAlikeRefusal, for a row-by-row refusal)', () => {
  it('THEN the first that mixes alphabets or reads as a stored name is refused in one line, and others pass', () => {
    expect(lookAlikeRefusal(['Hamas', SHARAA_CYRILLIC_A], app.dossier)).toMatch(
      /^“Ahmed al-Shar\u0430a” mixes alphabets in one word: .*the 5th letter “\u0430” \(U\+0430\) is Cyrillic.* It reads as “Ahmed al-Sharaa”, the name of Ahmed al-Sharaa/,
    );
    expect(lookAlikeRefusal(['\u0405\u0443\u0433\u0456\u0430'], app.dossier)).toContain('looks the same as “Syria”, the name of Syria');
    expect(lookAlikeRefusal(['Hamas', 'Сергей Лавров', 'أحمد الشرع'], app.dossier)).toBeUndefined();
  });
});
