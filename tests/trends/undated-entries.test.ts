// /trend suggest counts entries by the day each starts: an entry dated only to a month or a year
// has no such day, so it counts in neither window (even where its period fits in one), and the
// reply says how many were left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const text = async (line: string) => viewText(await run(line)).replaceAll('`', '');

beforeEach(() => {
  app = createTestApp('memory:ana', () => new Date('2025-08-20T09:15:00Z'));
});
afterEach(() => app.dispose());

async function add(entries: string[]): Promise<void> {
  for (const entry of entries) {
    const [date, type, ...rest] = entry.split(' ');
    const view = await run(`/entry add title:"Event ${entry}" date:${date} type:${type} topic:sudan outlet:AFP ${rest.join(' ')}`);
    expect(view.tone, viewText(view)).toBe('success');
  }
}

describe('GIVEN entries dated only to a month or a year', () => {
  it('WHEN the seed dossier’s July is compared with June THEN its five entries dated "Jul 2025" count in neither window, and the reply says so', async () => {
    const july = await text('/trend suggest topic:syria-israel until:2025-07-31');
    expect(july).toMatch(/Last 30 days\s+2 Jul 2025 – 31 Jul 2025: 4 entries: Statement 2, Other 1, Talks\/negotiation 1\n/);
    // The strike and the clash of "Jul 2025" are not June's.
    expect(july).toMatch(/30 days before\s+2 Jun 2025 – 1 Jul 2025: 0 entries\n/);
    expect(july).toMatch(/Armed clashes\s+0, then 0/);
    expect(july).toMatch(/Strikes\s+0, then 0/);
    expect(july).toContain('5 entries dated less precisely than a day are not counted in either window: the day each starts is not known.');

    const december = await text('/trend suggest topic:syria-israel until:2024-12-31');
    expect(december).toMatch(/Last 30 days\s+2 Dec 2024 – 31 Dec 2024: 0 entries\n/);
    expect(december).toMatch(/30 days before\s+2 Nov 2024 – 1 Dec 2024: 0 entries\n/);
    expect(december).toContain('5 entries dated less precisely than a day are not counted in either window');
    expect(december).toContain('No entry of syria-israel dated to the day starts in these 60 days; its newest starts on 26 Jul 2025.');
  });

  it('WHEN a month fits whole in one window THEN it is left out all the same, with its figures, so the windows compare alike', async () => {
    // Windows 1 Dec – 30 Dec and 31 Dec – 29 Jan (until 29 Jan): all of January lies in the last.
    await add([
      '2024-12-10 armed-clash', '2024-12-20 air-strike fatalities:4 fatalities_source:AFP',
      '2025-01 armed-clash fatalities:30 fatalities_source:AFP', '2025-01 armed-clash', '2025-01 shelling', '2025-01 air-strike',
      '2025 armed-clash',
      // Its first day is known: it counts, though its end is a month.
      '2025-01-05 air-strike end:2025-02 fatalities:2 fatalities_source:AFP',
    ]);
    const suggested = await text('/trend suggest topic:sudan until:2025-01-29');
    expect(suggested).toMatch(/Last 30 days\s+31 Dec 2024 – 29 Jan 2025: 1 entry: Air\/drone strike 1\n/);
    expect(suggested).toMatch(/30 days before\s+1 Dec 2024 – 30 Dec 2024: 2 entries: Air\/drone strike 1, Armed clash 1\n/);
    expect(suggested).toMatch(/Reported killed\s+4 in 1 of 2 entries, then 2 in 1 of 1 entry/);
    // The January entry's 30 are in neither window's "Reported killed": the line says so.
    expect(suggested).toContain('5 entries dated less precisely than a day, with 30 reported killed in 1 of them, are not counted in either window: the day each starts is not known.');
    expect(suggested).toContain('unchanged — Too few armed clashes and strikes to see a change (2, then 1).');
    // Left out are those whose month or year reaches into the windows: January ends on their first day…
    expect(await text('/trend suggest topic:sudan until:2025-03-31')).toContain('5 entries dated less precisely than a day');
    // …or before it, leaving the year.
    expect(await text('/trend suggest topic:sudan until:2025-04-01')).toContain('1 entry dated less precisely than a day is not counted in either window: the day it starts is not known.');
  });

  it('WHEN no entry of the topic is dated to the day THEN the reply says none can be counted, and where they are listed', async () => {
    await add(['2025-06 armed-clash', '2024 air-strike']);
    const suggested = await text('/trend suggest topic:sudan');
    expect(suggested).toContain('1 entry dated less precisely than a day is not counted in either window');
    expect(suggested).toContain('No entry of sudan is dated to the day, so none is counted. All of them: /timeline topic:sudan');
    expect(suggested).not.toContain('its newest');
  });

  it('WHEN the newest entry is dated to a month THEN the reply points to the newest dated to the day', async () => {
    await add(['2025-03-14 armed-clash', '2025-05 armed-clash']);
    const suggested = await text('/trend suggest topic:sudan');
    expect(suggested).toContain('No entry of sudan starts in these 60 days; its newest dated to the day starts on 14 Mar 2025. Compare the 60 days up to it: /trend suggest topic:sudan until:2025-03-14');
  });

  it('WHEN an entry dated to a month ends on its first day, as older stores hold some THEN it is left out all the same', async () => {
    await add(['2025-07 armed-clash', '2025-07-25 armed-clash']);
    app.db.prepare("UPDATE entries SET ends_on = '2025-07-01', ends_precision = 'day', day_to = '2025-07-01' WHERE topic = 'sudan' AND occurred_precision = 'month'").run();
    const suggested = await text('/trend suggest topic:sudan');
    expect(suggested).toMatch(/Last 30 days\s+22 Jul 2025 – 20 Aug 2025: 1 entry: Armed clash 1\n/);
    expect(suggested).toMatch(/30 days before\s+22 Jun 2025 – 21 Jul 2025: 0 entries\n/);
    expect(suggested).toContain('1 entry dated less precisely than a day is not counted in either window: the day it starts is not known.');
  });
});
