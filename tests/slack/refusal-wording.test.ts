// GIVEN a refused command on Slack, WHEN a screen reader reads the answer (its header, or the
// fallback text a notification and a client without blocks show), THEN both open with the same
// words the console and Discord show, "Cannot do that", with no sign read out by its name before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, textsOf, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: 'slack:U0ADMIN' });
});
afterAll(async () => {
  await h?.close();
});

describe('GIVEN /timeline with a date Sitrep cannot read', () => {
  it('WHEN Slack shows the refusal THEN the header and the fallback text both say "Cannot do that", with no sign before it', async () => {
    const body = await h.command('/timeline since:notadate');
    expect(textsOf(body)[0]).toBe('Cannot do that');
    expect(body.text).toMatch(/^Cannot do that\n/);
  });
});
