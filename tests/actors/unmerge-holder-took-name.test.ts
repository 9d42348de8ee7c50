// /actors unmerge when the actor holding the merged one's links has taken one of its names since
// (renamed to it, or merged on into an actor of that name): the merged actor never comes back
// without a name; the reply names the clash and the commands that free the name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (line: string) => {
  const view = await app.dispatcher.runText(line, admin);
  return { tone: view.tone, text: viewText(view).replaceAll('`', '') };
};
async function ok(line: string): Promise<string> {
  const { tone, text } = await run(line);
  expect(tone, text).toBe('success');
  return text;
}
async function refused(line: string): Promise<string> {
  const { tone, text } = await run(line);
  expect(tone, text).toBe('error');
  return text;
}
/** The commands a reply offers, as the user would copy them. */
const commandsIn = (reply: string) => [...reply.matchAll(/\/actors [a-z]+(?: [a-z_]+:"[^"]*")+/g)].map((m) => m[0]);

beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

/** T. Barrack, named by entry #13, folded into Tom Barrack, which then gave up the alias “T. Barrack”. */
async function mergedBarrackWithoutAlias(aliases = 'Tommy B'): Promise<void> {
  await ok(`/actors add name:"T. Barrack" kind:person aliases:"${aliases}"`);
  await ok('/entry edit id:13 actors:"T. Barrack:subject, Ron Dermer:subject"');
  await ok('/actors merge from:"T. Barrack" into:"Tom Barrack"');
  await ok('/actors alias name:"Tom Barrack" remove:"T. Barrack"');
}

describe('GIVEN T. Barrack merged into Tom Barrack, and Tom Barrack merged on into an actor renamed “T. Barrack”', () => {
  beforeEach(async () => {
    await mergedBarrackWithoutAlias();
    await ok('/actors add name:"Dee" kind:person');
    await ok('/actors edit name:Dee new_name:"T. Barrack" keep_old:false');
    await ok('/actors merge from:"Tom Barrack" into:"T. Barrack"');
  });

  it('WHEN T. Barrack is unmerged THEN it is refused, naming the clash and the rename that frees the name, and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    const refusal = await refused('/actors unmerge name:"T. Barrack"');
    expect(refusal).toContain('The actor T. Barrack was merged into is now called “T. Barrack” itself, so the merged T. Barrack cannot come back under that name.');
    expect(refusal).toContain('Give that actor back the name it had before first: /actors edit name:"T. Barrack" new_name:"Dee", then /actors unmerge name:"T. Barrack"');
    expect(refusal).toContain('Or bring the merged T. Barrack back under another name: /actors unmerge name:"T. Barrack" as:"T. Barrack (2)"');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN the reply’s rename is followed THEN the unmerge brings T. Barrack back under its own name, with its alias and its entry', async () => {
    const [rename, unmerge] = commandsIn(await refused('/actors unmerge name:"T. Barrack"'));
    await ok(rename!);
    const back = await ok(unmerge!);
    expect(back).toMatch(/^T\. Barrack\n/);
    expect(back).toContain('Separated T. Barrack from Dee again: 1 entry link moved back.');
    expect(back).toMatch(/Also known as\s+Tommy B/);
    expect((await run('/entry show 13')).text).toMatch(/T\. Barrack — subject\s+Ron Dermer — subject/);
  });

  it('WHEN it is brought back under another name, as the reply offers THEN it has that name and its entry', async () => {
    const offered = commandsIn(await refused('/actors unmerge name:"T. Barrack"')).find((command) => command.includes(' as:'))!;
    const back = await ok(offered);
    expect(back).toContain('Separated T. Barrack from T. Barrack again, now named T. Barrack (2): 1 entry link moved back.');
    expect((await run('/entry show 13')).text).toMatch(/T\. Barrack \(2\) — subject\s+Ron Dermer — subject/);
  });
});

describe('GIVEN T. Barrack merged into Tom Barrack, which is merged on into a new actor named “T. Barrack”', () => {
  it('WHEN T. Barrack is unmerged THEN it is refused; the rename offered has no former name to give back', async () => {
    await mergedBarrackWithoutAlias();
    await ok('/actors add name:"T. Barrack" kind:person');
    await ok('/actors merge from:"Tom Barrack" into:"T. Barrack"');
    const refusal = await refused('/actors unmerge name:"T. Barrack"');
    expect(refusal).toContain('Give that actor another name first: /actors edit name:"T. Barrack" new_name:NAME, then /actors unmerge name:"T. Barrack"');
    expect(refusal).toContain('/actors unmerge name:"T. Barrack" as:"T. Barrack (2)"');
  });
});

describe('GIVEN T. Barrack (alias Tommy B) merged into Tom Barrack, which was then renamed Tommy B', () => {
  it('WHEN T. Barrack is unmerged THEN it comes back under its name, and the reply says Tommy B kept “Tommy B” and how to move it', async () => {
    await ok('/actors add name:"T. Barrack" kind:person aliases:"Tommy B"');
    await ok('/entry edit id:13 actors:"T. Barrack:subject, Ron Dermer:subject"');
    await ok('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    await ok('/actors edit name:"Tom Barrack" new_name:"Tommy B"');
    const back = await ok('/actors unmerge name:"T. Barrack"');
    expect(back).toMatch(/^T\. Barrack\n/);
    expect(back).toContain('Separated T. Barrack from Tommy B again: 1 entry link moved back.');
    expect(back).toContain(
      '“Tommy B” did not come back: Tommy B, which T. Barrack was separated from, is now called so itself. To move it to T. Barrack, give Tommy B another name without keeping this one, then add it: /actors edit name:"Tommy B" new_name:NAME keep_old:false, then /actors alias name:"T. Barrack" add:"Tommy B"',
    );
    expect(back).not.toContain('/actors merge');
    await ok('/actors edit name:"Tommy B" new_name:"Tom Barrack" keep_old:false');
    await ok('/actors alias name:"T. Barrack" add:"Tommy B"');
    expect((await run('/actor T. Barrack')).text).toMatch(/Also known as\s+Tommy B/);
  });
});
