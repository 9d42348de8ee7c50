// Dates typed as American and European clocks and exports write them — month and day in numbers
// (`7/14`, `14/7/2025`), a day with a time (`2025-07-14T09:30`) where only a day is taken — are
// refused, never guessed: the reply says how Sitrep writes the date meant, with the corrected
// command when only one date fits, and both dates when the order is in doubt.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const today = new Date('2026-12-05T12:00:00Z');
const app = createTestApp('', () => today);
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
/** A reply as a user reads it, commands and values without their code marks. */
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator)).replaceAll('`', '');

describe('GIVEN a day and month typed in numbers', () => {
  it('WHEN /entry add gives date:7/14 THEN the refusal offers 14 July of this year, written year first, as a whole command', async () => {
    const said = await reply('/entry add title:"Talks in Baku" date:7/14 type:talks topic:syria-israel');
    expect(said).toContain('must be a date like 2025, 2025-07 or 2025-07-12 — got 7/14.');
    expect(said).toContain('A date is written year first, with its year: did you mean date:2026-07-14?');
    expect(said).toContain('Corrected: /entry add title:"Talks in Baku" date:2026-07-14 type:talks topic:syria-israel');
  });

  it('WHEN /entry add gives date:14/7/2025 THEN the refusal gives the command with date:2025-07-14', async () => {
    const said = await reply('/entry add title:"Talks in Baku" date:14/7/2025 type:talks topic:syria-israel');
    expect(said).toContain('The year goes first: did you mean 2025-07-14?');
    expect(said).toContain('Corrected: /entry add title:"Talks in Baku" date:2025-07-14 type:talks topic:syria-israel');
    expect(await reply('/timeline since:2025-07-14 until:2025-07-14')).not.toContain('Talks in Baku');
  });

  it('WHEN since:7/8 could be 7 August or 8 July THEN the refusal says so and shows both, with no command', async () => {
    const said = await reply('/timeline since:7/8');
    expect(said).toContain('7/8 could be 7 August or 8 July: write it year first, with its year, since:2026-08-07 or since:2026-07-08.');
    expect(said).not.toContain('Corrected:');
  });

  it('WHEN since and until are both typed so THEN one corrected command holds both', async () => {
    const said = await reply('/timeline since:14/7/2025 until:20/7/2025');
    expect(said.match(/Corrected:/g)).toHaveLength(1);
    expect(said).toContain('Corrected: /timeline since:2025-07-14 until:2025-07-20');
  });

  it('WHEN as_of:14/7/2025 is typed THEN the refusal gives the past view command with as_of:2025-07-14', async () => {
    expect(await reply('/timeline topic:syria-israel as_of:14/7/2025')).toContain('Corrected: /timeline topic:syria-israel as_of:2025-07-14');
  });
});

describe('GIVEN a day typed with a time of day', () => {
  // Exports write seconds to the microsecond (`.123456`): the day is offered for those too.
  it.each(['2025-07-14T09:30', '"2025-07-14 09:30Z"', '2025-07-14T09:30:00+03:00', '2025-07-14T09:30:00.123456+00:00'])('WHEN since:%s is typed THEN the refusal says since takes a day, offering since:2025-07-14', async (typed) => {
    const said = await reply(`/timeline since:${typed}`);
    expect(said).toContain('since takes a day only, so write since:2025-07-14 without the time.');
    expect(said).toContain('Corrected: /timeline since:2025-07-14');
  });

  it('WHEN as_of:2025-07-14T09:30 is typed THEN the past view reads the time, not only its day (see tests/as-of/time-of-day.test.ts)', async () => {
    const said = await reply('/entry show id:12 as_of:"2025-07-14 09:30Z"');
    expect(said).toContain('Entry #12 did not exist yet as of 14 Jul 2025 09:30 (UTC)');
    expect(said).not.toContain('Corrected:');
  });
});
