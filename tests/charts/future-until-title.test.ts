// GIVEN today 5 Dec 2026, WHEN a chart is asked until a day yet to come, THEN its title (and the
// picture's, which is drawn with it) names the day its figures end on, today, not the day asked
// for; the note under it says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';

import { createTestApp, type TestApp } from '../support/test-app.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const today = new Date('2026-12-05T12:00:00Z');
const desk: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, desk);

beforeAll(async () => {
  app = createTestApp('memory:ana', () => today);
  expect((await run('/entry add title:"Strike A" date:2026-11-30 type:air-strike topic:syria-israel places:Damascus')).tone).toBe('success');
});
afterAll(() => app?.dispose());

describe('a chart asked until a day after today', () => {
  it('/chart timeline is titled until today, the day its figures end', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2026-11 until:2099-01-01');
    expect(view.title).toBe('Entries per week — topic syria-israel, since Nov 2026, until 5 Dec 2026');
    expect(view.title).not.toContain('2099');
    expect(introLines(view)).toContain('until 1 Jan 2099 is after today (5 Dec 2026 in UTC): entries are counted up to today.');
  });

  it('its Data answer is titled the same way', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2026-11 until:2099 data:true');
    expect(view.title).toBe('Data — Entries per week — topic syria-israel, since Nov 2026, until 5 Dec 2026');
  });

  it('an until that has begun but not ended (this month) is kept: the title does not name a day to come', async () => {
    const view = await run('/chart timeline topic:syria-israel since:2026-11 until:2026-12');
    expect(view.title).toBe('Entries per week — topic syria-israel, since Nov 2026, until Dec 2026');
  });
});
