// GIVEN an entry dated on the Monday of this week and a trend call made today (Saturday 5 Dec
// 2026), WHEN /chart timeline runs by week or by month, with or without since/until, THEN no
// period starting after today is drawn (the last one drawn holds today, and a note says it is not
// over), and the trend call is marked wherever its period is drawn, the default chart included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText, introLines } from '../support/view-text.js';

let app: TestApp;
const today = new Date('2026-12-05T12:00:00Z');
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);

beforeAll(async () => {
  app = createTestApp('memory:ana', () => today);
  expect((await run('/entry add title:"Strike A" date:2026-11-30 type:air-strike topic:syria-israel places:Damascus')).tone).toBe('success');
  expect((await run('/trend set topic:syria-israel direction:deteriorated note:"Strikes resume"')).tone).toBe('success');
});
afterAll(() => app?.dispose());

const WEEK_NOTE = 'The week starting 30 Nov 2026 is not over: it is counted up to today, 5 Dec 2026.';
const MONTH_NOTE = 'Dec 2026 is not over: it is counted up to today, 5 Dec 2026.';

describe('/chart timeline around today', () => {
  it('marks today’s trend call on the default chart, whose last week holds today, and says that week is not over', async () => {
    const view = await run('/chart timeline topic:syria-israel data:true');
    expect(introLines(view)[0]).toContain('from 1 Dec 2025 through the week starting 30 Nov 2026');
    expect(introLines(view)[0]).toContain('; 1 trend call, deteriorated (↑) in the week starting 30 Nov 2026.');
    expect(introLines(view)).toContain(WEEK_NOTE);
    expect(rows(view).at(-1)).toMatch(/^30 Nov 2026 +1 {2}Air\/drone strike 1, Trend calls: deteriorated \(↑\)$/);
    // The picture says the same as its Data table.
    const picture = await run('/chart timeline topic:syria-israel');
    expect(picture.image?.alt).toContain('deteriorated (↑) in the week starting 30 Nov 2026');
    expect(introLines(picture)).toContain(WEEK_NOTE);
  });

  it('draws no week after today’s when until is later, and marks the call in today’s week', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2026-11 until:2026-12 by:week data:true');
    const text = viewText(view);
    // since falls on the Sunday of the week starting 26 Oct: that bar counts 1 Nov alone, and says so.
    expect(introLines(view)[0]).toContain('per week from 1 Nov 2026 through the week starting 30 Nov 2026');
    expect(introLines(view)).toContain(WEEK_NOTE);
    expect(rows(view).at(-1)).toMatch(/^30 Nov 2026 +1 {2}Air\/drone strike 1, Trend calls: deteriorated \(↑\)$/);
    expect(text).not.toContain('7 Dec 2026');
    expect(text).not.toContain('28 Dec 2026');
  });

  it('draws no month after today’s, by:month, and marks the call in today’s month', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2026-06 until:2027-06 by:month data:true');
    expect(introLines(view)[0]).toContain('per month from Jun 2026 to Dec 2026');
    expect(introLines(view)[0]).toContain('1 trend call, deteriorated (↑) in Dec 2026');
    expect(introLines(view)).toContain(MONTH_NOTE);
    expect(rows(view).at(-1)).toMatch(/^Dec 2026 +0 {2}Trend calls: deteriorated \(↑\)$/);
    expect(rows(view).join('\n')).not.toContain('2027');
  });

  it('runs a year back from today, not from a later until, when since is not given', async () => {
    const view = await run('/chart timeline topic:syria-israel until:2030 data:true');
    expect(view.title).toBe('Data — Entries per week — topic syria-israel, until 5 Dec 2026');
    expect(introLines(view)[0]).toContain('per week from 1 Dec 2025 through the week starting 30 Nov 2026');
    expect(rows(view).at(-1)).toMatch(/^30 Nov 2026 +1 /);
  });

  it('counts weeks only up to today’s against the most one chart draws', async () => {
    // Jan 2026 to 2030 is over 104 weeks, but the weeks up to today are 49.
    const view = await run('/chart timeline topic:syria-israel since:2026-01 until:2030 by:week data:true');
    expect(view.tone).toBe('normal');
    expect(introLines(view)[0]).toContain('per week from 1 Jan 2026 through the week starting 30 Nov 2026');
  });

  it('has no “not over” note, nor a later call, when until ends the chart before today', async () => {
    const view = await run('/chart timeline topic:syria-israel until:2026-11-30 by:week data:true');
    expect(introLines(view)[0]).toContain('to 30 Nov 2026');
    expect(introLines(view)[0]).not.toContain('trend call');
    expect(introLines(view)).not.toContain(WEEK_NOTE);
    // A month that ended before today is whole: no note.
    const month = await run('/chart timeline topic:syria-israel since:2026 by:month data:true');
    expect(rows(month).at(-1)).toMatch(/^Nov 2026 +1 /);
    expect(introLines(month).join('\n')).not.toContain('is not over');
  });

  it('says since is after today when it is, instead of drawing empty periods', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2027 until:2027 data:true');
    expect(view.sections).toEqual([]);
    expect(introLines(view)).toEqual(['No entries match, so there is nothing to chart.', 'since is after today (5 Dec 2026): no entry is dated so late.']);
  });
});
