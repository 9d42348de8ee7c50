// GIVEN a topic with entries on days of Jul–Sep 2025, one dated only to Jul 2025 and one only to
// 2025, WHEN /chart timeline or /chart map runs with a since or until that falls within a week or
// month, THEN the bars cut by them are labelled by the days they count (in the Data table, the
// picture and its alt text alike) and a note says so; and the entries that start before since but
// run into the range (which /timeline lists) are counted in a note, never left out in silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimelineChart } from '../../src/core/charts/timeline-chart.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { timelineSpec } from '../../src/charts/timeline-spec.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const run = (line: string) => app.dispatcher.runText(line, { platform: 'console', userId: 'operator', localOperator: true });
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);

beforeAll(async () => {
  app = createTestApp('', () => new Date('2026-12-05T12:00:00Z'));
  const entries = [
    'title:"Early July talks" date:2025-07-05 type:talks',
    'title:"Late July talks" date:2025-07-20 type:talks',
    'title:"Late July statement" date:2025-07-25 type:statement',
    'title:"Sometime in July" date:2025-07 type:statement',
    'title:"August talks" date:2025-08-10 type:talks places:Paris',
    'title:"Early September talks" date:2025-09-03 type:talks',
    'title:"Late September talks" date:2025-09-20 type:talks',
    'title:"Sometime in 2025" date:2025 type:statement places:Damascus',
  ];
  for (const entry of entries) expect((await run(`/entry add ${entry} topic:cut-check`)).tone).toBe('success');
});
afterAll(() => app?.dispose());

const MONTHS = '/chart timeline topic:cut-check since:2025-07-16 until:2025-09-10 by:month';

describe('/chart timeline with since and until within a month', () => {
  it('labels the cut months by the days they count, says so, and counts the entries dated from before since in a note', async () => {
    const view = await run(`${MONTHS} data:true`);
    expect(rows(view).slice(1)).toEqual([
      expect.stringMatching(/^16–31 Jul 2025 +2 {2}Talks\/negotiation 1, Statement 1$/),
      expect.stringMatching(/^Aug 2025 +1 /),
      expect.stringMatching(/^1–10 Sep 2025 +1 /),
    ]);
    expect(introLines(view)[0]).toContain('per month from 16 Jul 2025 to 10 Sep 2025');
    expect(introLines(view)[0]).toContain('the busiest was 16–31 Jul 2025, with 2');
    expect(introLines(view)).toContain('Only days from 16 Jul 2025 are counted in Jul 2025, and only days up to 10 Sep 2025 in Sep 2025.');
    // `Jul 2025` and `2025` both reach 16 Jul, as /timeline lists them.
    expect(introLines(view)).toContain('2 entries starting before 16 Jul 2025 and running into it are not on this chart, which counts each entry in the month it starts; /timeline lists them.');
  });

  it('says the same with the picture, whose own table is labelled alike', async () => {
    const view = await run(MONTHS);
    expect(view.image?.alt).toContain('per month from 16 Jul 2025 to 10 Sep 2025');
    expect(view.image!.table.map(lineToPlainText).slice(1).map((row) => row.split(/ {2,}/)[0])).toEqual(['16–31 Jul 2025', 'Aug 2025', '1–10 Sep 2025']);
    expect(introLines(view)).toContain('Only days from 16 Jul 2025 are counted in Jul 2025, and only days up to 10 Sep 2025 in Sep 2025.');
  });
});

