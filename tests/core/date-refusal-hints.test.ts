// A date typed without its year (`since:"July 12"`, `since:July`) or with its digits run together
// (`20250712`) is refused, as before, with the date it likely meant written the way Sitrep reads it.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator));
const year = new Date().getUTCFullYear();

describe('GIVEN a date option', () => {
  it.each(['"July 12"', '"12 July"', '"Jul 12th"'])('WHEN since:%s has no year THEN the refusal says to add it, with an example', async (typed) => {
    const said = await reply(`/timeline since:${typed}`);
    expect(said).toContain('must be a date like 2025, 2025-07 or 2025-07-12');
    expect(said).toContain(`A date needs its year: add it, e.g. since:"12 July ${year}".`);
  });

  it('WHEN /entry add gives date:"July 12" THEN the refusal names date: in its example', async () => {
    expect(await reply('/entry add title:"Talks in Baku" date:"July 12" type:talks topic:syria-israel')).toContain(`A date needs its year: add it, e.g. date:"12 July ${year}".`);
  });

  it('WHEN since:July is typed alone THEN the refusal says the month needs its year, not that spaces go in quotes', async () => {
    const said = await reply('/timeline since:July');
    expect(said).toContain(`A month needs its year: add it, e.g. since:"July ${year}" or since:${year}-07.`);
    expect(said).not.toContain('A date with spaces goes in quotes');
  });

  it('WHEN since:July 2025 is typed without quotes THEN the refusal still says a date with spaces goes in quotes', async () => {
    expect(await reply('/timeline since:July 2025')).toContain('A date with spaces goes in quotes: since:"Jul 2025".');
  });

  it('WHEN since:20250712 runs its digits together THEN the refusal offers since:2025-07-12', async () => {
    expect(await reply('/timeline since:20250712')).toContain('Did you mean since:2025-07-12?');
  });

  // Names every JavaScript object answers to (`constructor`, `__proto__`) are no day words either.
  it.each(['constructor', '__proto__', 'toString'])('WHEN since:%s is typed THEN it is refused as no date, and nothing is changed', async (typed) => {
    expect(await reply(`/timeline since:${typed}`)).toContain(`must be a date like 2025, 2025-07 or 2025-07-12 — got \`${typed}\`.`);
    const before = await reply('/timeline');
    expect(await reply(`/entry add title:"Talks in Baku" date:${typed} type:talks topic:syria-israel`)).toContain(`must be a date like 2025, 2025-07 or 2025-07-12 — got \`${typed}\`.`);
    expect(await reply('/timeline')).toBe(before);
  });

  it('WHEN digits run together name no day THEN nothing is offered', async () => {
    expect(await reply('/timeline since:20251399')).not.toContain('Did you mean');
  });
});
