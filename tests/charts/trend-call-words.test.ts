// GIVEN half a year of weekly trend calls on two topics and an entry dated only to a month, WHEN
// /chart timeline draws the weeks of every topic, THEN the alt text sums the calls up per topic by
// direction and names each topic's latest call in words (its alert too), within the 1,024
// characters Discord's attachment description takes, and closes with the entries the picture
// leaves out; the reply's text says that once, with the hint, and not the picture's description;
// the Data table says each call in words; a week cut by since says which days it counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALT_TEXT_MAX, altText } from '../../src/core/charts/alt-text.js';
import { lineToPlainText, type View } from '../../src/core/view.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const TODAY = new Date('2025-07-27T12:00:00Z');
let clock = TODAY;
const run = (line: string) => app.dispatcher.runText(line, { platform: 'console', userId: 'operator', localOperator: true });
const rows = (view: View) => view.sections[0]!.lines.map(lineToPlainText);
const WEEK_MS = 7 * 24 * 3600 * 1000;

beforeAll(async () => {
  app = createTestApp('', () => clock);
  expect((await run('/entry add title:"Border talks" date:2025-01-08 type:talks topic:lebanon-israel')).tone).toBe('success');
  expect((await run('/entry add title:"Strikes in June" date:2025-06 type:air-strike topic:syria-israel')).tone).toBe('success');
  // 26 weeks, 6 Jan to 30 Jun 2025: syria-israel improves and deteriorates in turn, lebanon-israel holds.
  for (let week = 0; week < 26; week++) {
    clock = new Date(Date.parse('2025-01-06T09:00:00Z') + week * WEEK_MS);
    const direction = week % 2 === 0 ? 'improved' : 'deteriorated';
    const alert = week === 25 ? ' alert:risk' : '';
    expect((await run(`/trend set topic:syria-israel direction:${direction}${alert} note:"Weekly call"`)).tone).toBe('success');
    expect((await run('/trend set topic:lebanon-israel direction:unchanged note:"Weekly call"')).tone).toBe('success');
  }
  clock = TODAY;
});
afterAll(() => app?.dispose());

const CHART = '/chart timeline by:week since:2025-01';

describe('/chart timeline with a half year of weekly trend calls on two topics', () => {
  it('sums the calls up per topic in the alt text, names the latest in words, and keeps what is left out', async () => {
    const view = await run(CHART);
    const alt = view.image!.alt;
    expect(alt).toContain(
      '; 26 trend calls on lebanon-israel (all unchanged), the latest unchanged (→) in the week starting 30 Jun 2025' +
        '; 26 trend calls on syria-israel (13 improved and 13 deteriorated), the latest deteriorated (↑), conflict risk alert, in the week starting 30 Jun 2025.',
    );
    expect(alt.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(alt).toMatch(/\. \d+ entries dated less precisely than a week.* are not on this chart\.$/);
  });

  it('says what the picture leaves out once in the reply, with the hint, and leaves the picture’s description to its alt text', async () => {
    const text = introLines(await run(CHART));
    expect(text.join('\n')).not.toContain('Bar chart');
    const leftOut = text.filter((line) => line.includes('dated less precisely than a week'));
    expect(leftOut).toHaveLength(1);
    expect(leftOut[0]).toMatch(/are not on this chart \(by:month shows those dated to a month\)\.$/);
  });

  it('gives each call in words in the Data table, after the figures the alt text sums up', async () => {
    const view = await run(`${CHART} data:true`);
    expect(introLines(view)[0]).toMatch(/^Bar chart of .*, in the week starting 30 Jun 2025\.$/);
    expect(rows(view).find((row) => row.startsWith('30 Jun 2025'))).toMatch(/Trend calls: lebanon-israel unchanged \(→\); syria-israel deteriorated \(↑\), conflict risk alert$/);
  });

  it('says which days a week cut by since counts, without naming until when none was given', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2025-07-01 by:week data:true');
    expect(introLines(view)).toContain('Only days from 1 Jul 2025 are counted in the week starting 30 Jun.');
  });
});

describe('an alt text longer than the platforms take', () => {
  it('is cut at a word, before the sentence saying what the picture leaves out, which stays whole', () => {
    const description = `Bar chart of entries; ${Array.from({ length: 120 }, (_, i) => `topic-${i} improved`).join(', ')}.`;
    const closing = '3 entries dated less precisely than a week are not on this chart.';
    const alt = altText(description, closing);
    expect(alt.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(alt.endsWith(` ${closing}`)).toBe(true);
    const kept = alt.slice(0, alt.indexOf('…'));
    expect(description.startsWith(kept)).toBe(true);
    expect(description[kept.length]).toBe(' ');
  });
});