describe('/chart timeline with since and until within a week', () => {
  it('labels the cut weeks by their days and names the whole weeks in the note', async () => {
    // 20 Jul 2025 is the Sunday of the week starting 14 Jul; 10 Sep the Wednesday of the week starting 8 Sep.
    const view = await run('/chart timeline topic:cut-check since:2025-07-20 until:2025-09-10 by:week data:true');
    expect(rows(view)[1]).toMatch(/^20 Jul 2025 +1 {2}Talks\/negotiation 1$/);
    expect(rows(view).at(-1)).toMatch(/^8–10 Sep 2025 +0$/);
    expect(introLines(view)).toContain('Only days from 20 Jul 2025 are counted in the week starting 14 Jul, and only days up to 10 Sep 2025 in the week starting 8 Sep.');
    expect(introLines(view)).toContain('2 entries starting before 20 Jul 2025 and running into it are not on this chart, which counts each entry in the week it starts; /timeline lists them.');
  });

  it('names a week that crosses the year by both dates', () => {
    const counts = { rows: [], imprecise: 0, impreciseDates: [], fatalities: [] };
    const chart = buildTimelineChart({ title: 't', unit: 'week', since: '2026-01-01', until: '2026-01-13', counts, countedTo: '2026-01-13' });
    expect(chart.periods.map((p) => p.label)).toEqual(['1–4 Jan 2026', '5 Jan 2026', '12–13 Jan 2026']);
    const across = buildTimelineChart({ title: 't', unit: 'week', since: '2025-12-31', until: '2026-01-04', counts });
    expect(across.periods.map((p) => p.label)).toEqual(['31 Dec 2025 – 4 Jan 2026']);
  });

  it('names a run of empty weeks that starts with a cut week by its days, where the cut week’s own label would read as a range', async () => {
    // since 1 Jul 2025, a Tuesday: the first week counts 1–6 Jul, then the weeks of 7, 14 and 21 Jul are empty too.
    const view = await run('/chart timeline topic:cut-check type:statement since:2025-07-01 until:2025-08-03 by:week data:true');
    expect(rows(view).slice(1)).toEqual([expect.stringMatching(/^1–20 Jul 2025 +0$/), expect.stringMatching(/^21 Jul 2025 +1 /), expect.stringMatching(/^28 Jul 2025 +0$/)]);
  });

  it('names a chart of one whole week or month once, not as a range from it to itself', async () => {
    expect(introLines(await run('/chart timeline topic:cut-check since:2025-08 until:2025-08 by:month data:true'))[0]).toContain('per month in Aug 2025, stacked');
    expect(introLines(await run('/chart timeline topic:cut-check since:2025-08-04 until:2025-08-10 by:week data:true'))[0]).toContain('per week in the week starting 4 Aug 2025, stacked');
  });

  it('draws the picture’s axis with the cut months’ labels', () => {
    const counts = { rows: [], imprecise: 0, impreciseDates: [], fatalities: [] };
    const chart = buildTimelineChart({ title: 't', unit: 'month', since: '2025-07-16', until: '2025-09-10', counts, countedTo: '2025-09-10' });
    expect(JSON.stringify(timelineSpec(chart))).toContain('"domain":["16–31 Jul 2025","Aug 2025","1–10 Sep 2025"]');
  });
});

describe('entries dated only to a year, with since after its first day', () => {
  it('/chart timeline since:2025-07 counts the 2025 entry in a note', async () => {
    const view = await run('/chart timeline topic:cut-check since:2025-07 by:month data:true');
    expect(rows(view)[1]).toMatch(/^Jul 2025 +4 /);
    expect(introLines(view)).toContain('1 entry starting before Jul 2025 and running into it is not on this chart, which counts each entry in the month it starts; /timeline lists them.');
    // No bar is cut: since starts a month.
    expect(introLines(view).join('\n')).not.toContain('Only days');
  });

  it('/chart timeline with nothing starting in the range says what runs into it', async () => {
    const view = await run('/chart timeline topic:cut-check since:2025-10 by:month data:true');
    expect(introLines(view)).toEqual([
      'No matching entry starts in the range, so there is nothing to chart.',
      '1 entry starting before Oct 2025 and running into it is not on this chart, which counts each entry in the month it starts; /timeline lists them.',
    ]);
  });

  it('/chart map since:2025-07 counts the 2025 entry at Damascus in a note', async () => {
    const view = await run('/chart map topic:cut-check since:2025-07 data:true');
    expect(introLines(view)[0]).toMatch(/^Map of 1 located place /);
    expect(introLines(view)).toContain('1 entry with places starting before Jul 2025 and running into it is not on this map, which counts an entry only from the day it starts; /timeline lists them.');
    // The entries without places are not the map's to mention.
    const later = await run('/chart map topic:cut-check since:2025-07-16 data:true');
    expect(introLines(later).filter((line) => line.includes('starting before'))).toEqual([
      '1 entry with places starting before 16 Jul 2025 and running into it is not on this map, which counts an entry only from the day it starts; /timeline lists them.',
    ]);
  });
});
