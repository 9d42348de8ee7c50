// How the confirmation posted in a channel words its schedule: days in full, and a cron
// expression read out where that is simple, with the expression itself kept beside the words.
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleWords } from '../../src/core/digest/schedule.js';
import { Harness } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}

describe('GIVEN a channel subscribing', () => {
  it.each([
    ['weekly mon 09:00', 'here weekly on Monday at 09:00 (UTC).'],
    ['weekly Sunday 23:30', 'here weekly on Sunday at 23:30 (UTC).'],
    ['daily 08:00', 'here daily at 08:00 (UTC).'],
    ['0 8 * * fri-sun', 'here at 08:00 on Friday to Sunday (`0 8 * * fri-sun`, UTC).'],
    ['30 7,19 * * mon-fri', 'here at 07:30 and 19:30 on Monday to Friday (`30 7,19 * * mon-fri`, UTC).'],
    ['0 9 1 * *', 'here at 09:00 on day 1 of the month (`0 9 1 * *`, UTC).'],
    ['*/30 * * * *', 'here every 30 minutes (`*/30 * * * *`, UTC).'],
    // No simple reading: the expression alone, as before.
    ['*/30 6-9 * jan-mar *', 'here on the schedule `*/30 6-9 * jan-mar *` (UTC).'],
  ])('WHEN the schedule is %s THEN the confirmation reads “%s”', async (schedule, words) => {
    const h = harness();
    await h.subscribe(`schedule:"${schedule}"`);
    expect(h.poster.confirmations[0]!.text).toContain(`Sitrep will post a digest of the dossier ${words}`);
  });
});

describe('GIVEN cron expressions read out', () => {
  it.each([
    ['0 8 * * sat,sun', 'at 08:00 on Saturday and Sunday'],
    ['0 8 * * 1,3,5', 'at 08:00 on Monday, Wednesday and Friday'],
    ['0 8 * * 0', 'at 08:00 every Sunday'],
    ['0 8 * * *', 'at 08:00 every day'],
    ['0 */2 * * *', 'every 2 hours'],
    ['0 * * * *', 'every hour'],
    ['5-59/15 * * * *', 'every 15 minutes from 00:05 to 23:50'],
    ['*/30 6-9 * * *', 'every 30 minutes from 06:00 to 09:30'],
  ])('THEN %s reads “%s”', (cron, words) => {
    expect(scheduleWords(cron)).toEqual({ words, cron });
  });
});
