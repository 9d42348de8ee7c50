// GIVEN entries that record fatalities and trend calls made on a topic, WHEN /chart timeline runs
// through the command layer, THEN the fatalities' best estimates are summed per period as a line
// and the calls are marked at their period (arrows), in the picture, its alt text and its Data table;
// entries dated less precisely than the period count in neither; without dates, an actor's or a
// place's chart ends at its newest entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_SIZES } from '../../src/core/charts/chart.js';
import type { Caller } from '../../src/core/caller.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { pngSize } from '../support/png.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
let clock = new Date('2025-08-12T09:00:00Z');
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const ADD = 'topic:syria-israel places:Quneitra actors:"Israel:initiator, Syria:target"';
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);

beforeAll(async () => {
  app = createTestApp('memory:ana', () => clock);
  for (const line of [
    `/entry add title:"Clashes near Quneitra" date:2025-08-05 type:armed-clash fatalities:"3-5-9" fatalities_source:"Health ministry" ${ADD}`,
    `/entry add title:"Strike on a depot" date:2025-08-06 type:air-strike fatalities:2 fatalities_source:"Local residents" ${ADD}`,
    // A span of days from the first of the month is still dated to a day: it counts on a weekly chart.
    `/entry add title:"Shelling along the line" date:2025-08-01 end:2025-08-03 type:shelling fatalities:4 fatalities_source:"Observers" ${ADD}`,
    // Dated to the month only: on a monthly chart, not on a weekly one.
    `/entry add title:"Casualties of August" date:2025-08 type:violence-against-civilians fatalities:7 fatalities_source:"Monitors" ${ADD}`,
  ]) {
    expect((await run(line)).tone).toBe('success');
  }
  expect((await run('/trend set topic:syria-israel direction:improved note:"Talks resume"')).tone).toBe('success');
  clock = new Date('2025-08-20T09:00:00Z');
  expect((await run('/trend set topic:syria-israel direction:deteriorated note:"Clashes spread north"')).tone).toBe('success');
});
afterAll(() => app?.dispose());

const WEEKLY = '/chart timeline topic:syria-israel since:2025-07-28 until:2025-08-24 by:week';

describe('/chart timeline with fatalities and trend calls', DRAWING, () => {
  it('sums the best estimates per week, marks the calls at their weeks, and says both in the alt text', async () => {
    const view = await run(WEEKLY);
    const alt = view.image!.alt;
    // Weeks are labelled by their first day; the range runs to the last week's last day.
    expect(alt).toContain('per week from 28 Jul 2025 through the week starting 18 Aug 2025');
    expect(alt).toContain('; a line of fatalities (best estimates), 11 in all, most in the week starting 4 Aug 2025 (7)');
    expect(alt).toContain('; 2 trend calls (1 improved and 1 deteriorated), the latest deteriorated (↑) in the week starting 18 Aug 2025. ');
    // The picture's alt text describes it; the text under the title does not say it again.
    expect(introLines(view).join('\n')).not.toContain('Bar chart');
    // The month-dated entry's 7 are not on the line: the note says so.
    expect(introLines(view)[0]).toBe('1 entry dated Aug 2025, with 7 reported killed, is not on this chart (by:month shows those dated to a month).');
    expect(pngSize(await view.image!.png())).toEqual(CHART_SIZES.timeline);
  });

  it('gives each week its fatalities and calls in the Data table', async () => {
    const table = rows(await run(`${WEEKLY} data:true`));
    expect(table.find((row) => row.startsWith('28 Jul 2025'))).toMatch(/Shelling 1, Fatalities \(best estimates\) 4$/);
    expect(table.find((row) => row.startsWith('4 Aug 2025'))).toMatch(/Armed clash 1, Air\/drone strike 1, .*Fatalities \(best estimates\) 7$/);
    // Weeks whose entries record no figure show none: unknown is not zero.
    expect(table.find((row) => row.startsWith('11 Aug 2025'))).toMatch(/ 0 {2}Trend calls: improved \(↓\)$/);
    expect(table.find((row) => row.startsWith('18 Aug 2025'))).toMatch(/ 0 {2}Trend calls: deteriorated \(↑\)$/);
  });

  it('counts the month-dated entry and its fatalities by month, and names each call’s topic on a chart of every topic', async () => {
    const monthly = rows(await run('/chart timeline since:2025-08 until:2025-08 by:month data:true'));
    expect(monthly.find((row) => row.startsWith('Aug 2025'))).toMatch(/Violence against civilians 1, .*Fatalities \(best estimates\) 18, Trend calls: syria-israel improved \(↓\); syria-israel deteriorated \(↑\)$/);
  });

  it('without dates, covers up to the newest entry of the actor or place asked for', async () => {
    for (const filter of ['actor:Israel', 'place:Quneitra']) {
      const table = rows(await run(`/chart timeline ${filter} by:week data:true`));
      expect(table.at(-1)).toMatch(/^4 Aug 2025 +2  Armed clash 1, Air\/drone strike 1/);
    }
  });

  it('without by:, draws months when weeks would leave out more entries (dated to a month) than they draw', async () => {
    // The seed dossier: most of its entries are dated to July 2025 only.
    const seedOnly = '/chart timeline until:2025-07-31';
    const view = await run(seedOnly);
    expect(view.title).toMatch(/^Entries per month/);
    expect(introLines(view)[0]).toBe('By month, as most of these entries are dated only to a month (by:week draws weeks).');
    const weekly = await run(`${seedOnly} by:week`);
    expect(weekly.title).toMatch(/^Entries per week/);
    expect(introLines(weekly)[0]).toMatch(/^\d+ entries dated less precisely than a week are not on this chart/);
    // Its Data table gives a run of empty weeks one row, up to the last week's Sunday.
    const table = rows(await run(`${seedOnly} by:week data:true`));
    expect(table.slice(0, 3)).toEqual([expect.stringMatching(/^Week of +Total$/), expect.stringMatching(/^29 Jul 2024 – 6 Jul 2025 +0$/), expect.stringMatching(/^7 Jul 2025 +2 /)]);
    // Where weeks draw most entries, they stay.
    expect((await run('/chart timeline place:Quneitra')).title).toMatch(/^Entries per week/);
  });

  it('draws neither when no entry records fatalities and no call was made', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2025-06 until:2025-06-30 by:week');
    expect(introLines(view)[0]).not.toMatch(/fatalities|trend calls/);
  });
});
