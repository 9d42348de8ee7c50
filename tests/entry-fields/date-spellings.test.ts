// Dates as people paste or write them: dashes autocorrected to – or —, the year first with
// slashes (a month too: 2025/07), and a day written before its month and year, which is refused with the date meant.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk([['/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel', 'Added entry #18.']]);

describe('GIVEN entry #18, dated 15 Nov 2026', () => {
  it.each([
    ['2025–07–12', '12 Jul 2025'],
    ['2025—07', 'Jul 2025'],
    ['2025‒07‒12', '12 Jul 2025'],
    ['2025−07', 'Jul 2025'],
    ['2025/07/12', '12 Jul 2025'],
    ['2025/7/5', '5 Jul 2025'],
    ['2025/07', 'Jul 2025'],
    ['2025/7', 'Jul 2025'],
  ])('WHEN an edit gives date:%s THEN the entry is dated %s', async (typed, shown) => {
    const said = await text(`/entry edit id:18 date:${typed}`);
    expect(said).toContain('Updated #18: date.');
    expect(said).toContain(`Date        ${shown}`);
  });

  it.each([
    ['29/07/2025', 'The year goes first: did you mean 2025-07-29?'],
    ['28-07-2025', 'The year goes first: did you mean 2025-07-28?'],
    ['07/29/2025', 'The year goes first: did you mean 2025-07-29?'],
    ['12/07/2025', '`12/07/2025` could be 12 July or 7 December 2025: write 2025-07-12 or 2025-12-07.'],
  ])('WHEN an edit gives date:%s THEN it is refused, saying which date to write', async (typed, hint) => {
    const said = await text(`/entry edit id:18 date:${typed}`);
    expect(said).toContain(`Option \`date\` of \`/entry edit\` must be a date like 2025, 2025-07 or 2025-07-12 — got \`${typed}\`.`);
    expect(said).toContain(hint);
    expect(await text('/entry show 18')).toContain('15 Nov 2026');
  });

  it('WHEN an edit gives date:2025–13 THEN the refusal says there is no month 13', async () => {
    expect(await text('/entry edit id:18 date:2025–13')).toContain('There is no month 13: months run from 01 to 12.');
  });

  it('WHEN an edit gives date:2025/13 THEN the refusal says there is no month 13 and the entry keeps its date', async () => {
    expect(await text('/entry edit id:18 date:2025/13')).toContain('There is no month 13: months run from 01 to 12.');
    expect(await text('/entry show 18')).toContain('15 Nov 2026');
  });
});

describe('GIVEN the seeded syria-israel timeline', () => {
  it('WHEN /timeline is asked since:2025–07, with an en dash THEN it shows the entries since July 2025', async () => {
    expect(await text('/timeline topic:syria-israel since:2025–07')).toContain('Timeline — topic syria-israel, since Jul 2025');
  });

  it('WHEN /timeline is asked since:2025/07, with a slash THEN it shows the entries since July 2025', async () => {
    expect(await text('/timeline topic:syria-israel since:2025/07')).toContain('Timeline — topic syria-israel, since Jul 2025');
  });
});
