// Refusals of a number: the value is repeated without a second full stop (`got 12.`), and an id
// past the largest exact number is told its limit in digits.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const reader: Caller = { platform: 'memory', userId: 'reader' };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

describe('GIVEN an entry number typed wrong', () => {
  it('WHEN it ends with a full stop THEN the refusal ends with that one, not a second', async () => {
    const said = await reply('/entry show 12.');
    expect(said).toMatch(/must be a whole number, 1 or more — got `12\.`$/m);
  });

  it('WHEN it has 20 digits THEN the refusal says how many digits an id may have', async () => {
    const said = await reply('/entry show 99999999999999999999');
    expect(said).toContain('must be a whole number, 1 or more, of at most 15 digits — got `99999999999999999999`.');
    expect(said).not.toContain('9,007,199,254,740,991');
  });

  it('WHEN it is too large for a limited option THEN the range is still given', async () => {
    expect(await reply('/timeline limit:99')).toContain('must be a whole number from 1 to 25 — got `99`.');
  });
});
