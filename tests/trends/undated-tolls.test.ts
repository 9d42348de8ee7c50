// /trend suggest leaves out entries dated only to a month or a year (neither window holds the day
// they start): the reply names how many people they report killed, so "Reported killed" is not
// read as the topic's whole toll.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const text = async (line: string) => viewText(await run(line)).replaceAll('`', '');
const ADD = 'topic:south-syria outlet:OCHA';

beforeEach(async () => {
  app = createTestApp('memory:ana', () => new Date('2025-08-20T09:15:00Z'));
  for (const line of [
    `/entry add title:"Clashes in Sweida city" date:2025-07-28 type:armed-clash fatalities:12-45-45 fatalities_source:SOHR ${ADD}`,
    `/entry add title:"Shelling of Daraa countryside" date:2025-07-30 type:shelling fatalities:20-30-40 fatalities_source:Reuters ${ADD}`,
    `/entry add title:"Clashes across Sweida province in July" date:2025-07 type:armed-clash fatalities:100-150-200 fatalities_source:OCHA ${ADD}`,
  ]) {
    const view = await run(line);
    expect(view.tone, viewText(view)).toBe('success');
  }
});
afterEach(() => app.dispose());

describe('GIVEN an entry dated only to the month, with a toll', () => {
  it('WHEN /trend suggest leaves it out THEN the reply names its date and the people it reports killed', async () => {
    const suggested = await text('/trend suggest topic:south-syria until:2025-08-05');
    expect(suggested).toContain('1 entry dated Jul 2025, with 150 (100 to 200) reported killed, is not counted in either window: the day it starts is not known.');
    expect(suggested).toMatch(/Reported killed\s+no figures \(0 entries\), then 75 \(32 to 85\) in 2 of 2 entries/);
  });

  it('WHEN it leaves out several, some without figures THEN the reply adds up those given, and says in how many', async () => {
    await run(`/entry add title:"Raids west of Sweida" date:2025 type:armed-clash fatalities:60 fatalities_source:SOHR ${ADD}`);
    await run(`/entry add title:"Displacement from Sweida" date:2025-06 type:other ${ADD}`);
    expect(await text('/trend suggest topic:south-syria until:2025-08-05')).toContain(
      '3 entries dated less precisely than a day, with 210 (160 to 260) reported killed in 2 of them, are not counted in either window: the day each starts is not known.',
    );
  });
});
