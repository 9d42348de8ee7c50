// GIVEN the seed dossier, whose oldest entries are dated only to a year (1948, 1967, 1974) and
// others only to a month, WHEN /chart timeline covers only entries no week or month holds, THEN it
// draws no picture and says how many entries it could not count and why; a chart that weeks would
// leave empty is drawn by month only when months draw more of its entries.
import { describe, expect, it } from 'vitest';
import { operatorCommandsForFile } from '../support/test-app.js';
import { introLines, viewText } from '../support/view-text.js';
import { DRAWING } from '../support/drawing.js';

const run = operatorCommandsForFile();

describe('/chart timeline of entries dated only to a year', DRAWING, () => {
  it.each([
    ['since:1967 until:1967', 'Entries per week — since 1967, until 1967', '1 entry in 1967'],
    ['since:1974-01 until:1974-12 by:month', 'Entries per month — since Jan 1974, until Dec 1974', '1 entry from Jan 1974 to Dec 1974'],
    ['topic:syria-israel since:1948 until:1950', 'Entries per month — topic syria-israel, since 1948, until 1950', '1 entry from 1948 to 1950'],
  ])('%s says so in words, with no picture', async (options, title, entries) => {
    for (const data of ['', ' data:true']) {
      const view = await run(`/chart timeline ${options}${data}`);
      expect(view.title).toBe(title);
      expect(introLines(view)).toEqual([`${entries} is dated only to a year, so it is not counted by week or month: there is nothing to chart.`, '/timeline lists them.']);
      expect(view.image).toBeUndefined();
      expect(view.sections).toEqual([]);
      expect(view.buttons ?? []).toEqual([]);
    }
  });

  it('by:week, says how many are dated only to a month, which by:month counts', async () => {
    // Dec 2024: #4–#8 are dated to the month, none to a day.
    const view = await run('/chart timeline since:2024-12 until:2024-12 by:week');
    expect(introLines(view)).toEqual(['5 entries in Dec 2024 are dated only to a month, so they are not counted by week: there is nothing to chart.', 'by:month counts them.']);
    expect(view.image).toBeUndefined();
    const mixed = await run('/chart timeline since:1974 until:1974-12 by:week');
    expect(introLines(mixed)[0]).toBe('1 entry from 1 Jan 1974 to 31 Dec 1974 is dated only to a year, so it is not counted by week or month: there is nothing to chart.');
  });

  it('without by:, stays by week, rather than claiming month-dated entries, when weeks leave out only year-dated ones', async () => {
    expect(introLines(await run('/chart timeline since:1967 until:1967'))).not.toContainEqual(expect.stringMatching(/^By month/));
  });
});

describe('/chart timeline place: of a located place', DRAWING, () => {
  it('counts the entries at every place within it, as /timeline lists them', async () => {
    // Syria holds #6 (Syria), #4, and #10 and #17 (Damascus, Sweida province).
    const view = await run('/chart timeline place:Syria since:2024-06 until:2025-08 data:true');
    expect(introLines(view)[0]).toMatch(/^Bar chart of 4 entries per month from Jun 2024 to Aug 2025/);
    const listed = await run('/timeline place:Syria since:2024-06 until:2025-08');
    expect(introLines(listed)).toContain('Showing 1 to 4 of 4 entries.');
  });
});

describe('/chart timeline alt text, periods tied for the busiest', DRAWING, () => {
  it('names each period tied, not one of them as if it were alone', async () => {
    await run('/entry add title:"Patrol near Quneitra" date:2025-09-10 type:incursion topic:tie-check');
    await run('/entry add title:"Shelling near Quneitra" date:2025-10-10 type:shelling topic:tie-check');
    const view = await run('/chart timeline topic:tie-check since:2025-09 until:2025-10 by:month data:true');
    expect(introLines(view)[0]).toMatch(/; the busiest were Sep 2025 and Oct 2025, with 1 each\.$/);
  });
});

describe('/chart timeline over more years than a chart holds', () => {
  it('says the span in months and which years one chart can show', async () => {
    const text = viewText(await run('/chart timeline since:1948 until:1974'));
    expect(text).toContain('since/until span 324 months.');
    expect(text).toContain('Chart at most 10 years at a time (since:1965 until:1974, say)');
  });
});
