// A merge and its undoing say how many entry links moved; an actor on no entry says so in words.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator));

describe('GIVEN an actor on no entry, merged into Tom Barrack', () => {
  it('WHEN merged THEN the reply says no link moved, not "0 entry links moved"', async () => {
    expect(await reply('/actors add name:"T. Barrack" kind:person')).not.toMatch(REFUSAL_TITLE);
    const said = await reply('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    expect(said).toContain('Merged T. Barrack into Tom Barrack: T. Barrack was on no entry, so no link moved; “T. Barrack” is now an alias.');
    expect(said).not.toContain('0 entry links');
  });

  it('WHEN unmerged THEN the reply says there was no entry link to move back', async () => {
    const said = await reply('/actors unmerge name:"T. Barrack"');
    expect(said).toContain('Separated T. Barrack from Tom Barrack again: no entry link to move back.');
    expect(said).not.toContain('0 entry links');
  });
});
