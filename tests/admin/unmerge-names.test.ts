// /actors unmerge and the names another actor has taken since the merge: the reply names each
// name that stayed where it is, with the commands that move it back; and when the folded actor's
// own name is taken, the refusal offers fixes that work when followed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, admin)).replaceAll('`', '');
async function ok(line: string): Promise<string> {
  const view = await app.dispatcher.runText(line, admin);
  expect(view.tone, viewText(view)).toBe('success');
  return viewText(view).replaceAll('`', '');
}
/** The lines of a reply that name a command, as the user would copy them. */
const commandsIn = (reply: string) => [...reply.matchAll(/\/actors [a-z]+(?: [a-z]+:"[^"]*")+/g)].map((m) => m[0]);

beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

/** T. Barrack, named by entry #13, folded into Tom Barrack. */
async function mergedBarrack(aliases: string): Promise<void> {
  await ok(`/actors add name:"T. Barrack" kind:person aliases:"${aliases}"`);
  await ok('/entry edit id:13 actors:"T. Barrack:subject, Ron Dermer:subject"');
  await ok('/actors merge from:"T. Barrack" into:"Tom Barrack"');
}

describe('GIVEN a merged actor some of whose names other actors have taken since', () => {
  it('WHEN it is unmerged THEN the reply names each name that stayed, who holds it, and the commands that give it back', async () => {
    await mergedBarrack('Thomas Barrack Jr, Tommy B');
    await ok('/actors alias name:"Tom Barrack" remove:"Thomas Barrack Jr"');
    await ok('/actors alias name:"Ron Dermer" add:"Thomas Barrack Jr"');
    await ok('/actors alias name:"Tom Barrack" remove:"Tommy B"');
    await ok('/actors add name:"Tommy B" kind:person');

    const back = await ok('/actors unmerge name:"T. Barrack"');
    expect(back).toContain('Separated T. Barrack from Tom Barrack again: 1 entry link moved back.');
    expect(back).toContain(
      '“Thomas Barrack Jr” did not come back: it is now an alias of Ron Dermer. To move it back: /actors alias name:"Ron Dermer" remove:"Thomas Barrack Jr", then /actors alias name:"T. Barrack" add:"Thomas Barrack Jr"',
    );
    expect(back).toContain(
      '“Tommy B” did not come back: it is now the name of another actor. If the two are one actor, fold that one in, and “Tommy B” becomes an alias of T. Barrack: /actors merge from:"Tommy B" into:"T. Barrack"',
    );
    expect(await text('/actor T. Barrack')).not.toContain('Also known as');

    // Following the reply gives T. Barrack both names.
    for (const command of commandsIn(back)) await ok(command);
    expect(await text('/actor T. Barrack')).toMatch(/Also known as\s+Thomas Barrack Jr, Tommy B/);
    expect(await text('/actor Ron Dermer')).not.toContain('Thomas Barrack Jr');
  });

  it('WHEN its own name is now another actor’s THEN the refusal offers fixes, and following them brings it back', async () => {
    await mergedBarrack('Tommy B');
    await ok('/actors alias name:"Tom Barrack" remove:"T. Barrack"');
    await ok('/actors add name:"T. Barrack" kind:person title:"Newer profile"');
    const before = storeFingerprint(app.db);

    const refused = await app.dispatcher.runText('/actors unmerge name:"T. Barrack"', admin);
    expect(refused.tone).toBe('error');
    const refusal = viewText(refused).replaceAll('`', '');
    expect(refusal).toContain('“T. Barrack” is now the name of another actor, so the T. Barrack merged into Tom Barrack cannot come back under it.');
    expect(refusal).toContain('Bring it back under another name: /actors unmerge name:"T. Barrack" as:"T. Barrack (2)"');
    expect(refusal).toContain('If the two are one actor, then fold the newer one into it (“T. Barrack” becomes its alias): /actors merge from:"T. Barrack" into:"T. Barrack (2)"');
    expect(refusal).not.toContain('/actors alias');
    expect(storeFingerprint(app.db)).toBe(before);

    const [unmerge, merge] = commandsIn(refusal);
    const back = await ok(unmerge!);
    expect(back).toContain('Separated T. Barrack from Tom Barrack again, now named T. Barrack (2): 1 entry link moved back.');
    expect(back).toMatch(/Also known as\s+Tommy B/);
    expect(await text('/entry show 13')).toMatch(/T\. Barrack \(2\) — subject\s+Ron Dermer — subject/);
    expect(await text('/actor Tom Barrack')).not.toContain('Tommy B');

    await ok(merge!);
    const one = await text('/actor T. Barrack');
    expect(one).toMatch(/^T\. Barrack \(2\)\n/);
    expect(one).toMatch(/Title\s+Newer profile/);
    expect(one).toMatch(/Also known as\s+T\. Barrack, Tommy B/);
  });

  it('WHEN its own name is now another actor’s alias THEN removing it, as the refusal says, lets the unmerge through', async () => {
    await mergedBarrack('Tommy B');
    await ok('/actors alias name:"Tom Barrack" remove:"T. Barrack"');
    await ok('/actors alias name:"Ron Dermer" add:"T. Barrack"');
    const refusal = await text('/actors unmerge name:"T. Barrack"');
    expect(refusal).toContain('“T. Barrack” is now an alias of Ron Dermer, so T. Barrack cannot come back under it.');
    expect(refusal).toContain('Remove it from Ron Dermer first: /actors alias name:"Ron Dermer" remove:"T. Barrack"');
    expect(refusal).toContain('Or bring T. Barrack back under another name: /actors unmerge name:"T. Barrack" as:"T. Barrack (2)"');
    await ok(commandsIn(refusal)[0]!);
    expect(await ok('/actors unmerge name:"T. Barrack"')).toContain('Separated T. Barrack from Tom Barrack again: 1 entry link moved back.');
  });

  it('WHEN the name to come back under is taken THEN the unmerge is refused, naming the option, and nothing changes', async () => {
    await mergedBarrack('Tommy B');
    const before = storeFingerprint(app.db);
    const taken = await app.dispatcher.dispatchText('/actors unmerge name:"T. Barrack" as:Dermer', admin, 'r1');
    expect(taken.refusedOption).toBe('as');
    expect(viewText(taken.view).replaceAll('`', '')).toContain('Option as: “Dermer” already names Ron Dermer.');
    expect(viewText((await app.dispatcher.dispatchText('/actors unmerge name:"T. Barrack" as:Barrack', admin, 'r2')).view).replaceAll('`', '')).toContain(
      'Option as: “Barrack” is a name of Tom Barrack, not of T. Barrack.',
    );
    expect(storeFingerprint(app.db)).toBe(before);
    // One of its own aliases is free to come back as its name; its name then is an alias.
    expect(await ok('/actors unmerge name:"T. Barrack" as:"Tommy B"')).toContain('Separated T. Barrack from Tom Barrack again, now named Tommy B: 1 entry link moved back.');
    expect(await text('/actor Tommy B')).toMatch(/Also known as\s+T\. Barrack/);
  });
});
